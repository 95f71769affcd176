// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LossChart } from '../../src/components/LossChart/LossChart';
import { nextFakeFrames, setRunStatus, trainingFrame, withFakeFrames } from '../helpers/trainingFrames';
import { seriesPoints } from './LossChartDrawing';

/** The epoch axis's last tick label (the domain ends on a nice number, so it is the domain's end). */
const lastEpochTick = () =>
  [...screen.getByTestId('loss-x-axis').querySelectorAll('.loss-tick text')].at(-1)?.textContent;

describe('Loss curve: a recompute while training runs is spread over frames', () => {
  withFakeFrames();

  it('keeps drawing the last whole curve for a few frames, then steps the axis, with no training frame needed', () => {
    trainingFrame(0, 30_000);
    render(<LossChart />);
    expect(lastEpochTick()).toBe('30,000');
    setRunStatus('running');
    trainingFrame(30_000, 10_000); // 39,999: the domain steps to 40,000, a 39,999-record refold
    nextFakeFrames(1);
    expect(lastEpochTick()).toBe('30,000');
    nextFakeFrames(6); // 8,192 records a frame: whole within 5 frames, with no new training frame
    expect(lastEpochTick()).toBe('40,000');
    // The curve drawn is the whole history's, as a chart opened now draws it.
    const spread = seriesPoints(screen.getByTestId('loss-line'));
    setRunStatus('paused');
    cleanup();
    render(<LossChart />);
    expect(seriesPoints(screen.getByTestId('loss-line'))).toEqual(spread);
  });

  it('shows the whole curve at once when training stops mid-recompute', () => {
    trainingFrame(0, 30_000);
    render(<LossChart />);
    setRunStatus('running');
    trainingFrame(30_000, 10_000);
    nextFakeFrames(1);
    expect(lastEpochTick()).toBe('30,000');
    setRunStatus('paused');
    expect(lastEpochTick()).toBe('40,000');
  });
});
