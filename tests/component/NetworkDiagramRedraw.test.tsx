// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { NetworkDiagram } from '../../src/components/NetworkDiagram/NetworkDiagram';
import { paramWidth, WIDTH_STEP } from '../../src/components/NetworkDiagram/paramLook';
import { weightWidth } from '../../src/viz/colorScales';
import { INITIAL_RUN } from '../../src/store/runStore';
import { resetLab, setLab } from '../helpers/resetLab';

const START = [0.31, -1.2, 0.87, 0.05, -0.44, 1.9, 0.12, -0.6, 0.25];

function showParams(values: readonly number[]): void {
  act(() => setLab({ run: { ...INITIAL_RUN, params: Float64Array.from(values), scaling: ARTICLE_SHIFT } }));
}

/** Every change React makes to the figure's weights and biases (not its neurons) from now on. */
function watchParams(): MutationRecord[] {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  for (const group of document.querySelectorAll('.network-edges, .network-biases'))
    observer.observe(group, { subtree: true, attributes: true, characterData: true, childList: true });
  onTestFinished(() => observer.disconnect());
  return records;
}

const weight = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name} = `) });

beforeEach(() => {
  resetLab();
});
afterEach(cleanup);

describe('the Network figure redraws only what changes visibly', () => {
  it('a change below what is printed or drawn touches no weight or bias; a visible one only its own', async () => {
    showParams(START);
    render(<NetworkDiagram />);
    const records = watchParams();
    showParams(START.map((value) => value + 1e-9));
    await Promise.resolve(); // mutation records arrive in a microtask
    expect(records).toEqual([]);

    showParams(START.map((value, param) => (param === 0 ? 0.5 : value + 2e-9)));
    await Promise.resolve();
    const w1 = weight('w1');
    expect(w1).toHaveAccessibleName('w1 = 0.5, weight x1 → h1. Press Enter to edit');
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((record) => w1.contains(record.target))).toBe(true);
  });

  it('a weight’s exact value is a tooltip while it is hovered or focused, and follows training there', async () => {
    const user = userEvent.setup();
    showParams(START.map((value) => value + 1e-9));
    render(<NetworkDiagram />);
    const title = (name: string) => weight(name).querySelector('title')?.textContent ?? null;
    expect(title('w2')).toBeNull();
    await user.hover(weight('w2'));
    expect(title('w2')).toBe(`w2 = ${-1.2 + 1e-9}`);
    showParams(START.map((value) => value + 3e-9));
    expect(title('w2')).toBe(`w2 = ${-1.2 + 3e-9}`);
    expect(title('w3')).toBeNull();
    await user.unhover(weight('w2'));
    expect(title('w2')).toBeNull();
    act(() => weight('b1').focus());
    expect(title('b1')).toBe(`b1 = ${0.12 + 3e-9}`);
  });
});

describe('paramWidth', () => {
  it('draws a width to the nearest step while training, and exactly for a phase of the SGD step', () => {
    expect(paramWidth(1)).toBe(3.75); // weightWidth(1) = 3.75, on a step
    expect(paramWidth(1.01)).toBe(3.75); // 3.7775: the same quarter pixel
    expect(paramWidth(1.05)).toBe(3.75 + WIDTH_STEP); // 3.8875
    expect(paramWidth(1.01, true)).toBe(weightWidth(1.01));
    expect(paramWidth(-1.01)).toBe(paramWidth(1.01));
    expect(paramWidth(Number.NaN)).toBe(1);
  });
});
