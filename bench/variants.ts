/**
 * The three ways of training the article's four people that the benches compare, and the alternating
 * rounds that time them. Bundled together with src/core (bench/bundle.ts), so the same code runs in
 * Node (engine bench) and in a Chromium worker (browser bench). No Node or DOM APIs here.
 *
 * engine:  `trainEpoch` in a loop (what the worker's hot loop calls per epoch)
 * plain:   bench/plainLoop.ts, nine local variables
 * session: the worker's TrainingSession at full speed, stopped at exactly N epochs by `set-stop-at`, with an
 *          in-process host (its yields run at once, frames are recycled at once, nothing is posted); one
 *          session serves every run (`configure` restarts it at epoch 0), as the worker keeps one
 *
 * And the wider network (WIDE_ARCHITECTURE: 8 sigmoid hidden neurons, MSE, mini-batches of 2):
 * wide engine: `trainEpoch` in a loop on the generic path; wide plain: bench/plainLoop.ts `plainTrainBatched`.
 */
import type { Architecture } from '../src/core/architecture';
import type { checkTable } from '../src/core/checkedTable';
import type { Person } from '../src/core/dataset';
import type { testMaskOf } from '../src/core/split';
import type { InitialWeights } from '../src/core/init';
import type { Params } from '../src/core/network';
import type { ScalingMode } from '../src/core/scaling';
import type { Trainer, TrainerOptions } from '../src/core/trainer';
import type { TrainingSet } from '../src/core/trainingSet';
import type { FrameMessage, RunConfig } from '../src/worker/protocol';
import type { EvaluatorLink } from '../src/worker/frameRelay';
import type { measureEpochs } from '../src/worker/evaluation';
import type { SessionHost, TrainingSession } from '../src/worker/session';
import type { plainTrain, plainTrainBatched } from './plainLoop';

// The bundle exports everything from this file, so this carries the wide yardstick into it.
export { plainTrainBatched } from './plainLoop';

export const SEED = 42;
export const RATE = 0.1;

export interface Core {
  ARTICLE_PEOPLE: readonly Person[];
  initialParams(kind: InitialWeights, seed: number, hidden?: number): Params;
  buildTrainingSet(people: readonly Person[], mode: ScalingMode): TrainingSet;
  createTrainer(options: TrainerOptions): Trainer;
  trainEpoch(trainer: Trainer): number;
  TrainingSession: new (host: SessionHost) => TrainingSession;
  checkTable: typeof checkTable;
  testMaskOf: typeof testMaskOf;
  plainTrain: typeof plainTrain;
  plainTrainBatched: typeof plainTrainBatched;
  measureEpochs: typeof measureEpochs;
}

export interface RunResult {
  seconds: number;
  params: Float64Array;
  /** Sum of the epoch losses; the session reports its last epoch's loss instead (NaN-free either way). */
  loss: number;
}

export type Variant = (epochs: number) => RunResult;

/** The article's set, Article shift, rate 0.1, in order, random init seed 42. */
export function articleSetup(core: Core) {
  const set = core.buildTrainingSet(core.ARTICLE_PEOPLE, 'article');
  const start = core.initialParams('random', SEED);
  const options: TrainerOptions = {
    params: start,
    set,
    sampleOrder: 'in-order',
    seed: SEED,
    learningRate: RATE,
  };
  const config: RunConfig = {
    people: core.ARTICLE_PEOPLE,
    scaling: 'article',
    initialWeights: 'random',
    seed: SEED,
    sampleOrder: 'in-order',
    learningRate: RATE,
  };
  return { set, start, options, config };
}

export function engineVariant(
  core: Pick<Core, 'createTrainer' | 'trainEpoch'>,
  options: TrainerOptions,
): Variant {
  return (epochs) => {
    const trainer = core.createTrainer(options);
    const { trainEpoch } = core;
    const begin = performance.now();
    let lossSum = 0;
    for (let e = 0; e < epochs; e++) lossSum += trainEpoch(trainer);
    const seconds = (performance.now() - begin) / 1000;
    return { seconds, params: Float64Array.from(trainer.params), loss: lossSum };
  };
}

export function plainVariant(
  core: Pick<Core, 'plainTrain'>,
  set: TrainingSet,
  start: ArrayLike<number>,
): Variant {
  return (epochs) => {
    const params = Float64Array.from(start);
    const begin = performance.now();
    const lossSum = core.plainTrain(params, set.inputs, set.targets, set.count, RATE, epochs);
    const seconds = (performance.now() - begin) / 1000;
    return { seconds, params, loss: lossSum };
  };
}

/**
 * `offloadTests`: the session hands its test rows to an evaluation worker, here one that answers at once
 * without measuring (its zero figures are not compared): what the test metrics still cost the
 * training worker's own thread when the evaluation worker measures them on another.
 */
export function sessionVariant(
  core: Pick<Core, 'TrainingSession'>,
  config: RunConfig,
  offloadTests = false,
): Variant {
  // One session for every run, as the worker keeps one: its batch buffers grow once and are then reused.
  const queue: (() => void)[] = [];
  let last: FrameMessage | null = null;
  const evaluator: EvaluatorLink = {
    post: (message) => {
      if (message.type !== 'evaluate') return;
      const { id, count, params } = message;
      const losses = new Float64Array(count);
      const accuracies = new Float64Array(count);
      queue.push(() => session.relay.evaluated({ type: 'evaluated', id, losses, accuracies, params }));
    },
    terminate: () => {},
  };
  const session = new core.TrainingSession({
    ...(offloadTests ? { startEvaluator: () => evaluator } : {}),
    post: (message) => {
      if (message.type !== 'frame') return; // a pong: the worker is alive
      last = message;
      const { losses, accuracies, params, testLosses, testAccuracies } = message;
      session.handle({ type: 'recycle', losses, accuracies, params, testLosses, testAccuracies });
    },
    now: () => performance.now(),
    yieldThen: (task) => queue.push(task),
    after: (_ms, task) => queue.push(task),
  });
  session.handle({ type: 'set-speed', epochsPerSecond: null });
  return (epochs) => {
    session.handle({ type: 'set-stop-at', epoch: epochs });
    session.handle({ type: 'configure', config }); // back to epoch 0, paused
    last = null;
    const begin = performance.now();
    session.handle({ type: 'play' });
    for (let task = queue.shift(); task; task = queue.shift()) task();
    const seconds = (performance.now() - begin) / 1000;
    const frame = last as FrameMessage | null;
    if (!frame || frame.status !== 'paused' || frame.live.epoch !== epochs) {
      throw new Error(`session did not stop at epoch ${epochs} (got ${frame?.live.epoch})`);
    }
    return { seconds, params: Float64Array.from(frame.live.params), loss: frame.live.loss };
  };
}

/**
 * The evaluation worker's own work: each epoch's test loss and accuracy over `test` (measureEpochs, as
 * the Evaluator runs it), for blocks of 256 epochs' parameters.
 */
export function evaluatorVariant(
  core: Pick<Core, 'measureEpochs'>,
  test: TrainingSet,
  architecture: Architecture,
  params: ArrayLike<number>,
): Variant {
  const BLOCK = 256;
  const stride = params.length;
  const block = new Float64Array(BLOCK * stride);
  for (let i = 0; i < BLOCK; i++) block.set(params, i * stride);
  const losses = new Float64Array(BLOCK);
  const accuracies = new Float64Array(BLOCK);
  const rows = { architecture, set: test };
  return (epochs) => {
    const begin = performance.now();
    let lossSum = 0;
    for (let done = 0; done < epochs; done += BLOCK) {
      const count = Math.min(BLOCK, epochs - done);
      core.measureEpochs(rows, block, stride, 0, count, losses, accuracies);
      lossSum += losses[0]!;
    }
    const seconds = (performance.now() - begin) / 1000;
    return { seconds, params: Float64Array.from(params), loss: lossSum };
  };
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const ua = new BigUint64Array(a.buffer, a.byteOffset, a.length);
  const ub = new BigUint64Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < ua.length; i++) if (ua[i] !== ub[i]) return false;
  return true;
}

export interface RoundsOptions {
  rounds: number;
  roundSeconds: number;
  warmupSeconds: number;
  /** The variant whose warm rate sets the round size (each round: about roundSeconds of it). */
  pace: string;
  /** Variants only warmed up with a quarter of the epochs (slow ones). */
  slow?: readonly string[];
  /**
   * A second clock, in seconds, read around each timed run: in Node the process's CPU time, which a shared
   * machine's time slicing does not inflate (it fills `clockRates`).
   */
  clock?: () => number;
}

export interface RoundsResult {
  epochsPerRound: number;
  /** epochs/s per round, per variant */
  rates: Record<string, number[]>;
  /** the same by `options.clock` (empty without one) */
  clockRates: Record<string, number[]>;
  /** for each variant: did every round end with params bit-equal to the `pace` variant's? */
  bitEqualToPace: Record<string, boolean>;
  /** loss sums bit-equal to the pace variant's (only variants that return loss sums) */
  lossEqualToPace: Record<string, boolean>;
  lastParams: Record<string, Float64Array>;
  lastLoss: Record<string, number>;
}

/** Warm up every variant, then run them in turn (A B C A B C …) for `rounds` rounds of the same epoch count. */
export function alternate(variants: Record<string, Variant>, options: RoundsOptions): RoundsResult {
  const names = Object.keys(variants);
  const pace = variants[options.pace]!;
  let epochs = 20_000;
  let warm = 0;
  while (warm < options.warmupSeconds) {
    let paceRate = 0;
    for (const name of names) {
      const n = options.slow?.includes(name) ? Math.max(1000, Math.round(epochs / 4)) : epochs;
      const result = variants[name]!(n);
      warm += result.seconds;
      if (variants[name] === pace) paceRate = n / result.seconds;
    }
    epochs = Math.max(20_000, Math.round(paceRate * options.roundSeconds));
  }
  const rates: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const clockRates: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const bitEqualToPace: Record<string, boolean> = Object.fromEntries(names.map((n) => [n, true]));
  const lossEqualToPace: Record<string, boolean> = Object.fromEntries(names.map((n) => [n, true]));
  const lastParams: Record<string, Float64Array> = {};
  const lastLoss: Record<string, number> = {};
  for (let round = 0; round < options.rounds; round++) {
    const results: Record<string, RunResult> = {};
    for (const name of names) {
      const clockBefore = options.clock?.() ?? 0;
      const result = variants[name]!(epochs);
      if (options.clock) clockRates[name]!.push(epochs / (options.clock() - clockBefore));
      results[name] = result;
      rates[name]!.push(epochs / result.seconds);
    }
    const reference = results[options.pace]!;
    for (const name of names) {
      bitEqualToPace[name] = bitEqualToPace[name]! && sameBits(results[name]!.params, reference.params);
      lossEqualToPace[name] = lossEqualToPace[name]! && Object.is(results[name]!.loss, reference.loss);
      lastParams[name] = results[name]!.params;
      lastLoss[name] = results[name]!.loss;
    }
  }
  return { epochsPerRound: epochs, rates, clockRates, bitEqualToPace, lossEqualToPace, lastParams, lastLoss };
}

/** The browser bench's in-worker run: engine, plain and session in one Chromium worker. */
export function browserRounds(core: Core, options: RoundsOptions): RoundsResult {
  const { set, start, options: trainerOptions, config } = articleSetup(core);
  return alternate(
    {
      engine: engineVariant(core, trainerOptions),
      plain: plainVariant(core, set, start),
      session: sessionVariant(core, config),
    },
    options,
  );
}

/** The wider network the engine must also run at ≥ 0.9x a plain loop: 8 sigmoid hidden neurons, mini-batches of 2. */
export const WIDE_ARCHITECTURE: Architecture = {
  hidden: 8,
  activation: 'sigmoid',
  loss: 'mse',
  update: 'mini-batch',
  batchSize: 2,
  momentum: 0,
  features: ['x1', 'x2'],
  regularization: 'none',
  regularizationRate: 0.001,
};

/** The article's set, Article shift, rate 0.1, in order, random init seed 42 for 8 hidden neurons. */
export function wideSetup(core: Pick<Core, 'ARTICLE_PEOPLE' | 'initialParams' | 'buildTrainingSet'>) {
  const set = core.buildTrainingSet(core.ARTICLE_PEOPLE, 'article');
  const start = core.initialParams('random', SEED, WIDE_ARCHITECTURE.hidden);
  const options: TrainerOptions = {
    params: start,
    set,
    sampleOrder: 'in-order',
    seed: SEED,
    learningRate: RATE,
    architecture: WIDE_ARCHITECTURE,
  };
  return { set, start, options };
}

export function plainBatchedVariant(
  core: Pick<Core, 'plainTrainBatched'>,
  set: TrainingSet,
  start: ArrayLike<number>,
): Variant {
  const { hidden, batchSize } = WIDE_ARCHITECTURE;
  return (epochs) => {
    const params = Float64Array.from(start);
    const begin = performance.now();
    const lossSum = core.plainTrainBatched(
      params,
      set.inputs,
      set.targets,
      set.count,
      RATE,
      epochs,
      hidden,
      batchSize,
    );
    const seconds = (performance.now() - begin) / 1000;
    return { seconds, params, loss: lossSum };
  };
}

/** The wide network's engine and plain loop in alternating rounds (the Node bench). */
export function wideRounds(core: Core, options: RoundsOptions): RoundsResult {
  const { set, start, options: trainerOptions } = wideSetup(core);
  return alternate(
    { engine: engineVariant(core, trainerOptions), plain: plainBatchedVariant(core, set, start) },
    options,
  );
}

/**
 * For bench/wide.bench-run.ts, inside a Chromium worker: the wide network's engine and plain loop, and the
 * article's, as variants the page runs one at a time (so Node can read the thread's CPU time around each).
 */
export function wideWorkerVariants(core: Core): Record<string, Variant> {
  const wide = wideSetup(core);
  const article = articleSetup(core);
  return {
    wideEngine: engineVariant(core, wide.options),
    widePlain: plainBatchedVariant(core, wide.set, wide.start),
    articleEngine: engineVariant(core, article.options),
    articlePlain: plainVariant(core, article.set, article.start),
  };
}
