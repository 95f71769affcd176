// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrainingStatus } from '../../src/components/TrainingStatus/TrainingStatus';
import { labState, resetLab, setLab } from '../helpers/resetLab';

beforeEach(() => resetLab());
afterEach(cleanup);

const runAt = (status: 'running' | 'paused', epochsPerSecond: number) =>
  act(() => setLab({ run: { ...labState().run, status, epochsPerSecond } }));

describe('the Training status rate', () => {
  it('says Paused, then nothing until the worker has measured a rate, then that rate', () => {
    render(<TrainingStatus />);
    const status = screen.getByRole('region', { name: 'Training status' });
    expect(status).toHaveTextContent('Paused');
    runAt('running', 0);
    expect(status).not.toHaveTextContent('Paused');
    expect(status).not.toHaveTextContent('epochs/s');
    runAt('running', 1234);
    expect(status).toHaveTextContent('1,234 epochs/s');
    runAt('paused', 1234);
    expect(status).toHaveTextContent('Paused');
    expect(status).not.toHaveTextContent('epochs/s');
  });
});
