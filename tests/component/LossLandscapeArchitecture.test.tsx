// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, paramNames, type Architecture } from '../../src/core/architecture';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { netDatasetLoss } from '../../src/core/netLoss';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { buildTrainingSet } from '../../src/core/trainingSet';
import { LossLandscape } from '../../src/components/LossLandscape/LossLandscape';
import { formatLoss } from '../../src/components/format';
import { INITIAL_RUN } from '../../src/store/runStore';
import { labState, resetLab, setLab } from '../helpers/resetLab';

function showNetwork(architecture: Architecture, params: Float64Array): void {
  act(() => {
    setLab({
      run: { ...INITIAL_RUN, architecture, params, scaling: ARTICLE_SHIFT },
      settings: { ...labState().settings, architecture },
    });
  });
}

function axisTitle(container: HTMLElement, axis: 'x' | 'y'): string | null | undefined {
  return container.querySelector(`.landscape-axis-title[data-axis="${axis}"]`)?.textContent;
}

// Three hidden neurons: w1..w6 in, w7..w9 out, b1..b3 hidden, b4 out.
const THREE = Float64Array.from([0.5, -0.25, 1, 0.5, -1, 2, 0.75, -1.5, 1.25, 0.1, -0.2, 0.3, -0.4]);

beforeEach(() => {
  resetLab();
});
afterEach(() => cleanup());

describe('the Loss landscape of another network', () => {
  it('offers every one of its 4H + 1 parameters and starts on the output layer’s first two weights', async () => {
    const user = userEvent.setup();
    const relu: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: 3, activation: 'relu' };
    showNetwork(relu, THREE);
    const { container } = render(<LossLandscape />);
    const picker = screen.getByLabelText('Parameter on x');
    expect(
      within(picker)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(paramNames(3));
    expect(axisTitle(container, 'x')).toBe('w7 (weight h1 → o1)');
    expect(axisTitle(container, 'y')).toBe('w8 (weight h2 → o1)');
    await user.selectOptions(screen.getByLabelText('Parameter on y'), 'b4');
    expect(axisTitle(container, 'y')).toBe('b4 (bias of o1)');
    expect(screen.getByRole('figure', { name: 'Loss landscape' })).toHaveTextContent(
      /other eleven parameters at their current values/,
    );
  });

  it('measures the network’s own loss: cross-entropy of tanh neurons', () => {
    const tanhBce: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: 3, activation: 'tanh', loss: 'bce' };
    showNetwork(tanhBce, THREE);
    render(<LossLandscape />);
    const set = buildTrainingSet(ARTICLE_PEOPLE, 'article');
    const loss = netDatasetLoss(tanhBce, THREE, set.inputs, set.targets, set.count);
    const mse = netDatasetLoss({ ...tanhBce, loss: 'mse' }, THREE, set.inputs, set.targets, set.count);
    expect(formatLoss(loss)).not.toBe(formatLoss(mse));
    const figure = screen.getByRole('figure', { name: 'Loss landscape' });
    expect(figure).toHaveTextContent(`Now: w7 = 0.75, w8 = -1.5, loss ${formatLoss(loss)}`);
    expect(figure).toHaveTextContent('binary cross-entropy over the valid rows');
  });

  it('goes back to the default pair when the network’s size changes the parameters’ meaning', async () => {
    const user = userEvent.setup();
    showNetwork(ARTICLE_ARCHITECTURE, Float64Array.from([1, 1, 1, 1, 1, 1, 0, 0, 0]));
    const { container } = render(<LossLandscape />);
    await user.selectOptions(screen.getByLabelText('Parameter on x'), 'w4');
    expect(axisTitle(container, 'x')).toBe('w4 (weight x2 → h2)');
    showNetwork({ ...ARTICLE_ARCHITECTURE, hidden: 3 }, THREE);
    expect(axisTitle(container, 'x')).toBe('w7 (weight h1 → o1)');
  });
});
