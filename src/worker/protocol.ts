/**
 * The typed messages between the page and the training worker. Commands flow in; one `frame`
 * flows out per animation frame at most, carrying every epoch finished since the last one.
 */
import type { Architecture } from '../core/architecture';
import type { InitialWeights } from '../core/init';
import type { Scaling, ScalingMode } from '../core/scaling';
import type { SampleOrder } from '../core/trainer';
import type { DataProblem, TableData } from '../core/trainingSet';
import type { MeasureSettings } from '../core/units';
import type { PlateauShape } from './lossPattern';

/**
 * Everything that decides where a run starts; the same config gives the same run, bit for bit. Units and
 * column names (MeasureSettings) say how the table's numbers read: the worker trains on lb and in.
 */
export interface RunConfig extends MeasureSettings {
  /** The table (as typed, or checked: see TableData). */
  readonly people: TableData;
  readonly scaling: ScalingMode;
  readonly initialWeights: InitialWeights;
  readonly seed: number;
  readonly sampleOrder: SampleOrder;
  readonly learningRate: number;
  /** The network and how it trains; the article's 2-2-1 (ARTICLE_ARCHITECTURE) when left out. */
  readonly architecture?: Architecture;
  /** Start from these parameters at this epoch instead of the initial weights (a restored lab). */
  readonly resume?: { readonly epoch: number; readonly params: readonly number[] } | null;
  /** Per valid row of `people`, 1 for a test row (split.ts testMaskOf); absent or null: all rows train. */
  readonly testRows?: Uint8Array | null;
}

export type Command =
  /** Starts a new run from this config (epoch 0), paused. */
  | { readonly type: 'configure'; readonly config: RunConfig }
  /** Table edits: take effect at the next epoch boundary, without a reset. */
  | {
      readonly type: 'set-data';
      readonly people: TableData;
      readonly measure?: MeasureSettings;
      /** The split of the new table, as in RunConfig. */
      readonly testRows?: Uint8Array | null;
    }
  /** Takes effect from the next sample, without a reset. */
  | { readonly type: 'set-learning-rate'; readonly learningRate: number }
  /** Takes effect from the next epoch. */
  | { readonly type: 'set-sample-order'; readonly sampleOrder: SampleOrder }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'step-sample' }
  | { readonly type: 'step-epoch' }
  /** Back to epoch 0 with the same seed: the same start. */
  | { readonly type: 'reset' }
  /** Epochs per second; null trains as fast as possible. */
  | { readonly type: 'set-speed'; readonly epochsPerSecond: number | null }
  /** Training pauses itself once this many epochs are done; null = no limit. */
  | { readonly type: 'set-stop-at'; readonly epoch: number | null }
  /** Training pauses itself at the first epoch whose loss comes down to this; null = no limit. */
  | { readonly type: 'set-stop-at-loss'; readonly loss: number | null }
  /** The user typed a new value for one parameter (index in the layout of architecture.ts). */
  | { readonly type: 'set-param'; readonly index: number; readonly value: number }
  /** Every parameter at once (4H + 1, all finite, else ignored), as one edit: the run goes on from them. */
  | { readonly type: 'set-params'; readonly params: readonly number[] }
  /** Branches the run from a recorded epoch: these parameters (4H + 1), this many epochs done, paused. */
  | { readonly type: 'resume-from'; readonly epoch: number; readonly params: Float64Array }
  /** Are you alive? The worker answers with a `pong`; silence means it died. */
  | { readonly type: 'ping' }
  /** Hands a frame's buffers back so the worker can reuse them. */
  | {
      readonly type: 'recycle';
      readonly losses: Float64Array;
      readonly accuracies: Float64Array;
      readonly params: Float64Array;
      readonly testLosses?: Float64Array;
      readonly testAccuracies?: Float64Array;
      readonly epochs?: Float64Array;
      /** Which epochs the page's history keeps now: the worker sends only those (see KeepRule). */
      readonly keep?: KeepRule;
    };

/**
 * The epochs the page's history keeps from here on, at most: those `stride` apart from `origin`, as it
 * thins itself (history.ts). Sent with each hand-back once the history keeps fewer than every epoch, for
 * the run and branch of the latest frame it took in; the worker then sends only those epochs (and each
 * frame's first and last) instead of every one, and drops the rule when the run or the branch changes.
 */
export interface KeepRule {
  readonly runId: number;
  readonly branch: number;
  readonly origin: number;
  readonly stride: number;
}

export type RunStatus = 'paused' | 'running';

/**
 * Why the worker paused by itself, or why it cannot train: codes and numbers, no sentences (the page
 * words them, in one place).
 */
export type RunNotice =
  | DivergedNotice
  /** Paused at the epoch set in Stop at epoch. */
  | { readonly kind: 'stopped-at'; readonly epoch: number }
  /** Paused at `epoch`, whose loss came down to `limit` (Stop at loss). */
  | {
      readonly kind: 'stopped-at-loss';
      readonly epoch: number;
      readonly loss: number;
      readonly limit: number;
    }
  | { readonly kind: 'cannot-train'; readonly reason: DataProblem };

/**
 * How a run blew up: its loss or a parameter stopped being a finite number; the parameters grew past
 * their bound; or the loss stayed far above its best (and above what guessing 0.5 for everyone costs)
 * for a window of epochs.
 */
export type DivergeCause = 'not-finite' | 'params-too-large' | 'loss-far-above-best';

/**
 * Training blew up at `epoch` and paused; the parameters went back to `lastGoodEpoch`'s (the epoch with
 * the lowest loss since the run, its data or its parameters last changed). The rest says what to try.
 */
export interface DivergedNotice {
  readonly kind: 'diverged';
  readonly cause: DivergeCause;
  readonly epoch: number;
  /** The loss at `epoch` (NaN when it was not finite). */
  readonly loss: number;
  readonly lastGoodEpoch: number;
  /** The loss at `lastGoodEpoch` (NaN when that epoch was never measured, e.g. an edit's). */
  readonly lastGoodLoss: number;
  /** The run's learning rate, momentum and scaling when it blew up: what the advice is about. */
  readonly learningRate: number;
  readonly momentum: number;
  readonly scaling: ScalingMode;
}

/**
 * The loss has stopped improving: no epoch's loss came 1 % below `best` for `epoch - since` epochs (at
 * least 200, and at least a tenth of the run); sooner when the loss stands still on a saturated output
 * or swings up and down (`shape`).
 * Training goes on; this only says so, once per plateau.
 */
export interface PlateauNotice {
  readonly kind: 'plateau';
  /** The best loss since the last real improvement. */
  readonly best: number;
  /** The epoch that loss was reached. */
  readonly since: number;
  /** The epoch the plateau was noticed. */
  readonly epoch: number;
  /** Whether some epoch's loss since `since` rose well above `best` (a higher rate would not help). */
  readonly rose: boolean;
  /** The learning rate training on with, and the hidden neurons: what the advice is about. */
  readonly learningRate: number;
  readonly hidden: number;
  /** What the losses did, when that says why: stood still on a saturated output, or swung. */
  readonly shape?: PlateauShape;
}

/** The sample trained last: its forward values, chain-rule factors and gradient (core buffer layouts). */
export interface SampleSnapshot {
  /** Its row in the table (rows left out of training are skipped, so this is not the sample index). */
  readonly row: number;
  readonly forward: Float64Array;
  readonly factors: Float64Array;
  readonly grad: Float64Array;
  /** The parameters before this sample's update; known exactly only after `Step sample`, else null. */
  readonly paramsBefore: Float64Array | null;
}

/** The run as it is right now. */
export interface LiveSnapshot {
  /** The network the parameters belong to (their count is paramCount(architecture.hidden)). */
  readonly architecture: Architecture;
  readonly epoch: number;
  /** Samples done in the current, unfinished epoch. */
  readonly cursor: number;
  readonly sampleCount: number;
  readonly params: Float64Array;
  /** Dataset loss (MSE or cross-entropy, as the architecture says) of the current parameters. */
  readonly loss: number;
  readonly learningRate: number;
  readonly scaling: Scaling;
  readonly sample: SampleSnapshot | null;
  /** Epochs trained per second over the last second of running (0 when paused). */
  readonly epochsPerSecond: number;
  /** Completed epochs when the current learning rate took over (it applies from the next sample). */
  readonly learningRateSince: number;
  /** Completed epochs when the current table took over (edits apply at an epoch boundary). */
  readonly dataSince: number;
  /** Set while the loss has stopped improving; cleared when it improves again or the run restarts. */
  readonly plateau: PlateauNotice | null;
  /** The table row `Step sample` trains next (nextSampleRow); null while no row can train. */
  readonly nextRow: number | null;
  /** What the optimizer remembers now; null for plain SGD, which remembers nothing. */
  readonly optimizer?: OptimizerSnapshot | null;
}

/**
 * The optimizer's memory after its last step, per parameter (optimizer.ts): momentum's velocity, or
 * RMSProp's and Adam's second moment and Adam's first; null where the optimizer keeps none.
 */
export interface OptimizerSnapshot {
  /** Steps taken since the run (or its optimizer) started: Adam's t. */
  readonly steps: number;
  readonly velocity: Float64Array | null;
  readonly firstMoment: Float64Array | null;
  readonly secondMoment: Float64Array | null;
}

export interface FrameMessage {
  readonly type: 'frame';
  /** Increases on every configure/reset, so a frame from an old run is never mixed into a new one. */
  readonly runId: number;
  readonly status: RunStatus;
  /** Epochs firstEpoch .. firstEpoch + count - 1 finished since the last frame (count may be 0). */
  readonly firstEpoch: number;
  readonly count: number;
  /**
   * losses[i] is the loss after epoch firstEpoch + i, accuracies[i] the share of rows on the right side
   * of 0.5 then, and params holds `paramsPerEpoch` values per epoch. Transferred; hand them back.
   */
  readonly losses: Float64Array;
  readonly accuracies: Float64Array;
  readonly params: Float64Array;
  /**
   * The same epochs' loss and accuracy over the test rows; present only while the run has test rows (a
   * training share under 100 %), NaN for epochs measured before it had. Transferred with the rest.
   */
  readonly testLosses?: Float64Array;
  readonly testAccuracies?: Float64Array;
  /** Parameters per epoch in `params`: the run's network size (9 for the article's 2-2-1). */
  readonly paramsPerEpoch: number;
  /**
   * Present when the worker sent only the epochs the page keeps (KeepRule): record i is then epoch
   * epochs[i] (rising), not firstEpoch + i; firstEpoch is epochs[0]. Transferred with the rest.
   */
  readonly epochs?: Float64Array;
  /**
   * Increases whenever this run's epochs went back (a blow-up rolled back, a branch from a recorded
   * epoch): a KeepRule the page worked out for an earlier branch no longer holds. Absent: 0.
   */
  readonly branch?: number;
  readonly live: LiveSnapshot;
  readonly notice: RunNotice | null;
}

export type WorkerMessage = FrameMessage | { readonly type: 'pong' };
