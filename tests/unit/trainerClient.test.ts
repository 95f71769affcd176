import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createTrainerClient,
  PING_EVERY_MS,
  SILENT_PINGS,
  type TrainerClient,
} from '../../src/worker/client';
import { FakeWorker } from '../helpers/fakeWorker';

let clock = 0;
let worker: FakeWorker;
let client: TrainerClient;
const failures: string[] = [];

/** One watchdog tick, `late` ms after it was due (the page's thread busy meanwhile). */
function tick(late = 0): void {
  clock += PING_EVERY_MS + late;
  vi.advanceTimersToNextTimer();
}

beforeEach(() => {
  clock = 0;
  failures.length = 0;
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  worker = new FakeWorker();
  client = createTrainerClient(
    { onFrame: () => {}, onFailure: (why) => failures.push(why) },
    () => worker as unknown as Worker,
  );
});

afterEach(() => {
  client.dispose();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the watchdog judges the worker by its answers while the page listens', () => {
  it('gives up on a worker that stays silent through SILENT_PINGS on-time pings, and stops it', () => {
    worker.answering = false;
    for (let i = 0; i < SILENT_PINGS; i++) tick();
    expect(failures).toEqual([]);
    tick();
    expect(failures).toEqual(['it stopped responding']);
    expect(worker.terminated).toBe(true);
  });

  it('never gives up on a worker that answers', () => {
    for (let i = 0; i < 60; i++) {
      tick();
      worker.deliver();
    }
    expect(failures).toEqual([]);
  });

  it('does not blame the worker for a page that was too busy to read its answers (a 6 s script)', () => {
    tick();
    worker.deliver();
    // The page runs a 6 s script: the worker answers nothing new, as no ping can go out; then the late
    // tick runs before the answers queued behind the script are read.
    tick(6000);
    tick();
    worker.deliver();
    for (let i = 0; i < 10; i++) {
      tick();
      worker.deliver();
    }
    expect(failures).toEqual([]);
  });

  it('still gives up on a dead worker once the busy page listens again', () => {
    worker.answering = false;
    tick();
    tick(6000); // the late tick forgets the silence so far, and pings again: that ping counts
    for (let i = 0; i < SILENT_PINGS - 1; i++) tick();
    expect(failures).toEqual([]);
    tick();
    expect(failures).toEqual(['it stopped responding']);
  });
});

describe('frames are read at the door', () => {
  it('a malformed frame stops the worker with a reason instead of throwing', () => {
    worker.post({ type: 'frame', runId: 7 });
    expect(() => worker.deliver()).not.toThrow();
    expect(failures).toEqual(['it sent a frame the page could not read']);
    expect(worker.terminated).toBe(true);
  });

  it('anything that is not a frame only says the worker is alive', () => {
    worker.answering = false;
    for (let i = 0; i < 10; i++) {
      tick();
      worker.post(i % 2 === 0 ? null : 'hello');
      worker.deliver();
    }
    expect(failures).toEqual([]);
  });
});
