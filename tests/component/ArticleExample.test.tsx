// @vitest-environment jsdom
import '@vitest/web-worker';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunControls } from '../../src/components/Controls/RunControls';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { connectTrainer } from '../../src/store/trainerBridge';
import { labState, resetLab, setLab } from '../helpers/resetLab';
import { waitForState } from '../helpers/waitForState';

let disconnect: () => void = () => {};

beforeEach(() => resetLab());
afterEach(() => {
  cleanup();
  disconnect();
  disconnect = () => {};
});

const ONES = Array.from(initialParams('ones', 0));

describe('`Article’s worked example`', () => {
  it('one click: the article’s people, All ones, Alice next, paused at epoch 0, phases ready; Undo puts the lab back', async () => {
    const user = userEvent.setup();
    const { settings } = labState();
    const ownTable = [
      { ...ARTICLE_PEOPLE[1]!, id: 'mine' },
      ...ARTICLE_PEOPLE.slice(2).map((p) => ({ ...p })),
    ];
    setLab({ people: ownTable, settings: { ...settings, sampleOrder: 'shuffled', learningRate: 0.5 } });
    disconnect = connectTrainer(
      () => new Worker(new URL('../../src/worker/training.worker.ts', import.meta.url), { type: 'module' }),
    );
    await waitForState((s) => s.run.runId === 1);
    render(<RunControls />);

    await user.click(screen.getByRole('button', { name: "Article's worked example" }));
    const ready = await waitForState(
      (s) =>
        s.run.status === 'paused' && s.run.epoch === 0 && Array.from(s.run.params).join() === ONES.join(),
    );
    expect(ready.people.map((p) => p.name)).toEqual(['Alice', 'Bob', 'Charlie', 'Diana']);
    expect(ready.settings).toMatchObject({
      initialWeights: 'ones',
      sampleOrder: 'in-order',
      learningRate: 0.1,
    });
    expect(ready.run.nextRow).toBe(0);
    expect(ready.selectedRow).toBeNull();
    expect(ready.stepPhase).toBe('forward');

    await user.click(screen.getByRole('button', { name: 'Undo worked example' }));
    const back = labState();
    expect(back.people).toBe(ownTable);
    expect(back.settings).toMatchObject({
      sampleOrder: 'shuffled',
      learningRate: 0.5,
      initialWeights: 'random',
    });
    expect(screen.queryByRole('button', { name: 'Undo worked example' })).not.toBeInTheDocument();
  });

  it('an edit after the set-up takes the Undo away (it would undo more than the set-up)', async () => {
    const user = userEvent.setup();
    render(<RunControls />);
    await user.click(screen.getByRole('button', { name: "Article's worked example" }));
    expect(screen.getByRole('button', { name: 'Undo worked example' })).toBeInTheDocument();
    setLab((s) => ({ settings: { ...s.settings, seed: 7 } }));
    expect(await screen.findByRole('button', { name: "Article's worked example" })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo worked example' })).not.toBeInTheDocument();
  });
});
