import { trainArticleEpochs, type EpochBreaks } from '../core/articleEpochs';
import { trainerSaturation } from '../core/saturation';
import {
  currentLoss,
  replaceTrainingSet,
  restartOptimizer,
  trainEpoch,
  trainSample,
  type Trainer,
} from '../core/trainer';
import { trainingSetProblem, type TrainingSet } from '../core/trainingSet';
import { EpochBatch } from './batch';
import { BlowUpWatch } from './blowUp';
import { Pacing } from './pacing';
import { PlateauWatch } from './plateau';
import { writeParam, writeParams } from './paramEdits';
import { splitSets, startTrainer } from './runStart';
import { allFinite, liveSnapshot } from './snapshot';
import { StopRules } from './stops';
import { TestRows } from './testRows';
import { takeFrame } from './framePost';
import type { Command, DivergeCause, RunConfig, RunNotice, RunStatus, WorkerMessage } from './protocol';

/** What the session needs from its surroundings (the worker global, or a test). */
export interface SessionHost {
  post(message: WorkerMessage, transfer: Transferable[]): void;
  now(): number;
  /** Runs `task` as soon as pending messages have been handled (a macrotask, not clamped like setTimeout). */
  yieldThen(task: () => void): void;
  after(ms: number, task: () => void): void;
}

/** About one animation frame: the session never posts more often while training. */
export const FRAME_MS = 16;
/** How long one slice of the loop trains before it lets commands in. */
const SLICE_MS = 8;
/** How often (samples trained) the loop reads the clock: every 64 epochs of 4 rows, every epoch of 100,000. */
const CLOCK_EVERY_SAMPLES = 256;
/**
 * Back-pressure: frames the page has not handed back yet. A page that falls behind gets no new frame
 * until it catches up (the epochs wait in the batch), so it never drowns in a queue of old frames.
 */
const MAX_FRAMES_IN_FLIGHT = 2;
/** While the page is behind, training waits once this many epochs are waiting for it. */
const MAX_WAITING_EPOCHS = 1 << 18;

/**
 * The training worker's brain: owns the live run, answers commands, trains in time-sliced chunks and
 * posts one frame per animation frame with every epoch finished since the last.
 */
export class TrainingSession {
  private config: RunConfig | null = null;
  private trainer: Trainer | null = null;
  private pendingSet: TrainingSet | null = null;
  private status: RunStatus = 'paused';
  private runId = 0;
  private readonly batch = new EpochBatch();
  private readonly tests = new TestRows(this.batch);
  private notice: RunNotice | null = null;
  private paramsBefore: Float64Array | null = null;
  private readonly blowUp = new BlowUpWatch(this.batch);
  private readonly pacing = new Pacing();
  private readonly stops = new StopRules();
  private readonly plateau = new PlateauWatch();
  private tickScheduled = false;
  private lastPostAt = -Infinity;
  private learningRateSince = 0;
  private dataSince = 0;
  private framesInFlight = 0;
  /** Where trainArticleEpochs hands back control; refilled before each call. */
  private readonly breaks: EpochBreaks = {
    sizeSquared: 0,
    lossAtMost: 0,
    lossAbove: 0,
    lowest: 0,
    riseFactor: 0,
    riseFloor: 0,
  };

  constructor(private readonly host: SessionHost) {}

  handle(command: Command): void {
    switch (command.type) {
      case 'configure': {
        // A setting that starts the run again while it plays: it starts again and plays on.
        const playing = this.status === 'running';
        this.config = command.config;
        this.startRun();
        if (playing) this.play();
        return;
      }
      case 'reset':
        this.startRun();
        return;
      case 'set-data':
        this.setData(command);
        return;
      case 'set-learning-rate':
        if (this.config) this.config = { ...this.config, learningRate: command.learningRate };
        if (this.trainer) {
          this.trainer.learningRate = command.learningRate;
          this.learningRateSince = this.trainer.epoch;
        }
        this.plateau.setLearningRate(command.learningRate);
        this.flushIfPaused();
        return;
      case 'set-sample-order':
        if (this.config) this.config = { ...this.config, sampleOrder: command.sampleOrder };
        if (this.trainer) this.trainer.sampleOrder = command.sampleOrder;
        return;
      case 'play':
        this.play();
        return;
      case 'pause':
        this.pause(null);
        return;
      case 'step-sample':
        this.stepSample();
        return;
      case 'step-epoch':
        this.stepEpoch();
        return;
      case 'set-speed':
        this.pacing.speed = command.epochsPerSecond;
        this.restartPacing();
        return;
      case 'set-stop-at':
        this.stops.epoch = command.epoch;
        return;
      case 'set-stop-at-loss':
        this.stops.setLoss(command.loss);
        return;
      case 'set-param':
        if (this.trainer && writeParam(this.trainer, command.index, command.value)) this.paramsEdited();
        return;
      case 'set-params':
        if (this.trainer && writeParams(this.trainer, command.params)) this.paramsEdited();
        return;
      case 'resume-from':
        this.resumeFrom(command.epoch, command.params);
        return;
      case 'ping':
        this.host.post({ type: 'pong' }, []);
        return;
      case 'recycle':
        this.framesInFlight = Math.max(0, this.framesInFlight - 1);
        this.batch.recycle(command);
        return;
    }
  }

  private startRun(): void {
    const config = this.config;
    if (!config) return;
    this.runId += 1;
    this.status = 'paused';
    this.notice = null;
    this.pendingSet = null;
    this.paramsBefore = null;
    const { train, test } = splitSets(config.people, config, config.testRows);
    this.trainer = startTrainer(config, train);
    this.tests.start(test);
    // Resuming happens once; Reset goes back to the run's real start.
    if (config.resume) this.config = { ...config, resume: null };
    this.batch.setParamsPerEpoch(this.trainer.params.length);
    this.learningRateSince = this.trainer.epoch;
    this.dataSince = this.trainer.epoch;
    this.plateau.hidden = this.trainer.architecture.hidden;
    const trainer = this.trainer;
    this.plateau.saturation = () => trainerSaturation(trainer);
    this.plateau.setLearningRate(config.learningRate);
    const loss = this.restartWatches();
    this.blowUp.anchor(this.trainer, loss);
    this.tests.record(this.trainer, loss);
    this.flush();
  }

  private setData({ people, measure, testRows }: Extract<Command, { type: 'set-data' }>): void {
    if (!this.config || !this.trainer) return;
    this.config = { ...this.config, ...measure, people, testRows: testRows ?? null };
    const { train, test } = splitSets(people, this.config, testRows);
    this.pendingSet = train;
    this.tests.stage(test);
    // Classes and numbers need another output neuron: a new run.
    if (train.targetKind !== this.trainer.set.targetKind)
      return this.handle({ type: 'configure', config: this.config });
    if (this.trainer.cursor === 0) this.applyPendingSet();
    const set = this.pendingSet ?? this.trainer.set;
    if (this.status === 'running' && set.count === 0) this.pause(this.cannotTrain(set));
    else this.flushIfPaused();
  }

  private play(): void {
    const trainer = this.trainer;
    if (!trainer || this.status === 'running') return;
    const problem = this.cannotTrain(this.pendingSet ?? trainer.set);
    if (problem) {
      this.notice = problem;
      this.flush();
      return;
    }
    this.status = 'running';
    this.notice = null;
    this.restartPacing();
    this.flush();
    this.scheduleTick(0);
  }

  private pause(notice: RunNotice | null): void {
    this.status = 'paused';
    this.notice = notice;
    this.pacing.epochsPerSecond = 0;
    this.flush();
  }

  private stepSample(): void {
    const trainer = this.trainer;
    if (!trainer) return;
    this.status = 'paused';
    this.notice = null;
    const problem = this.cannotTrain(this.pendingSet ?? trainer.set);
    if (problem) return this.pause(problem);
    if (this.pendingSet && trainer.cursor === 0) this.applyPendingSet();
    this.paramsBefore = Float64Array.from(trainer.params);
    const finished = trainSample(trainer);
    if (finished) this.endEpoch(currentLoss(trainer));
    this.pause(this.notice);
  }

  private stepEpoch(): void {
    const trainer = this.trainer;
    if (!trainer) return;
    this.status = 'paused';
    this.notice = null;
    const problem = this.cannotTrain(this.pendingSet ?? trainer.set);
    if (problem) return this.pause(problem);
    this.finishEpoch();
    this.pause(this.notice);
  }

  private paramsEdited(): void {
    this.blowUp.forget(this.trainer!);
    this.restartWatches();
    this.flushIfPaused();
  }

  /**
   * Back to a recorded epoch: its parameters, its epoch count, at an epoch boundary. The history after
   * it is the page's to drop. (The shuffle stream is not rewound: in `Shuffled` order the branch draws
   * new orders from here.)
   */
  private resumeFrom(epoch: number, params: Float64Array): void {
    const trainer = this.trainer;
    if (
      !trainer ||
      params.length !== trainer.params.length ||
      !allFinite(params) ||
      !Number.isInteger(epoch) ||
      epoch < 0
    ) {
      return;
    }
    this.status = 'paused';
    this.notice = null;
    this.paramsBefore = null;
    this.batch.clear();
    trainer.params.set(params);
    trainer.epoch = epoch;
    restartOptimizer(trainer);
    trainer.lastSample = -1;
    this.applyPendingSet();
    this.blowUp.anchor(trainer, this.restartWatches());
    this.flush();
  }

  /** Trains to the end of the current epoch; false when the run paused itself (diverged or stop). */
  private finishEpoch(): boolean {
    const trainer = this.trainer!;
    if (this.pendingSet && trainer.cursor === 0) this.applyPendingSet();
    this.paramsBefore = null;
    return this.endEpoch(trainEpoch(trainer));
  }

  /**
   * Trains between 1 and `most` epochs of a playing run; returns how many. The article's network at an
   * epoch boundary, with no test rows and no table waiting, runs whole epochs in one call that records
   * them straight into the batch (the loop stops early at any epoch the watches or the stop rules must
   * see with the trainer still at it); anything else trains one epoch at a time.
   */
  private trainEpochs(most: number): number {
    const trainer = this.trainer!;
    const fast = trainer.articlePath && trainer.cursor === 0 && !this.pendingSet && !this.tests.active;
    if (!fast) {
      this.finishEpoch();
      return 1;
    }
    const stopAt = this.stops.epoch;
    const epochs = stopAt !== null && stopAt > trainer.epoch ? Math.min(most, stopAt - trainer.epoch) : most;
    const { batch, breaks } = this;
    const columns = batch.reserve(epochs);
    const at = batch.count;
    const first = trainer.epoch + 1;
    this.blowUp.riseBreaks(breaks);
    this.stops.lossBreaks(breaks);
    this.paramsBefore = null;
    const recorded = trainArticleEpochs(trainer, epochs, columns, at, breaks);
    batch.commit(first, recorded);
    for (let k = 0; k < recorded; k++) {
      if (!this.judgeEpoch(columns.losses[at + k]!, first + k)) return k + 1;
    }
    const trained = trainer.epoch - first + 1;
    if (trained > recorded) this.refuseEpoch(columns.losses[at + recorded]!);
    return trained;
  }

  /** Records a finished epoch (its loss and accuracy are over the rows it trained on), or rolls back if it blew up. */
  private endEpoch(loss: number): boolean {
    const trainer = this.trainer!;
    if (!this.tests.record(trainer, loss)) return this.refuseEpoch(loss);
    return this.judgeEpoch(loss, trainer.epoch);
  }

  /** The batch refused the epoch the trainer is at: its loss or parameters are not finite, or too large. */
  private refuseEpoch(loss: number): false {
    const finite = Number.isFinite(loss) && allFinite(this.trainer!.params);
    return this.rollBack(finite ? 'params-too-large' : 'not-finite', loss);
  }

  /**
   * A recorded epoch through the watches and the stop rules; false when the run paused itself there
   * (the trainer is at that epoch: trainEpochs stops at any epoch that may pause it).
   */
  private judgeEpoch(loss: number, epoch: number): boolean {
    if (this.blowUp.observe(loss, epoch)) return this.rollBack('loss-far-above-best', loss);
    this.plateau.observe(loss, epoch);
    if (this.pendingSet) this.applyPendingSet();
    if (this.status !== 'running') {
      this.stops.note(loss);
      return true;
    }
    const stop = this.stops.check(epoch, loss);
    if (!stop) return true;
    this.status = 'paused';
    this.notice = stop;
    return false;
  }

  /** The run blew up at this epoch: back to the last good one, paused, saying so. */
  private rollBack(cause: DivergeCause, loss: number): false {
    const trainer = this.trainer!;
    const epoch = trainer.epoch;
    const back = this.blowUp.rollBack(trainer);
    this.learningRateSince = Math.min(this.learningRateSince, back.epoch);
    this.dataSince = Math.min(this.dataSince, back.epoch);
    this.restartWatches();
    this.status = 'paused';
    const { learningRate, momentum } = trainer;
    const scaling = this.config!.scaling;
    const lastGood = { lastGoodEpoch: back.epoch, lastGoodLoss: back.loss };
    this.notice = { kind: 'diverged', cause, epoch, loss, ...lastGood, learningRate, momentum, scaling };
    return false;
  }

  /** The loss now is where the stop rule and the plateau watch count from (a start, a branch, an edit). */
  private restartWatches(): number {
    const trainer = this.trainer!;
    const loss = currentLoss(trainer);
    this.stops.restart(loss);
    this.plateau.restart(loss, trainer.epoch);
    return loss;
  }

  private applyPendingSet(): void {
    if (!this.pendingSet || !this.trainer) return;
    replaceTrainingSet(this.trainer, this.pendingSet);
    this.tests.applyPending();
    this.pendingSet = null;
    this.blowUp.forget(this.trainer);
    this.dataSince = this.trainer.epoch;
    this.plateau.restart(Number.POSITIVE_INFINITY, this.trainer.epoch);
  }

  private cannotTrain(set: TrainingSet): RunNotice | null {
    return set.count === 0 ? { kind: 'cannot-train', reason: trainingSetProblem(set)! } : null;
  }

  private restartPacing(): void {
    this.pacing.restart(this.host.now(), this.trainer?.epoch ?? 0);
  }

  private scheduleTick(delayMs: number): void {
    if (this.tickScheduled) return;
    this.tickScheduled = true;
    const run = (): void => {
      this.tickScheduled = false;
      this.tick();
    };
    if (delayMs <= 0) this.host.yieldThen(run);
    else this.host.after(delayMs, run);
  }

  /** One slice of training: as many epochs as are due (all, at full speed) for up to SLICE_MS. */
  private tick(): void {
    if (this.status !== 'running') return;
    const { host } = this;
    const sliceEnd = host.now() + SLICE_MS;
    const due = this.pacing.due(host.now());
    let trained = 0;
    let sinceClock = 0;
    const pageBehind = this.framesInFlight >= MAX_FRAMES_IN_FLIGHT;
    const room = pageBehind ? MAX_WAITING_EPOCHS - this.batch.count : Infinity;
    const clockEvery = Math.ceil(CLOCK_EVERY_SAMPLES / Math.max(1, this.trainer?.set.count ?? 1));
    while (trained < due && trained < room) {
      const epochs = this.trainEpochs(Math.min(due - trained, room - trained, clockEvery - sinceClock));
      trained += epochs;
      sinceClock += epochs;
      if (this.status !== 'running') break;
      if (sinceClock < clockEvery) continue;
      sinceClock = 0;
      if (host.now() >= sliceEnd) break;
    }
    this.pacing.trained(trained);
    if (this.status !== 'running') {
      this.pacing.epochsPerSecond = 0;
      this.flush();
      return;
    }
    const now = host.now();
    if (now - this.lastPostAt >= FRAME_MS && !pageBehind) this.flush();
    // Waiting for the page: look again in a frame instead of spinning.
    this.scheduleTick(this.pacing.speed === null && trained < room ? 0 : FRAME_MS);
  }

  private flushIfPaused(): void {
    if (this.status === 'paused') this.flush();
  }

  private flush(): void {
    const trainer = this.trainer;
    if (!trainer) return;
    const now = this.host.now();
    this.pacing.measure(now, trainer.epoch, this.status === 'running');
    this.blowUp.remember();
    const live = liveSnapshot(trainer, {
      paramsBefore: this.paramsBefore,
      epochsPerSecond: this.pacing.epochsPerSecond,
      learningRateSince: this.learningRateSince,
      dataSince: this.dataSince,
      plateau: this.plateau.notice,
    });
    const { runId, status, notice } = this;
    const [message, transfer] = takeFrame(this.batch, { runId, status, live, notice });
    this.lastPostAt = now;
    this.framesInFlight += 1;
    this.host.post(message, transfer);
  }
}
