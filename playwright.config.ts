import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

// E2E_PORT lets two runs on one machine use different preview servers.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Two tests share the 2 cores (each page with its training worker): a budget a busy core still meets.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two browsers at once halve the suite's time on a 2-core machine; the tests wait on what a person sees,
  // never on how fast it came, so a busy core slows them without failing them. E2E_WORKERS tries another
  // count (a machine with more cores) without editing this file.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0, // a flaky e2e test is a bug to fix, in CI too
  forbidOnly: !!process.env.CI,
  // The JSON report feeds scripts/test-summary.mjs, which prints the one closing line CI reads.
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  webServer: {
    // `npm run test:e2e` builds first; this only serves dist/.
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    // The built app registers a service worker; only tests/e2e/offline.spec.ts lets it run.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
});
