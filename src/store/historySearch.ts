/** Finding a record by its epoch in a history's records, whose epochs increase. */

/** Index of the record with the greatest epoch <= epoch among `count` records, or -1. */
export function indexAtOrBefore(count: number, epochAt: (index: number) => number, epoch: number): number {
  if (Number.isNaN(epoch)) return -1;
  let lo = 0;
  let hi = count; // binary search for the first record after `epoch`: epochs increase
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (epochAt(mid) <= epoch) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the record whose epoch is closest to epoch (ties: the earlier), or -1. */
export function nearestIndex(count: number, epochAt: (index: number) => number, epoch: number): number {
  if (count === 0 || Number.isNaN(epoch)) return -1;
  const before = indexAtOrBefore(count, epochAt, epoch);
  if (before === -1) return 0;
  if (before === count - 1) return before;
  const after = before + 1;
  return epoch - epochAt(before) <= epochAt(after) - epoch ? before : after;
}
