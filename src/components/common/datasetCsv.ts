import { formatDatasetCsv } from '../../core/csv';
import { clampShare, isTestRow } from '../../core/split';
import { useLab } from '../../store/labStore';
import { downloadText } from './download';

export const DATASET_CSV_NAME = 'backprop-lab-dataset.csv';

/** Downloads the table as CSV in its own units and column names; returns how many people it wrote. */
export function downloadDatasetCsv(): number {
  const { people, settings } = useLab.getState();
  const { seed, trainingShare: share } = settings;
  const testRow = clampShare(share) < 1 ? (id: string) => isTestRow(id, seed, share) : null;
  const columns = { units: settings.units, labels: settings.dataLabels, testRow };
  downloadText(DATASET_CSV_NAME, formatDatasetCsv(people, columns), 'text/csv;charset=utf-8');
  return people.length;
}
