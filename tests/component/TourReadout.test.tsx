// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TourReadout } from '../../src/components/Tour/TourReadout';
import { ARTICLE_ARCHITECTURE, paramCount, type Architecture } from '../../src/core/architecture';
import { hiddenOutputSlot, outputSlot } from '../../src/core/bufferLayout';
import { networkOf, trace } from '../../src/core/engine';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { formatValue } from '../../src/components/format';
import { resetLab, setLab } from '../helpers/resetLab';

beforeEach(resetLab);
afterEach(cleanup);

const TANH_3: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: 3, activation: 'tanh' };
/** Any nine parameters stand for the ones the history kept at epoch 300. */
const ARTICLE_PARAMS_AT_300 = [0.5, -0.2, 0.1, 0.3, 1, -1, 0, 0.2, 0.1];
const params = Float64Array.from({ length: paramCount(3) }, (_, i) => ((i % 5) - 2) / 3);

describe('the tour readouts', () => {
  it('the network step reads the run’s own network: every hidden neuron and o1 through the engine', () => {
    setLab((state) => ({ run: { ...state.run, architecture: TANH_3, params } }));
    render(<TourReadout step="network" />);
    const { forward } = trace(networkOf(TANH_3, params, ARTICLE_SHIFT), 2, 3, 0);
    const four = (value: number) => formatValue(value, 4);
    const text = screen.getByText(/x = \[2, 3\] gives/).textContent ?? '';
    for (let neuron = 0; neuron < 3; neuron++) {
      expect(text).toContain(`h${neuron + 1} = ${four(forward[hiddenOutputSlot(neuron)]!)}`);
    }
    expect(text).toContain(`o1 = ${four(forward[outputSlot(3)]!)}`);
  });

  it('the predictions step names the epoch its predictions come from (the viewed one while scrubbing)', () => {
    setLab((state) => ({ run: { ...state.run, epoch: 900 } }));
    const { unmount } = render(<TourReadout step="predictions" />);
    expect(screen.getByText('After epoch 900:')).toBeInTheDocument();
    unmount();
    const past = Float64Array.from(ARTICLE_PARAMS_AT_300);
    setLab({ viewEpoch: 300, viewed: { epoch: 300, params: past } });
    render(<TourReadout step="predictions" />);
    expect(screen.getByText('After epoch 300:')).toBeInTheDocument();
  });
});
