import { describe, expect, it } from 'vitest';
import { checkLesson, type LessonFacts } from '../../src/components/Tour/lessonChecks';

const start: LessonFacts = {
  hidden: 1,
  activation: 'tanh',
  regularization: 'none',
  epoch: 0,
  accuracy: Number.NaN,
  testLoss: Number.NaN,
  bestTestLoss: Number.NaN,
  keptLabels: [],
};

describe('each lesson’s check', () => {
  it('Why a hidden layer: one neuron is told to try four; 95 % accuracy passes', () => {
    expect(checkLesson('hidden-layer', start)).toEqual({ done: false, message: 'Press Play to train.' });
    const one = checkLesson('hidden-layer', { ...start, epoch: 400, accuracy: 0.68 });
    expect(one.done).toBe(false);
    expect(one.message).toMatch(/^One neuron: accuracy 68 %\. .*try 4 hidden neurons/);
    const four = checkLesson('hidden-layer', { ...start, hidden: 4, epoch: 400, accuracy: 1 });
    expect(four).toEqual({
      done: true,
      message: 'Accuracy reached 100 % with 4 hidden neurons: XOR needs more than one line.',
    });
  });

  it('Capacity and dead ReLUs: passes at 99 % with ReLU, not with another activation', () => {
    const relu = { ...start, activation: 'relu', epoch: 400 };
    expect(checkLesson('relu-capacity', { ...relu, hidden: 2, accuracy: 0.86 }).done).toBe(false);
    expect(checkLesson('relu-capacity', { ...relu, hidden: 8, accuracy: 1 }).done).toBe(true);
    expect(checkLesson('relu-capacity', { ...relu, activation: 'tanh', hidden: 8, accuracy: 1 }).done).toBe(
      false,
    );
  });

  it('Optimizers race: three kept runs of different optimizers', () => {
    const two = checkLesson('optimizer-race', {
      ...start,
      keptLabels: ['rate 0.1, seed 42', 'rate 0.1, seed 42'],
    });
    expect(two).toEqual({
      done: false,
      message: '1 of 3 runs kept. Train each optimizer until it stops, then press Keep run.',
    });
    const three = ['rate 0.1, seed 42', 'Momentum, rate 0.1, seed 42', 'Adam, rate 0.1, seed 42'];
    expect(checkLesson('optimizer-race', { ...start, keptLabels: three }).done).toBe(true);
  });

  it('Overfitting: says when the test loss rose; with a penalty, passes when it ends near its best', () => {
    const rose = { ...start, epoch: 400, testLoss: 0.3, bestTestLoss: 0.2 };
    expect(checkLesson('overfitting', rose).message).toMatch(
      /^The test loss rose \(test loss 0\.300, its best 0\.200\)/,
    );
    expect(checkLesson('overfitting', { ...rose, regularization: 'l2' })).toEqual({
      done: false,
      message: 'The test loss still rose (test loss 0.300, its best 0.200): raise the regularization rate.',
    });
    expect(checkLesson('overfitting', { ...rose, regularization: 'l2', testLoss: 0.21 }).done).toBe(true);
    expect(
      checkLesson('overfitting', { ...rose, regularization: 'l2', epoch: 200, testLoss: 0.21 }).done,
    ).toBe(false);
  });
});
