import type { Pacing } from './pacing';

/** About one animation frame: the session never posts more often while training. */
export const FRAME_MS = 16;
/** How long one slice of the loop trains before it lets commands in. */
const SLICE_MS = 8;
/**
 * How often (samples trained) the loop reads the clock: every 1,024 epochs of 4 rows (about 0.3 ms at full
 * speed). Each look ends a call into the training loop, and every call costs about a microsecond of its
 * own (setting up, the last sample's trace, the clock): at 256 samples that was a few percent of the
 * article's epochs per second.
 */
const CLOCK_EVERY_SAMPLES = 4096;
/** An epoch this long (samples) is a look of its own: a command waits at most about one epoch. */
const LONG_EPOCH_SAMPLES = 256;
/**
 * Flow control: frames the page has not handed back yet. The page hands a frame back at its next painted
 * frame (frameAcks.ts), so with one in flight a page painting 10 frames a second receives 10 messages a
 * second, each with every epoch since the last (the epochs wait in the batch), instead of a queue of frames
 * it cannot show.
 */
const MAX_FRAMES_IN_FLIGHT = 1;
/**
 * A frame handed back this long after the last went out lets the next go at once, not at the end of the
 * slice after FRAME_MS: so it reaches a 60 Hz page before its next frame, whatever the phase between the
 * two clocks. Sooner (a page that hands back at once: hidden, or a test), the FRAME_MS pace holds.
 */
const HANDED_BACK_GAP_MS = 6;
/** While the page is behind, training waits once this many epochs are waiting for it. */
const MAX_WAITING_EPOCHS = 1 << 18;

/** What a slice needs of the session. */
export interface SlicedRun {
  readonly pacing: Pacing;
  running(): boolean;
  /** Trains between 1 and `most` epochs; returns how many. */
  trainEpochs(most: number): number;
  samplesPerEpoch(): number;
  /** Epochs trained but not yet posted. */
  waitingEpochs(): number;
  /** Frames posted that the page has not handed back. */
  framesInFlight(): number;
  /** When the last frame went out. */
  lastPostAt(): number;
  /** Posts a frame now. */
  flush(): void;
}

/** The clock's side of a playing run: slices of training between commands, and a frame per animation frame. */
export class TrainingSlices {
  private scheduled = false;
  /** Bumped by every schedule: a tick from an earlier one (a wait cut short) does nothing. */
  private scheduledAs = 0;
  /** The last slice stopped at MAX_WAITING_EPOCHS: training waits for the page to hand a frame back. */
  private waitingForPage = false;

  constructor(
    private readonly clock: {
      now(): number;
      yieldThen(task: () => void): void;
      after(ms: number, task: () => void): void;
    },
    private readonly run: SlicedRun,
  ) {}

  schedule(delayMs: number): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const as = ++this.scheduledAs;
    const tick = (): void => {
      if (as !== this.scheduledAs) return;
      this.scheduled = false;
      this.tick();
    };
    if (delayMs <= 0) this.clock.yieldThen(tick);
    else this.clock.after(delayMs, tick);
  }

  /**
   * The page handed a frame back: while training runs, the epochs waiting for it go now if it is time, and
   * training that stopped to wait for the page goes on at once, not at its next look a frame later (a
   * page slowed by a long task otherwise left the worker idle for up to FRAME_MS after each hand-back).
   */
  handedBack(): void {
    const { clock, run } = this;
    if (!run.running() || run.framesInFlight() >= MAX_FRAMES_IN_FLIGHT) return;
    if (run.waitingEpochs() > 0 && clock.now() - run.lastPostAt() >= HANDED_BACK_GAP_MS) run.flush();
    if (!this.waitingForPage) return;
    this.waitingForPage = false;
    this.scheduled = false;
    this.schedule(0);
  }

  /** One slice of training: as many epochs as are due (all, at full speed) for up to SLICE_MS. */
  private tick(): void {
    const { clock, run } = this;
    if (!run.running()) return;
    const sliceEnd = clock.now() + SLICE_MS;
    const due = run.pacing.due(clock.now());
    let trained = 0;
    let sinceClock = 0;
    const pageBehind = run.framesInFlight() >= MAX_FRAMES_IN_FLIGHT;
    const room = pageBehind ? MAX_WAITING_EPOCHS - run.waitingEpochs() : Infinity;
    const samples = Math.max(1, run.samplesPerEpoch());
    const clockEvery = samples >= LONG_EPOCH_SAMPLES ? 1 : Math.ceil(CLOCK_EVERY_SAMPLES / samples);
    while (trained < due && trained < room) {
      const epochs = run.trainEpochs(Math.min(due - trained, room - trained, clockEvery - sinceClock));
      trained += epochs;
      sinceClock += epochs;
      if (!run.running()) break;
      if (sinceClock < clockEvery) continue;
      sinceClock = 0;
      if (clock.now() >= sliceEnd) break;
    }
    run.pacing.trained(trained);
    if (!run.running()) {
      run.pacing.epochsPerSecond = 0;
      run.flush();
      return;
    }
    if (clock.now() - run.lastPostAt() >= FRAME_MS && !pageBehind) run.flush();
    // Waiting for the page: look again in a frame (or at its hand-back) instead of spinning.
    this.waitingForPage = run.pacing.speed === null && trained >= room;
    this.schedule(run.pacing.speed === null && trained < room ? 0 : FRAME_MS);
  }
}
