// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { networkParamNames } from '../../src/core/layerNames';
import { networkParamCount, withHiddenSizes } from '../../src/core/layerShape';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { LossLandscape } from '../../src/components/LossLandscape/LossLandscape';
import { INITIAL_RUN } from '../../src/store/runStore';
import { labState, resetLab, setLab } from '../helpers/resetLab';

const DEEP: Architecture = withHiddenSizes({ ...ARTICLE_ARCHITECTURE, activation: 'tanh' }, [3, 2, 2]);
const PARAMS = Float64Array.from({ length: networkParamCount(DEEP) }, (_, i) => ((i * 5) % 11) / 5 - 1);

const axisTitle = (container: HTMLElement, axis: 'x' | 'y') =>
  container.querySelector(`.landscape-axis-title[data-axis="${axis}"]`)?.textContent;

beforeEach(() => {
  resetLab();
  act(() => {
    setLab({
      run: { ...INITIAL_RUN, architecture: DEEP, params: PARAMS, scaling: ARTICLE_SHIFT },
      settings: { ...labState().settings, architecture: DEEP },
    });
  });
});
afterEach(() => cleanup());

describe('the Loss landscape of three hidden layers', () => {
  it('offers any two of all its parameters, starting on the output layer’s weights', async () => {
    const user = userEvent.setup();
    const { container } = render(<LossLandscape />);
    const options = within(screen.getByLabelText('Parameter on x')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(networkParamNames(DEEP));
    // 3·2 + 2·3 + 2·2 = 16 weights before the output's w17, w18.
    expect(axisTitle(container, 'x')).toBe('w17 (weight Layer 3, neuron 1 → o1)');
    expect(axisTitle(container, 'y')).toBe('w18 (weight Layer 3, neuron 2 → o1)');
    await user.selectOptions(screen.getByLabelText('Parameter on y'), 'w3');
    expect(axisTitle(container, 'y')).toBe('w3 (weight x1 → Layer 1, neuron 2)');
  });
});
