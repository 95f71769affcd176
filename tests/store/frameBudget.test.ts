import { describe, expect, it } from 'vitest';
import { CALM_WINDOWS, FrameBudget, MAX_STEP, SLOWEST_MS, WINDOW_MS } from '../../src/store/frameBudget';

const SMOOTH_MS = 16;

/** Frames a little over the 60 Hz beat (about a fifth of the main thread too many)... */
const SLOW_MS = 20.5;
/** ...and frames of a page far behind (30 fps). */
const VERY_SLOW_MS = 30;
const COSTS = { status: 2, figure: 14, readout: 0.5 };

/** A page with the status (every frame), a costly figure (30 redraws a second) and a cheap readout. */
function page({ withReadout = true } = {}) {
  const budget = new FrameBudget();
  const status = budget.add(0, { exempt: true });
  const figure = budget.add(33, { hasDetail: true });
  const readout = withReadout ? budget.add(100) : null;
  let now = 0;
  /** One window's frames of `frameMs` each, every view redrawing at its rate with its cost. */
  const window = (frameMs: number, costs = COSTS) => {
    for (let frame = Math.ceil(WINDOW_MS / frameMs); frame > 0; frame--) {
      now += frameMs;
      budget.noteCost(status, costs.status, now);
      if (now - figure.drawnAt >= figure.everyMs) budget.noteCost(figure, costs.figure, now);
      if (readout && now - readout.drawnAt >= readout.everyMs) budget.noteCost(readout, costs.readout, now);
      budget.noteFrame(frameMs, now);
    }
  };
  return { budget, status, figure, readout: readout ?? figure, window };
}

describe('the frame budget', () => {
  it('keeps every view at its own cadence while frames are on time', () => {
    const { status, figure, readout, window } = page();
    for (let i = 0; i < 10; i++) window(SMOOTH_MS);
    expect([status.everyMs, figure.everyMs, readout.everyMs]).toEqual([0, 33, 100]);
  });

  it('when frames run a little long, slows the view that costs the frame most, never the status', () => {
    const { status, figure, readout, window } = page();
    window(SMOOTH_MS);
    window(SLOW_MS);
    expect(figure.everyMs).toBe(66);
    expect(readout.everyMs).toBe(100);
    expect(status.everyMs).toBe(0);
  });

  it('takes the costliest per frame: a view that redraws rarely but dearly before one that redraws often', () => {
    const { figure, readout, window } = page();
    const costs = { status: 2, figure: 1, readout: 40 }; // 40 ms every 100 ms is more than 1 ms every 33 ms
    window(SMOOTH_MS, costs);
    window(20.2, costs);
    expect(readout.everyMs).toBe(200);
    expect(figure.everyMs).toBe(33);
  });

  it('on a page far behind, slows several views in one window, and the status never', () => {
    const { status, figure, readout, window } = page();
    window(SMOOTH_MS);
    window(VERY_SLOW_MS, { status: 2, figure: 14, readout: 10 });
    expect(figure.everyMs).toBe(66);
    expect(readout.everyMs).toBe(200);
    expect(status.everyMs).toBe(0);
  });

  it('on a page whose frames take six beats (a slow CPU), slows its views six times in one window', () => {
    const { status, figure, readout, window } = page();
    window(SMOOTH_MS);
    window(100, { status: 8, figure: 10, readout: 20 });
    expect(figure.everyMs).toBeCloseTo(33 * 6, 0);
    expect(readout.everyMs).toBeCloseTo(600, 0);
    expect(status.everyMs).toBe(0);
    window(100, { status: 8, figure: 10, readout: 20 });
    expect(figure.everyMs).toBe(SLOWEST_MS);
  });

  it('never slows a view more than MAX_STEP times in one window, however long the frames', () => {
    const { figure, window } = page({ withReadout: false });
    window(SMOOTH_MS);
    window(400, { status: 8, figure: 200, readout: 0 });
    expect(figure.everyMs).toBeCloseTo(33 * MAX_STEP, 0);
  });

  it('gives a large step back whole: a view slowed MAX_STEP times returns to its own cadence', () => {
    const { figure, window } = page({ withReadout: false });
    window(SMOOTH_MS);
    window(400, { status: 8, figure: 200, readout: 0 });
    expect(figure.everyMs).toBeGreaterThan(33 * 2);
    for (let i = 0; i < CALM_WINDOWS; i++) window(SMOOTH_MS);
    expect(figure.everyMs).toBe(33);
  });

  it('at its slowest rate a view draws less finely, and never stops', () => {
    const { status, figure, window } = page();
    window(SMOOTH_MS);
    for (let i = 0; i < 12; i++) window(VERY_SLOW_MS, { status: 2, figure: 40, readout: 0 });
    expect(figure.everyMs).toBe(SLOWEST_MS);
    expect(figure.detail).toBe('reduced');
    expect(status.everyMs).toBe(0);
  });

  it('gives back when there is room again, the last taken first, down to each view’s own cadence', () => {
    const { figure, readout, window } = page();
    window(SMOOTH_MS);
    window(SLOW_MS);
    window(SLOW_MS);
    expect([figure.everyMs, readout.everyMs]).toEqual([132, 200]);
    for (let i = 0; i < CALM_WINDOWS; i++) window(SMOOTH_MS);
    expect([figure.everyMs, readout.everyMs]).toEqual([132, 100]);
    for (let i = 0; i < CALM_WINDOWS; i++) window(SMOOTH_MS);
    expect(figure.everyMs).toBe(66);
    for (let i = 0; i < CALM_WINDOWS * 3; i++) window(SMOOTH_MS);
    expect([figure.everyMs, readout.everyMs]).toEqual([33, 100]);
    expect(figure.detail).toBe('full');
  });

  it('after a give-back that made frames run long, waits longer before the next', () => {
    const { figure, window } = page({ withReadout: false });
    window(SMOOTH_MS);
    window(SLOW_MS);
    window(SLOW_MS);
    expect(figure.everyMs).toBe(132);
    for (let i = 0; i < CALM_WINDOWS; i++) window(SMOOTH_MS);
    expect(figure.everyMs).toBe(66);
    window(SLOW_MS); // that was too much: slowed again
    expect(figure.everyMs).toBe(132);
    for (let i = 0; i < CALM_WINDOWS; i++) window(SMOOTH_MS);
    expect(figure.everyMs).toBe(132);
    for (let i = 0; i < CALM_WINDOWS; i++) window(SMOOTH_MS);
    expect(figure.everyMs).toBe(66);
  });

  it('does not slow a view that is not drawing (off screen), and starts each run afresh', () => {
    const { budget, figure, window } = page();
    window(SMOOTH_MS);
    window(SLOW_MS);
    expect(figure.everyMs).toBe(66);
    budget.restart();
    expect(figure.everyMs).toBe(33);
    const idle = budget.add(250);
    budget.noteCost(idle, 100, -10_000); // drew long ago, before it went off screen
    window(VERY_SLOW_MS);
    expect(idle.everyMs).toBe(250);
    expect(figure.everyMs).toBe(66);
  });
});

describe('the frame budget keeps the 95th-percentile frame within the beat', () => {
  /** A window of 30 frames of 16 ms but `long` of them 34 ms (a missed beat), the figure redrawing at its rate. */
  function windowWithLongFrames(
    budget: FrameBudget,
    figure: ReturnType<FrameBudget['add']>,
    clock: { now: number },
    long: number,
  ) {
    const frames = Math.ceil(WINDOW_MS / SMOOTH_MS);
    for (let frame = 0; frame < frames; frame++) {
      const ms = frame < long ? 34 : SMOOTH_MS;
      clock.now += ms;
      if (clock.now - figure.drawnAt >= figure.everyMs) budget.noteCost(figure, 10, clock.now);
      budget.noteFrame(ms, clock.now);
    }
  }

  it('two missed beats in a half-second window (one frame in sixteen) are too many: it slows the figure', () => {
    const budget = new FrameBudget();
    const figure = budget.add(33);
    const clock = { now: 0 };
    windowWithLongFrames(budget, figure, clock, 0);
    windowWithLongFrames(budget, figure, clock, 2);
    expect(figure.everyMs).toBe(66);
  });

  it('a window with one missed beat holds: it neither slows nor counts as calm for a give-back', () => {
    const budget = new FrameBudget();
    const figure = budget.add(33);
    const clock = { now: 0 };
    windowWithLongFrames(budget, figure, clock, 0);
    windowWithLongFrames(budget, figure, clock, 3);
    expect(figure.everyMs).toBe(66);
    for (let i = 0; i < 4; i++) {
      windowWithLongFrames(budget, figure, clock, 0);
      windowWithLongFrames(budget, figure, clock, 1);
    }
    expect(figure.everyMs).toBe(66);
    for (let i = 0; i < CALM_WINDOWS; i++) windowWithLongFrames(budget, figure, clock, 0);
    expect(figure.everyMs).toBe(33);
  });
});
