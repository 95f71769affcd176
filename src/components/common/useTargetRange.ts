import { useMemo } from 'react';
import { checkTable } from '../../core/checkedTable';
import { useDeferredPeople, useMeasure } from '../../store/derived';
import { targetRange, type TargetRange } from '../../viz/targetScale';

/**
 * The table's targets' range when the network predicts a number (a linear output), which the figures
 * colour its output on; null for a class (its output is on 0..1).
 */
export function useTargetRange(numeric: boolean): TargetRange | null {
  const people = useDeferredPeople();
  const measure = useMeasure();
  return useMemo(
    () => (numeric ? targetRange(checkTable(people, measure)) : null),
    [numeric, people, measure],
  );
}
