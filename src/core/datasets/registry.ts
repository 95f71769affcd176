/**
 * The `Example data` list. Adding a set is one entry in EXAMPLE_SETS: an id (stored in links, never
 * renamed), the label the select shows, a generator `(options: { points, noise, seed }) =>
 * GeneratedSet`, its default points and noise, how its columns read, and what a row is called.
 */
import type { DataLabels } from '../settings';
import { hills, plane } from '../regressionSets';
import { people } from './people';
import { circle, moons, spiral, twoClusters, xor } from './shapes';
import type { ExampleColumns, ExampleSet } from './types';

/** The abstract sets' columns: inputs x1 and x2, classes 1 and 0 (as an imported CSV's label values read). */
export const ABSTRACT_LABELS: DataLabels = { x1: 'x1', x2: 'x2', positive: '1', negative: '0' };
const ABSTRACT: ExampleColumns = { kind: 'plain', labels: ABSTRACT_LABELS, decimals: 3 };
const ABSTRACT_DEFAULTS = { points: 200, noise: 0.1 };
/** The regression sets' columns: inputs x1 and x2, and y, the number the lab predicts. */
export const REGRESSION_LABELS: DataLabels = { x1: 'x1', x2: 'x2', positive: '', negative: '', target: 'y' };
const REGRESSION: ExampleColumns = { kind: 'plain', labels: REGRESSION_LABELS, decimals: 3 };

export const EXAMPLE_SETS: readonly ExampleSet[] = [
  {
    id: 'people',
    label: 'People (generated)',
    generate: people,
    defaults: { points: 200, noise: 0 },
    columns: { kind: 'people' },
    rowName: 'Person',
  },
  {
    id: 'xor',
    label: 'XOR',
    generate: xor,
    defaults: ABSTRACT_DEFAULTS,
    columns: ABSTRACT,
    rowName: 'Point',
  },
  {
    id: 'circle',
    label: 'Circle',
    generate: circle,
    defaults: ABSTRACT_DEFAULTS,
    columns: ABSTRACT,
    rowName: 'Point',
  },
  {
    id: 'clusters',
    label: 'Two clusters',
    generate: twoClusters,
    defaults: ABSTRACT_DEFAULTS,
    columns: ABSTRACT,
    rowName: 'Point',
  },
  {
    id: 'spiral',
    label: 'Spiral',
    generate: spiral,
    defaults: ABSTRACT_DEFAULTS,
    columns: ABSTRACT,
    rowName: 'Point',
  },
  {
    id: 'moons',
    label: 'Moons',
    generate: moons,
    defaults: ABSTRACT_DEFAULTS,
    columns: ABSTRACT,
    rowName: 'Point',
  },
  {
    id: 'plane',
    label: 'Plane',
    generate: plane,
    defaults: ABSTRACT_DEFAULTS,
    columns: REGRESSION,
    rowName: 'Point',
  },
  {
    id: 'hills',
    label: 'Hills',
    generate: hills,
    defaults: ABSTRACT_DEFAULTS,
    columns: REGRESSION,
    rowName: 'Point',
  },
];

export function findExampleSet(id: string): ExampleSet | undefined {
  return EXAMPLE_SETS.find((set) => set.id === id);
}
