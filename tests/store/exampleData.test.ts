// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_PEOPLE, type Person } from '../../src/core/dataset';
import { tableOfRecipe } from '../../src/core/datasets/table';
import { encodeShare, sharedStateOf } from '../../src/core/shareCodec';
import { redoTableEdit, setScaling, undoTableEdit, updatePerson } from '../../src/store/actions';
import { setUnits } from '../../src/store/dataActions';
import { changeRecipe, chooseExample, regenerate } from '../../src/store/exampleActions';
import { useLab } from '../../src/store/labStore';
import { openLink } from '../../src/store/sharedLink';
import { toSaved } from '../../src/store/persistence';
import { resetLab } from '../helpers/resetLab';

const KEY = 'backprop-lab';
const cells = (people: readonly Person[]) =>
  people.map(({ name, weight, height, gender }) => ({ name, weight, height, gender }));
const lab = () => useLab.getState();

beforeEach(resetLab);
afterEach(() => vi.useRealTimers());

describe('Example data in the document', () => {
  it('choosing XOR replaces the table with its points and x1/x2 columns, keeping the recipe', () => {
    chooseExample('xor');
    expect(lab().people).toHaveLength(200);
    expect(lab().settings.dataLabels).toEqual({ x1: 'x1', x2: 'x2', positive: '1', negative: '0' });
    expect(lab().settings.dataSource).toEqual({ kind: 'xor', points: 200, noise: 0.1, seed: 1 });
    expect(cells(lab().people)).toEqual(cells(tableOfRecipe(lab().settings.dataSource!, 'imperial')!.people));
  });

  it('a generated set first holds half its points out as test data; its options keep the share; the article trains on all', () => {
    expect(lab().settings.trainingShare).toBe(1);
    chooseExample('xor');
    expect(lab().settings.trainingShare).toBe(0.5);
    useLab.setState((state) => ({ settings: { ...state.settings, trainingShare: 0.7 } }));
    changeRecipe({ points: 80 });
    regenerate(() => 0.25);
    expect(lab().settings.trainingShare).toBe(0.7);
    const steps = useLab.temporal.getState().pastStates.length;
    chooseExample('article');
    expect(lab().settings.trainingShare).toBe(1);
    expect(useLab.temporal.getState().pastStates.length).toBe(steps + 1);
    undoTableEdit();
    expect(lab().settings.dataSource?.kind).toBe('xor');
    expect(lab().settings.trainingShare).toBe(0.7);
  });

  it('is one undo step: undo brings back the article’s people with their columns, redo the set', () => {
    chooseExample('circle');
    expect(useLab.temporal.getState().pastStates).toHaveLength(1);
    undoTableEdit();
    expect(cells(lab().people)).toEqual(cells(ARTICLE_PEOPLE));
    expect(lab().settings.dataLabels).toBeNull();
    expect(lab().settings.dataSource).toBeNull();
    redoTableEdit();
    expect(lab().people).toHaveLength(200);
    expect(lab().settings.dataSource?.kind).toBe('circle');
    expect(lab().settings.dataLabels?.x1).toBe('x1');
  });

  it('Points, Noise and Regenerate each make the set again as one more undo step', () => {
    chooseExample('moons');
    changeRecipe({ points: 50 });
    expect(lab().people).toHaveLength(50);
    changeRecipe({ noise: 0.3 });
    expect(lab().settings.dataSource).toMatchObject({ points: 50, noise: 0.3, seed: 1 });
    const before = cells(lab().people);
    regenerate(() => 0.5);
    expect(lab().settings.dataSource?.seed).toBe(2 ** 31);
    expect(cells(lab().people)).not.toEqual(before);
    expect(useLab.temporal.getState().pastStates).toHaveLength(4);
    undoTableEdit();
    expect(cells(lab().people)).toEqual(before);
    expect(lab().settings.dataSource?.seed).toBe(1);
  });

  it('leaves the article’s shift for Standardize (x1 near 0 is not 135 lb), and says so; other scalings stay', () => {
    expect(lab().settings.scaling).toBe('article');
    expect(chooseExample('xor')?.standardized).toBe(true);
    expect(lab().settings.scaling).toBe('standardize');
    setScaling('none');
    expect(chooseExample('circle')?.standardized).toBe(false);
    expect(lab().settings.scaling).toBe('none');
  });

  it('keeps the chosen points and noise when another set is chosen', () => {
    chooseExample('xor');
    changeRecipe({ points: 30, noise: 0.25 });
    chooseExample('spiral');
    expect(lab().settings.dataSource).toEqual({ kind: 'spiral', points: 30, noise: 0.25, seed: 1 });
  });

  it('an edit makes the table the user’s own; undoing it brings the recipe back', () => {
    chooseExample('xor');
    const first = lab().people[0]!;
    updatePerson(first.id, { weight: '1.5' });
    expect(lab().settings.dataSource).toBeNull();
    expect(lab().settings.dataLabels?.x1).toBe('x1'); // still the set's columns
    undoTableEdit();
    expect(lab().settings.dataSource?.kind).toBe('xor');
  });

  it('People (generated) keeps the table’s units, and a unit switch keeps the recipe and its people', () => {
    setUnits('metric');
    chooseExample('people');
    expect(lab().settings.dataLabels).toBeNull();
    const recipe = lab().settings.dataSource!;
    expect(cells(lab().people)).toEqual(cells(tableOfRecipe(recipe, 'metric')!.people));
    setUnits('imperial');
    expect(lab().settings.dataSource).toBe(recipe);
    expect(cells(lab().people)).toEqual(cells(tableOfRecipe(recipe, 'imperial')!.people));
  });

  it('choosing the article brings back its four people and forgets the recipe', () => {
    chooseExample('spiral');
    chooseExample('article');
    expect(cells(lab().people)).toEqual(cells(ARTICLE_PEOPLE));
    expect(lab().settings.dataSource).toBeNull();
    expect(lab().settings.dataLabels).toBeNull();
  });

  it('autosave keeps the recipe instead of the rows', () => {
    chooseExample('clusters');
    changeRecipe({ points: 100_000 });
    const saved = toSaved(lab());
    expect(saved.people).toEqual([]);
    expect(saved.settings.dataSource).toEqual({ kind: 'clusters', points: 100_000, noise: 0.1, seed: 1 });
    updatePerson(lab().people[0]!.id, { name: 'mine' });
    expect(toSaved(lab()).people).toHaveLength(100_000);
  });

  it('a reload makes the saved recipe’s table again, row for row', async () => {
    const recipe = { kind: 'xor', points: 120, noise: 0.2, seed: 77 };
    const settings = {
      ...lab().settings,
      dataLabels: tableOfRecipe(recipe, 'imperial')!.dataLabels,
      dataSource: recipe,
    };
    localStorage.setItem(
      KEY,
      JSON.stringify({ state: { settings, people: [], keptRuns: [], resume: null }, version: 1 }),
    );
    vi.resetModules();
    const reloaded = (await import('../../src/store/labStore')).useLab.getState();
    localStorage.clear();
    expect(reloaded.appNotice).toBeNull();
    expect(reloaded.settings.dataSource).toEqual(recipe);
    expect(cells(reloaded.people)).toEqual(cells(tableOfRecipe(recipe, 'imperial')!.people));
  });

  it('a share link of a generated set opens the same table', () => {
    chooseExample('spiral');
    changeRecipe({ points: 300 });
    const table = cells(lab().people);
    const link = encodeShare(sharedStateOf(lab().settings, lab().people));
    resetLab();
    openLink(link);
    expect(cells(lab().people)).toEqual(table);
    expect(lab().settings.dataSource).toEqual({ kind: 'spiral', points: 300, noise: 0.1, seed: 1 });
  });
});
