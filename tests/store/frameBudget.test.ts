import { describe, expect, it } from 'vitest';
import { CALM_WINDOWS, FrameBudget, SLOWEST_MS, WINDOW_MS } from '../../src/store/frameBudget';

const SMOOTH_MS = 16;

/** A page with the status (every frame), a costly figure (30 redraws a second) and a cheap readout. */
function page() {
  const budget = new FrameBudget();
  const status = budget.add(0, { exempt: true });
  const figure = budget.add(33, { hasDetail: true });
  const readout = budget.add(100);
  let now = 0;
  /** One window's frames of `frameMs` each, every view redrawing at its rate with its cost. */
  const window = (frameMs: number, costs = { status: 2, figure: 12, readout: 0.5 }) => {
    for (let frame = Math.ceil(WINDOW_MS / frameMs); frame > 0; frame--) {
      now += frameMs;
      budget.noteCost(status, costs.status, now);
      if (now - figure.drawnAt >= figure.everyMs) budget.noteCost(figure, costs.figure, now);
      if (now - readout.drawnAt >= readout.everyMs) budget.noteCost(readout, costs.readout, now);
      budget.noteFrame(frameMs, now);
    }
  };
  return { budget, status, figure, readout, window };
}

describe('the frame budget', () => {
  it('keeps every view at its own cadence while frames are on time', () => {
    const { status, figure, readout, window } = page();
    for (let i = 0; i < 10; i++) window(SMOOTH_MS);
    expect([status.everyMs, figure.everyMs, readout.everyMs]).toEqual([0, 33, 100]);
  });

  it('when frames run long, slows the view that costs the frame most, never the status', () => {
    const { status, figure, readout, window } = page();
    window(SMOOTH_MS); // a first window starts the count
    window(30);
    expect(figure.everyMs).toBe(66);
    expect(readout.everyMs).toBe(100);
    expect(status.everyMs).toBe(0);
    window(30);
    window(30);
    expect(figure.everyMs).toBe(264);
    expect(status.everyMs).toBe(0);
  });

  it('takes the next costliest view once the first costs less than it', () => {
    const { figure, readout, window } = page();
    window(SMOOTH_MS);
    const costs = { status: 2, figure: 1, readout: 10 };
    window(30, costs); // the readout: 10 ms every 100 ms is more than 1 ms every 33 ms
    expect(readout.everyMs).toBe(200);
    expect(figure.everyMs).toBe(33);
  });

  it('at its slowest rate a view draws less finely, and never stops', () => {
    const { status, figure, window } = page();
    window(SMOOTH_MS);
    for (let i = 0; i < 12; i++) window(30, { status: 2, figure: 40, readout: 0 });
    expect(figure.everyMs).toBe(SLOWEST_MS);
    expect(figure.detail).toBe('reduced');
    expect(status.everyMs).toBe(0);
  });

  it('gives back when there is room again, the last taken first, down to the view’s own cadence', () => {
    const { figure, window } = page();
    window(SMOOTH_MS);
    window(30);
    window(30);
    expect(figure.everyMs).toBe(132);
    for (let i = 0; i < CALM_WINDOWS; i++) window(SMOOTH_MS);
    expect(figure.everyMs).toBe(66);
    for (let i = 0; i < CALM_WINDOWS * 3; i++) window(SMOOTH_MS);
    expect(figure.everyMs).toBe(33);
    expect(figure.detail).toBe('full');
  });

  it('after a give-back that made frames run long, waits longer before the next', () => {
    const { figure, window } = page();
    window(SMOOTH_MS);
    window(30);
    window(30); // 132 ms
    for (let i = 0; i < CALM_WINDOWS; i++) window(SMOOTH_MS); // back to 66 ms
    window(30); // too much: 132 ms again
    expect(figure.everyMs).toBe(132);
    for (let i = 0; i < CALM_WINDOWS; i++) window(SMOOTH_MS);
    expect(figure.everyMs).toBe(132);
    for (let i = 0; i < CALM_WINDOWS; i++) window(SMOOTH_MS);
    expect(figure.everyMs).toBe(66);
  });

  it('does not slow a view that is not drawing (off screen), and starts each run afresh', () => {
    const { budget, figure, readout, window } = page();
    window(SMOOTH_MS);
    window(30);
    expect(figure.everyMs).toBe(66);
    budget.restart();
    expect(figure.everyMs).toBe(33);
    const idle = budget.add(250);
    budget.noteCost(idle, 100, -10_000); // drew long ago, before it went off screen
    window(30, { status: 2, figure: 1, readout: 1 });
    expect(idle.everyMs).toBe(250);
    expect(readout.everyMs + figure.everyMs).toBeGreaterThan(133);
  });
});
