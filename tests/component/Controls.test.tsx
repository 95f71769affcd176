// @vitest-environment jsdom
import '@vitest/web-worker';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIVATION_LABELS, LOSS_LABELS, UPDATE_LABELS } from '../../src/core/architecture';
import { RunSettings } from '../../src/components/Controls/RunSettings';
import { TrainingStatus } from '../../src/components/TrainingStatus/TrainingStatus';
import { runHistory } from '../../src/store/runHistory';
import { connectTrainer } from '../../src/store/trainerBridge';
import { labState, resetLab, setLab } from '../helpers/resetLab';
import { waitForState } from '../helpers/waitForState';
import { nextFrame } from '../helpers/nextFrame';

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

const optionNames = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('the network and training options', () => {
  it(
    'offer the architecture’s labels, and sit with the start settings in the advanced group',
    { timeout: 15_000 },
    () => {
      const { container } = render(<RunSettings />);
      const advanced = container.querySelector<HTMLElement>('[data-advanced]')!;
      const inside = within(advanced);
      expect(optionNames(inside.getByRole('combobox', { name: 'Hidden neurons' }))).toEqual([
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
      ]);
      expect(optionNames(inside.getByRole('combobox', { name: 'Hidden activation' }))).toEqual(
        Object.values(ACTIVATION_LABELS),
      );
      expect(optionNames(inside.getByRole('combobox', { name: 'Loss' }))).toEqual(Object.values(LOSS_LABELS));
      expect(optionNames(inside.getByRole('combobox', { name: 'Updates' }))).toEqual(
        Object.values(UPDATE_LABELS),
      );
      expect(inside.getByRole('textbox', { name: 'Momentum' })).toHaveValue('0');
      for (const name of ['Initial weights', 'Initialization', 'Input scaling', 'Sample order'])
        expect(inside.getByRole('combobox', { name })).toBeInTheDocument();
      expect(inside.getByRole('spinbutton', { name: 'Seed' })).toBeInTheDocument();
      expect(advanced).toHaveAccessibleDescription(/starts the run again from its initial weights/);
      // The stops stay visible in presenter mode: outside the advanced group.
      for (const name of ['Stop at epoch', 'Stop at loss']) {
        const field = screen.getByRole('spinbutton', { name });
        expect(advanced.contains(field)).toBe(false);
      }
    },
  );

  it('changing Hidden neurons to 3 reaches the store and restarts the run from epoch 0', async () => {
    await connected();
    const user = userEvent.setup();
    render(<RunSettings />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Hidden neurons' }), '3');
    expect(labState().settings.architecture).toMatchObject({ hidden: 3, activation: 'sigmoid' });
    const restarted = await waitForState((s) => s.run.runId === 2);
    expect(restarted.run.epoch).toBe(0);
    // The worker built the wider network: 4 * 3 + 1 parameters, and a history that records that many.
    expect(restarted.run.architecture.hidden).toBe(3);
    expect(restarted.run.params).toHaveLength(13);
    expect(runHistory.paramsPerRecord).toBe(13);
    expect(screen.getByRole('combobox', { name: 'Hidden neurons' })).toHaveValue('3');
  });

  it('shows Batch size only for Mini-batch updates, and a size typed there restarts the run', async () => {
    await connected();
    const user = userEvent.setup();
    render(<RunSettings />);
    const updates = screen.getByRole('combobox', { name: 'Updates' });
    expect(screen.queryByRole('spinbutton', { name: 'Batch size' })).toBeNull();
    await user.selectOptions(updates, 'mini-batch');
    const size = screen.getByRole('spinbutton', { name: 'Batch size' });
    expect(size).toHaveValue(4);
    await user.clear(size);
    await user.type(size, '2');
    await user.tab();
    expect(labState().settings.architecture).toMatchObject({ update: 'mini-batch', batchSize: 2 });
    await waitForState((s) => s.run.runId >= 3);
    await user.selectOptions(updates, 'full-batch');
    expect(screen.queryByRole('spinbutton', { name: 'Batch size' })).toBeNull();
  });

  it('a bad momentum explains itself and keeps what was typed; a good one is taken', async () => {
    const user = userEvent.setup();
    render(<RunSettings />);
    const momentum = screen.getByRole('textbox', { name: 'Momentum' });
    await user.clear(momentum);
    await user.type(momentum, '1.5');
    expect(momentum).toHaveValue('1.5');
    expect(momentum).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Momentum is a number from 0 to 0.99 (0: none).');
    expect(labState().settings.architecture.momentum).toBe(0);
    await user.clear(momentum);
    await user.type(momentum, '0.9');
    await user.tab();
    expect(labState().settings.architecture.momentum).toBe(0.9);
    expect(momentum).not.toHaveAttribute('aria-invalid');
  });
});

describe('Stop at loss', () => {
  it('a bad value explains itself and keeps its text; a good one reaches the store; empty is no limit', async () => {
    const user = userEvent.setup();
    render(<RunSettings />);
    const field = screen.getByRole('spinbutton', { name: 'Stop at loss' });
    await user.type(field, '-1');
    expect(field).toHaveValue(-1);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Stop at loss is a number above 0, such as 0.01 (empty: no limit).',
    );
    expect(labState().settings.stopAtLoss).toBeNull();
    await user.clear(field);
    await user.type(field, '0.05');
    await user.tab();
    expect(labState().settings.stopAtLoss).toBe(0.05);
    expect(screen.queryByRole('alert')).toBeNull();
    await user.clear(field);
    await user.tab();
    expect(labState().settings.stopAtLoss).toBeNull();
  });
});

describe('the Training status', () => {
  it('says when the loss has stopped improving, and stops saying it when the notice clears', () => {
    const { rerender } = render(<TrainingStatus />);
    const status = screen.getByRole('region', { name: 'Training status' });
    const plateau = {
      ...({ kind: 'plateau', best: 0.2493, since: 1000, epoch: 3000 } as const),
      ...{ rose: false, learningRate: 0.1, hidden: 2 },
    };
    setLab({ run: { ...labState().run, plateau } });
    rerender(<TrainingStatus />);
    expect(status).toHaveTextContent(
      'The loss has stopped improving (no better than 0.2493 for the last 2,000 epochs). Try a higher ' +
        'learning rate, more hidden neurons, or Reset with another seed.',
    );
    setLab({ run: { ...labState().run, plateau: null } });
    rerender(<TrainingStatus />);
    expect(status).not.toHaveTextContent('stopped improving');
  });

  it('shows the worker’s recorded accuracy while training, and works it out from the rows when paused', async () => {
    // The four people with the parameters all 0: every output is 0.5, which counts as Female (1): 2 of 4.
    render(<TrainingStatus />);
    const status = screen.getByRole('region', { name: 'Training status' });
    expect(status).toHaveTextContent('Accuracy 50 % (2/4)');
    // While training, the status reads the last epoch the worker recorded (its 3 of 4), not the rows.
    act(() => {
      runHistory.appendBatch(0, 1, Float64Array.of(0.2), new Float64Array(9), Float64Array.of(0.75));
      const state = labState();
      setLab({
        run: { ...state.run, status: 'running', sampleCount: 4 },
        historyVersion: state.historyVersion + 1,
      });
    });
    await nextFrame(); // while training, the status shows it on the display clock's next beat
    expect(status).toHaveTextContent('Accuracy 75 % (3/4)');
    act(() => {
      setLab({ run: { ...labState().run, status: 'paused' } });
    });
    expect(status).toHaveTextContent('Accuracy 50 % (2/4)');
  });
});
