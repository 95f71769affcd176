import { describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { currentLoss, trainEpoch } from '../../src/core/trainer';
import type { Command, FrameMessage, RunConfig, WorkerMessage } from '../../src/worker/protocol';
import { startTrainer } from '../../src/worker/runStart';
import { TrainingSession } from '../../src/worker/session';

const CONFIG: RunConfig = {
  people: ARTICLE_PEOPLE,
  scaling: 'article',
  initialWeights: 'random',
  seed: 42,
  sampleOrder: 'in-order',
  learningRate: 0.1,
};

/**
 * A session and a page that hands its frames back only when it paints (`paint`), as the real page does at
 * its next animation frame; the session's clock moves 1 ms each time it is read (a slice is 8 ms).
 */
function slowPage() {
  const frames: FrameMessage[] = [];
  const unreturned: FrameMessage[] = [];
  const queued: (() => void)[] = [];
  let clock = 0;
  const session = new TrainingSession({
    post: (message: WorkerMessage) => {
      if (message.type !== 'frame') return;
      frames.push(copyOf(message));
      unreturned.push(message);
    },
    now: () => clock++,
    yieldThen: (task) => queued.push(task),
    after: (_ms, task) => queued.push(task),
  });
  const send = (command: Command) => session.handle(command);
  return {
    frames,
    send,
    /** The worker runs `slices` slices of training (or waits for the page, as it decides). */
    work(slices: number) {
      for (let i = 0; i < slices; i++) queued.shift()?.();
    },
    /** The page paints: it hands back every frame it has taken in since it last painted. */
    paint() {
      for (const { losses, accuracies, params } of unreturned.splice(0))
        send({ type: 'recycle', losses, accuracies, params });
    },
  };
}

/** What the page's store keeps of a frame (its buffers go back to the worker). */
function copyOf(frame: FrameMessage): FrameMessage {
  const { count, paramsPerEpoch } = frame;
  return {
    ...frame,
    losses: frame.losses.slice(0, count),
    accuracies: frame.accuracies.slice(0, count),
    params: frame.params.slice(0, count * paramsPerEpoch),
  };
}

function epochsIn(frames: readonly FrameMessage[]): number[] {
  return frames.flatMap((frame) => Array.from({ length: frame.count }, (_, i) => frame.firstEpoch + i));
}

/** The engine's losses for epochs 0..last, one epoch at a time. */
function referenceLosses(last: number): number[] {
  const trainer = startTrainer(CONFIG);
  const losses = [currentLoss(trainer)];
  for (let epoch = 1; epoch <= last; epoch++) losses.push(trainEpoch(trainer));
  return losses;
}

describe('flow control: the worker posts a frame per frame the page paints', () => {
  it('a page that hands frames back late receives merged frames, every epoch once and in order', () => {
    const page = slowPage();
    page.send({ type: 'configure', config: CONFIG });
    page.send({ type: 'set-speed', epochsPerSecond: null });
    page.paint();
    page.send({ type: 'play' });
    const afterPlay = page.frames.length;
    // Many slices (frames' worth of the worker's clock) while the page paints nothing: no new message.
    page.work(20);
    expect(page.frames.length).toBe(afterPlay);
    // It paints: the epochs trained meanwhile come at once, in one frame.
    page.paint();
    expect(page.frames.length).toBe(afterPlay + 1);
    const merged = page.frames.at(-1)!;
    expect(merged.count).toBeGreaterThan(20 * 64);
    // Three paints, three more frames however long the worker trains between them.
    for (let paint = 0; paint < 3; paint++) {
      page.work(7);
      page.paint();
    }
    expect(page.frames.length).toBe(afterPlay + 4);
    page.send({ type: 'pause' });
    const epochs = epochsIn(page.frames);
    expect(epochs).toEqual(Array.from({ length: epochs.length }, (_, i) => i));
    const last = page.frames.at(-1)!;
    expect(last.live.epoch).toBe(epochs.at(-1));
    const losses = page.frames.flatMap((frame) => Array.from(frame.losses));
    expect(losses).toEqual(referenceLosses(last.live.epoch));
  });

  it('Pause shows the last epoch at once, even while the page still holds a frame', () => {
    const page = slowPage();
    page.send({ type: 'configure', config: CONFIG });
    page.send({ type: 'set-speed', epochsPerSecond: null });
    page.paint();
    page.send({ type: 'play' });
    page.work(5); // the page has not painted since Play: the worker holds what it trained
    const held = page.frames.length;
    page.send({ type: 'pause' });
    expect(page.frames.length).toBe(held + 1);
    const paused = page.frames.at(-1)!;
    expect(paused.status).toBe('paused');
    expect(paused.count).toBeGreaterThan(0);
    expect(paused.firstEpoch + paused.count - 1).toBe(paused.live.epoch);
    expect(epochsIn(page.frames)).toEqual(Array.from({ length: paused.live.epoch + 1 }, (_, i) => i));
  });

  it('a page that hands back at once (hidden, painting nothing) still gets a frame at most every 16 ms', () => {
    const posts: number[] = [];
    const queued: (() => void)[] = [];
    let clock = 0;
    const session: TrainingSession = new TrainingSession({
      post: (message: WorkerMessage) => {
        if (message.type !== 'frame') return;
        posts.push(clock);
        const { losses, accuracies, params } = message;
        session.handle({ type: 'recycle', losses, accuracies, params });
      },
      now: () => clock++,
      yieldThen: (task) => queued.push(task),
      after: (_ms, task) => queued.push(task),
    });
    session.handle({ type: 'configure', config: CONFIG });
    session.handle({ type: 'set-speed', epochsPerSecond: null });
    session.handle({ type: 'play' });
    for (let i = 0; i < 40; i++) queued.shift()?.();
    const gaps = posts.slice(2).map((at, i) => at - posts[i + 1]!);
    expect(gaps.length).toBeGreaterThan(5);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(16);
  });
});

describe('flow control: training that waits for the page', () => {
  it('goes on as soon as the page hands a frame back, not a frame later', () => {
    const unreturned: FrameMessage[] = [];
    const soon: (() => void)[] = [];
    const later: (() => void)[] = [];
    let clock = 0;
    const session: TrainingSession = new TrainingSession({
      post: (message: WorkerMessage) => {
        if (message.type === 'frame') unreturned.push(message);
      },
      now: () => (clock += 0.001), // a fast machine: the slices end at the epochs the page may be behind
      yieldThen: (task) => soon.push(task),
      after: (_ms, task) => later.push(task),
    });
    const handBack = () => {
      for (const { losses, accuracies, params } of unreturned.splice(0))
        session.handle({ type: 'recycle', losses, accuracies, params });
    };
    session.handle({ type: 'configure', config: CONFIG });
    session.handle({ type: 'set-speed', epochsPerSecond: null });
    handBack();
    session.handle({ type: 'play' });
    // The page paints nothing: the worker trains until as many epochs as it may hold wait, then waits.
    while (soon.length > 0) soon.shift()!();
    expect(later).toHaveLength(1);
    clock += 10; // the page hands back 10 ms on, before the worker's next look
    handBack();
    // The frame goes out and training goes on at once: a slice is queued now, not behind a timer.
    expect(unreturned).toHaveLength(1);
    expect(soon).toHaveLength(1);
    const before = unreturned.at(-1)!.live.epoch;
    soon.shift()!();
    session.handle({ type: 'pause' });
    expect(unreturned.at(-1)!.live.epoch).toBeGreaterThan(before);
    // The timer set while it waited does nothing when it fires: one chain of slices, not two.
    const queuedBefore = soon.length + later.length;
    later.shift()!();
    expect(soon.length + later.length).toBe(queuedBefore - 1);
  });
});
