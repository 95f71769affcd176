// @vitest-environment jsdom
import '@vitest/web-worker';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LEARNING_RATE } from '../../src/core/learningRate';
import { TrainingStatus } from '../../src/components/TrainingStatus/TrainingStatus';
import { pause, play, setLearningRate, setSpeed } from '../../src/store/actions';
import { connectTrainer } from '../../src/store/trainerBridge';
import { resetLab } from '../helpers/resetLab';
import { waitForState } from '../helpers/waitForState';

let disconnect: () => void = () => {};

beforeEach(() => resetLab());
afterEach(() => {
  cleanup();
  disconnect();
  disconnect = () => {};
});

describe('the Training status at the top of the Learning rate slider', () => {
  it('says in words that the output is saturated and the rate pushed it there', async () => {
    disconnect = connectTrainer(
      () => new Worker(new URL('../../src/worker/training.worker.ts', import.meta.url), { type: 'module' }),
    );
    await waitForState((s) => s.run.runId === 1);
    render(<TrainingStatus />);
    const status = screen.getByRole('region', { name: 'Training status' });
    act(() => {
      setLearningRate(MAX_LEARNING_RATE);
      setSpeed(null);
      play();
    });
    await waitForState((s) => s.run.plateau?.shape?.kind === 'saturated', 10_000);
    act(() => pause());
    expect(status).toHaveTextContent(
      /The loss is stuck at 0\.5: the output neuron is saturated\. It answers 1 for every person/,
    );
    expect(status).toHaveTextContent(
      'Steps at learning rate 100 are big enough to push it there. Try a lower learning rate',
    );
  });
});
