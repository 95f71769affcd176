// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Timeline } from '../../src/components/Timeline/Timeline';
import { CADENCES } from '../../src/store/displayClock';
import { setLab } from '../helpers/resetLab';
import { setRunStatus, trainingFrame, withFakeFrames } from '../helpers/trainingFrames';

const slider = () => screen.getByRole('slider', { name: 'Timeline' });

describe('Timeline under the Loss curve', () => {
  withFakeFrames();

  it('while training runs live, follows the history a few times a second, ending on the latest epoch', () => {
    trainingFrame(0, 10);
    render(<Timeline />);
    setRunStatus('running');
    act(() => {
      vi.advanceTimersByTime(CADENCES.timeline);
    });
    trainingFrame(10, 10);
    expect(slider()).toHaveAttribute('max', '9'); // while training, views redraw in a frame's callback...
    act(() => {
      vi.advanceTimersByTime(16);
    });
    expect(slider()).toHaveAttribute('max', '19'); // ...and a change after a calm interval shows in the next one
    for (let k = 2; k < 6; k++) trainingFrame(10 * k, 10); // frames within the calm interval
    expect(slider()).toHaveAttribute('max', '19');
    expect(screen.getByText(/^Live: epoch 19\./)).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(CADENCES.timeline);
    });
    expect(slider()).toHaveAttribute('max', '59');
    expect(slider()).toHaveValue('59');
    expect(screen.getByText(/^Live: epoch 59\./)).toBeInTheDocument();
  });

  it('asks to drag back only once there is an earlier epoch to go to', () => {
    trainingFrame(408, 1); // a run resumed after a reload: one record, where it was
    render(<Timeline />);
    expect(screen.getByText(/^Live: epoch 408\.$/)).toBeInTheDocument();
    trainingFrame(409, 1);
    expect(screen.getByText('Live: epoch 409. Drag the timeline to look back.')).toBeInTheDocument();
  });

  it('paused or stepping, every change shows at once', () => {
    trainingFrame(0, 10);
    render(<Timeline />);
    for (let k = 1; k < 4; k++) {
      trainingFrame(10 * k, 1);
      expect(slider()).toHaveAttribute('max', String(10 * k));
    }
  });

  it('scrubbing shows the viewed epoch at once, even while training runs', () => {
    trainingFrame(0, 100);
    render(<Timeline />);
    setRunStatus('running');
    trainingFrame(100, 10);
    act(() => {
      setLab({ viewEpoch: 42 });
    });
    expect(slider()).toHaveValue('42');
    expect(screen.getByText(/^Viewing epoch 42 /)).toBeInTheDocument();
  });
});
