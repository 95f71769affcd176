import { useMemo } from 'react';
import { largestHiddenSumsInto } from '../../core/activationShape';
import { checkTable } from '../../core/checkedTable';
import type { ForwardShape } from '../../core/netForward';
import type { Scaling } from '../../core/scaling';
import { splitTrainingSet, testMaskOf } from '../../core/split';
import { scaledTrainingSet } from '../../core/trainingSet';
import { useDeferredPeople, useMeasure } from '../../store/derived';
import { useLab } from '../../store/labStore';

/**
 * Each hidden neuron's largest sum over the training rows (test rows left out), for `params` read as
 * `shape`, and how many rows that is; null when not `wanted` (only a ReLU can be dead, so only a ReLU
 * network walks the table).
 */
export function useLargestSums(
  shape: ForwardShape,
  params: Float64Array,
  scaling: Scaling,
  wanted: boolean,
): { readonly sums: Float64Array; readonly rows: number } | null {
  const people = useDeferredPeople();
  const measure = useMeasure();
  const seed = useLab((state) => state.settings.seed);
  const share = useLab((state) => state.settings.trainingShare);
  return useMemo(() => {
    if (!wanted) return null;
    const table = checkTable(people, measure);
    const mask = testMaskOf(people, table, seed, share);
    const { train } = splitTrainingSet(scaledTrainingSet(table, scaling, measure), mask);
    const sums = new Float64Array(shape.hidden);
    largestHiddenSumsInto(shape, params, train.inputs, train.count, sums);
    return { sums, rows: train.count };
  }, [wanted, people, measure, seed, share, scaling, shape, params]);
}
