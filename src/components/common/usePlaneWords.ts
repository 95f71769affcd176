import { useMemo } from 'react';
import { useMeasure } from '../../store/derived';
import { useLab } from '../../store/labStore';
import { planeWords, type PlaneWords } from '../../viz/planeWords';

/** The table's units or an imported file's column names, worded as the weight/height plane words them. */
export function usePlaneWords(): PlaneWords {
  const measure = useMeasure();
  const labels = useLab((state) => state.settings.dataLabels);
  return useMemo(() => planeWords(measure, labels), [measure, labels]);
}
