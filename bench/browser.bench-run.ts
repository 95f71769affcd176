/**
 * Browser bench (system Chromium through playwright-core, against `vite preview` of the built dist/):
 *
 * (a) the app's training worker at "As fast as possible": its epochs/s as the worker itself measures and
 *     posts it, as the growth of the epoch it posts, and as the `Training status` region shows it;
 * (b) the main thread meanwhile: requestAnimationFrame deltas (fps, p95 frame time), long tasks, and how
 *     far the page falls behind the worker (posted epoch minus shown epoch);
 * (c) the yardstick: bench/plainLoop.ts in a Blob-URL worker in the same page (app paused), run before
 *     and after the app's measurement; app worker / plain worker is the budget ratio (target >= 0.9x);
 * (d) where the time goes: the engine bundle (bench/bundle.ts) in a module worker in the same page, timing
 *     `trainEpoch` (engine), the plain loop and the worker's TrainingSession without postMessage (session)
 *     in alternating rounds, so app / session / engine / plain read as a chain of costs;
 * plus the page's JS heap before Play and after 10 million epochs (the memory budget), and a screenshot.
 *
 * Everything is recorded where it happens, with wall-clock timestamps (timeOrigin + now), and read
 * afterwards: a page whose main thread cannot keep up with the worker answers Playwright late or not at
 * all, and that must show up as a number, not as a timeout. For the same reason the training worker is
 * started through a thin wrapper (see PAGE_PROBE) that notes each frame it posts and can pause it directly.
 *
 * Needs `vite build` first (npm run bench does it). Nothing is asserted about speed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page, type Worker } from 'playwright-core';
import { expect, test } from 'vitest';
import { ARTICLE_PEOPLE } from '../src/core/dataset';
import { initialParams } from '../src/core/init';
import { buildTrainingSet } from '../src/core/trainingSet';
import { buildEngineBundle } from './bundle';
import { plainTrain } from './plainLoop';
import { cpuShares, cpuSnapshot, type CpuShares } from './threads';
import {
  bitEqual,
  count,
  fixed,
  mb,
  median,
  percentile,
  RESULTS_DIR,
  ROOT_DIR,
  saveResult,
  table,
} from './report';
import type { RoundsOptions, RoundsResult } from './variants';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';

const PORT = 4174;
const APP_URL = `http://127.0.0.1:${PORT}/`;
const CHROMIUM = CHROMIUM_PATH;
const IDLE_MS = 2000;
const WARMUP_MS = 1000;
const MEASURE_MS = 5000;
const PLAIN_MS = 2000;
const PLAIN_WARMUP_MS = 500;
const MEMORY_EPOCHS = 10_000_000;
const MEMORY_WAIT_MS = 60_000;
const DRAIN_WAIT_MS = 60_000;
/** How long a page that should answer at once may take before we call it unresponsive. */
const ANSWER_MS = 15_000;
const VERIFY_EPOCHS = 100_000;
const BREAKDOWN: RoundsOptions = { rounds: 5, roundSeconds: 0.4, warmupSeconds: 1, pace: 'engine' };

/**
 * Installed before the app loads. Records, with wall-clock times: every animation frame, every long task,
 * the `Training status` text every 100 ms, and when the run button first reads "Pause". It also wraps
 * `Worker` so the app's training worker starts behind a small module that notes each frame it posts
 * (epoch, its own epochs/s) in `self.__bench` and then imports the real worker unchanged.
 */
const PAGE_PROBE = `
(() => {
  const clock = () => performance.timeOrigin + performance.now();
  const state = { frames: [], long: [], samples: [], pauseShownAt: 0, longtaskSupported: true };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.long.push({ at: performance.timeOrigin + e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    state.longtaskSupported = false;
  }
  const onFrame = (t) => {
    if (state.frames.length < 200000) state.frames.push(performance.timeOrigin + t);
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  // text nodes joined by spaces: textContent would glue "Loss 0.00123" to "1,234 epochs/s"
  const statusText = () => {
    const region = document.querySelector('[aria-label="Training status"]');
    if (!region) return '';
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    const parts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue);
    return parts.join(' ');
  };
  setInterval(() => {
    if (state.samples.length < 100000) state.samples.push({ at: clock(), text: statusText() });
  }, 100);
  new MutationObserver(() => {
    if (state.pauseShownAt) return;
    for (const b of document.querySelectorAll('button')) {
      if (b.textContent.trim() === 'Pause') { state.pauseShownAt = clock(); return; }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      const href = new URL(String(url), location.href).href;
      if (options && options.type === 'module' && /training\\.worker/.test(href)) {
        const wrapper = [
          'self.__bench = { frames: [] };',
          'const post = self.postMessage.bind(self);',
          'self.postMessage = (message, transfer) => {',
          '  if (message && message.type === "frame") {',
          '    self.__bench.frames.push([performance.timeOrigin + performance.now(), message.live.epoch,',
          '      message.live.epochsPerSecond, message.count, message.status === "running" ? 1 : 0]);',
          '  }',
          '  return post(message, transfer);',
          '};',
          'await import(' + JSON.stringify(href) + ');',
        ].join('\\n');
        super(URL.createObjectURL(new Blob([wrapper], { type: 'text/javascript' })), options);
      } else {
        super(url, options);
      }
    }
  };
  window.__bench = {
    read: () => ({ frames: state.frames, long: state.long, samples: state.samples, pauseShownAt: state.pauseShownAt,
                   longtaskSupported: state.longtaskSupported }),
    heap() {
      const m = performance.memory;
      return m ? { used: m.usedJSHeapSize, total: m.totalJSHeapSize } : null;
    },
    statusText,
  };
})();
`;

/** The Blob worker: plainTrain verbatim, a bit-exactness run, a warm-up, then timed chunks. */
function plainWorkerSource(): string {
  return `${plainTrain.toString()}
self.onmessage = (event) => {
  const { inputs, targets, count, rate, start, verifyEpochs, warmupMs, measureMs } = event.data;
  const verifyParams = Float64Array.from(start);
  const verifyLossSum = plainTrain(verifyParams, inputs, targets, count, rate, verifyEpochs);
  const params = Float64Array.from(start);
  let chunk = 20000;
  let t = performance.now();
  const warmEnd = t + warmupMs;
  while (performance.now() < warmEnd) plainTrain(params, inputs, targets, count, rate, chunk);
  // chunks of ~50 ms, so the clock is read rarely
  t = performance.now();
  plainTrain(params, inputs, targets, count, rate, chunk);
  chunk = Math.max(1000, Math.round(chunk * 50 / Math.max(1, performance.now() - t)));
  const chunkRates = [];
  let epochs = 0;
  let sink = 0;
  const begin = performance.now();
  let now = begin;
  while (now - begin < measureMs) {
    const c0 = now;
    sink += plainTrain(params, inputs, targets, count, rate, chunk);
    now = performance.now();
    epochs += chunk;
    chunkRates.push(chunk * 1000 / (now - c0));
  }
  self.postMessage({ epochs, ms: now - begin, chunk, chunkRates, sink, verifyParams, verifyLossSum });
};`;
}

interface PlainResult {
  epochs: number;
  ms: number;
  chunk: number;
  chunkRates: number[];
  sink: number;
  verifyParams: Float64Array;
  verifyLossSum: number;
}

interface PageRecord {
  frames: number[];
  long: { at: number; duration: number }[];
  samples: { at: number; text: string }[];
  pauseShownAt: number;
  longtaskSupported: boolean;
}

/** [wall-clock ms, epoch, worker's own epochs/s, epochs in the frame, running 1/0] per posted frame */
type WorkerFrame = [number, number, number, number, number];

function parseStatus(text: string): { epoch: number; rate: number } {
  const epoch = /Epoch\s*:?\s*(\d[\d,]*)/.exec(text);
  const rate = /(\d[\d,]*)\s*epochs\/s/.exec(text);
  return {
    epoch: epoch?.[1] ? Number(epoch[1].replaceAll(',', '')) : Number.NaN,
    rate: rate?.[1] ? Number(rate[1].replaceAll(',', '')) : Number.NaN,
  };
}

/** Animation-frame deltas of the frames that fell inside [from, to]. */
function frameStats(stamps: readonly number[], from: number, to: number) {
  const inside = stamps.filter((t) => t >= from && t <= to);
  const deltas = inside.slice(1).map((t, i) => t - inside[i]!);
  const mean = deltas.reduce((s, d) => s + d, 0) / Math.max(1, deltas.length);
  return {
    count: deltas.length,
    fps: (inside.length * 1000) / (to - from),
    meanMs: mean,
    p50Ms: percentile(deltas, 50),
    p95Ms: percentile(deltas, 95),
    maxMs: deltas.length ? Math.max(...deltas) : Number.NaN,
    over20Ms: deltas.filter((d) => d > 20).length,
    /** the longest stretch inside the window with no frame at all (start or end gaps included) */
    longestGapMs: Math.max(0, ...[from, ...inside, to].slice(1).map((t, i) => t - [from, ...inside][i]!)),
  };
}

function longTaskStats(long: readonly { at: number; duration: number }[], from: number, to: number) {
  const inside = long.filter((l) => l.at >= from && l.at <= to);
  const durations = inside.map((l) => l.duration);
  return {
    count: inside.length,
    maxMs: durations.length ? Math.max(...durations) : 0,
    totalMs: durations.reduce((s, d) => s + d, 0),
    share: durations.reduce((s, d) => s + d, 0) / (to - from),
  };
}

/** The promise's value, or `{ ok: false }` if it fails or takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<{ ok: true; value: T } | { ok: false }> {
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForServer(server: ChildProcess, log: () => string): Promise<void> {
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

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await Promise.race([exited, sleep(3000)]);
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
}

async function runPlainWorker(page: Page, data: Record<string, unknown>): Promise<PlainResult> {
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
async function runPlainWorkerWatched(
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
async function runBreakdownWorker(page: Page, bundleSource: string): Promise<RoundsResult> {
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
async function heapAfterGc(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return page.evaluate<{ used: number; total: number } | null>('window.__bench.heap()');
}

async function findTrainingWorker(page: Page): Promise<Worker> {
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

test('app worker vs plain worker in Chromium, frames, long tasks, heap', async () => {
  if (!existsSync(resolve(ROOT_DIR, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `npx vite build` first (npm run bench does).');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set CHROME_PATH)`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const bundleSource = readFileSync((await buildEngineBundle()).file, 'utf8');

  const set = buildTrainingSet(ARTICLE_PEOPLE, 'article');
  const start = initialParams('random', 42);
  const nodeVerify = Float64Array.from(start);
  const nodeVerifyLossSum = plainTrain(nodeVerify, set.inputs, set.targets, set.count, 0.1, VERIFY_EPOCHS);
  const plainMessage = {
    inputs: set.inputs,
    targets: set.targets,
    count: set.count,
    rate: 0.1,
    start,
    verifyEpochs: VERIFY_EPOCHS,
    warmupMs: PLAIN_WARMUP_MS,
    measureMs: PLAIN_MS,
  };

  let serverLog = '';
  const server = spawn(
    process.execPath,
    [
      resolve(ROOT_DIR, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    { cwd: ROOT_DIR, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));

  let browser: Browser | null = null;
  try {
    await waitForServer(server, () => serverLog);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        ...CHROMIUM_ARGS,
        // performance.memory is otherwise rounded and cached; this makes it a real reading
        '--enable-precise-memory-info',
      ],
    });
    // The built app's Content-Security-Policy (worker-src 'self') forbids blob: workers, and the bench's
    // instruments are blob: workers (the plain loop, the breakdown, the frame-noting wrapper). Bypassing
    // CSP changes nothing about how the app itself runs.
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const problems: string[] = [];
    const notes: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.addInitScript(PAGE_PROBE);
    const loadStart = Date.now();
    await page.goto(APP_URL);
    await page.getByRole('region', { name: 'Training status' }).waitFor();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    const loadMs = Date.now() - loadStart;
    const training = await findTrainingWorker(page);
    const workerFrames = () => training.evaluate<WorkerFrame[]>('self.__bench.frames');
    const lastWorkerEpoch = async () =>
      (await training.evaluate<WorkerFrame | undefined>('self.__bench.frames.at(-1)'))?.[1] ?? 0;

    // the page at rest: the frame rate headless Chromium gives us anyway
    const idleFrom = Date.now();
    await sleep(IDLE_MS);
    const idleTo = Date.now();

    // (c, before) the plain loop in a Blob worker, the app idle
    const [plainBefore, cpuPlainBefore] = await runPlainWorkerWatched(page, plainMessage);
    const heapBefore = await page.evaluate<{ used: number; total: number } | null>('window.__bench.heap()');
    const heapBeforeGc = await heapAfterGc(page);

    // (a, b) the app at full speed
    const speed = page.getByRole('slider', { name: 'Speed' });
    await speed.focus();
    await speed.press('End');
    const speedText = (await speed.getAttribute('aria-valuetext')) ?? '';
    const clickedPlayAt = Date.now();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    while (!(await workerFrames()).some((f) => f[4] === 1)) {
      if (Date.now() - clickedPlayAt > ANSWER_MS)
        throw new Error('the worker did not start running after Play');
      await sleep(50);
    }
    await sleep(WARMUP_MS);
    const measureFrom = Date.now();
    const cpuFrom = cpuSnapshot();
    await sleep(MEASURE_MS);
    const cpuMeasure = cpuShares(cpuFrom, cpuSnapshot());
    const measureTo = Date.now();
    const shot = await within(
      page.screenshot({ path: resolve(RESULTS_DIR, 'lab-training.png'), fullPage: true, timeout: ANSWER_MS }),
      ANSWER_MS + 1000,
    );
    if (!shot.ok)
      notes.push('the page did not paint a screenshot within 15 s while training: took it after Pause');

    // keep training to 10 million epochs (the memory budget)
    let workerEpoch = await lastWorkerEpoch();
    while (workerEpoch < MEMORY_EPOCHS && Date.now() - clickedPlayAt < MEMORY_WAIT_MS) {
      await sleep(250);
      workerEpoch = await lastWorkerEpoch();
    }
    const memoryAt = Date.now();
    const heapAtMemory = await within(
      page.evaluate<{ used: number; total: number } | null>('window.__bench.heap()'),
      ANSWER_MS,
    );
    const shownAtMemory = await within(page.evaluate<string>('window.__bench.statusText()'), ANSWER_MS);
    const epochAtMemory = await lastWorkerEpoch();
    const lag = shownAtMemory.ok ? epochAtMemory - parseStatus(shownAtMemory.value).epoch : Number.NaN;

    // Pause through the UI; if the page cannot take the click, pause the worker directly
    const clickedPauseAt = Date.now();
    const pausedByUi = await within(
      page.getByRole('button', { name: 'Pause', exact: true }).click({ timeout: ANSWER_MS }),
      ANSWER_MS + 1000,
    );
    if (!pausedByUi.ok) {
      notes.push('the Pause button did not take a click within 15 s: paused the worker directly');
      await training.evaluate('self.dispatchEvent(new MessageEvent("message", { data: { type: "pause" } }))');
    }
    // the page has caught up when it shows the worker's last epoch
    let finalEpoch = await lastWorkerEpoch();
    let drainedAt = Number.NaN;
    while (Date.now() - clickedPauseAt < DRAIN_WAIT_MS) {
      const text = await within(page.evaluate<string>('window.__bench.statusText()'), ANSWER_MS);
      finalEpoch = await lastWorkerEpoch();
      // paused: the status shows no rate any more, and the epoch the worker posted last
      if (text.ok && parseStatus(text.value).epoch === finalEpoch && !/epochs\/s/.test(text.value)) {
        drainedAt = Date.now();
        break;
      }
      await sleep(100);
    }
    if (!shot.ok) await page.screenshot({ path: resolve(RESULTS_DIR, 'lab-training.png'), fullPage: true });
    const heapAfterGcReading = await heapAfterGc(page);
    const record = await page.evaluate<PageRecord>('window.__bench.read()');
    const frames = await workerFrames();

    // (c, after) the plain loop again, the app paused; (d) the breakdown
    const [plainAfter, cpuPlainAfter] = await runPlainWorkerWatched(page, plainMessage);
    const breakdown = await runBreakdownWorker(page, bundleSource);
    const paint = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return fcp ? fcp.startTime : Number.NaN;
    });

    // ---- numbers
    const inMeasure = frames.filter((f) => f[0] >= measureFrom && f[0] <= measureTo && f[4] === 1);
    const firstFrame = inMeasure[0]!;
    const lastFrame = inMeasure[inMeasure.length - 1]!;
    const workerGrowth = ((lastFrame[1] - firstFrame[1]) * 1000) / (lastFrame[0] - firstFrame[0]);
    const workerOwn = median(inMeasure.map((f) => f[2]).filter((r) => r > 0));
    const epochsPerFrame = median(inMeasure.map((f) => f[3]));
    const shown = record.samples
      .filter((s) => s.at >= measureFrom && s.at <= measureTo)
      .map((s) => ({ at: s.at, ...parseStatus(s.text) }))
      .filter((s) => Number.isFinite(s.epoch));
    const shownGrowth =
      // fewer readings than half the window means the page was too busy to sample its own status
      shown.length >= 2 && shown.at(-1)!.at - shown[0]!.at > MEASURE_MS / 2
        ? ((shown.at(-1)!.epoch - shown[0]!.epoch) * 1000) / (shown.at(-1)!.at - shown[0]!.at)
        : Number.NaN;
    const plainRateOf = (r: PlainResult) => (r.epochs * 1000) / r.ms;
    const plainRates = [plainRateOf(plainBefore), plainRateOf(plainAfter)] as const;
    const plainRate = (plainRates[0] + plainRates[1]) / 2;
    const ui = frameStats(record.frames, measureFrom, measureTo);
    const idleUi = frameStats(record.frames, idleFrom, idleTo);
    const longMeasure = longTaskStats(record.long, measureFrom, measureTo);
    const longRun = longTaskStats(record.long, clickedPlayAt, clickedPauseAt);
    const longLoad = longTaskStats(record.long, 0, idleFrom);
    const sameAsNode = [plainBefore, plainAfter].every(
      (r) =>
        bitEqual(new Float64Array(r.verifyParams), nodeVerify) &&
        Object.is(r.verifyLossSum, nodeVerifyLossSum),
    );
    const inWorker = {
      engine: median(breakdown.rates.engine!),
      plain: median(breakdown.rates.plain!),
      session: median(breakdown.rates.session!),
    };
    const pauseShownMs = record.pauseShownAt ? record.pauseShownAt - clickedPlayAt : Number.NaN;
    const browserVersion = browser.version();
    const ns = (rate: number) => fixed(1e9 / (rate * set.count), 1);
    const x = (ratio: number) => `${fixed(ratio, 3)}x`;
    const ms = (value: number) => `${fixed(value, 0)} ms`;
    const pct = (share: number | undefined) => `${fixed(100 * (share ?? Number.NaN), 0)} %`;
    const cpuText = (c: CpuShares | null) =>
      c
        ? `${pct(c.workers[0])} / ${pct(c.rendererMain)} / ${fixed(c.chromiumCores, 2)} cores / ${pct(c.machineBusy)}`
        : 'n/a (no /proc)';
    const heapText = (h: { ok: boolean; value?: { used: number } | null }) =>
      h.ok ? mb(h.value?.used ?? Number.NaN) : 'no answer in 15 s';

    console.log(
      table(
        `Browser bench (Chromium ${browserVersion}, vite preview of dist/; ${MEASURE_MS / 1000} s measured, ${WARMUP_MS} ms after Play)`,
        [
          ['measure', 'value', 'note'],
          [
            'app worker epochs/s, its own measurement (median)',
            count(workerOwn),
            `${inMeasure.length} frames posted, median ${count(epochsPerFrame)} epochs each`,
          ],
          [
            'app worker epochs/s, posted epoch growth',
            count(workerGrowth),
            `${count(lastFrame[1] - firstFrame[1])} epochs in ${fixed((lastFrame[0] - firstFrame[0]) / 1000, 2)} s`,
          ],
          [
            'app epochs/s as the Training status shows it (growth)',
            count(shownGrowth),
            `${shown.length} readings of the region, every 100 ms if the page keeps up`,
          ],
          [
            'plain loop, Blob worker, epochs/s (before / after)',
            `${count(plainRates[0])} / ${count(plainRates[1])}`,
            `mean ${count(plainRate)}; app paused meanwhile`,
          ],
          [
            'RATIO app worker / plain worker',
            x(workerGrowth / plainRate),
            'budget: >= 0.9x (posted epoch growth / plain mean)',
          ],
          [
            'CPU while measured: worker thread / page main / Chromium / machine',
            cpuText(cpuMeasure),
            'worker and main: share of one core; machine: all cores',
          ],
          [
            'CPU in plain runs (before; after): plain worker thread / machine',
            cpuPlainBefore && cpuPlainAfter
              ? `${pct(cpuPlainBefore.workers[0])} / ${pct(cpuPlainBefore.machineBusy)}; ${pct(cpuPlainAfter.workers[0])} / ${pct(cpuPlainAfter.machineBusy)}`
              : 'n/a',
            `sampled for ${PLAIN_MS / 2000} s inside each run`,
          ],
          [
            'ns per sample: app worker / plain worker',
            `${ns(workerGrowth)} / ${ns(plainRate)}`,
            `${set.count} samples per epoch`,
          ],
          ['main thread fps while training', fixed(ui.fps, 1), `idle page: ${fixed(idleUi.fps, 1)} fps`],
          [
            'frame time p50 / p95 / max',
            `${fixed(ui.p50Ms, 1)} / ${fixed(ui.p95Ms, 1)} / ${fixed(ui.maxMs, 1)} ms`,
            `budget p95 < 20 ms; idle p95 ${fixed(idleUi.p95Ms, 1)} ms`,
          ],
          [
            'frames over 20 ms; longest gap without a frame',
            `${ui.over20Ms} of ${ui.count}; ${ms(ui.longestGapMs)}`,
            '',
          ],
          [
            'long tasks while measured: count / max / share of time',
            record.longtaskSupported
              ? `${longMeasure.count} / ${ms(longMeasure.maxMs)} / ${fixed(100 * longMeasure.share, 0)} %`
              : 'unsupported',
            'budget: none over 50 ms',
          ],
          [
            'long tasks Play..Pause: count / max / share',
            `${longRun.count} / ${ms(longRun.maxMs)} / ${fixed(100 * longRun.share, 0)} %`,
            `${fixed((clickedPauseAt - clickedPlayAt) / 1000, 1)} s of training`,
          ],
          ['long tasks during page load: count / max', `${longLoad.count} / ${ms(longLoad.maxMs)}`, ''],
          ['click Play -> button reads "Pause"', ms(pauseShownMs), 'as committed to the DOM'],
          [
            `page behind the worker at epoch ${count(epochAtMemory)}`,
            shownAtMemory.ok ? `${count(lag)} epochs` : 'no answer in 15 s',
            'posted epoch minus shown epoch',
          ],
          [
            'click Pause -> page shows the last epoch',
            Number.isFinite(drainedAt) ? ms(drainedAt - clickedPauseAt) : `> ${DRAIN_WAIT_MS / 1000} s`,
            pausedByUi.ok ? 'Pause clicked in the UI' : 'paused in the worker',
          ],
          [
            'JS heap (page) before Play: raw / after GC',
            `${mb(heapBefore?.used ?? NaN)} / ${mb(heapBeforeGc?.used ?? NaN)}`,
            'performance.memory: main thread only',
          ],
          [
            `JS heap (page) at epoch ${count(epochAtMemory)} / after pause + GC`,
            `${heapText(heapAtMemory)} / ${mb(heapAfterGcReading?.used ?? NaN)}`,
            `budget < 150 MB after 10M epochs (${fixed((memoryAt - clickedPlayAt) / 1000, 1)} s)`,
          ],
          [
            'first contentful paint / goto -> Play button',
            `${ms(paint)} / ${ms(loadMs)}`,
            'budget < 1 s; cold browser',
          ],
        ],
      ),
    );
    console.log(
      table(
        `Where the time goes: one module worker in the same page, ${BREAKDOWN.rounds} alternating rounds of ${count(breakdown.epochsPerRound)} epochs (medians; app paused)`,
        [
          ['variant', 'epochs/s', 'ns/sample', 'vs plain'],
          ['plain scalar loop', count(inWorker.plain), ns(inWorker.plain), '1.000x'],
          [
            'engine: trainEpoch loop',
            count(inWorker.engine),
            ns(inWorker.engine),
            x(inWorker.engine / inWorker.plain),
          ],
          [
            'session: TrainingSession, no postMessage',
            count(inWorker.session),
            ns(inWorker.session),
            x(inWorker.session / inWorker.plain),
          ],
          [
            'app worker (posted epoch growth, above)',
            count(workerGrowth),
            ns(workerGrowth),
            x(workerGrowth / inWorker.plain),
          ],
        ],
      ),
    );
    console.log(
      [
        `cost chain: engine/plain ${x(inWorker.engine / inWorker.plain)}, session/engine ${x(inWorker.session / inWorker.engine)}, ` +
          `app/session ${x(workerGrowth / inWorker.session)}`,
        `bit-equal after each round in Chromium: engine vs plain ${breakdown.bitEqualToPace.plain ? 'yes' : 'NO'} ` +
          `(loss sums ${breakdown.lossEqualToPace.plain ? 'yes' : 'NO'}); session vs engine ${breakdown.bitEqualToPace.session ? 'yes' : 'NO'}`,
        `plain loop in Chromium vs in Node after ${count(VERIFY_EPOCHS)} epochs: ${sameAsNode ? 'bit-equal' : 'DIFFERENT (Math.exp differs between this Chromium and Node; see README)'}`,
        `speed slider: ${speedText}; screenshot: bench/results/lab-training.png (${shot.ok ? 'while training' : 'after Pause'})`,
        ...notes,
        ...(problems.length ? [`page problems:\n  ${problems.slice(0, 10).join('\n  ')}`] : []),
      ].join('\n'),
    );

    saveResult('browser', {
      chromium: browserVersion,
      measureMs: MEASURE_MS,
      warmupMs: WARMUP_MS,
      appWorker: {
        ownEpochsPerSecond: workerOwn,
        growthEpochsPerSecond: workerGrowth,
        shownGrowthEpochsPerSecond: shownGrowth,
        framesInMeasure: inMeasure.length,
        epochsPerFrame,
      },
      plainWorker: {
        epochsPerSecond: plainRate,
        before: plainRates[0],
        after: plainRates[1],
        chunkRatesBefore: plainBefore.chunkRates,
        chunkRatesAfter: plainAfter.chunkRates,
      },
      ratioAppOverPlain: workerGrowth / plainRate,
      breakdown: {
        epochsPerRound: breakdown.epochsPerRound,
        rates: breakdown.rates,
        medians: inWorker,
        bitEqual: {
          engineVsPlain: breakdown.bitEqualToPace.plain,
          lossSums: breakdown.lossEqualToPace.plain,
          sessionVsEngine: breakdown.bitEqualToPace.session,
        },
      },
      ui: {
        measure: ui,
        idle: idleUi,
        longTasks: {
          measure: longMeasure,
          run: longRun,
          load: longLoad,
          supported: record.longtaskSupported,
        },
        pauseShownMs,
      },
      cpu: { measure: cpuMeasure, plainBefore: cpuPlainBefore, plainAfter: cpuPlainAfter },
      lagEpochs: lag,
      drainMs: drainedAt - clickedPauseAt,
      pausedByUi: pausedByUi.ok,
      heap: {
        beforePlay: heapBefore,
        beforePlayAfterGc: heapBeforeGc,
        atMemory: heapAtMemory.ok ? heapAtMemory.value : null,
        afterPauseGc: heapAfterGcReading,
        atEpoch: epochAtMemory,
        finalEpoch,
      },
      plainBitEqualWithNode: sameAsNode,
      firstContentfulPaintMs: paint,
      gotoToPlayMs: loadMs,
      speedSlider: speedText,
      notes,
      pageProblems: problems,
    });

    for (const value of [workerGrowth, plainRate, inWorker.engine, inWorker.plain, inWorker.session]) {
      expect(Number.isFinite(value) && value > 0).toBe(true);
    }
  } finally {
    await browser?.close();
    await stopServer(server);
  }
}, 600_000);
