// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { DEFAULT_OPTIMIZER } from '../../src/core/optimizer';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { MathView } from '../../src/components/MathView/MathView';
import { loadTexRenderer } from '../../src/components/MathView/texRenderer';
import { INITIAL_RUN } from '../../src/store/runStore';
import type { OptimizerSnapshot } from '../../src/worker/protocol';
import { labState, resetLab, setLab } from '../helpers/resetLab';

vi.setConfig({ testTimeout: 20_000 });

const ONES = Float64Array.from([1, 1, 1, 1, 1, 1, 0, 0, 0]);
const NINE = (start: number) => Float64Array.from({ length: 9 }, (_, i) => start * (i + 1));

/** Shows the article's people under `architecture`, following Alice, with this optimizer state. */
function show(architecture: Architecture, optimizer: OptimizerSnapshot | null) {
  setLab({
    run: { ...INITIAL_RUN, architecture, params: ONES, scaling: ARTICLE_SHIFT, optimizer },
    settings: { ...labState().settings, architecture },
    selectedRow: 0,
  });
  render(<MathView />);
  return within(screen.getByRole('region', { name: 'Math' }));
}

/** The Optimizer state table's headers and, per row, the cells' full-precision titles as numbers. */
function stateTable(math: ReturnType<typeof show>) {
  const table = within(math.getByRole('table', { name: 'Optimizer state' }));
  const headers = table.getAllByRole('columnheader').map((header) => header.textContent);
  const rows = table
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => Number(cell.getAttribute('title'))),
    );
  return { headers, rows };
}

beforeAll(async () => {
  expect(await loadTexRenderer()).not.toBe('failed');
});
beforeEach(() => resetLab());
afterEach(cleanup);

describe('the Math view of an optimizer’s update and state', () => {
  it('Adam: the rule with bias correction, and m, v, m̂, v̂ and the last step for every parameter', () => {
    const adam = { ...ARTICLE_ARCHITECTURE, optimizer: { ...DEFAULT_OPTIMIZER, kind: 'adam' as const } };
    const m = NINE(0.01);
    const v = NINE(0.0001);
    const math = show(adam, { steps: 2, velocity: null, firstMoment: m, secondMoment: v });
    expect(math.getByRole('heading', { name: 'Per-sample Adam update' })).toBeInTheDocument();
    expect(math.getByText(/m̂1 = m1 \/ \(1 - β1\^t\), v̂1 = v1 \/ \(1 - β2\^t\)/)).toBeInTheDocument();
    expect(math.getByText(/β1 = 0\.9, β2 = 0\.999, ε = 1\.00e-8, η = 0\.1/)).toBeInTheDocument();
    const { headers, rows } = stateTable(math);
    expect(headers).toEqual([
      'Parameter',
      'm (first moment)',
      'v (second moment)',
      'm̂ (m / (1 − β1ᵗ))',
      'v̂ (v / (1 − β2ᵗ))',
      'Last step (−η m̂ / (√v̂ + ε))',
    ]);
    expect(rows).toHaveLength(9);
    // After t = 2 steps: 1 − 0.9² = 0.19 and 1 − 0.999² = 0.001999.
    const [w1m, w1v, w1mHat, w1vHat, w1Step] = rows[0]!;
    expect([w1m, w1v]).toEqual([0.01, 0.0001]);
    expect(w1mHat).toBeCloseTo(0.01 / 0.19, 14);
    expect(w1vHat).toBeCloseTo(0.0001 / 0.001999, 14);
    expect(w1Step).toBeCloseTo((-0.1 * (0.01 / 0.19)) / (Math.sqrt(0.0001 / 0.001999) + 1e-8), 14);
    expect(math.getByText(/Adam after t = 2 steps/)).toBeInTheDocument();
    // The lead names Adam as a glossary term.
    expect(math.getByRole('button', { name: 'Adam' })).toHaveAccessibleDescription(/first moment/);
  });

  it('RMSProp: the squared-gradient mean s and the divisor √s + ε', () => {
    const rms = {
      ...ARTICLE_ARCHITECTURE,
      update: 'mini-batch' as const,
      batchSize: 2,
      optimizer: { ...DEFAULT_OPTIMIZER, kind: 'rmsprop' as const },
    };
    const s = NINE(0.0004);
    const math = show(rms, { steps: 5, velocity: null, firstMoment: null, secondMoment: s });
    expect(math.getByRole('heading', { name: 'Mini-batch RMSProp update' })).toBeInTheDocument();
    expect(
      math.getByText(/s1 ← α × s1 \+ \(1 - α\) × g²; w1 ← w1 - η × g \/ \(√s1 \+ ε\)/),
    ).toBeInTheDocument();
    const { headers, rows } = stateTable(math);
    expect(headers).toEqual(['Parameter', 's (mean of g²)', '√s + ε (divides η g)']);
    expect(rows[1]![0]).toBe(0.0008);
    expect(rows[1]![1]).toBeCloseTo(Math.sqrt(0.0008) + 1e-8, 15);
  });

  it('Momentum: each parameter’s velocity, the step it took last', () => {
    const momentum = { ...ARTICLE_ARCHITECTURE, momentum: 0.9 };
    const velocity = NINE(-0.002);
    const math = show(momentum, { steps: 3, velocity, firstMoment: null, secondMoment: null });
    const { headers, rows } = stateTable(math);
    expect(headers).toEqual(['Parameter', 'Velocity v (the last step)']);
    expect(rows.map((row) => row[0])).toEqual(Array.from(velocity));
  });

  it('plain SGD remembers nothing, and shows no optimizer state', () => {
    const math = show(ARTICLE_ARCHITECTURE, null);
    expect(math.queryByRole('group', { name: 'Optimizer state' })).toBeNull();
    expect(math.getByRole('heading', { name: 'SGD update' })).toBeInTheDocument();
  });
});
