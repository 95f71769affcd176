// The steps of `npm test` before the browser tests, run side by side: typecheck, eslint and prettier (each
// one single-threaded process), and beside them the build and then the unit tests (which read the build).
// eslint alone takes longer than typecheck and prettier together, so in a row of checks one core of a
// 2-core machine sat idle for most of a minute; the build and unit tests fill it. Each step's output is
// printed whole when it ends, under its name; any failure fails the run, after all have finished.
import { spawn } from 'node:child_process';

const LANES = [
  [{ name: 'typecheck', command: 'npx', args: ['--no-install', 'tsc', '-b'] }],
  [{ name: 'eslint', command: 'npx', args: ['--no-install', 'eslint', '.', '--max-warnings', '0'] }],
  [{ name: 'prettier', command: 'npx', args: ['--no-install', 'prettier', '--check', '.'] }],
  [
    { name: 'build', command: 'npx', args: ['--no-install', 'vite', 'build'] },
    { name: 'unit tests', command: 'npm', args: ['run', 'test:unit'] },
  ],
];

function run({ name, command, args }) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
      process.stdout.write(`\n== ${name}: ${verdict} in ${seconds} s\n${output}`);
      resolve(code === 0);
    });
  });
}

/** Runs a lane's steps in order; a failed step stops its lane (the unit tests need the build). */
async function runLane(steps) {
  for (const step of steps) if (!(await run(step))) return false;
  return true;
}

const results = await Promise.all(LANES.map(runLane));
process.exit(results.every(Boolean) ? 0 : 1);
