import { PARAM_COUNT } from '../core/network';
import { initialParams } from '../core/init';
import {
  createTrainer,
  currentLoss,
  replaceTrainingSet,
  trainEpoch,
  trainSample,
  type Trainer,
} from '../core/trainer';
import { buildTrainingSet, trainingSetProblem, type TrainingSet } from '../core/trainingSet';
import { EpochBatch } from './batch';
import { allFinite, divergedNotice, liveSnapshot, stoppedAtNotice } from './snapshot';
import type { Command, FrameMessage, RunConfig, RunNotice, RunStatus, WorkerMessage } from './protocol';

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
/** How often (in epochs) the loop looks at the clock. */
const CLOCK_EVERY = 64;
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
  private notice: RunNotice | null = null;
  private paramsBefore: Float64Array | null = null;
  private readonly lastGood = new Float64Array(PARAM_COUNT);
  private lastGoodEpoch = 0;
  private speed: number | null = null;
  private stopAt: number | null = null;
  private tickScheduled = false;
  private lastPostAt = -Infinity;
  private playStartedAt = 0;
  private epochsSincePlay = 0;
  private rateMark = { at: 0, epoch: 0 };
  private epochsPerSecond = 0;
  private learningRateSince = 0;
  private dataSince = 0;
  private framesInFlight = 0;

  constructor(private readonly host: SessionHost) {}

  handle(command: Command): void {
    switch (command.type) {
      case 'configure':
        this.config = command.config;
        this.startRun();
        return;
      case 'reset':
        this.startRun();
        return;
      case 'set-data':
        this.setData(command.people);
        return;
      case 'set-learning-rate':
        if (this.config) this.config = { ...this.config, learningRate: command.learningRate };
        if (this.trainer) {
          this.trainer.learningRate = command.learningRate;
          this.learningRateSince = this.trainer.epoch;
        }
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
        this.speed = command.epochsPerSecond;
        this.restartPacing();
        return;
      case 'set-stop-at':
        this.stopAt = command.epoch;
        return;
      case 'set-param':
        this.setParam(command.index, command.value);
        return;
      case 'resume-from':
        this.resumeFrom(command.epoch, command.params);
        return;
      case 'ping':
        this.host.post({ type: 'pong' }, []);
        return;
      case 'recycle':
        this.framesInFlight = Math.max(0, this.framesInFlight - 1);
        this.batch.recycle(command.losses, command.params);
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
    this.batch.clear();
    const set = buildTrainingSet(config.people, config.scaling);
    const resume = config.resume && config.resume.params.length === PARAM_COUNT ? config.resume : null;
    this.trainer = createTrainer({
      params: resume ? resume.params : initialParams(config.initialWeights, config.seed),
      set,
      sampleOrder: config.sampleOrder,
      seed: config.seed,
      learningRate: config.learningRate,
    });
    if (resume) {
      this.trainer.epoch = resume.epoch;
      // Resuming happens once; Reset goes back to the run's real start.
      this.config = { ...config, resume: null };
    }
    this.lastGood.set(this.trainer.params);
    this.lastGoodEpoch = this.trainer.epoch;
    this.learningRateSince = this.trainer.epoch;
    this.dataSince = this.trainer.epoch;
    const loss = currentLoss(this.trainer);
    if (Number.isFinite(loss)) this.batch.record(this.trainer.epoch, loss, this.trainer.params);
    this.flush();
  }

  private setData(people: RunConfig['people']): void {
    if (!this.config || !this.trainer) return;
    this.config = { ...this.config, people };
    const set = buildTrainingSet(people, this.config.scaling);
    if (this.trainer.cursor === 0) {
      replaceTrainingSet(this.trainer, set);
      this.dataSince = this.trainer.epoch;
    } else {
      this.pendingSet = set;
    }
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
    this.epochsPerSecond = 0;
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

  private setParam(index: number, value: number): void {
    const trainer = this.trainer;
    if (!trainer || !Number.isInteger(index) || index < 0 || index >= PARAM_COUNT || !Number.isFinite(value))
      return;
    trainer.params[index] = value;
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
      params.length !== PARAM_COUNT ||
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
    trainer.cursor = 0;
    trainer.lastSample = -1;
    this.lastGood.set(params);
    this.lastGoodEpoch = epoch;
    this.applyPendingSet();
    this.flush();
  }

  /** Trains to the end of the current epoch; false when the run paused itself (diverged or stop). */
  private finishEpoch(): boolean {
    const trainer = this.trainer!;
    if (this.pendingSet && trainer.cursor === 0) this.applyPendingSet();
    this.paramsBefore = null;
    return this.endEpoch(trainEpoch(trainer));
  }

  /** Records a finished epoch, or rolls back if it blew up. */
  private endEpoch(loss: number): boolean {
    const trainer = this.trainer!;
    if (this.pendingSet) this.applyPendingSet();
    if (!this.batch.record(trainer.epoch, loss, trainer.params)) {
      const epoch = trainer.epoch;
      this.rememberLastGood();
      trainer.params.set(this.lastGood);
      trainer.epoch = this.lastGoodEpoch;
      trainer.cursor = 0;
      this.status = 'paused';
      this.notice = divergedNotice(epoch, this.lastGoodEpoch);
      return false;
    }
    if (this.status === 'running' && this.stopAt !== null && trainer.epoch === this.stopAt) {
      this.status = 'paused';
      this.notice = stoppedAtNotice(trainer.epoch);
      return false;
    }
    return true;
  }

  /**
   * The last good parameters are the newest recorded epoch's: kept in the batch while training, copied
   * out only when the batch is handed over (not once per epoch, which would cost the hot loop).
   */
  private rememberLastGood(): void {
    if (this.batch.copyLastParams(this.lastGood)) this.lastGoodEpoch = this.batch.lastEpoch;
  }

  private applyPendingSet(): void {
    if (!this.pendingSet || !this.trainer) return;
    replaceTrainingSet(this.trainer, this.pendingSet);
    this.pendingSet = null;
    this.dataSince = this.trainer.epoch;
  }

  private cannotTrain(set: TrainingSet): RunNotice | null {
    return set.count === 0 ? { kind: 'cannot-train', message: trainingSetProblem(set)! } : null;
  }

  private restartPacing(): void {
    this.playStartedAt = this.host.now();
    this.epochsSincePlay = 0;
    this.rateMark = { at: this.playStartedAt, epoch: this.trainer?.epoch ?? 0 };
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
    const due =
      this.speed === null
        ? Infinity
        : Math.floor(((host.now() - this.playStartedAt) * this.speed) / 1000) - this.epochsSincePlay;
    let trained = 0;
    let keepGoing = true;
    const pageBehind = this.framesInFlight >= MAX_FRAMES_IN_FLIGHT;
    const room = pageBehind ? MAX_WAITING_EPOCHS - this.batch.count : Infinity;
    while (trained < due && trained < room) {
      keepGoing = this.finishEpoch();
      trained += 1;
      if (!keepGoing || (trained % CLOCK_EVERY === 0 && host.now() >= sliceEnd)) break;
    }
    this.epochsSincePlay += trained;
    if (!keepGoing) {
      this.epochsPerSecond = 0;
      this.flush();
      return;
    }
    const now = host.now();
    if (now - this.lastPostAt >= FRAME_MS && !pageBehind) this.flush();
    // Waiting for the page: look again in a frame instead of spinning.
    this.scheduleTick(this.speed === null && trained < room ? 0 : FRAME_MS);
  }

  private flushIfPaused(): void {
    if (this.status === 'paused') this.flush();
  }

  private measureRate(now: number, epoch: number): void {
    if (this.status !== 'running') {
      this.epochsPerSecond = 0;
      return;
    }
    const elapsed = now - this.rateMark.at;
    if (elapsed < 500) return;
    this.epochsPerSecond = ((epoch - this.rateMark.epoch) * 1000) / elapsed;
    this.rateMark = { at: now, epoch };
  }

  private flush(): void {
    const trainer = this.trainer;
    if (!trainer) return;
    const now = this.host.now();
    this.measureRate(now, trainer.epoch);
    this.rememberLastGood();
    const taken = this.batch.take();
    const message: FrameMessage = {
      type: 'frame',
      runId: this.runId,
      status: this.status,
      firstEpoch: taken.firstEpoch,
      count: taken.count,
      losses: taken.losses,
      params: taken.params,
      live: liveSnapshot(trainer, {
        paramsBefore: this.paramsBefore,
        epochsPerSecond: this.epochsPerSecond,
        learningRateSince: this.learningRateSince,
        dataSince: this.dataSince,
      }),
      notice: this.notice,
    };
    this.lastPostAt = now;
    this.framesInFlight += 1;
    this.host.post(message, [taken.losses.buffer, taken.params.buffer]);
  }
}
