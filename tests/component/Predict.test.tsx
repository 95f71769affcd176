// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { createTrainer, trainEpoch } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';
import { Predict } from '../../src/components/Predict/Predict';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import { networkOf, predictRaw } from '../../src/core/engine';
import { labState, resetLab, setLab } from '../helpers/resetLab';

function setParams(params: Float64Array): void {
  setLab({ run: { ...labState().run, params, scaling: ARTICLE_SHIFT } });
}

/** Weights 1 except w5 = w6 = -1: heavy, tall people come out Male. */
function flippedOutput(): Float64Array {
  const params = initialParams('ones', 0);
  params[4] = -1;
  params[5] = -1;
  return params;
}

function renderPredict() {
  const user = userEvent.setup();
  render(<Predict />);
  const panel = within(screen.getByRole('region', { name: 'Predict' }));
  return {
    user,
    panel,
    weight: panel.getByRole('textbox', { name: 'Weight (lb)' }),
    height: panel.getByRole('textbox', { name: 'Height (in)' }),
  };
}

beforeEach(() => {
  resetLab();
});
afterEach(cleanup);

describe('Predict', () => {
  it('starts at Emily’s 128 lb, 63 in and shows the core’s output to 3 decimals, with Female/Male by 0.5', () => {
    const params = initialParams('ones', 0);
    setParams(params);
    const { panel, weight, height } = renderPredict();
    expect(weight).toHaveValue('128');
    expect(height).toHaveValue('63');
    const expected = predictRaw(networkOf(ARTICLE_ARCHITECTURE, params, ARTICLE_SHIFT), 128, 63);
    expect(panel.getByText(expected.toFixed(3))).toBeInTheDocument();
    expect(panel.getByText(expected > 0.5 ? 'Female' : 'Male')).toBeInTheDocument();
  });

  it('says Male below the threshold, with the confidence as twice the distance from 0.5', async () => {
    const params = flippedOutput();
    setParams(params);
    const { user, panel } = renderPredict();
    await user.click(panel.getByRole('button', { name: 'Frank (155 lb, 68 in)' }));
    const expected = predictRaw(networkOf(ARTICLE_ARCHITECTURE, params, ARTICLE_SHIFT), 155, 68);
    expect(expected).toBeLessThan(0.5);
    expect(panel.getByText(expected.toFixed(3))).toBeInTheDocument();
    expect(panel.getByText('Male')).toBeInTheDocument();
    const percent = Math.floor(Math.abs(expected - 0.5) * 200);
    expect(panel.getByText(new RegExp(`^${percent}% sure`))).toBeInTheDocument();
  });

  it('after the article’s 1000 epochs from all ones, Emily is 0.947 Female (89% sure) and Frank 0.040 Male', async () => {
    const set = buildTrainingSet(ARTICLE_PEOPLE, 'article');
    const trainer = createTrainer({
      params: initialParams('ones', 0),
      set,
      sampleOrder: 'in-order',
      seed: 1,
      learningRate: 0.1,
    });
    for (let epoch = 0; epoch < 1000; epoch++) trainEpoch(trainer);
    setParams(Float64Array.from(trainer.params));
    const { user, panel } = renderPredict();
    // docs/reference.md: Emily 0.946788, Frank 0.039759.
    expect(panel.getByText('0.947')).toBeInTheDocument();
    expect(panel.getByText('Female')).toBeInTheDocument();
    expect(panel.getByText(/^89% sure/)).toBeInTheDocument();
    await user.click(panel.getByRole('button', { name: 'Frank (155 lb, 68 in)' }));
    expect(panel.getByText('0.040')).toBeInTheDocument();
    expect(panel.getByText('Male')).toBeInTheDocument();
    expect(panel.getByText(/^92% sure/)).toBeInTheDocument();
  });

  it('follows training live: new parameters in the store change the prediction', () => {
    const { panel } = renderPredict();
    // The store starts with all-zero parameters: sigmoid(0) = 0.5, right on the threshold.
    expect(panel.getByText('0.500')).toBeInTheDocument();
    expect(panel.getByText('Male')).toBeInTheDocument();
    const params = initialParams('ones', 0);
    act(() => setParams(params));
    expect(
      panel.getByText(predictRaw(networkOf(ARTICLE_ARCHITECTURE, params, ARTICLE_SHIFT), 128, 63).toFixed(3)),
    ).toBeInTheDocument();
  });

  it('a bad weight explains itself inline and keeps its text; fixing it brings the prediction back', async () => {
    setParams(initialParams('ones', 0));
    const { user, panel, weight } = renderPredict();
    await user.clear(weight);
    await user.type(weight, 'abc');
    expect(weight).toHaveValue('abc');
    expect(weight).toHaveAttribute('aria-invalid', 'true');
    expect(weight).toHaveAccessibleDescription('“abc” is not a number.');
    expect(panel.queryByText('Female')).not.toBeInTheDocument();
    expect(panel.getByText(/Fix the weight/)).toBeInTheDocument();
    await user.clear(weight);
    await user.type(weight, '128');
    expect(weight).not.toHaveAttribute('aria-invalid');
    expect(panel.getByText('Female')).toBeInTheDocument();
  });

  it('the Emily and Frank buttons fill both inputs', async () => {
    const { user, panel, weight, height } = renderPredict();
    await user.click(panel.getByRole('button', { name: 'Frank (155 lb, 68 in)' }));
    expect(weight).toHaveValue('155');
    expect(height).toHaveValue('68');
    await user.click(panel.getByRole('button', { name: 'Emily (128 lb, 63 in)' }));
    expect(weight).toHaveValue('128');
    expect(height).toHaveValue('63');
  });
});
