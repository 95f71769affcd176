// Adds up the Vitest and Playwright JSON reports and prints one closing line,
// `tests: N passed, N failed`, so a reader (or CI) sees the whole suite's count at the end.
// With --clear it deletes old reports first, so a stale report is never counted.
import { existsSync, readFileSync, rmSync } from 'node:fs';

const reports = { unit: 'reports/unit.json', e2e: 'reports/e2e.json' };

if (process.argv.includes('--clear')) {
  for (const file of Object.values(reports)) rmSync(file, { force: true });
  process.exit(0);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const [name, file] of Object.entries(reports)) {
  if (!existsSync(file)) {
    console.error(`test-summary: ${file} is missing: the ${name} tests did not run`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (name === 'unit') {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  } else {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
  }
}
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
