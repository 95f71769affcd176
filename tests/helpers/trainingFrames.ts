import { act } from '@testing-library/react';
import { HISTORY_PARAM_COUNT } from '../../src/store/history';
import { runHistory } from '../../src/store/runHistory';
import { labState, setLab } from './resetLab';

/** Records epochs first..first+count-1 (loss 1 / (epoch + 1)), as a training frame from the worker does. */
export function trainingFrame(first: number, count: number): void {
  act(() => {
    const losses = Float64Array.from({ length: count }, (_, i) => 1 / (first + i + 1));
    runHistory.appendBatch(first, count, losses, new Float64Array(count * HISTORY_PARAM_COUNT));
    setLab({ historyVersion: labState().historyVersion + 1 });
  });
}

/** Sets the run's status, as Play and Pause do. */
export function setRunStatus(status: 'running' | 'paused'): void {
  act(() => {
    setLab({ run: { ...labState().run, status } });
  });
}
