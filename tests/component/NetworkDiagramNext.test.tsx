// @vitest-environment jsdom
import '@vitest/web-worker';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NetworkDiagram } from '../../src/components/NetworkDiagram/NetworkDiagram';
import { stepEpoch, stepSample } from '../../src/store/actions';
import { connectTrainer } from '../../src/store/trainerBridge';
import { waitForState } from '../helpers/waitForState';
import { labState, resetLab, setLab } from '../helpers/resetLab';

beforeEach(() => {
  resetLab();
});
afterEach(() => {
  cleanup();
});

describe('the person trained next', () => {
  let stop: (() => void) | null = null;
  afterEach(() => {
    stop?.();
    stop = null;
  });

  /** The row number the caption names as trained next (1-based, as shown). */
  function announcedRow(): number {
    const caption = screen.getByRole('figure', { name: 'Network' }).querySelector('figcaption')!;
    const match = /\(row (\d+), trained next\)/.exec(caption.textContent ?? '');
    expect(match).not.toBeNull();
    return Number(match![1]);
  }

  it.each([
    ['in-order', 'sample'],
    ['shuffled', 'sample'],
    ['shuffled', 'mini-batch'],
    ['shuffled', 'full-batch'],
  ] as const)(
    '%s order, %s updates: `Step sample` trains whom the figure announced',
    async (order, update) => {
      const { settings } = labState();
      setLab({
        settings: { ...settings, sampleOrder: order, architecture: { ...settings.architecture, update } },
        selectedRow: null,
      });
      stop = connectTrainer(
        () => new Worker(new URL('../../src/worker/training.worker.ts', import.meta.url), { type: 'module' }),
      );
      await waitForState((state) => state.run.runId === 1);
      render(<NetworkDiagram />);
      const figure = screen.getByRole('figure', { name: 'Network' });
      // Whole epochs, as Play then Pause leaves the run: at an epoch boundary, the row trained last known.
      stepEpoch();
      await waitForState((state) => state.run.epoch === 1);
      for (let round = 0; round < 3; round++) {
        await waitFor(() => expect(figure).toHaveTextContent(/trained next/));
        const announced = announcedRow();
        stepSample();
        const after = await waitForState((state) => state.run.sample?.paramsBefore != null);
        expect(after.run.sample!.row + 1).toBe(announced);
        await waitFor(() => expect(figure).toHaveTextContent(`(row ${announced}, just trained)`));
        const epoch = after.run.epoch + 1;
        stepEpoch(); // the rest of the epoch
        await waitForState((state) => state.run.epoch === epoch && state.run.sample?.paramsBefore == null);
      }
    },
  );
});
