// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionBoundary, FALLBACK_WIDTH } from '../../src/components/DecisionBoundary/DecisionBoundary';
import { MARGIN, boundaryLayout } from '../../src/viz/planeLayout';
import { planeScales } from '../../src/components/DecisionBoundary/scales';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { useLab } from '../../src/store/labStore';
import { INITIAL_RUN } from '../../src/store/runStore';
import { labState, resetLab, setLab } from '../helpers/resetLab';

const ALL_ONES = [1, 1, 1, 1, 1, 1, 0, 0, 0];

function showParams(values: number[]): void {
  setLab({ run: { ...INITIAL_RUN, params: Float64Array.from(values), scaling: ARTICLE_SHIFT } });
}

/** Where (lb, in) lands on screen: jsdom puts the SVG at (0, 0) and the article's people span 90–200 lb, 55–80 in. */
function screenPoint(weight: number, height: number): { clientX: number; clientY: number } {
  const layout = boundaryLayout(FALLBACK_WIDTH);
  const scales = planeScales([90, 200], [55, 80], layout.plotWidth, layout.plotHeight);
  return { clientX: MARGIN.left + scales.x(weight), clientY: MARGIN.top + scales.y(height) };
}

function point(name: string): HTMLElement {
  return screen.getByRole('button', { name: new RegExp(`^${name},`) });
}

beforeEach(() => {
  resetLab();
  // jsdom has no 2D canvas; the figure must still render its SVG.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  // jsdom has no pointer capture either; a drag only needs the call to succeed.
  if (!('setPointerCapture' in Element.prototype)) {
    Object.defineProperty(Element.prototype, 'setPointerCapture', { value: () => {}, configurable: true });
  }
});
afterEach(() => cleanup());

describe('the Decision boundary figure', () => {
  it('shows each person as a focusable point named with their values, output and verdict', () => {
    showParams(ALL_ONES);
    render(<DecisionBoundary />);
    const figure = screen.getByRole('figure', { name: 'Decision boundary' });
    expect(figure).toHaveTextContent('orange side → Female (output > 0.5)');
    const points = within(figure).getAllByRole('button', { name: /, output / });
    expect(points).toHaveLength(4);
    // All weights 1, biases 0: Alice 0.5236951740839997; Bob and Charlie sigmoid(2) = 0.881 (wrong:
    // they are men); Diana sigmoid(≈0) just above 0.5.
    expect(point('Alice')).toHaveAccessibleName('Alice, 133 lb, 65 in, Female, output 0.524, right');
    expect(point('Bob')).toHaveAccessibleName('Bob, 160 lb, 72 in, Male, output 0.881, wrong');
    expect(point('Charlie')).toHaveAccessibleName('Charlie, 152 lb, 70 in, Male, output 0.881, wrong');
    expect(point('Diana')).toHaveAccessibleName('Diana, 120 lb, 60 in, Female, output 0.500, right');
    for (const each of points) expect(each).toHaveAttribute('tabindex', '0');
    // Wrong people get the dashed ring; right people do not.
    expect(point('Bob').querySelector('.point-wrong')).not.toBeNull();
    expect(point('Alice').querySelector('.point-wrong')).toBeNull();
    // Shape by gender, so colour is not needed to tell them apart.
    expect(point('Alice').querySelector('circle.point-shape')).not.toBeNull();
    expect(point('Bob').querySelector('rect.point-shape')).not.toBeNull();
  });

  it('draws the 0.5 line, labels both axes, and says when there is no line', () => {
    showParams([-1, -1, -1, -1, 3, 3, 0, 0, -3]);
    const { container, rerender } = render(<DecisionBoundary />);
    expect(screen.getByText('Weight (lb)')).toBeInTheDocument();
    expect(screen.getByText('Height (in)')).toBeInTheDocument();
    expect(container.querySelector('path.boundary-line')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    showParams([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    rerender(<DecisionBoundary />);
    expect(container.querySelector('path.boundary-line')?.getAttribute('d')).toBe('');
    expect(screen.getByText(/says 0.5 everywhere/)).toBeInTheDocument();
  });

  it('leaves out a row with a bad cell', () => {
    showParams(ALL_ONES);
    setLab({
      people: labState().people.map((p, i) => (i === 1 ? { ...p, weight: 'abc' } : p)),
    });
    render(<DecisionBoundary />);
    expect(screen.getAllByRole('button', { name: /, output / })).toHaveLength(3);
    expect(screen.queryByRole('button', { name: /^Bob,/ })).not.toBeInTheDocument();
  });

  it('shows a point’s output on hover and on focus', async () => {
    const user = userEvent.setup();
    showParams(ALL_ONES);
    const { container } = render(<DecisionBoundary />);
    await user.hover(point('Bob'));
    expect(container.querySelector('.boundary-tooltip')).toHaveTextContent('output 0.881 → Female, wrong');
    await user.unhover(point('Bob'));
    expect(container.querySelector('.boundary-tooltip')).toBeNull();
    point('Alice').focus();
    expect(await screen.findByText('0.524')).toHaveClass('boundary-tooltip-value');
  });
});

describe('editing people on the plane', () => {
  it('ArrowRight on Alice makes her 134 lb; Shift+ArrowUp adds 10 in; each press is one undo step', async () => {
    const user = userEvent.setup();
    showParams(ALL_ONES);
    render(<DecisionBoundary />);
    point('Alice').focus();
    await user.keyboard('{ArrowRight}');
    expect(labState().people[0]).toMatchObject({ weight: '134', height: '65' });
    expect(point('Alice')).toHaveFocus();
    await user.keyboard('{Shift>}{ArrowUp}{/Shift}');
    expect(labState().people[0]).toMatchObject({ weight: '134', height: '75' });
    expect(useLab.temporal.getState().pastStates).toHaveLength(2);
    expect(screen.getByRole('status')).toHaveTextContent('Alice: 75 in, output');
    useLab.temporal.getState().undo();
    expect(labState().people[0]).toMatchObject({ weight: '134', height: '65' });
  });

  it('dragging a point moves it locally and writes the table once, on release', () => {
    showParams(ALL_ONES);
    const { container } = render(<DecisionBoundary />);
    const svg = container.querySelector('svg.boundary-svg')!;
    const start = screenPoint(133, 65);
    fireEvent.pointerDown(point('Alice'), { pointerId: 1, button: 0, ...start });
    fireEvent.pointerMove(svg, { pointerId: 1, ...screenPoint(141, 68) });
    fireEvent.pointerMove(svg, { pointerId: 1, ...screenPoint(150, 70) });
    expect(labState().people[0]).toMatchObject({ weight: '133', height: '65' });
    expect(point('Alice')).toHaveAccessibleName(/^Alice, 150 lb, 70 in, Female, output/);
    fireEvent.pointerUp(svg, { pointerId: 1, ...screenPoint(150, 70) });
    expect(labState().people[0]).toMatchObject({ weight: '150', height: '70' });
    expect(useLab.temporal.getState().pastStates).toHaveLength(1);
  });

  it('Escape during a drag puts the point back and leaves the table alone', () => {
    showParams(ALL_ONES);
    const { container } = render(<DecisionBoundary />);
    const svg = container.querySelector('svg.boundary-svg')!;
    fireEvent.pointerDown(point('Alice'), { pointerId: 1, button: 0, ...screenPoint(133, 65) });
    fireEvent.pointerMove(svg, { pointerId: 1, ...screenPoint(160, 75) });
    expect(point('Alice')).toHaveAccessibleName(/^Alice, 160 lb, 75 in,/);
    fireEvent.keyDown(point('Alice'), { key: 'Escape' });
    fireEvent.pointerUp(svg, { pointerId: 1, ...screenPoint(160, 75) });
    expect(point('Alice')).toHaveAccessibleName(/^Alice, 133 lb, 65 in,/);
    expect(labState().people[0]).toMatchObject({ weight: '133', height: '65' });
    expect(useLab.temporal.getState().pastStates).toHaveLength(0);
  });

  it('a press without moving makes the other views follow that person', () => {
    showParams(ALL_ONES);
    const { container } = render(<DecisionBoundary />);
    const svg = container.querySelector('svg.boundary-svg')!;
    fireEvent.pointerDown(point('Charlie'), { pointerId: 1, button: 0, ...screenPoint(152, 70) });
    fireEvent.pointerUp(svg, { pointerId: 1, ...screenPoint(152, 70) });
    expect(labState().selectedRow).toBe(2);
    expect(labState().people[2]).toMatchObject({ weight: '152', height: '70' });
  });

  it('Shift+click on empty space adds a woman there, Alt+click a man; a plain click adds no one', () => {
    showParams(ALL_ONES);
    render(<DecisionBoundary />);
    const plot = screen.getByTestId('plot-area');
    fireEvent.click(plot, screenPoint(100, 78));
    expect(labState().people).toHaveLength(4);
    fireEvent.click(plot, { ...screenPoint(140, 66), shiftKey: true });
    expect(labState().people[4]).toMatchObject({ name: '', weight: '140', height: '66', gender: 'F' });
    fireEvent.click(plot, { ...screenPoint(180, 75), altKey: true });
    expect(labState().people[5]).toMatchObject({ weight: '180', height: '75', gender: 'M' });
    expect(screen.getAllByRole('button', { name: /^person [56],/ })).toHaveLength(2);
  });
});
