// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrainingStatus } from '../../src/components/TrainingStatus/TrainingStatus';
import { INITIAL_RUN, runStore } from '../../src/store/runStore';
import { resetLab } from '../helpers/resetLab';

/** The animation frames waiting to run: the test decides when the page paints. */
let frames: FrameRequestCallback[] = [];
let commits = 0;

/** The worker's frame message, as the bridge writes it into the run store. */
const workerFrame = (epoch: number, status: 'running' | 'paused' = 'running') =>
  act(() => {
    runStore.setState({ run: { ...INITIAL_RUN, status, epoch, loss: 1 / epoch, epochsPerSecond: 1000 } });
  });
/** One animation frame: its callbacks run (the display clock's beat among them). */
const paint = () =>
  act(() => {
    const due = frames;
    frames = [];
    for (const callback of due) callback(performance.now());
  });

beforeEach(() => {
  resetLab();
  frames = [];
  commits = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => {
    frames = [];
  });
  render(
    <Profiler id="status" onRender={() => (commits += 1)}>
      <TrainingStatus />
    </Profiler>,
  );
});
afterEach(() => {
  workerFrame(1, 'paused');
  cleanup();
  vi.unstubAllGlobals();
});

const epochShown = () =>
  screen.getByRole('region', { name: 'Training status' }).querySelector('.status-epoch')?.textContent;

/** Counts the texts written into the status's figures, React's or not, until the returned call. */
function watchWrites() {
  const status = screen.getByRole('region', { name: 'Training status' });
  const observer = new MutationObserver(() => {});
  observer.observe(status, { subtree: true, characterData: true, childList: true });
  return () => {
    const records = observer.takeRecords();
    observer.disconnect();
    return records.length;
  };
}

describe('the Training status while training', () => {
  it('is written once per animation frame however many worker messages came in it, with the latest', () => {
    workerFrame(100);
    paint();
    expect(epochShown()).toBe('Epoch 100');
    commits = 0;
    let writes = watchWrites();
    for (let epoch = 101; epoch <= 105; epoch++) workerFrame(epoch); // five messages before the next frame
    expect(writes()).toBe(0);
    expect(epochShown()).toBe('Epoch 100');
    writes = watchWrites();
    paint();
    expect(epochShown()).toBe('Epoch 105');
    expect(writes()).toBe(2); // the epoch and the loss, once each
    writes = watchWrites();
    paint(); // a frame with no message writes nothing
    expect(writes()).toBe(0);
    // The figures are written into their boxes: the status does not render (through React) while it trains.
    expect(commits).toBe(0);
  });

  it('shows a pause at once, with the epoch the worker stopped at', () => {
    workerFrame(100);
    paint();
    workerFrame(120);
    workerFrame(130, 'paused');
    expect(epochShown()).toBe('Epoch 130');
    expect(screen.getByRole('region', { name: 'Training status' })).toHaveTextContent('Paused');
  });
});
