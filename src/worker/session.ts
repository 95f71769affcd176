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
import { canResumeFrom, writeParam, writeParams } from './paramEdits';
import { splitSets, startTrainer } from './runStart';
import { allFinite, liveSnapshot } from './snapshot';
import { StopRules } from './stops';
import { TestRows } from './testRows';
import { PageKeep } from './pageKeep';
import { EpochRuns } from './epochRuns';
import { TrainingSlices } from './slices';
import { FrameRelay } from './frameRelay';
import type { Command, DivergeCause, RunConfig, RunNotice, RunStatus } from './protocol';
import type { SessionHost } from './sessionHost';

export type { SessionHost } from './sessionHost';

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
  private lastPostAt = -Infinity;
  private learningRateSince = 0;
  private dataSince = 0;
  private framesInFlight = 0;
  private readonly keep = new PageKeep();
  /** Frames on their way out; the evaluation worker's answers and failures go to it. */
  readonly relay: FrameRelay;
  private readonly runs: EpochRuns;
  private readonly slices: TrainingSlices;

  constructor(private readonly host: SessionHost) {
    this.relay = new FrameRelay(
      (message, transfer) => host.post(message, transfer),
      host.startEvaluator ?? null,
      host,
    );
    const judge = {
      blewUp: (loss: number) => this.rollBack('loss-far-above-best', loss),
      stopped: (notice: RunNotice) => this.stopWith(notice),
      refuse: (loss: number) => this.refuseEpoch(loss),
    };
    this.runs = new EpochRuns(this.batch, this.blowUp, this.plateau, this.stops, judge);
    this.slices = new TrainingSlices(host, {
      pacing: this.pacing,
      running: () => this.status === 'running',
      trainEpochs: (most) => this.trainEpochs(most),
      samplesPerEpoch: () => this.trainer?.set.count ?? 1,
      waitingEpochs: () => this.batch.count,
      framesInFlight: () => this.framesInFlight,
      lastPostAt: () => this.lastPostAt,
      flush: () => this.flush(),
    });
  }

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
        this.keep.handedBack(command, this.batch);
        this.slices.handedBack();
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
    this.slices.schedule(0);
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
    if (!trainer || !canResumeFrom(trainer, epoch, params)) return;
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
   * Trains between 1 and `most` epochs of a playing run; returns how many: many per call where EpochRuns
   * fits (no table waiting; test rows only when the evaluation worker measures them), else one.
   */
  private trainEpochs(most: number): number {
    const trainer = this.trainer!;
    const deferTests = this.deferTests();
    if (EpochRuns.fits(trainer) && !this.pendingSet && (deferTests || !this.tests.active)) {
      this.paramsBefore = null;
      return this.runs.train(trainer, most, deferTests && this.tests.active);
    }
    this.finishEpoch();
    return 1;
  }

  /** Records a finished epoch (its loss and accuracy are over the rows it trained on), or rolls back if it blew up. */
  private endEpoch(loss: number): boolean {
    const trainer = this.trainer!;
    if (!this.tests.record(trainer, loss, this.deferTests())) return this.refuseEpoch(loss);
    return this.judgeEpoch(loss, trainer.epoch);
  }

  /** A playing run leaves its test rows to the evaluation worker; a step measures them at once. */
  private deferTests(): boolean {
    return this.status === 'running' && this.relay.evaluating;
  }

  /** The batch refused the epoch the trainer is at: its loss or parameters are not finite, or too large. */
  private refuseEpoch(loss: number): false {
    const finite = Number.isFinite(loss) && allFinite(this.trainer!.params);
    return this.rollBack(finite ? 'params-too-large' : 'not-finite', loss);
  }

  /**
   * A recorded epoch through the watches and the stop rules; false when the run paused itself there
   * (the trainer is at that epoch). EpochRuns judges its runs' epochs the same way, in its own loop.
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
    return stop === null || this.stopWith(stop);
  }

  /** A stop rule paused the playing run at the epoch the trainer is at. */
  private stopWith(notice: RunNotice): false {
    this.status = 'paused';
    this.notice = notice;
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
    this.tests.applyPending(this.trainer.architecture);
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
    const rows = this.tests.rowsFor(trainer.architecture);
    const header = { runId, status, live, notice };
    const [message, transfer, deferredFrom] = this.keep.takeFrame(this.batch, header, trainer.epoch);
    this.lastPostAt = now;
    this.framesInFlight += 1;
    this.relay.send(message, transfer, deferredFrom, rows);
  }
}
