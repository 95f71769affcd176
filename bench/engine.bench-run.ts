/**
 * Engine bench (Node, one process): how fast does src/core train the article's four people, compared
 * with a plain hand-written scalar loop doing the same float64 math? And does memory stay bounded over
 * 10 million epochs of engine + TrainingHistory?
 *
 * A  engine:  `trainEpoch` in a loop (what the worker's hot loop calls per epoch)
 * B  plain:   bench/plainLoop.ts, nine local variables
 * C  session: the worker's TrainingSession at full speed with an in-process host (no postMessage):
 *             A plus everything the worker adds per epoch (record into the batch, finiteness check,
 *             last-good copy, slicing, frames). C/A is what the worker's bookkeeping costs.
 * A, B and C run from one bundle built like the app's (see bench/bundle.ts for why).
 * U  engine as Vitest loads src/core (unbundled, SSR-transformed): shown so nobody mistakes it for A.
 *
 * W  the wider network (8 sigmoid hidden neurons, MSE, mini-batches of 2): engine (`trainEpoch`,
 *    generic path) vs bench/plainLoop.ts `plainTrainBatched`, in their own alternating rounds.
 *
 * Rounds alternate A B C U A B C U … after a warm-up (bench/variants.ts); each variant trains the same
 * fixed number of epochs from the same start (about 0.5 s of engine time), so their end parameters must be
 * bit-equal. No thresholds are asserted: this is a measurement, read by people (see bench/README.md).
 */
import { expect, test } from 'vitest';
import {
  createTrainer as createTrainerUnbundled,
  trainEpoch as trainEpochUnbundled,
} from '../src/core/trainer';
import { loadEngineBundle } from './bundle';
import { count, environment, fixed, mb, median, saveResult, table } from './report';

const ROUNDS = 7;
/** The wide network's rounds are shorter (a quarter of the epochs/s), so take more of them. */
const WIDE_ROUNDS = 11;
const ROUND_SECONDS = 0.5;
const WARMUP_SECONDS = 1.5;
const SEED = 42;
const RATE = 0.1;
const MEMORY_EPOCHS = 10_000_000;
const MEMORY_BATCH = 30_000; // about one frame's worth at ~2M epochs/s

function gc(): boolean {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) return false;
  collect();
  collect();
  return true;
}

test('engine vs plain scalar loop, and memory over 10M epochs', async () => {
  const { bundle: core, historyNote } = await loadEngineBundle();
  const { set, options: trainerOptions, config } = core.articleSetup(core);
  const rounds = core.alternate(
    {
      engine: core.engineVariant(core, trainerOptions),
      plain: core.plainVariant(core, set, trainerOptions.params),
      session: core.sessionVariant(core, config),
      unbundled: core.engineVariant(
        { createTrainer: createTrainerUnbundled, trainEpoch: trainEpochUnbundled },
        trainerOptions,
      ),
    },
    {
      rounds: ROUNDS,
      roundSeconds: ROUND_SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      pace: 'engine',
      slow: ['unbundled'],
    },
  );
  const { rates, epochsPerRound: epochs } = rounds;
  const fair = {
    engineVsPlain: rounds.bitEqualToPace.plain!,
    lossSums: rounds.lossEqualToPace.plain!,
    sessionVsEngine: rounds.bitEqualToPace.session!,
    unbundledVsEngine: rounds.bitEqualToPace.unbundled! && rounds.lossEqualToPace.unbundled!,
  };
  const nsPerSample = (epochsPerSecond: number) => 1e9 / (epochsPerSecond * set.count);
  const describeParams = (params: Float64Array) =>
    core.PARAM_NAMES.map((name, i) => `${name}=${params[i]!.toPrecision(17)}`).join(' ');

  const engine = median(rates.engine!);
  const plain = median(rates.plain!);
  const session = median(rates.session!);
  const unbundledRate = median(rates.unbundled!);
  const roundRatios = rates.engine!.map((r, i) => r / rates.plain![i]!);
  const sessionRatios = rates.session!.map((r, i) => r / rates.plain![i]!);
  console.log(
    table(
      `Engine bench (Node ${process.version}; ${set.count} samples, Article shift, rate ${RATE}, in order, random init seed ${SEED}; ` +
        `${ROUNDS} alternating rounds of ${count(epochs)} epochs, medians)`,
      [
        ['variant', 'epochs/s', 'ns/sample', 'vs plain'],
        [
          'A engine (trainEpoch loop, bundled)',
          count(engine),
          fixed(nsPerSample(engine), 1),
          `${fixed(engine / plain, 3)}x`,
        ],
        ['B plain scalar loop (bundled)', count(plain), fixed(nsPerSample(plain), 1), '1.000x'],
        [
          'C worker session, in-process (bundled)',
          count(session),
          fixed(nsPerSample(session), 1),
          `${fixed(session / plain, 3)}x`,
        ],
        [
          'U engine as Vitest loads src/ (unbundled)',
          count(unbundledRate),
          fixed(nsPerSample(unbundledRate), 1),
          `${fixed(unbundledRate / plain, 3)}x`,
        ],
      ],
    ),
  );
  console.log(
    [
      `ratio engine/plain = ${fixed(engine / plain, 3)}x (per round: ${roundRatios.map((r) => fixed(r, 3)).join(', ')}); ` +
        `fastest round over fastest round ${fixed(Math.max(...rates.engine!) / Math.max(...rates.plain!), 3)}x`,
      `ratio session/plain = ${fixed(session / plain, 3)}x (per round: ${sessionRatios.map((r) => fixed(r, 3)).join(', ')})`,
      `ratio session/engine = ${fixed(session / engine, 3)}x (the worker's per-epoch bookkeeping)`,
      `rounds epochs/s  A: ${rates.engine!.map(count).join(' ')}`,
      `                 B: ${rates.plain!.map(count).join(' ')}`,
      `                 C: ${rates.session!.map(count).join(' ')}`,
      `                 U: ${rates.unbundled!.map(count).join(' ')}`,
      `bit-equal end params: engine vs plain ${fair.engineVsPlain ? 'yes' : 'NO'}; loss sums ${fair.lossSums ? 'yes' : 'NO'}; ` +
        `session vs engine ${fair.sessionVsEngine ? 'yes' : 'NO'}; unbundled vs bundled ${fair.unbundledVsEngine ? 'yes' : 'NO'}`,
    ].join('\n'),
  );
  if (!fair.engineVsPlain || !fair.lossSums || !fair.sessionVsEngine) {
    for (const name of ['engine', 'plain', 'session']) {
      console.log(
        `  ${name.padEnd(7)}: ${describeParams(rounds.lastParams[name]!)} loss ${rounds.lastLoss[name]}`,
      );
    }
  }

  // --- the wider network: 8 hidden neurons, mini-batches of 2, engine vs plain loop
  const cpuSeconds = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  };
  const wide = core.wideRounds(core, {
    rounds: WIDE_ROUNDS,
    roundSeconds: ROUND_SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    pace: 'engine',
    clock: cpuSeconds,
  });
  const wideEngine = median(wide.rates.engine!);
  const widePlain = median(wide.rates.plain!);
  const wideRatios = wide.rates.engine!.map((r, i) => r / wide.rates.plain![i]!);
  const wideCpuRatios = wide.clockRates.engine!.map((r, i) => r / wide.clockRates.plain![i]!);
  const wideFair = wide.bitEqualToPace.plain! && wide.lossEqualToPace.plain!;
  const { hidden, batchSize } = core.WIDE_ARCHITECTURE;
  console.log(
    table(
      `Wide network (${hidden} sigmoid hidden neurons, MSE, mini-batches of ${batchSize}; same setup; ` +
        `${WIDE_ROUNDS} alternating rounds of ${count(wide.epochsPerRound)} epochs, medians)`,
      [
        ['variant', 'epochs/s', 'ns/sample', 'vs plain'],
        [
          'W engine (trainEpoch loop, generic path, bundled)',
          count(wideEngine),
          fixed(nsPerSample(wideEngine), 1),
          `${fixed(wideEngine / widePlain, 3)}x`,
        ],
        [
          'W plain scalar loops (plainTrainBatched, bundled)',
          count(widePlain),
          fixed(nsPerSample(widePlain), 1),
          '1.000x',
        ],
      ],
    ),
  );
  console.log(
    [
      `ratio wide engine/plain = ${fixed(median(wideRatios), 3)}x median of rounds (${wideRatios.map((r) => fixed(r, 3)).join(', ')}); ` +
        `ratio of medians ${fixed(wideEngine / widePlain, 3)}x`,
      `ratio wide engine/plain fastest round over fastest round = ` +
        `${fixed(Math.max(...wide.rates.engine!) / Math.max(...wide.rates.plain!), 3)}x (wall clock), ` +
        `${fixed(Math.max(...wide.clockRates.engine!) / Math.max(...wide.clockRates.plain!), 3)}x (CPU time)`,
      `ratio wide engine/plain by process CPU time = ${fixed(median(wideCpuRatios), 3)}x median of rounds ` +
        `(${wideCpuRatios.map((r) => fixed(r, 3)).join(', ')}): what the code costs when time slicing is left out`,
      `bit-equal end params and loss sums: wide engine vs plain ${wideFair ? 'yes' : 'NO'}`,
    ].join('\n'),
  );

  // --- memory: 10M epochs through the engine into TrainingHistory, in ~one-frame batches
  let memory: Record<string, unknown>;
  const History = core.TrainingHistory;
  if (!History) {
    memory = { skipped: historyNote };
    console.log(`Memory bench skipped: ${historyNote}`);
  } else {
    const collected = gc();
    const before = process.memoryUsage();
    const history = new History();
    const trainer = core.createTrainer(trainerOptions);
    const losses = new Float64Array(MEMORY_BATCH);
    const params = new Float64Array(MEMORY_BATCH * 9);
    losses[0] = core.currentLoss(trainer);
    params.set(trainer.params);
    history.appendBatch(0, 1, losses, params); // the session records epoch 0 when a run starts
    const appendMs: number[] = [];
    const thinningMs: number[] = []; // calls during which the history thinned itself (stride doubled)
    const plainAppendMs: number[] = [];
    let peakHeap = 0;
    let peakArrayBuffers = 0;
    const start = performance.now();
    for (let first = 1; first <= MEMORY_EPOCHS; first += MEMORY_BATCH) {
      const n = Math.min(MEMORY_BATCH, MEMORY_EPOCHS - first + 1);
      for (let i = 0; i < n; i++) {
        losses[i] = core.trainEpoch(trainer);
        params.set(trainer.params, i * 9);
      }
      const strideBefore = history.stride;
      const t = performance.now();
      history.appendBatch(first, n, losses, params); // the page reuses recycled buffers the same way
      const ms = performance.now() - t;
      appendMs.push(ms);
      (history.stride !== strideBefore ? thinningMs : plainAppendMs).push(ms);
      if (appendMs.length % 16 === 0) {
        const usage = process.memoryUsage();
        peakHeap = Math.max(peakHeap, usage.heapUsed);
        peakArrayBuffers = Math.max(peakArrayBuffers, usage.arrayBuffers);
      }
    }
    const seconds = (performance.now() - start) / 1000;
    const afterNoGc = process.memoryUsage();
    gc();
    const after = process.memoryUsage();
    const slowestAppend = Math.max(...appendMs);
    memory = {
      epochs: MEMORY_EPOCHS,
      batch: MEMORY_BATCH,
      seconds,
      gcAvailable: collected,
      heapUsedBefore: before.heapUsed,
      heapUsedAfterNoGc: afterNoGc.heapUsed,
      heapUsedAfter: after.heapUsed,
      arrayBuffersBefore: before.arrayBuffers,
      arrayBuffersAfter: after.arrayBuffers,
      peakHeapUsed: peakHeap,
      peakArrayBuffers,
      historyByteLength: history.byteLength,
      historyLength: history.length,
      appendMsMedian: median(appendMs),
      appendMsMax: slowestAppend,
      appendsOver16ms: appendMs.filter((ms) => ms > 16).length,
      thinningAppendMs: thinningMs,
      otherAppendMsMedian: median(plainAppendMs),
      otherAppendMsMax: plainAppendMs.length ? Math.max(...plainAppendMs) : Number.NaN,
      finalStride: history.stride,
    };
    console.log(
      table(
        `Memory: ${count(MEMORY_EPOCHS)} epochs, engine + TrainingHistory, ${appendMs.length} batches of ${count(MEMORY_BATCH)} ` +
          `(${fixed(seconds, 1)} s; global.gc ${collected ? 'run before each before/after reading' : 'NOT available'})`,
        [
          ['measure', 'before', 'after', 'peak'],
          ['process heapUsed', mb(before.heapUsed), mb(after.heapUsed), mb(peakHeap)],
          [
            'process arrayBuffers (typed arrays, off-heap)',
            mb(before.arrayBuffers),
            mb(after.arrayBuffers),
            mb(peakArrayBuffers),
          ],
          ['history.byteLength', '0.0 MB', mb(history.byteLength), ''],
          ['history.length (records kept)', '0', count(history.length), ''],
          [
            'appendBatch per batch (median / max)',
            '',
            `${fixed(median(appendMs), 3)} ms`,
            `${fixed(slowestAppend, 3)} ms`,
          ],
          ['appendBatch calls over 16 ms', '', String(appendMs.filter((ms) => ms > 16).length), ''],
          [
            'appendBatch that thinned (stride doubled): calls / max',
            '',
            `${thinningMs.length} / ${fixed(thinningMs.length ? Math.max(...thinningMs) : 0, 3)} ms`,
            `stride now ${history.stride ?? '?'}`,
          ],
          [
            'appendBatch that did not thin: median / max',
            '',
            `${fixed(median(plainAppendMs), 3)} ms`,
            `${fixed(plainAppendMs.length ? Math.max(...plainAppendMs) : 0, 3)} ms`,
          ],
        ],
      ),
    );
    expect(Number.isFinite(history.byteLength) && history.byteLength > 0).toBe(true);
    expect(history.length).toBeGreaterThan(0);
  }

  saveResult('engine', {
    environment: environment(),
    setup: {
      samples: set.count,
      scaling: 'article',
      rate: RATE,
      order: 'in-order',
      init: `random seed ${SEED}`,
    },
    epochsPerRound: epochs,
    rounds: ROUNDS,
    epochsPerSecond: { engine, plain, session, unbundled: unbundledRate, perRound: rates },
    nsPerSample: { engine: nsPerSample(engine), plain: nsPerSample(plain), session: nsPerSample(session) },
    ratioEngineOverPlain: engine / plain,
    ratioSessionOverPlain: session / plain,
    ratioSessionOverEngine: session / engine,
    bitEqual: fair,
    wide: {
      architecture: core.WIDE_ARCHITECTURE,
      epochsPerRound: wide.epochsPerRound,
      epochsPerSecond: { engine: wideEngine, plain: widePlain, perRound: wide.rates },
      ratioEngineOverPlain: median(wideRatios),
      ratioOfMedians: wideEngine / widePlain,
      ratioByCpuTime: median(wideCpuRatios),
      ratioFastestRounds: Math.max(...wide.rates.engine!) / Math.max(...wide.rates.plain!),
      cpuRatiosPerRound: wideCpuRatios,
      bitEqual: wideFair,
    },
    memory,
  });

  for (const value of [engine, plain, session, unbundledRate, wideEngine, widePlain, nsPerSample(engine)]) {
    expect(Number.isFinite(value) && value > 0).toBe(true);
  }
});
