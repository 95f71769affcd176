// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useClockedWrite } from '../../src/components/common/useClockedWrite';
import { INITIAL_RUN, runStore, type RunStoreState } from '../../src/store/runStore';
import { nextFrame } from '../helpers/nextFrame';
import { resetLab } from '../helpers/resetLab';

const writeEpoch = (element: HTMLElement, state: RunStoreState, live: boolean) => {
  element.textContent = `${state.run.epoch}${live ? ' live' : ''}`;
};

function Epoch({ name }: { name: string }) {
  return <output aria-label={name} ref={useClockedWrite(writeEpoch)} />;
}

const setRun = (epoch: number, status: 'running' | 'paused' = 'paused') =>
  act(() => runStore.setState({ run: { ...INITIAL_RUN, epoch, status } }));
const shown = (name: string) => screen.getByRole('status', { name }).textContent;

beforeEach(() => resetLab());
afterEach(() => {
  setRun(0);
  cleanup();
});

describe('a figure written on the display clock', () => {
  it('shows the run as it mounts, and each change at once while paused', () => {
    setRun(7);
    render(<Epoch name="a" />);
    expect(shown('a')).toBe('7');
    setRun(8);
    expect(shown('a')).toBe('8');
  });

  it('follows a running run on the next frame, and says it is live', async () => {
    render(<Epoch name="a" />);
    setRun(10, 'running');
    await nextFrame();
    expect(shown('a')).toBe('10 live');
    setRun(11, 'running');
    setRun(12, 'running');
    expect(shown('a')).toBe('10 live'); // not before the frame
    await nextFrame();
    expect(shown('a')).toBe('12 live');
  });

  it('keeps every figure written when others come and go (they share one clocked view)', () => {
    const first = render(<Epoch name="a" />);
    setRun(3);
    const second = render(<Epoch name="b" />);
    expect(shown('b')).toBe('3'); // written as it mounts, with the view already following the run
    first.unmount();
    setRun(4);
    expect(shown('b')).toBe('4');
    second.unmount();
    setRun(5);
    render(<Epoch name="c" />); // the last one gone, a new one starts following again
    expect(shown('c')).toBe('5');
    setRun(6);
    expect(shown('c')).toBe('6');
  });
});
