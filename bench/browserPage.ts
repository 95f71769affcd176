/**
 * The browser bench's plumbing: the preview server, timeouts for a page that may be too busy to
 * answer, the yardstick and breakdown workers, the heap after a forced GC. See browser.bench-run.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { plainWorkerSource, type PlainResult } from './browserProbe';
import { cpuShares, cpuSnapshot, type CpuShares } from './threads';
import type { RoundsOptions, RoundsResult } from './variants';

/** The preview's port: BENCH_PORT when several people bench (or test) on one machine at once. */
export const PORT = Number(process.env.BENCH_PORT ?? 4174);
export const APP_URL = `http://127.0.0.1:${PORT}/`;
/** How long a page that should answer at once may take before we call it unresponsive. */
export const ANSWER_MS = 15_000;
export const IDLE_MS = 2000;
/** After Play: a warm-up, then the measured window (the page at its top: Network, Loss curve). */
export const WARMUP_MS = 1000;
export const MEASURE_MS = 5000;
/** With the Decision boundary scrolled into view: a settle time, then the measured window. */
export const PLANE_SETTLE_MS = 1000;
export const PLANE_MS = 4000;
/**
 * (f) The other figures, each scrolled into view in turn while training runs (the top of the page
 * shows the Network and the start of the Loss curve; the plane has its own phase): a settle time, then
 * the measured window for each.
 */
export const FIGURE_WALK = [
  { name: 'Loss curve', selector: 'figure[aria-label="Loss curve"]' },
  { name: 'Dataset', selector: 'table.dataset-table' },
  { name: 'Loss landscape', selector: 'figure[aria-label="Loss landscape"]' },
  { name: 'Math', selector: 'section[aria-label="Math"]' },
] as const;
export const FIGURE_SETTLE_MS = 1000;
export const FIGURE_MS = 3000;
/** The memory budget's run length, and how long to wait for it. */
export const MEMORY_EPOCHS = 10_000_000;
export const MEMORY_WAIT_MS = 60_000;
/** How long the page may take to show the worker's last epoch after Pause. */
export const DRAIN_WAIT_MS = 60_000;
/** Epochs of the plain loop compared bit for bit between Chromium and Node. */
export const VERIFY_EPOCHS = 100_000;
export const PLAIN_MS = 2000;
export const PLAIN_WARMUP_MS = 500;
export const BREAKDOWN: RoundsOptions = { rounds: 5, roundSeconds: 0.4, warmupSeconds: 1, pace: 'engine' };

/** What a page answered in time, or that it did not. */
export type Answer<T> = { ok: true; value: T } | { ok: false };

/** The promise's value, or `{ ok: false }` if it fails or takes longer than `ms`. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<Answer<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ ok: false }>((r) => (timer = setTimeout(() => r({ ok: false }), ms)));
  try {
    const settled = promise.then(
      (value) => ({ ok: true as const, value }),
      () => ({ ok: false as const }), // Playwright's own timeout, or a page that went away
    );
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Scrolls a figure to the middle of the view; a page too busy to answer in ANSWER_MS gets a line in
 * `notes` instead of a timeout.
 */
export async function scrollToFigure(
  page: Page,
  selector: string,
  name: string,
  notes: string[],
): Promise<void> {
  const moved = await within(
    page.evaluate((target) => document.querySelector(target)?.scrollIntoView({ block: 'center' }), selector),
    ANSWER_MS,
  );
  if (!moved.ok) notes.push(`the page did not scroll to the ${name} within ${ANSWER_MS / 1000} s`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `vite preview` of dist/ on PORT, answering; stop it with stopServer. */
export async function startPreview(root: string): Promise<ChildProcess> {
  let log = '';
  const server = spawn(
    process.execPath,
    [
      resolve(root, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  try {
    await waitForServer(server, () => log);
  } catch (error) {
    await stopServer(server);
    throw error;
  }
  return server;
}

export async function waitForServer(server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited (${server.exitCode}):\n${log()}`);
    try {
      const response = await fetch(APP_URL);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`vite preview did not answer on ${APP_URL} within 30 s:\n${log()}`);
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await Promise.race([exited, sleep(3000)]);
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
}

export async function runPlainWorker(page: Page, data: Record<string, unknown>): Promise<PlainResult> {
  return page.evaluate(
    ({ source, message }) =>
      new Promise<PlainResult>((resolveResult, reject) => {
        const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
        const worker = new Worker(url, { name: 'plain-bench' });
        worker.onmessage = (event: MessageEvent<PlainResult>) => {
          worker.terminate();
          URL.revokeObjectURL(url);
          resolveResult(event.data);
        };
        worker.onerror = (event) => reject(new Error(event.message));
        worker.postMessage(message);
      }),
    { source: plainWorkerSource(), message: data },
  );
}

/** The plain worker, with its thread's CPU share sampled inside its timed part (the thread ends with it). */
export async function runPlainWorkerWatched(
  page: Page,
  data: Record<string, unknown>,
): Promise<[PlainResult, CpuShares | null]> {
  const running = runPlainWorker(page, data);
  await sleep(PLAIN_WARMUP_MS + 400); // past the bit-exactness run and the warm-up
  const from = cpuSnapshot();
  await sleep(PLAIN_MS / 2);
  const shares = cpuShares(from, cpuSnapshot());
  return [await running, shares];
}

/** bench/variants.ts `browserRounds` in a module worker that imports the engine bundle from a Blob URL. */
export async function runBreakdownWorker(page: Page, bundleSource: string): Promise<RoundsResult> {
  return page.evaluate(
    ({ source, options }) =>
      new Promise<RoundsResult>((resolveResult, reject) => {
        const bundleUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
        const driver = [
          `import * as core from ${JSON.stringify(bundleUrl)};`,
          'self.onmessage = (event) => {',
          '  try { self.postMessage({ ok: true, result: core.browserRounds(core, event.data) }); }',
          '  catch (error) { self.postMessage({ ok: false, error: String((error && error.stack) || error) }); }',
          '};',
        ].join('\n');
        const driverUrl = URL.createObjectURL(new Blob([driver], { type: 'text/javascript' }));
        const worker = new Worker(driverUrl, { type: 'module', name: 'engine-breakdown' });
        worker.onmessage = (event: MessageEvent<{ ok: boolean; result: RoundsResult; error: string }>) => {
          worker.terminate();
          URL.revokeObjectURL(driverUrl);
          URL.revokeObjectURL(bundleUrl);
          if (event.data.ok) resolveResult(event.data.result);
          else reject(new Error(event.data.error));
        };
        worker.onerror = (event) => reject(new Error(event.message || 'the breakdown worker failed to load'));
        worker.postMessage(options);
      }),
    { source: bundleSource, options: BREAKDOWN },
  );
}

/** GC the page (through DevTools), then read performance.memory. */
export async function heapAfterGc(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return page.evaluate<{ used: number; total: number } | null>('window.__bench.heap()');
}

export async function findTrainingWorker(page: Page): Promise<Worker> {
  const deadline = Date.now() + ANSWER_MS;
  while (Date.now() < deadline) {
    for (const worker of page.workers()) {
      const isTraining = await worker.evaluate('typeof self.__bench === "object"').catch(() => false);
      if (isTraining) return worker;
    }
    await sleep(100);
  }
  const status = await page.evaluate<string>('window.__bench.statusText()').catch(() => '?');
  const alerts = await page
    .getByRole('alert')
    .allInnerTexts()
    .catch(() => []);
  throw new Error(
    `no training worker to measure after ${ANSWER_MS / 1000} s (workers alive: ${page.workers().length}). ` +
      `Training status: ${JSON.stringify(status)}; alerts: ${JSON.stringify(alerts)}`,
  );
}
