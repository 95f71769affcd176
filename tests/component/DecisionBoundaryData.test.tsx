// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionBoundary, FALLBACK_WIDTH } from '../../src/components/DecisionBoundary/DecisionBoundary';
import { MARGIN, boundaryLayout, dataExtent, paddedDomain } from '../../src/viz/planeLayout';
import { MAX_DRAWN_POINTS, drawnRows } from '../../src/viz/drawnRows';
import { planeScales } from '../../src/components/DecisionBoundary/scales';
import type { Person } from '../../src/core/dataset';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { importDataset, setUnits } from '../../src/store/dataActions';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import { networkOf, predictRaw } from '../../src/core/engine';
import { INITIAL_RUN } from '../../src/store/runStore';
import { labState, resetLab, setLab } from '../helpers/resetLab';

const ALL_ONES = [1, 1, 1, 1, 1, 1, 0, 0, 0];

function showParams(values: number[]): void {
  setLab({ run: { ...INITIAL_RUN, params: Float64Array.from(values), scaling: ARTICLE_SHIFT } });
}

function figure() {
  return within(screen.getByRole('figure', { name: 'Decision boundary' }));
}

function manyPeople(count: number): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `row-${i}`,
    name: `P${i}`,
    weight: String(100 + (i % 90)),
    height: String(55 + ((i * 7) % 25)),
    gender: i % 2 === 0 ? 'F' : 'M',
  }));
}

beforeEach(() => {
  resetLab();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  if (!('setPointerCapture' in Element.prototype)) {
    Object.defineProperty(Element.prototype, 'setPointerCapture', { value: () => {}, configurable: true });
  }
});
afterEach(() => cleanup());

describe('the Decision boundary in kg and cm', () => {
  it('axes, point names and tooltips follow the units; arrow keys move by 1 kg', async () => {
    showParams(ALL_ONES);
    act(() => setUnits('metric'));
    const user = userEvent.setup();
    render(<DecisionBoundary />);
    expect(figure().getByText('Weight (kg)')).toBeInTheDocument();
    expect(figure().getByText('Height (cm)')).toBeInTheDocument();
    // Ticks are round kilograms, not converted round pounds (the plane spans 90–200 lb ≈ 41–91 kg).
    expect(figure().getByText('50')).toBeInTheDocument();
    expect(figure().queryByText('100')).not.toBeInTheDocument();
    // The network sees Alice in lb and in: 60.3 kg and 165 cm are 132.94 lb and 64.96 in (0.524 at 133, 65).
    const output = predictRaw(
      networkOf(ARTICLE_ARCHITECTURE, Float64Array.from(ALL_ONES), ARTICLE_SHIFT),
      60.3 / 0.45359237,
      165 / 2.54,
    );
    expect(output).toBeCloseTo(0.5237, 2);
    const alice = figure().getByRole('button', { name: /^Alice,/ });
    expect(alice).toHaveAccessibleName(`Alice, 60.3 kg, 165 cm, Female, output ${output.toFixed(3)}, right`);
    await user.hover(alice);
    expect(figure().getByText(/\(Female, 60\.3 kg, 165 cm\)/)).toBeInTheDocument();
    alice.focus();
    await user.keyboard('{ArrowRight}');
    expect(labState().people[0]!.weight).toBe('61.3');
    expect(screen.getByRole('status')).toHaveTextContent('Alice: 61.3 kg, output');
    expect(figure().getByText(/Arrow keys move this person by 1 kg or 1 cm/)).toBeInTheDocument();
  });
});

describe('the Decision boundary for an imported file', () => {
  it('names its axes, legend and points after the file’s columns and label values, with no units', () => {
    act(() =>
      importDataset(
        [
          { id: 'a', name: '', weight: '5.1', height: '-1.4', gender: 'F' },
          { id: 'b', name: 'second', weight: '7', height: '4.7', gender: 'M' },
        ],
        'imperial',
        { x1: 'sepal length', x2: 'petal score', positive: 'setosa', negative: 'versicolor' },
      ),
    );
    render(<DecisionBoundary />);
    expect(figure().getByText('sepal length')).toBeInTheDocument();
    expect(figure().getByText('petal score')).toBeInTheDocument();
    expect(figure().getByText('setosa (circle)')).toBeInTheDocument();
    expect(figure().getByText('versicolor (square)')).toBeInTheDocument();
    expect(figure().getByRole('button', { name: /^second,/ })).toHaveAccessibleName(
      'second, 7, 4.7, versicolor, output 0.500, right',
    );
    expect(figure().getByRole('button', { name: /^person 1,/ })).toHaveAccessibleName(
      'person 1, 5.1, -1.4, setosa, output 0.500, wrong',
    );
    expect(figure().queryByText(/lb|kg/)).not.toBeInTheDocument();
  });
});

describe('the Decision boundary with 100,000 rows', () => {
  it('draws a fixed sample of 2,000 on a canvas and says so; no element per person', () => {
    const people = manyPeople(100_000);
    setLab({ people });
    render(<DecisionBoundary />);
    expect(figure().getByText(/Showing 2,000 of 100,000 people \(a fixed sample/)).toBeInTheDocument();
    expect(figure().getByTestId('points-canvas')).toBeInTheDocument();
    expect(figure().queryAllByRole('button', { name: /, output / })).toHaveLength(0);
  });

  it('the sample is stable: an edit or a new row leaves every other drawn row drawn', () => {
    const people = manyPeople(20_000);
    const before = drawnRows(people, 'imperial');
    expect(before.rows).toHaveLength(MAX_DRAWN_POINTS);
    expect(before.valid).toBe(20_000);
    const edited = people.map((person, i) => (i === before.rows[5] ? { ...person, weight: '150' } : person));
    edited.push({ id: 'new', name: 'N', weight: '150', height: '65', gender: 'F' });
    const after = drawnRows(edited, 'imperial');
    const kept = after.rows.filter((row) => before.rows.includes(row));
    expect(kept.length).toBeGreaterThanOrEqual(MAX_DRAWN_POINTS - 1);
  });

  it('hovering near a drawn mark shows its tooltip, and dragging it edits that row', () => {
    const people = manyPeople(5_000);
    setLab({ people });
    render(<DecisionBoundary />);
    const { rows } = drawnRows(people, 'imperial');
    const row = rows[10]!;
    const person = people[row]!;
    const extent = dataExtent(people);
    const layout = boundaryLayout(FALLBACK_WIDTH);
    const scales = planeScales(
      paddedDomain(extent.weightLow, extent.weightHigh, [90, 200]),
      paddedDomain(extent.heightLow, extent.heightHigh, [55, 80]),
      layout.plotWidth,
      layout.plotHeight,
    );
    const at = {
      clientX: MARGIN.left + scales.x(Number(person.weight)),
      clientY: MARGIN.top + scales.y(Number(person.height)),
      pointerId: 1,
    };
    const svg = figure().getByTestId('plot-area').closest('svg')!;
    fireEvent.pointerMove(svg, at);
    // Rows share values in this table, so the nearest mark may be another person at the same place.
    expect(figure().getByText(new RegExp(`${person.weight} lb, ${person.height} in`))).toBeInTheDocument();

    fireEvent.pointerDown(figure().getByTestId('plot-area'), { ...at, button: 0 });
    fireEvent.pointerMove(svg, { ...at, clientX: at.clientX + 40 });
    fireEvent.pointerUp(svg, { ...at, clientX: at.clientX + 40 });
    const moved = labState().people.filter((p, i) => p !== people[i]);
    expect(moved).toHaveLength(1);
    expect(Number(moved[0]!.weight)).toBeGreaterThan(Number(person.weight));
  });
});
