// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrainingStatus } from '../../src/components/TrainingStatus/TrainingStatus';
import { nextFrame } from '../helpers/nextFrame';
import { labState, resetLab, setLab } from '../helpers/resetLab';

beforeEach(() => resetLab());
afterEach(cleanup);

/** While running, the status shows what the worker sent on the next frame; paused, at once. */
const runAt = async (status: 'running' | 'paused', epochsPerSecond: number) => {
  act(() => setLab({ run: { ...labState().run, status, epochsPerSecond } }));
  if (status === 'running') await nextFrame();
};

describe('the Training status rate', () => {
  it('says Paused, then nothing until the worker has measured a rate, then that rate', async () => {
    render(<TrainingStatus />);
    const status = screen.getByRole('region', { name: 'Training status' });
    expect(status).toHaveTextContent('Paused');
    await runAt('running', 0);
    expect(status).not.toHaveTextContent('Paused');
    expect(status).not.toHaveTextContent('epochs/s');
    await runAt('running', 1234);
    expect(status).toHaveTextContent('1,234 epochs/s');
    await runAt('paused', 1234);
    expect(status).toHaveTextContent('Paused');
    expect(status).not.toHaveTextContent('epochs/s');
  });
});
