// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { networkParamNames } from '../../src/core/layerNames';
import { networkParamCount, withHiddenSizes } from '../../src/core/layerShape';
import { netTraceSample } from '../../src/core/netBackward';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { MathView } from '../../src/components/MathView/MathView';
import { INITIAL_RUN } from '../../src/store/runStore';
import { labState, resetLab, setLab } from '../helpers/resetLab';

/** The largest network: 4 × 8, 249 parameters. */
const WIDEST: Architecture = withHiddenSizes(ARTICLE_ARCHITECTURE, [8, 8, 8, 8]);
const COUNT = networkParamCount(WIDEST);
const NAMES = networkParamNames(WIDEST);
const paramsAt = (k: number) =>
  Float64Array.from({ length: COUNT }, (_, i) => ((i * 7) % 13) / 13 - 0.5 + k / 100);

function showParams(params: Float64Array): void {
  act(() => {
    setLab({
      run: { ...INITIAL_RUN, architecture: WIDEST, params, scaling: ARTICLE_SHIFT },
      settings: { ...labState().settings, architecture: WIDEST },
      selectedRow: 0,
    });
  });
}

function gradientTable() {
  return screen.getByRole('table', { name: 'Gradient' });
}

/** The rendered parameter rows' names, in order. */
function renderedNames(): string[] {
  return within(gradientTable())
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
}

function scrollTo(top: number): void {
  const region = screen.getByRole('group', { name: 'Gradient table' });
  region.scrollTop = top;
  fireEvent.scroll(region);
  act(() => {
    vi.advanceTimersByTime(50);
  });
}

vi.setConfig({ testTimeout: 20_000 });
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout'] });
  resetLab();
  showParams(paramsAt(0));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the Gradient table of a 4 × 8 network', () => {
  it('renders only a window of its 249 rows, and says how many there are', () => {
    render(<MathView />);
    expect(COUNT).toBe(249);
    const names = renderedNames();
    expect(names.length).toBeGreaterThan(5);
    expect(names.length).toBeLessThan(60);
    expect(names).toEqual(NAMES.slice(0, names.length));
    const table = gradientTable();
    expect(table.getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    const rows = within(table).getAllByRole('row');
    expect(rows[0]!.getAttribute('aria-rowindex')).toBe('1');
    expect(rows[1]!.getAttribute('aria-rowindex')).toBe('2');
  });

  it('scrolls to the last parameter, whose numbers are the engine’s', () => {
    render(<MathView />);
    scrollTo(1_000_000);
    const names = renderedNames();
    expect(names.at(-1)).toBe(NAMES.at(-1));
    expect(names).not.toContain(NAMES[0]);
    const last = within(gradientTable())
      .getByRole('rowheader', { name: NAMES.at(-1)! })
      .closest('tr')!;
    expect(last.getAttribute('aria-rowindex')).toBe(String(COUNT + 1));
    // Alice: x = (-2, -1) after the Article shift, a woman (1); the output bias's gradient is the last.
    const { grad } = netTraceSample(WIDEST, paramsAt(0), -2, -1, 1);
    const cells = within(last).getAllByRole('cell');
    expect(Number(cells[1]!.getAttribute('title'))).toBe(grad[COUNT - 1]);
  });

  it('keeps the rows in view live as the parameters change', () => {
    render(<MathView />);
    scrollTo(1_000_000);
    const before = (): string | null =>
      within(
        within(gradientTable())
          .getByRole('rowheader', { name: NAMES.at(-1)! })
          .closest('tr')!,
      )
        .getAllByRole('cell')[0]!
        .getAttribute('title');
    expect(Number(before())).toBe(paramsAt(0)[COUNT - 1]);
    showParams(paramsAt(5));
    expect(Number(before())).toBe(paramsAt(5)[COUNT - 1]);
  });

  it('renders every row of a short table, with no row counts', () => {
    const small = withHiddenSizes(ARTICLE_ARCHITECTURE, [3, 2]);
    act(() => {
      setLab({
        run: {
          ...INITIAL_RUN,
          architecture: small,
          params: new Float64Array(networkParamCount(small)),
          scaling: ARTICLE_SHIFT,
        },
        settings: { ...labState().settings, architecture: small },
      });
    });
    render(<MathView />);
    expect(renderedNames()).toEqual(networkParamNames(small));
    expect(gradientTable().hasAttribute('aria-rowcount')).toBe(false);
  });
});
