/**
 * The browser bench's report: three printed tables and bench/results/latest.json (key `browser`).
 * See browser.bench-run.ts for how each number is measured and bench/README.md for how to read it.
 */
import {
  BREAKDOWN,
  DRAIN_WAIT_MS,
  FIGURE_MS,
  FIGURE_SETTLE_MS,
  MEASURE_MS,
  PLAIN_MS,
  PLANE_MS,
  PLANE_SETTLE_MS,
  VERIFY_EPOCHS,
  WARMUP_MS,
  type Answer,
} from './browserPage';
import type {
  frameStats,
  longTaskStats,
  PageRecord,
  PlainResult,
  redrawStats,
  WorkerFrame,
} from './browserProbe';
import { count, fixed, mb, saveResult, table } from './report';
import type { CpuShares } from './threads';
import type { RoundsResult } from './variants';

type FrameStats = ReturnType<typeof frameStats>;
type LongTaskStats = ReturnType<typeof longTaskStats>;
type RedrawStats = ReturnType<typeof redrawStats>;
interface Heap {
  used: number;
  total: number;
}

/** Everything the browser bench measured, as the test computed it. */
export interface BrowserBenchNumbers {
  browserVersion: string;
  /** The worker's own epochs/s (median over the measured frames), and epochs per posted frame. */
  workerOwn: number;
  epochsPerFrame: number;
  /** Posted epoch growth, and what the Training status showed, in epochs/s. */
  workerGrowth: number;
  shownGrowth: number;
  plainRate: number;
  plainRates: readonly [number, number];
  plainBefore: PlainResult;
  plainAfter: PlainResult;
  pauseShownMs: number;
  epochAtMemory: number;
  lag: number;
  drainedAt: number;
  clickedPlayAt: number;
  clickedPauseAt: number;
  memoryAt: number;
  paint: number;
  loadMs: number;
  finalEpoch: number;
  inMeasure: readonly WorkerFrame[];
  firstFrame: WorkerFrame;
  lastFrame: WorkerFrame;
  shown: readonly { at: number; epoch: number; rate: number }[];
  cpuMeasure: CpuShares | null;
  cpuPlainBefore: CpuShares | null;
  cpuPlainAfter: CpuShares | null;
  cpuPlane: CpuShares | null;
  /** Samples per epoch. */
  setCount: number;
  ui: FrameStats;
  idleUi: FrameStats;
  planeUi: FrameStats;
  longMeasure: LongTaskStats;
  longRun: LongTaskStats;
  longLoad: LongTaskStats;
  planeLong: LongTaskStats;
  planeDraws: RedrawStats;
  /** Each other figure scrolled into view in turn while training: the page's frames and long tasks. */
  figuresInView: readonly { name: string; ui: FrameStats; long: LongTaskStats }[];
  record: PageRecord;
  shot: { ok: boolean };
  planeShot: { ok: boolean };
  pausedByUi: { ok: boolean };
  shownAtMemory: Answer<string>;
  heapBefore: Heap | null;
  heapBeforeGc: Heap | null;
  heapAfterGcReading: Heap | null;
  heapAtMemory: Answer<Heap | null>;
  breakdown: RoundsResult;
  inWorker: { engine: number; plain: number; session: number };
  sameAsNode: boolean;
  speedText: string;
  notes: readonly string[];
  problems: readonly string[];
}

export function reportBrowserBench(numbers: BrowserBenchNumbers): void {
  const {
    browserVersion,
    workerOwn,
    epochsPerFrame,
    workerGrowth,
    shownGrowth,
    plainRate,
    pauseShownMs,
    epochAtMemory,
    lag,
    drainedAt,
    clickedPauseAt,
    clickedPlayAt,
    memoryAt,
    paint,
    loadMs,
    finalEpoch,
    inMeasure,
    firstFrame,
    lastFrame,
    shown,
    plainRates,
    plainBefore,
    plainAfter,
    cpuMeasure,
    cpuPlainBefore,
    cpuPlainAfter,
    cpuPlane,
    setCount,
    ui,
    idleUi,
    planeUi,
    longMeasure,
    longRun,
    longLoad,
    planeLong,
    planeDraws,
    figuresInView,
    record,
    planeShot,
    shot,
    pausedByUi,
    shownAtMemory,
    heapBefore,
    heapBeforeGc,
    heapAfterGcReading,
    heapAtMemory,
    breakdown,
    inWorker,
    sameAsNode,
    speedText,
    notes,
    problems,
  } = numbers;
  const ns = (rate: number) => fixed(1e9 / (rate * setCount), 1);
  const x = (ratio: number) => `${fixed(ratio, 3)}x`;
  const ms = (value: number) => `${fixed(value, 0)} ms`;
  const pct = (share: number | undefined) => `${fixed(100 * (share ?? Number.NaN), 0)} %`;
  // Each rate over the share of a core its thread got (the plain threads' sampled for a second inside their runs).
  const perCpu = (rate: number, c: CpuShares | null) => rate / (c?.workers[0] ?? Number.NaN);
  const plainPerCpu = (perCpu(plainRates[0], cpuPlainBefore) + perCpu(plainRates[1], cpuPlainAfter)) / 2;
  const ratioByCpu = perCpu(workerGrowth, cpuMeasure) / plainPerCpu;
  const cpuText = (c: CpuShares | null) =>
    c
      ? `${pct(c.workers[0])} / ${pct(c.rendererMain)} / ${fixed(c.chromiumCores, 2)} cores / ${pct(c.machineBusy)} (${pct(c.machineSteal)} stolen)`
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
          'ratio by the worker threads’ CPU time (epochs per CPU second)',
          x(ratioByCpu),
          'load-robust: leaves out the time other threads held the core',
        ],
        [
          'CPU while measured: worker thread / page main / Chromium / machine',
          cpuText(cpuMeasure),
          'worker and main: share of one core; machine: all cores, busy without steal; stolen: by the host for other guests',
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
          `${setCount} samples per epoch`,
        ],
        [
          'main thread fps while training (top of the page)',
          fixed(ui.fps, 1),
          `budget >= 55; idle page: ${fixed(idleUi.fps, 1)} fps`,
        ],
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
          'Decision boundary in view: heatmap paints per second',
          fixed(planeDraws.perSecond, 1),
          `budget >= 30; p95 gap ${ms(planeDraws.p95GapMs)}, longest ${ms(planeDraws.longestGapMs)}${planeShot.ok ? '' : '; no screenshot'}`,
        ],
        [
          'page with the plane in view: fps / p95 frame / max long task',
          `${fixed(planeUi.fps, 1)} / ${fixed(planeUi.p95Ms, 1)} ms / ${ms(planeLong.maxMs)}`,
          `${PLANE_MS / 1000} s measured after ${PLANE_SETTLE_MS / 1000} s; CPU ${cpuText(cpuPlane)}`,
        ],
        ...figuresInView.map(({ name, ui: inView, long }) => [
          `page with the ${name} in view: fps / p95 frame / max long task`,
          `${fixed(inView.fps, 1)} / ${fixed(inView.p95Ms, 1)} ms / ${ms(long.maxMs)}`,
          `budget >= 55 fps, no task over 50 ms; ${FIGURE_MS / 1000} s after ${FIGURE_SETTLE_MS / 1000} s`,
        ]),
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
      `speed slider: ${speedText}; screenshot: bench/results/lab-training.png (${shot.ok ? 'while training' : 'after Pause'})` +
        (planeShot.ok ? '; the plane while training: bench/results/plane-training.png' : ''),
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
    ratioAppOverPlainByCpu: ratioByCpu,
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
    plane: { draws: planeDraws, ui: planeUi, longTasks: planeLong, cpu: cpuPlane },
    figuresInView,
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
}
