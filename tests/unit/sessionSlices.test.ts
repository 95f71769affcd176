import { describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE, type Person } from '../../src/core/dataset';
import type { FrameMessage, RunConfig, WorkerMessage } from '../../src/worker/protocol';
import { TrainingSession } from '../../src/worker/session';

/** `count` people, the article's four over and over. */
const peopleOf = (count: number): Person[] =>
  Array.from({ length: count }, (_, i) => ({ ...ARTICLE_PEOPLE[i % 4]!, id: `p${i}` }));

/**
 * How many epochs one slice of the training loop runs at full speed, on a clock that moves 1 ms each
 * time the loop looks at it (a slice is 8 ms): the loop must look often enough to let Pause in.
 */
function epochsInOneSlice(rows: number): number {
  const frames: FrameMessage[] = [];
  const queued: (() => void)[] = [];
  let clock = 0;
  const session = new TrainingSession({
    post: (message: WorkerMessage) => {
      if (message.type === 'frame') frames.push(message);
    },
    now: () => clock++,
    yieldThen: (task) => queued.push(task),
    after: (_ms, task) => queued.push(task),
  });
  const config: RunConfig = {
    people: peopleOf(rows),
    scaling: 'article',
    initialWeights: 'ones',
    seed: 7,
    sampleOrder: 'in-order',
    learningRate: 0.1,
  };
  session.handle({ type: 'configure', config });
  session.handle({ type: 'set-speed', epochsPerSecond: null });
  session.handle({ type: 'play' });
  queued.shift()?.(); // one slice
  session.handle({ type: 'pause' });
  return frames.at(-1)!.live.epoch;
}

describe('the training loop’s slices', () => {
  it('look at the clock every epoch of a big table, so a command waits at most about one epoch', () => {
    const big = epochsInOneSlice(2000);
    expect(big).toBeGreaterThan(0);
    expect(big).toBeLessThanOrEqual(8); // 8 ms of slice, one epoch per look at the clock
  });

  it('look rarely on the article’s four people, where each look ends a call into the training loop', () => {
    // 1,024 epochs a look (the slice ends at its seventh): a look per 64 epochs cost a few percent of the speed
    expect(epochsInOneSlice(4)).toBeGreaterThanOrEqual(4 * 1024);
  });
});
