#!/usr/bin/env node
// Makes sure a Chromium for the end-to-end tests exists, and says which one.
// The e2e tests drive the system's Chromium (Debian's package), never a browser
// build that Playwright downloads: this project's machines reach only npm and Debian.
import { accessSync, constants, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function versionOf(path) {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 15_000 });
  const line = (result.stdout ?? '').trim().split('\n').pop();
  return result.status === 0 && line ? line : 'version unknown';
}

function report(path) {
  console.log(`ensure-browser: using ${path} (${versionOf(path)})`);
}

function fail(lines) {
  console.error(['ensure-browser: no Chromium for the e2e tests.', ...lines].join('\n'));
  process.exit(1);
}

const fromEnv = process.env.CHROME_PATH;
if (fromEnv) {
  if (!isExecutable(fromEnv)) {
    fail([
      `CHROME_PATH is set to "${fromEnv}", but no executable file is there.`,
      `Point CHROME_PATH at a Chrome/Chromium binary, or unset it to use ${DEFAULT_CHROMIUM}.`,
    ]);
  }
  report(fromEnv);
  process.exit(0);
}

if (isExecutable(DEFAULT_CHROMIUM)) {
  report(DEFAULT_CHROMIUM);
  process.exit(0);
}

const isRoot = process.getuid?.() === 0;
const hasAptGet = existsSync('/usr/bin/apt-get');
if (isRoot && hasAptGet) {
  console.log(`ensure-browser: ${DEFAULT_CHROMIUM} is missing; installing Debian's chromium package.`);
  const install = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (install.status === 0 && isExecutable(DEFAULT_CHROMIUM)) {
    report(DEFAULT_CHROMIUM);
    process.exit(0);
  }
  fail([
    `"apt-get install -y chromium" did not leave an executable ${DEFAULT_CHROMIUM} (exit ${install.status ?? install.signal}).`,
    'Install Chromium by hand, or set CHROME_PATH=/path/to/chrome.',
  ]);
}

fail([
  `${DEFAULT_CHROMIUM} was not found and CHROME_PATH is not set. Either:`,
  '  sudo apt-get install -y chromium',
  'or point the tests at a Chrome/Chromium you have:',
  '  CHROME_PATH=/path/to/chrome npm run test:e2e',
]);
