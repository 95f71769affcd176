import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TrainingHistory } from '../../src/store/history';
import { EpochBatch } from '../../src/worker/batch';
import { PageKeep } from '../../src/worker/pageKeep';
import { takeFrame } from '../../src/worker/framePost';
import type { FrameMessage, KeepRule } from '../../src/worker/protocol';

const P = 9;
/** Epoch e's record: loss 1/(e+1), accuracy e/1000, parameter k = e + k/10, test loss 2/(e+1). */
const paramsOf = (epoch: number) => Float64Array.from({ length: P }, (_, k) => epoch + k / 10);

function fill(batch: EpochBatch, first: number, count: number): void {
  for (let epoch = first; epoch < first + count; epoch++)
    batch.record(epoch, 1 / (epoch + 1), epoch / 1000, paramsOf(epoch), 2 / (epoch + 1), 0.5);
}

/** Every record a history keeps, in order: epoch, loss, accuracy, test loss and the parameters. */
function records(history: TrainingHistory): number[][] {
  const out: number[][] = [];
  const params = new Float64Array(P);
  for (let i = 0; i < history.length; i++) {
    history.paramsAt(i, params);
    out.push([
      history.epochAt(i),
      history.lossAt(i),
      history.accuracyAt(i),
      history.testLossAt(i),
      ...params,
    ]);
  }
  return out;
}

/** Takes a frame in as the page does (trainerBridge.applyFrame). */
function appendFrame(history: TrainingHistory, frame: FrameMessage): void {
  const { testLosses, testAccuracies } = frame;
  const test = testLosses && testAccuracies ? { losses: testLosses, accuracies: testAccuracies } : null;
  const { firstEpoch, count, losses, params, accuracies } = frame;
  history.appendBatch(firstEpoch, count, losses, params, accuracies, test, frame.epochs ?? null);
}

const header = (runId: number, diverged = false) => ({
  runId,
  status: 'running' as const,
  live: {} as never,
  notice: diverged ? ({ kind: 'diverged' } as never) : null,
});

describe('frames thinned to the epochs the page keeps', () => {
  it('keep the first record, those on the stride and the last, each with its own columns', () => {
    const batch = new EpochBatch(64);
    batch.setTesting(true);
    fill(batch, 5, 20); // epochs 5..24
    const epochs = batch.thin(0, 8);
    expect(Array.from(epochs!)).toEqual([5, 8, 16, 24]);
    const taken = batch.take();
    expect(taken.count).toBe(4);
    expect(Array.from(taken.losses.subarray(0, 4))).toEqual([5, 8, 16, 24].map((e) => 1 / (e + 1)));
    expect(Array.from(taken.testLosses.subarray(0, 4))).toEqual([5, 8, 16, 24].map((e) => 2 / (e + 1)));
    expect(Array.from(taken.params.subarray(2 * P, 3 * P))).toEqual(Array.from(paramsOf(16)));
  });

  it('keep a batch whole at stride 1 or with two records, and move the first record waiting for its test pass', () => {
    const batch = new EpochBatch(64);
    fill(batch, 0, 10);
    expect(batch.thin(0, 1)).toBeNull();
    batch.clear();
    fill(batch, 0, 2);
    expect(batch.thin(0, 4)).toBeNull();
    batch.clear();
    fill(batch, 0, 3); // records 0, 1 trained with their test pass
    batch.deferTests();
    fill(batch, 3, 10); // epochs 3..12 wait for theirs
    expect(Array.from(batch.thin(0, 4)!)).toEqual([0, 4, 8, 12]);
    expect(batch.deferredFrom).toBe(1); // epoch 4, the first kept record from epoch 3 on
  });

  it('leave a history exactly as the whole frames would (any batch sizes, caps and rules the page sent)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(8, 16, 64),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 3 }),
        (sizes, cap, start, lag) => {
          const whole = new TrainingHistory({ cap, chunkSize: 16 });
          const thinned = new TrainingHistory({ cap, chunkSize: 16 });
          const wholeBatch = new EpochBatch(8);
          const thinBatch = new EpochBatch(8);
          wholeBatch.setTesting(true);
          thinBatch.setTesting(true);
          const keep = new PageKeep();
          // Each hand-back carries the rule the history had `lag` frames earlier (it reaches the worker late).
          const rules: KeepRule[] = [];
          let epoch = start;
          for (const size of sizes) {
            fill(wholeBatch, epoch, size);
            fill(thinBatch, epoch, size);
            epoch += size;
            appendFrame(whole, takeFrame(wholeBatch, header(1))[0]);
            const [frame] = keep.takeFrame(thinBatch, header(1), epoch - 1);
            appendFrame(thinned, frame);
            rules.push({
              runId: 1,
              branch: frame.branch!,
              origin: thinned.strideOrigin,
              stride: thinned.stride,
            });
            const rule = rules.length > lag ? rules[rules.length - 1 - lag] : undefined;
            const { losses, accuracies, params } = frame;
            keep.handedBack({ type: 'recycle', losses, accuracies, params, keep: rule }, thinBatch);
          }
          expect(thinned.stride).toBe(whole.stride);
          expect(records(thinned)).toEqual(records(whole));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('carry no test columns once testing stops, after the frame that had them', () => {
    const batch = new EpochBatch(64);
    batch.setTesting(true);
    fill(batch, 0, 10);
    batch.setTesting(false);
    const [withTests] = takeFrame(batch, header(1), batch.thin(0, 4));
    expect(withTests.testLosses).toHaveLength(4); // epochs 0, 4, 8 and 9
    fill(batch, 10, 10);
    const [without] = takeFrame(batch, header(1), batch.thin(0, 4));
    expect(without.testLosses).toBeUndefined();
    expect(without.epochs).toHaveLength(4);
  });
});

describe('the worker following the page’s rule', () => {
  const rule = (runId: number, branch: number, stride = 4): KeepRule => ({
    runId,
    branch,
    origin: 0,
    stride,
  });
  const handBack = (keep: PageKeep, batch: EpochBatch, rule?: KeepRule) => {
    const { losses, accuracies, params } = batch.take();
    keep.handedBack({ type: 'recycle', losses, accuracies, params, ...(rule ? { keep: rule } : {}) }, batch);
  };
  it('thins only by a rule for its own run and branch, and drops it when the run or its epochs go back', () => {
    const keep = new PageKeep();
    const batch = new EpochBatch(64);
    fill(batch, 0, 10);
    const [first] = keep.takeFrame(batch, header(1), 9);
    expect(first.epochs).toBeUndefined(); // no rule yet: every epoch
    const branch = first.branch!;
    handBack(keep, batch, rule(2, branch)); // another run's
    fill(batch, 10, 10);
    expect(keep.takeFrame(batch, header(1), 19)[0].epochs).toBeUndefined();
    handBack(keep, batch, rule(1, branch));
    fill(batch, 20, 10);
    const [thinned] = keep.takeFrame(batch, header(1), 29);
    expect(Array.from(thinned.epochs!)).toEqual([20, 24, 28, 29]);
    expect(thinned.branch).toBe(branch);
    // A branch from epoch 12: a new branch, every epoch again, and the old branch's rule is refused.
    fill(batch, 13, 10);
    const [branched] = keep.takeFrame(batch, header(1), 22);
    expect(branched.branch).toBe(branch + 1);
    expect(branched.epochs).toBeUndefined();
    handBack(keep, batch, rule(1, branch));
    fill(batch, 23, 10);
    expect(keep.takeFrame(batch, header(1), 32)[0].epochs).toBeUndefined();
    handBack(keep, batch, rule(1, branch + 1));
    fill(batch, 33, 10);
    expect(keep.takeFrame(batch, header(1), 42)[0].epochs).toBeDefined();
    // A blow-up's rollback, and a new run, start new branches too.
    handBack(keep, batch, rule(1, branch + 1));
    fill(batch, 43, 10);
    const [rolledBack] = keep.takeFrame(batch, header(1, true), 52);
    expect(rolledBack.branch).toBe(branch + 2);
    expect(rolledBack.epochs).toBeUndefined(); // a rollback's frame goes whole
    handBack(keep, batch, { ...rule(1, branch + 2), stride: 3 }); // not a history's stride: refused
    fill(batch, 53, 10);
    expect(keep.takeFrame(batch, header(1), 62)[0].epochs).toBeUndefined();
    fill(batch, 0, 10);
    const [newRun] = keep.takeFrame(batch, header(2), 9);
    expect(newRun.branch).toBe(branch + 3);
    expect(newRun.epochs).toBeUndefined();
  });
});
