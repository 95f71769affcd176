import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnOf, computeColumns } from '../../src/components/LossChart/columns';
import { IncrementalColumns, type SpreadOptions } from '../../src/components/LossChart/incrementalColumns';
import { epochDomainEnd, epochScale } from '../../src/components/LossChart/lossScales';
import { HISTORY_PARAM_COUNT, TrainingHistory } from '../../src/store/history';

function append(history: TrainingHistory, firstEpoch: number, count: number, salt = 0): void {
  const losses = Float64Array.from({ length: count }, (_, i) => Math.abs(Math.sin(salt + firstEpoch + i)));
  history.appendBatch(firstEpoch, count, losses, new Float64Array(count * HISTORY_PARAM_COUNT));
}

/** What a drawing reads: the columns with the latest record merged in, the domain and the latest record. */
function drawn(columns: IncrementalColumns) {
  const merged = Float64Array.from(columns.stable);
  const tail = columns.tailColumn();
  if (tail !== -1 && Number.isFinite(columns.tailLoss)) {
    merged[2 * tail] = Math.min(merged[2 * tail]!, columns.tailLoss);
    merged[2 * tail + 1] = Math.max(merged[2 * tail + 1]!, columns.tailLoss);
  }
  return { merged, domainEnd: columns.domainEnd, tailEpoch: columns.tailEpoch, tail };
}

/** The columns of the whole history as it stands, computed from scratch. */
function expected(history: TrainingHistory, width: number): Float64Array {
  return computeColumns(history, epochScale(epochDomainEnd(history.lastEpoch()), width), width);
}

/**
 * A run of 10,000 epochs drawn whole while training runs, then `more` epochs appended (10,000: the
 * domain steps from 10,000 to 20,000), with columns that fold `options` shares.
 */
function steppedRun(options: SpreadOptions, more = 10_000) {
  const history = new TrainingHistory({ cap: 65_536 });
  const columns = new IncrementalColumns(options);
  append(history, 0, 10_000);
  columns.sync(history, 300, 1, 'run', 0, true);
  append(history, 10_000, more);
  return { history, columns };
}

describe('a recompute spread over live updates', () => {
  it('shows the last whole state until the new columns are whole, then exactly the history', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 60 }),
        fc.array(fc.integer({ min: 1, max: 90 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer(),
        (cap, batches, foldPerSync, width, salt) => {
          const history = new TrainingHistory({ cap, chunkSize: 7 });
          const columns = new IncrementalColumns({ foldPerSync, maxPendingSyncs: 1_000 });
          let epoch = 0;
          let before = drawn(columns);
          for (const [k, count] of batches.entries()) {
            append(history, epoch, count, salt);
            epoch += count;
            const result = columns.sync(history, width, k, 'run', 0, true);
            if (result === 'pending') {
              expect(drawn(columns)).toEqual(before); // nothing drawn moves, not even the latest record
              expect(columns.stats.lastFolded).toBeLessThanOrEqual(foldPerSync);
            } else {
              expect(drawn(columns).merged).toEqual(expected(history, width));
              if (result === 'recomputed' && k > 0 && history.length - 1 > foldPerSync) {
                expect(columns.stats.lastFolded).toBeLessThanOrEqual(foldPerSync);
              }
            }
            before = drawn(columns);
          }
          // No more training frames: each further update does one share, and the last shows it all.
          const shares = Math.ceil(history.length / foldPerSync) + 1;
          for (let k = 0; k < shares && columns.pending; k++)
            columns.sync(history, width, 'same', 'run', 0, true);
          expect(columns.pending).toBe(false);
          expect(drawn(columns).merged).toEqual(expected(history, width));
          expect(columns.domainEnd).toBe(epochDomainEnd(history.lastEpoch()));
        },
      ),
    );
  });

  it('finishes at once when training stops, with the columns a paused recompute gives', () => {
    const { history, columns } = steppedRun({ foldPerSync: 1_000 });
    expect(columns.stats.fullRecomputes).toBe(1); // the first 10,000 records, from nothing: at once
    expect(columns.sync(history, 300, 2, 'run', 0, true)).toBe('pending');
    expect(columns.domainEnd).toBe(10_000);
    expect(columns.tailEpoch).toBe(9_999);
    expect(columns.sync(history, 300, 2, 'run', 0, false)).toBe('recomputed');
    expect(columns.pending).toBe(false);
    expect(columns.changedFrom).toBe(0); // every column is redrawn
    expect(columns.domainEnd).toBe(20_000);
    expect(columns.tailEpoch).toBe(19_999);
    expect(drawn(columns).merged).toEqual(expected(history, 300));
  });

  it('a resize or a new run does not wait: it recomputes at once, even while training runs', () => {
    const { history, columns } = steppedRun({ foldPerSync: 1_000 });
    expect(columns.sync(history, 300, 2, 'run', 0, true)).toBe('pending');
    expect(columns.sync(history, 200, 2, 'run', 0, true)).toBe('recomputed');
    expect(drawn(columns).merged).toEqual(expected(history, 200));
    append(history, 20_000, 10_000);
    expect(columns.sync(history, 200, 3, 'run', 0, true)).toBe('pending');
    expect(columns.sync(history, 200, 3, 'next run', 0, true)).toBe('recomputed');
    expect(drawn(columns).merged).toEqual(expected(history, 200));
  });

  it('takes at most maxPendingSyncs updates: one that would take longer finishes the fold at once', () => {
    const { history, columns } = steppedRun({ foldPerSync: 1_000, maxPendingSyncs: 3 });
    const results = [2, 3, 4, 5].map((version) => columns.sync(history, 300, version, 'run', 0, true));
    expect(results).toEqual(['pending', 'pending', 'pending', 'recomputed']);
    expect(drawn(columns).merged).toEqual(expected(history, 300));
  });

  it('starts its fold over when the history thins itself under it', () => {
    const history = new TrainingHistory({ cap: 12_000 });
    const columns = new IncrementalColumns({ foldPerSync: 2_000, maxPendingSyncs: 1_000 });
    append(history, 0, 9_000);
    columns.sync(history, 300, 1, 'run', 0, true);
    append(history, 9_000, 2_000); // domain 10,000 -> 15,000
    expect(columns.sync(history, 300, 2, 'run', 0, true)).toBe('pending');
    append(history, 11_000, 2_000); // 13,000 records > cap: the stride doubles, records move
    expect(history.stride).toBe(2);
    expect(epochDomainEnd(history.lastEpoch())).toBe(15_000); // the domain alone would not restart it
    let version = 3;
    while (columns.sync(history, 300, version++, 'run', 0, true) === 'pending');
    expect(drawn(columns).merged).toEqual(expected(history, 300));
  });

  it('swaps in the new columns with every column to redraw', () => {
    const { history, columns } = steppedRun({ foldPerSync: 4_000 }, 2_000);
    const results = [2, 3, 4].map((version) => columns.sync(history, 300, version, 'run', 0, true));
    expect(results).toEqual(['pending', 'pending', 'recomputed']);
    expect(columns.changedFrom).toBe(0);
    expect(columns.tailColumn()).toBe(columnOf(columns.x, 11_999, 300));
  });

  it('a run that went back (a truncation) recomputes at once, even while training runs', () => {
    const history = new TrainingHistory({ cap: 65_536 });
    const columns = new IncrementalColumns({ foldPerSync: 1_000 });
    append(history, 0, 30_000);
    columns.sync(history, 300, 1, 'run', 0, true);
    history.truncateAfter(14_999);
    expect(columns.sync(history, 300, 2, 'run', 0, true)).toBe('recomputed');
    expect(columns.domainEnd).toBe(15_000);
    expect(drawn(columns).merged).toEqual(expected(history, 300));
  });

  it('starts its fold over when the records it folded were replaced (a rollback, then new epochs)', () => {
    const { history, columns } = steppedRun({ foldPerSync: 1_000, maxPendingSyncs: 1_000 });
    expect(columns.sync(history, 300, 2, 'run', 0, true)).toBe('pending'); // records 0-999 folded
    history.truncateAfter(500);
    append(history, 501, 19_499, 7); // the same epochs again, other losses: same domain, same stride
    let version = 3;
    while (columns.sync(history, 300, version++, 'run', 0, true) === 'pending');
    expect(drawn(columns).merged).toEqual(expected(history, 300));
  });
});
