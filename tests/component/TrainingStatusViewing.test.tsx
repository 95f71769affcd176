// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrainingStatus } from '../../src/components/TrainingStatus/TrainingStatus';
import { backToLive, viewEpoch } from '../../src/store/runActions';
import { labState, resetLab, setLab } from '../helpers/resetLab';
import { trainingFrame } from '../helpers/trainingFrames';

beforeEach(() => resetLab());
afterEach(cleanup);

describe('the Training status while the timeline shows an earlier epoch', () => {
  it("shows that epoch's epoch and loss, says it is the past, and follows back to live", () => {
    trainingFrame(0, 608); // loss 1 / (epoch + 1)
    act(() => setLab({ run: { ...labState().run, epoch: 607, loss: 1 / 608 } }));
    render(<TrainingStatus />);
    const status = screen.getByRole('region', { name: 'Training status' });
    expect(status).toHaveTextContent('Epoch 607');
    expect(status).toHaveTextContent('Paused');
    act(() => {
      viewEpoch(174);
    });
    expect(status).toHaveTextContent('Epoch 174');
    expect(status).toHaveTextContent('Loss 0.00571'); // 1 / 175, as the Timeline says it
    expect(status).toHaveTextContent('Viewing the past');
    act(() => backToLive());
    expect(status).toHaveTextContent('Epoch 607');
    expect(status).toHaveTextContent('Loss 0.00164');
    expect(status).toHaveTextContent('Paused');
  });
});
