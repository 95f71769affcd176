// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Predict } from '../../src/components/Predict/Predict';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { createTrainer, trainEpoch } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';
import { importDataset, resetToArticleData, setUnits } from '../../src/store/dataActions';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import { networkOf, predictRaw } from '../../src/core/engine';
import { labState, resetLab, setLab } from '../helpers/resetLab';

function setParams(params: Float64Array): void {
  setLab({ run: { ...labState().run, params, scaling: ARTICLE_SHIFT } });
}

/** The article's 1000 epochs from all ones (docs/reference.md: Emily 0.946788, Frank 0.039759). */
function articleTrained(): Float64Array {
  const trainer = createTrainer({
    params: initialParams('ones', 0),
    set: buildTrainingSet(ARTICLE_PEOPLE, 'article'),
    sampleOrder: 'in-order',
    seed: 1,
    learningRate: 0.1,
  });
  for (let epoch = 0; epoch < 1000; epoch++) trainEpoch(trainer);
  return Float64Array.from(trainer.params);
}

function panel() {
  return within(screen.getByRole('region', { name: 'Predict' }));
}

beforeEach(resetLab);
afterEach(cleanup);

describe('Predict in kg and cm', () => {
  it('the inputs follow a switch to kg, cm; Emily (58.1 kg, 160 cm) is still Female', () => {
    const params = articleTrained();
    setParams(params);
    render(<Predict />);
    act(() => setUnits('metric'));
    const weight = panel().getByRole('textbox', { name: 'Weight (kg)' });
    const height = panel().getByRole('textbox', { name: 'Height (cm)' });
    expect(weight).toHaveValue('58.1');
    expect(height).toHaveValue('160');
    // The network gets lb and in: 58.1 kg and 160 cm are 128.09 lb and 62.99 in.
    const expected = predictRaw(
      networkOf(ARTICLE_ARCHITECTURE, params, ARTICLE_SHIFT),
      58.1 / 0.45359237,
      160 / 2.54,
    );
    expect(expected).toBeCloseTo(0.946788, 2);
    expect(panel().getByText(expected.toFixed(3))).toBeInTheDocument();
    expect(panel().getByText('Female')).toBeInTheDocument();
    expect(panel().getByRole('button', { name: 'Frank (70.3 kg, 173 cm)' })).toBeInTheDocument();
  });

  it('Frank in kg, cm is Male; typed text that is not a number stays through a switch', async () => {
    setParams(articleTrained());
    const user = userEvent.setup();
    render(<Predict />);
    act(() => setUnits('metric'));
    await user.click(panel().getByRole('button', { name: 'Frank (70.3 kg, 173 cm)' }));
    expect(panel().getByText('Male')).toBeInTheDocument();
    const height = panel().getByRole('textbox', { name: 'Height (cm)' });
    await user.clear(height);
    await user.type(height, 'tall');
    act(() => setUnits('imperial'));
    expect(panel().getByRole('textbox', { name: 'Height (in)' })).toHaveValue('tall');
    expect(panel().getByRole('textbox', { name: 'Weight (lb)' })).toHaveValue('155');
    expect(panel().getByText(/Fix the height/)).toBeInTheDocument();
  });
});

describe('Predict for an imported file', () => {
  const labels = { x1: 'sepal length', x2: 'petal score', positive: 'setosa', negative: 'versicolor' };

  it('takes the file’s two columns, says its label values, and has no article presets', () => {
    const params = initialParams('ones', 0);
    setParams(params);
    render(<Predict />);
    act(() =>
      importDataset(
        [
          { id: 'a', name: '', weight: '5.1', height: '-1.4', gender: 'F' },
          { id: 'b', name: '', weight: '7', height: '4.7', gender: 'M' },
        ],
        'imperial',
        labels,
      ),
    );
    // It starts from the file's first row.
    expect(panel().getByRole('textbox', { name: 'sepal length' })).toHaveValue('5.1');
    expect(panel().getByRole('textbox', { name: 'petal score' })).toHaveValue('-1.4');
    const expected = predictRaw(networkOf(ARTICLE_ARCHITECTURE, params, ARTICLE_SHIFT), 5.1, -1.4);
    expect(panel().getByText(expected.toFixed(3))).toBeInTheDocument();
    expect(panel().getByText(expected > 0.5 ? 'setosa' : 'versicolor')).toBeInTheDocument();
    expect(panel().queryByRole('button', { name: /Emily/ })).not.toBeInTheDocument();
    expect(panel().queryByText(/Female|Male/)).not.toBeInTheDocument();

    act(() => resetToArticleData());
    expect(panel().getByRole('textbox', { name: 'Weight (lb)' })).toHaveValue('128');
    expect(panel().getByRole('button', { name: 'Emily (128 lb, 63 in)' })).toBeInTheDocument();
  });
});
