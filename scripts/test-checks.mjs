// The static checks of `npm test` (typecheck, eslint, prettier), run side by side: each is one
// single-threaded process, so together they fill the cores instead of waiting in a row. Each one's
// output is printed whole when it ends, under its name; any failure fails the run, after all finish.
import { spawn } from 'node:child_process';

const CHECKS = [
  { name: 'typecheck', command: 'tsc', args: ['-b'] },
  { name: 'eslint', command: 'eslint', args: ['.', '--max-warnings', '0'] },
  { name: 'prettier', command: 'prettier', args: ['--check', '.'] },
];

function run({ name, command, args }) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npx', ['--no-install', command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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

const results = await Promise.all(CHECKS.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
