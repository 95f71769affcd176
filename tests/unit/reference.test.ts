import { describe, expect, it } from 'vitest';
import {
  ARTICLE_PEOPLE,
  DH1_DW1,
  DL_DYPRED,
  DYPRED_DH1,
  H1,
  H2,
  O1,
  applySgdStep,
  buildTrainingSet,
  createParams,
  createTrainer,
  datasetLoss,
  forwardPass,
  initialParams,
  mseLoss,
  neuronOutput,
  predict,
  scaleInput,
  trainEpoch,
  traceSample,
} from '../../src/core';

// Every number here is from docs/reference.md ("Reference numbers").
const EXACT = 1e-12;
const TEN_DIGITS = 1e-10;

describe('the article’s neuron and network', () => {
  it('a single neuron w=[0,1], b=4 on x=[2,3] gives 0.9990889488055994', () => {
    expect(neuronOutput([0, 1], 4, [2, 3])).toBeCloseTo(0.9990889488055994, 15);
    expect(Math.abs(neuronOutput([0, 1], 4, [2, 3]) - 0.9990889488055994)).toBeLessThan(EXACT);
  });

  it('every neuron w=[0,1], b=0 on x=[2,3]: h = 0.9525741268224334, output 0.7216325609518421', () => {
    const params = createParams([0, 1, 0, 1, 0, 1, 0, 0, 0]);
    const values = forwardPass(params, 2, 3);
    expect(Math.abs(values.h1 - 0.9525741268224334)).toBeLessThan(EXACT);
    expect(Math.abs(values.h2 - 0.9525741268224334)).toBeLessThan(EXACT);
    expect(Math.abs(values.o1 - 0.7216325609518421)).toBeLessThan(EXACT);
  });

  it('MSE when the network always outputs 0 is 0.5', () => {
    expect(mseLoss([1, 0, 0, 1], [0, 0, 0, 0])).toBe(0.5);
  });
});

describe('backpropagation on Alice with all weights 1, biases 0', () => {
  const ones = initialParams('ones', 0);
  const alice = { x1: 133 - 135, x2: 65 - 66, y: 1 };
  const trace = traceSample(ones, alice.x1, alice.x2, alice.y);

  it('forward values match the article', () => {
    expect(Math.abs(trace.forward[H1]! - 0.04742587317756678)).toBeLessThan(EXACT);
    expect(Math.abs(trace.forward[H2]! - 0.04742587317756678)).toBeLessThan(EXACT);
    expect(Math.abs(trace.forward[O1]! - 0.5236951740839997)).toBeLessThan(EXACT);
  });

  it('each chain-rule factor and dL/dw1 = 0.02146953526581111', () => {
    expect(Math.abs(trace.factors[DL_DYPRED]! - -0.9526096518320006)).toBeLessThan(EXACT);
    expect(Math.abs(trace.factors[DYPRED_DH1]! - 0.24943853872512894)).toBeLessThan(EXACT);
    expect(Math.abs(trace.factors[DH1_DW1]! - -0.09035331946182427)).toBeLessThan(EXACT);
    expect(Math.abs(trace.grad[0]! - 0.02146953526581111)).toBeLessThan(EXACT);
  });

  it('the full gradient in article order w1..w6, b1..b3', () => {
    const expected = [
      0.0214695353, 0.0107347676, 0.0214695353, 0.0107347676, -0.0112692202, -0.0112692202, -0.0107347676,
      -0.0107347676, -0.2376175595,
    ];
    expected.forEach((value, i) => expect(Math.abs(trace.grad[i]! - value)).toBeLessThan(TEN_DIGITS));
  });

  it('one SGD step at rate 0.1 gives w1 = 0.9978530465, b3 = 0.0237617560, new output 0.529790848182593', () => {
    const params = createParams(ones);
    applySgdStep(params, trace.grad, 0.1);
    expect(Math.abs(params[0]! - 0.9978530465)).toBeLessThan(TEN_DIGITS);
    expect(Math.abs(params[8]! - 0.023761756)).toBeLessThan(TEN_DIGITS);
    expect(Math.abs(predict(params, alice.x1, alice.x2) - 0.529790848182593)).toBeLessThan(EXACT);
  });
});

describe('training the article’s four people', () => {
  const set = buildTrainingSet(ARTICLE_PEOPLE, 'article');

  it('uses the article’s shift: Alice (-2, -1), Bob (25, 6), Charlie (17, 4), Diana (-15, -6)', () => {
    expect(Array.from(set.inputs)).toEqual([-2, -1, 25, 6, 17, 4, -15, -6]);
    expect(Array.from(set.targets)).toEqual([1, 0, 0, 1]);
  });

  it('dataset MSE before training with all ones is 0.5071183179', () => {
    const loss = datasetLoss(initialParams('ones', 0), set.inputs, set.targets, set.count);
    expect(Math.abs(loss - 0.5071183179)).toBeLessThan(TEN_DIGITS);
  });

  it('1000 epochs in order at rate 0.1 from all ones predict Emily 0.946788 and Frank 0.039759', () => {
    const trainer = createTrainer({
      params: initialParams('ones', 0),
      set,
      sampleOrder: 'in-order',
      seed: 1,
      learningRate: 0.1,
    });
    for (let epoch = 0; epoch < 1000; epoch++) trainEpoch(trainer);
    expect(trainer.epoch).toBe(1000);
    const emily = predict(trainer.params, scaleInput(set.scaling, 0, 128), scaleInput(set.scaling, 1, 63));
    const frank = predict(trainer.params, scaleInput(set.scaling, 0, 155), scaleInput(set.scaling, 1, 68));
    expect(Math.abs(emily - 0.946788)).toBeLessThan(1e-6);
    expect(Math.abs(frank - 0.039759)).toBeLessThan(1e-6);
    // The symmetric start never breaks: h1 and h2 share every weight forever.
    expect(trainer.params[0]).toBe(trainer.params[2]);
    expect(trainer.params[1]).toBe(trainer.params[3]);
    expect(trainer.params[4]).toBe(trainer.params[5]);
  });
});
