import { beforeEach, describe, expect, it } from 'vitest';
import { useLab } from '../../src/store/labStore';
import { addPerson, redoTableEdit, undoTableEdit, updatePerson } from '../../src/store/actions';
import {
  commitTrainingShare,
  previewTrainingShare,
  setTrainingShare,
  testRowsForWorker,
} from '../../src/store/split';
import { isTestRow } from '../../src/core/split';
import { resetLab } from '../helpers/resetLab';

const share = () => useLab.getState().settings.trainingShare;

function twentyPeople(): void {
  for (let i = 0; i < 16; i++) {
    addPerson({
      name: `P${i}`,
      weight: String(110 + 3 * i),
      height: String(58 + i),
      gender: i % 2 ? 'M' : 'F',
    });
  }
}

describe('Training share in the document', () => {
  beforeEach(resetLab);

  it('defaults to every row training: the worker gets no mask', () => {
    expect(share()).toBe(1);
    expect(testRowsForWorker()).toBeNull();
  });

  it('marks for the worker exactly the rows the id hash holds out, in the checked table order', () => {
    twentyPeople();
    setTrainingShare(0.5);
    const { people, settings } = useLab.getState();
    const mask = testRowsForWorker()!;
    expect(Array.from(mask)).toEqual(people.map((p) => (isTestRow(p.id, settings.seed, 0.5) ? 1 : 0)));
    expect(mask.includes(1) && mask.includes(0)).toBe(true);
  });

  it('keeps every other row on its side while a row is edited or added', () => {
    twentyPeople();
    setTrainingShare(0.5);
    const before = new Map(useLab.getState().people.map((p, i) => [p.id, testRowsForWorker()![i]]));
    const first = useLab.getState().people[0]!;
    updatePerson(first.id, { weight: '150' });
    addPerson({ name: 'New', weight: '140', height: '66', gender: 'F' });
    const { people } = useLab.getState();
    const mask = testRowsForWorker()!;
    people.slice(0, -1).forEach((p, i) => expect(mask[i]).toBe(before.get(p.id)));
  });

  it('is one undo step however many positions the control passes through, and undo brings the share back', () => {
    twentyPeople();
    previewTrainingShare(0.9);
    previewTrainingShare(0.7);
    previewTrainingShare(0.5);
    commitTrainingShare();
    expect(share()).toBe(0.5);
    undoTableEdit();
    expect(share()).toBe(1);
    expect(useLab.getState().people).toHaveLength(20); // the rows stay: only the share went back
    redoTableEdit();
    expect(share()).toBe(0.5);
  });

  it('keeps the share within 10 % to 100 %', () => {
    setTrainingShare(0.01);
    expect(share()).toBe(0.1);
    setTrainingShare(7);
    expect(share()).toBe(1);
  });
});
