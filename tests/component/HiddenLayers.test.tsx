// @vitest-environment jsdom
import '@vitest/web-worker';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunSettings } from '../../src/components/Controls/RunSettings';
import { connectTrainer } from '../../src/store/trainerBridge';
import { labState, resetLab } from '../helpers/resetLab';
import { waitForState } from '../helpers/waitForState';

let disconnect: () => void = () => {};

beforeEach(() => resetLab());
afterEach(() => {
  cleanup();
  disconnect();
  disconnect = () => {};
});

async function connected() {
  disconnect = connectTrainer(
    () => new Worker(new URL('../../src/worker/training.worker.ts', import.meta.url), { type: 'module' }),
  );
  return waitForState((s) => s.run.runId === 1);
}

const select = (name: string) => screen.getByRole('combobox', { name });

describe('the hidden layer controls', () => {
  it('offer 1 to 4 layers, and a field of 1 to 8 neurons for each layer', async () => {
    const user = userEvent.setup();
    render(<RunSettings />);
    expect(select('Hidden layers')).toHaveValue('1');
    expect(screen.queryByRole('combobox', { name: 'Neurons in layer 1' })).toBeNull();
    await user.selectOptions(select('Hidden layers'), '3');
    for (const layer of [1, 2, 3]) expect(select(`Neurons in layer ${layer}`)).toHaveValue('2');
    expect(screen.queryByRole('combobox', { name: 'Hidden neurons' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Neurons in layer 4' })).toBeNull();
    expect(select('Hidden layers').querySelectorAll('option')).toHaveLength(4);
    expect(select('Neurons in layer 3').querySelectorAll('option')).toHaveLength(8);
  });

  it('restart the run with the chosen shape, which the worker builds', async () => {
    await connected();
    const user = userEvent.setup();
    render(<RunSettings />);
    await user.selectOptions(select('Hidden layers'), '3');
    await user.selectOptions(select('Neurons in layer 2'), '5');
    expect(labState().settings.architecture).toMatchObject({ hidden: 2, hiddenLayers: [2, 5, 2] });
    const restarted = await waitForState((s) => s.run.architecture.hiddenLayers?.join() === '2,5,2');
    expect(restarted.run.epoch).toBe(0);
    // 2·2 + 2·5 + 5·2 + 2·1 weights and 2 + 5 + 2 + 1 biases.
    expect(restarted.run.params).toHaveLength(36);
    await user.selectOptions(select('Hidden layers'), '1');
    expect(labState().settings.architecture.hiddenLayers).toBeUndefined();
    expect(select('Hidden neurons')).toHaveValue('2');
  });

  it('keep the contract’s Initial weights (Random, All ones) and offer the draws under Initialization', async () => {
    const user = userEvent.setup();
    render(<RunSettings />);
    const start = select('Initial weights');
    const init = select('Initialization');
    const words = (element: HTMLElement) => [...element.querySelectorAll('option')].map((o) => o.textContent);
    expect(words(start)).toEqual(['Random', 'All ones']);
    expect(words(init)).toEqual(['Article (standard normal)', 'Xavier/Glorot', 'He']);
    await user.selectOptions(init, 'he');
    expect(labState().settings.initialWeights).toBe('he');
    expect(start).toHaveValue('random');
    await user.selectOptions(start, 'ones');
    expect(labState().settings.initialWeights).toBe('ones');
    await user.selectOptions(init, 'xavier');
    expect(labState().settings.initialWeights).toBe('xavier');
    expect(start).toHaveValue('random');
  });
});
