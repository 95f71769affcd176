// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { traceSample } from '../../src/core/backward';
import { initialParams } from '../../src/core/init';
import { W5 } from '../../src/core/network';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { applySgdStep } from '../../src/core/sgd';
import { MathView } from '../../src/components/MathView/MathView';
import { loadTexRenderer } from '../../src/components/MathView/texRenderer';
import { INITIAL_RUN } from '../../src/store/runStore';
import { labState, resetLab, setLab } from '../helpers/resetLab';

const RANDOM = [0.31, -1.2, 0.87, 0.05, -0.44, 1.9, 0.12, -0.6, 0.25];

function showParams(params: Float64Array, selectedRow: number | null = 0): void {
  setLab({ run: { ...INITIAL_RUN, params, scaling: ARTICLE_SHIFT }, selectedRow });
}

function renderMath() {
  const user = userEvent.setup();
  render(<MathView />);
  const section = screen.getByRole('region', { name: 'Math' });
  return { user, section, math: within(section) };
}

/** The w1 row of the `Gradient` table. */
function w1Row(section: HTMLElement): HTMLElement {
  const table = within(within(section).getByRole('table', { name: 'Gradient' }));
  return table.getByRole('rowheader', { name: 'w1' }).closest('tr')!;
}

/** w1's before, dL/dw1, change and after, as shown. */
function w1Cells(section: HTMLElement): string[] {
  return within(w1Row(section))
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

/** Titles of the formulas lit up for the current phase. */
function litFormulas(section: HTMLElement): string[] {
  return Array.from(section.querySelectorAll('li[aria-current="step"] h3')).map((h) => h.textContent ?? '');
}

// KaTeX loads on demand; load it once up front so every render typesets at once.
beforeAll(async () => {
  expect(await loadTexRenderer()).not.toBe('failed');
});
beforeEach(() => {
  resetLab();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Math view numbers', () => {
  it('shows the article’s worked example for Alice: dL/dw1 = 0.0215 and w1 = 0.998 after the update', () => {
    showParams(initialParams('ones', 0));
    const { section, math } = renderMath();
    expect(math.getByText(/^The next step for/)).toHaveTextContent('The next step for Alice');
    expect(
      math.getByText(
        /^dL\/dw1 = dL\/dypred × dypred\/dh1 × dh1\/dw1 = \(-0\.953\) × 0\.249 × \(-0\.0904\) = 0\.0215;/,
      ),
    ).toBeInTheDocument();
    expect(math.getByText('w1 ← w1 - η × dL/dw1 = 1 - 0.1 × 0.0215 = 0.998')).toBeInTheDocument();
    expect(w1Cells(section)).toEqual(['1', '0.0215', '-0.00215', '0.998']);
    expect(section.querySelectorAll('.katex-display')).toHaveLength(5);
  });

  it('explains the step `Step sample` just took when the worker reported it', () => {
    const before = initialParams('ones', 0);
    const trace = traceSample(before, -2, -1, 1);
    const after = Float64Array.from(before);
    applySgdStep(after, trace.grad, 0.1);
    setLab({
      run: {
        ...INITIAL_RUN,
        params: after,
        scaling: ARTICLE_SHIFT,
        sample: { row: 0, ...trace, paramsBefore: before },
      },
      selectedRow: null,
    });
    const { section, math } = renderMath();
    expect(math.getByText(/^The step just taken/)).toHaveTextContent('The step just taken, on Alice');
    expect(w1Cells(section)).toEqual(['1', '0.0215', '-0.00215', '0.998']);
  });

  it('after Play then Pause announces whom `Step sample` trains next, never the row trained last', () => {
    const params = initialParams('ones', 0);
    // Diana (row 3) closed the epoch; the worker says Alice (row 0) is next.
    const trace = traceSample(params, -15, -6, 1);
    setLab({
      run: { ...INITIAL_RUN, params, sample: { row: 3, ...trace, paramsBefore: null }, nextRow: 0 },
      selectedRow: null,
    });
    const { math } = renderMath();
    expect(math.getByText(/^The next step for/)).toHaveTextContent(/^The next step for Alice: x1 = -2/);
    expect(math.queryByText(/Diana/)).not.toBeInTheDocument();
  });

  it('in shuffled order follows the worker’s next row, whatever row comes first', () => {
    setLab({ run: { ...INITIAL_RUN, params: initialParams('ones', 0), nextRow: 2 }, selectedRow: null });
    const { math } = renderMath();
    expect(math.getByText(/^The next step for/)).toHaveTextContent('The next step for Charlie');
  });

  it('after `Step sample` and for a picked person, says whom `Step sample` trains next', () => {
    const before = initialParams('ones', 0);
    const trace = traceSample(before, -2, -1, 1);
    setLab({
      run: { ...INITIAL_RUN, params: before, sample: { row: 0, ...trace, paramsBefore: before }, nextRow: 1 },
      selectedRow: null,
    });
    const { math } = renderMath();
    expect(math.getByText(/^The step just taken/)).toHaveTextContent(
      'The step just taken, on Alice (Step sample trains Bob next)',
    );
    cleanup();
    setLab({ selectedRow: 3 });
    const picked = renderMath().math;
    expect(picked.getByText(/^The step +would get/)).toHaveTextContent(
      'The step Diana would get from the weights shown (Step sample trains Bob next)',
    );
    expect(picked.queryByText(/^The next step/)).not.toBeInTheDocument();
  });

  it('shows every number at full precision as the formula’s description (hover and focus)', () => {
    showParams(initialParams('ones', 0));
    const { section, math } = renderMath();
    const backprop = math.getByRole('group', { name: 'Backpropagation, with numbers' });
    expect(backprop).toHaveAccessibleDescription(expect.stringContaining('dL/dw1 0.02146953526581111'));
    expect(backprop).toHaveAccessibleDescription(expect.stringContaining('dL/dypred -0.9526096518320006'));
    const gradientCell = within(w1Row(section)).getByRole('cell', { name: '0.0215' });
    expect(gradientCell).toHaveAttribute('title', '0.02146953526581111');
  });

  it('renders a person’s name as text, never as HTML', () => {
    const name = '<img src=x onerror=alert(1)>';
    const people = labState().people.map((person, row) => (row === 0 ? { ...person, name } : person));
    setLab({ people });
    showParams(initialParams('ones', 0));
    const { section, math } = renderMath();
    expect(math.getByText(name)).toBeInTheDocument();
    expect(section.querySelector('img')).toBeNull();
  });
});

describe('the four phases', () => {
  it('`Next phase` walks forward → loss → backward → update, lighting the matching formulas', async () => {
    showParams(initialParams('ones', 0));
    const { user, section, math } = renderMath();
    const next = math.getByRole('button', { name: 'Next phase' });
    expect(litFormulas(section)).toEqual([]);
    const expected = [
      ['Phase 1 of 4: Forward', ['Neuron', 'Feedforward']],
      ['Phase 2 of 4: Loss', ['Loss']],
      ['Phase 3 of 4: Backward', ['Backpropagation']],
      ['Phase 4 of 4: Update', ['SGD update']],
    ] as const;
    for (const [indicator, formulas] of expected) {
      await user.click(next);
      expect(math.getByText(indicator)).toBeInTheDocument();
      expect(litFormulas(section)).toEqual(formulas);
    }
    expect(labState().stepPhase).toBe('update');
    expect(next).toHaveAttribute('aria-disabled', 'true');
    await user.click(next);
    expect(labState().stepPhase).toBe('update');
    await user.click(math.getByRole('button', { name: 'Previous phase' }));
    expect(math.getByText('Phase 3 of 4: Backward')).toBeInTheDocument();
  });

  it('lights the gradients in the backward phase and the change and new values in the update phase', () => {
    showParams(initialParams('ones', 0));
    const { section } = renderMath();
    const litIn = (phase: 'backward' | 'update'): string[] => {
      act(() => {
        setLab({ stepPhase: phase });
      });
      return Array.from(w1Row(section).querySelectorAll('td.is-lit'), (cell) => cell.textContent ?? '');
    };
    expect(litIn('backward')).toEqual(['0.0215']);
    expect(litIn('update')).toEqual(['-0.00215', '0.998']);
  });

  it('moves with the Right and Left arrows while the Math view has focus', async () => {
    showParams(initialParams('ones', 0));
    const { user, section, math } = renderMath();
    section.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(math.getByText('Phase 2 of 4: Loss')).toBeInTheDocument();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(labState().stepPhase).toBe('update');
    await user.keyboard('{ArrowLeft}');
    expect(math.getByText('Phase 3 of 4: Backward')).toBeInTheDocument();
    expect(section).toHaveAttribute('data-own-keys');
  });

  it('`Play phases` walks all four phases at the Speed pace, then stops', () => {
    vi.useFakeTimers();
    showParams(initialParams('ones', 0));
    setLab({ settings: { ...labState().settings, speed: 1 } });
    const { math } = renderMath();
    fireEvent.click(math.getByRole('button', { name: 'Play phases' }));
    expect(labState().stepPhase).toBe('forward');
    expect(math.getByRole('button', { name: 'Pause phases' })).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(2400);
    });
    expect(labState().stepPhase).toBe('forward');
    for (const phase of ['loss', 'backward', 'update'] as const) {
      act(() => {
        vi.advanceTimersByTime(2500);
      });
      expect(labState().stepPhase).toBe(phase);
    }
    act(() => {
      vi.advanceTimersByTime(2500);
    });
    expect(labState().stepPhase).toBe('update');
    expect(math.getByRole('button', { name: 'Play phases' })).toBeInTheDocument();
  });
});

describe('symmetric start and glossary', () => {
  it('calls out the symmetric start for All ones, and not for asymmetric weights', () => {
    showParams(initialParams('ones', 0));
    const { math } = renderMath();
    expect(math.getByRole('note', { name: 'Symmetric start' })).toHaveTextContent(/stay identical forever/);
    act(() => showParams(Float64Array.from(RANDOM)));
    expect(math.queryByRole('note', { name: 'Symmetric start' })).toBeNull();
  });

  it('says twins drift apart when only the outgoing weights differ', () => {
    const params = initialParams('ones', 0);
    params[W5] = 2;
    showParams(params);
    const { math } = renderMath();
    const note = math.getByRole('note', { name: 'Symmetric start' });
    expect(note).toHaveTextContent(/pull them apart/);
    expect(note).not.toHaveTextContent(/forever/);
  });

  it('defines terms on focus and in the Glossary panel', async () => {
    showParams(initialParams('ones', 0));
    const { user, math } = renderMath();
    const sigmoid = math.getAllByRole('button', { name: 'sigmoid' })[0]!;
    expect(sigmoid).toHaveAccessibleDescription(/squashes any number into the range 0 to 1/);
    const tooltip = document.getElementById(sigmoid.getAttribute('aria-describedby')!)!;
    expect(tooltip).not.toBeVisible();
    act(() => sigmoid.focus());
    expect(tooltip).toBeVisible();
    await user.keyboard('{Escape}');
    expect(tooltip).not.toBeVisible();

    const toggle = math.getByRole('button', { name: 'Glossary' });
    await user.click(toggle);
    const panel = math.getByRole('region', { name: 'Glossary' });
    for (const term of [
      'neuron',
      'bias',
      'sigmoid',
      'feedforward',
      'loss',
      'gradient',
      'learning rate',
      'epoch',
    ]) {
      expect(within(panel).getByText(term, { selector: 'dt' })).toBeInTheDocument();
    }
    await user.keyboard('{Escape}');
    expect(panel).not.toBeVisible();
    expect(toggle).toHaveFocus();
  });
});
