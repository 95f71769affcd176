// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionBoundary, FALLBACK_WIDTH } from '../../src/components/DecisionBoundary/DecisionBoundary';
import { planeScales } from '../../src/components/DecisionBoundary/scales';
import { useLab } from '../../src/store/labStore';
import { MARGIN, boundaryLayout } from '../../src/viz/planeLayout';
import { labState, resetLab } from '../helpers/resetLab';

/** Where (lb, in) lands on screen: jsdom puts the SVG at (0, 0) and the article's people span 90–200 lb, 55–80 in. */
function screenPoint(weight: number, height: number): { clientX: number; clientY: number } {
  const layout = boundaryLayout(FALLBACK_WIDTH);
  const scales = planeScales([90, 200], [55, 80], layout.plotWidth, layout.plotHeight);
  return { clientX: MARGIN.left + scales.x(weight), clientY: MARGIN.top + scales.y(height) };
}

const figure = () => within(screen.getByRole('figure', { name: 'Decision boundary' }));
const addHere = () => figure().getByRole('button', { name: 'Add person here' });

beforeEach(() => {
  resetLab();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => cleanup());

describe('Add person here: a person added by tap alone, no keyboard', () => {
  it('on: each tap adds a person of the chosen gender where it landed; off: a tap adds no one', () => {
    render(<DecisionBoundary />);
    const plot = screen.getByTestId('plot-area');
    expect(addHere()).toHaveAttribute('aria-pressed', 'false');
    expect(figure().queryByRole('group', { name: 'New person' })).toBeNull();

    fireEvent.click(addHere());
    expect(addHere()).toHaveAttribute('aria-pressed', 'true');
    const genders = within(figure().getByRole('group', { name: 'New person' }));
    expect(genders.getByRole('button', { name: 'Female' })).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(plot, screenPoint(140, 66));
    expect(labState().people[4]).toMatchObject({ name: '', weight: '140', height: '66', gender: 'F' });

    fireEvent.click(genders.getByRole('button', { name: 'Male' }));
    expect(genders.getByRole('button', { name: 'Male' })).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(plot, screenPoint(180, 75));
    expect(labState().people[5]).toMatchObject({ weight: '180', height: '75', gender: 'M' });
    expect(screen.getByRole('status')).toHaveTextContent(/^Added a man at 180 lb, 75 in/);

    fireEvent.click(addHere());
    expect(addHere()).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(plot, screenPoint(100, 60));
    expect(labState().people).toHaveLength(6);
  });

  it('each person added is one undo step', () => {
    render(<DecisionBoundary />);
    fireEvent.click(addHere());
    fireEvent.click(screen.getByTestId('plot-area'), screenPoint(140, 66));
    expect(labState().people).toHaveLength(5);
    useLab.temporal.getState().undo();
    expect(labState().people.map((person) => person.name)).toEqual(['Alice', 'Bob', 'Charlie', 'Diana']);
  });
});
