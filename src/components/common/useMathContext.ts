import { useMemo } from 'react';
import { checkTable } from '../../core/checkedTable';
import { useDeferredPeople, useMeasure, useRunArchitecture, type StepRecord } from '../../store/derived';
import { mathContext, type MathContext } from '../../viz/mathContext';

/** How many rows of the table train: the size of a full batch (counted after an edit has painted). */
function useValidRows(): number {
  const people = useDeferredPeople();
  const measure = useMeasure();
  return checkTable(people, measure).count;
}

/** The math context of the step explained: the run's network and update rule (null without a step). */
export function useMathContext(record: StepRecord | null): MathContext | null {
  const architecture = useRunArchitecture();
  const validRows = useValidRows();
  return useMemo(
    () => (record ? mathContext(record, architecture, validRows) : null),
    [record, architecture, validRows],
  );
}
