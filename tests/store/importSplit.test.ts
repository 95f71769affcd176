import { beforeEach, describe, expect, it } from 'vitest';
import { formatDatasetCsv, parseDatasetCsv } from '../../src/core/csv';
import { isTestRow } from '../../src/core/split';
import { undoTableEdit } from '../../src/store/actions';
import { importDataset } from '../../src/store/dataActions';
import { useLab } from '../../src/store/labStore';
import { noisyPeople } from '../../src/components/Tour/overfittingLab';
import { resetLab } from '../helpers/resetLab';

describe('importing a CSV with a set column', () => {
  beforeEach(resetLab);

  it('takes the file’s share and sides as one undo step', () => {
    const people = noisyPeople(40, 2, 0);
    const fileSide = (id: string) => isTestRow(id, 99, 0.7);
    const read = parseDatasetCsv(formatDatasetCsv(people, { testRow: fileSide }));
    if (read.kind !== 'people') throw new Error(read.kind);
    importDataset(read.people, read.units, read.labels, read.sides);

    const { people: table, settings } = useLab.getState();
    expect(settings.trainingShare).toBeLessThan(1);
    expect(table.map((p) => isTestRow(p.id, settings.seed, settings.trainingShare))).toEqual(
      people.map((p) => fileSide(p.id)),
    );

    undoTableEdit();
    expect(useLab.getState().settings.trainingShare).toBe(1);
    expect(useLab.getState().people).toHaveLength(4);
  });
});
