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
  /**
   * Frames of `frameMs` each until the budget judges a window (half a second of them, or fewer when it
   * is slow early), every view redrawing at its rate with its cost. Returns the frames it took.
   */
  const window = (frameMs: number, costs = COSTS) => {
    const closed = budget.windowsClosed;
    let frames = 0;
    while (budget.windowsClosed === closed) {
      now += frameMs;
      frames += 1;
      budget.noteCost(status, costs.status, now);
      if (now - figure.drawnAt >= figure.everyMs) budget.noteCost(figure, costs.figure, now);
      if (readout && now - readout.drawnAt >= readout.everyMs) budget.noteCost(readout, costs.readout, now);
      budget.noteFrame(frameMs, now);
    }
    return frames;
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
  /** A window of frames of 16 ms but its first `long` 34 ms (a missed beat), the figure redrawing at its rate. */
  function windowWithLongFrames(
    budget: FrameBudget,
    figure: ReturnType<FrameBudget['add']>,
    clock: { now: number },
    long: number,
  ) {
    const closed = budget.windowsClosed;
    let frame = 0;
    for (; budget.windowsClosed === closed; frame++) {
      const ms = frame < long ? 34 : SMOOTH_MS;
      clock.now += ms;
      if (clock.now - figure.drawnAt >= figure.everyMs) budget.noteCost(figure, 10, clock.now);
      budget.noteFrame(ms, clock.now);
    }
    return frame;
  }

  it('two missed beats in a half-second window are too many: it is judged at the second and slows the figure', () => {
    const budget = new FrameBudget();
    const figure = budget.add(33);
    const clock = { now: 0 };
    windowWithLongFrames(budget, figure, clock, 0);
    const frames = windowWithLongFrames(budget, figure, clock, 2);
    // judged at its second missed beat: the two frames ran two beats each, so the figure redraws half as often
    expect(frames).toBe(2);
    expect(figure.everyMs).toBeCloseTo(33 * (68 / (2 * (1000 / 60))), 6);
  });

  it('a window with one missed beat holds: it neither slows nor counts as calm for a give-back', () => {
    const budget = new FrameBudget();
    const figure = budget.add(33);
    const clock = { now: 0 };
    windowWithLongFrames(budget, figure, clock, 0);
    windowWithLongFrames(budget, figure, clock, 2);
    const slowed = figure.everyMs;
    expect(slowed).toBeGreaterThanOrEqual(66);
    for (let i = 0; i < 4; i++) {
      windowWithLongFrames(budget, figure, clock, 0);
      expect(windowWithLongFrames(budget, figure, clock, 1)).toBeGreaterThan(25); // a whole half second
    }
    expect(figure.everyMs).toBe(slowed);
    for (let i = 0; i < CALM_WINDOWS; i++) windowWithLongFrames(budget, figure, clock, 0);
    expect(figure.everyMs).toBe(33);
  });
});

describe('the frame budget on a slow CPU', () => {
  it('judges a window at its second long frame, so the rates that fit come within half a second', () => {
    // A page at 4x CPU: every redraw of the figure (45 ms) is a long frame; the curve's (5 ms) alone is not.
    const budget = new FrameBudget();
    const status = budget.add(0, { exempt: true });
    const figure = budget.add(33, { hasDetail: true });
    const curve = budget.add(0);
    let now = 0;
    let longFrames = 0;
    let figureAtHalfSecond = Number.NaN;
    while (now < 1000) {
      let ms = 9;
      budget.noteCost(status, 3, now);
      if (now - figure.drawnAt >= figure.everyMs) {
        budget.noteCost(figure, 45, now);
        ms += 45;
      }
      if (now - curve.drawnAt >= curve.everyMs) {
        budget.noteCost(curve, 5, now);
        ms += 5;
      }
      ms = Math.max(ms, 1000 / 60);
      now += ms;
      budget.noteFrame(ms, now);
      if (ms > 20) longFrames += 1;
      if (now < WINDOW_MS) figureAtHalfSecond = figure.everyMs;
    }
    // Judged only at the end of each half second, the figure still redrew 30 times a second then, and
    // the first second had 13 long frames.
    expect(figureAtHalfSecond).toBeGreaterThanOrEqual(4 * 33);
    expect(longFrames).toBeLessThanOrEqual(6);
    expect(curve.everyMs).toBeLessThan(100); // the cheap curve keeps nearly its rate
  });

  it('on a 120 Hz display, where a half second holds 60 frames, two long frames do not close a window early', () => {
    const budget = new FrameBudget();
    const figure = budget.add(33);
    let now = 0;
    const frames = (pattern: number[]) => {
      const closed = budget.windowsClosed;
      let count = 0;
      for (let k = 0; budget.windowsClosed === closed; k++, count++) {
        const ms = pattern[k] ?? 1000 / 120;
        now += ms;
        budget.noteCost(figure, 5, now);
        budget.noteFrame(ms, now);
      }
      return count;
    };
    frames([]); // a first, calm window at 120 Hz
    expect(frames([1000 / 120, 25, 25])).toBeGreaterThan(55); // held to its half second: 2 of ~60 is a hold
    expect(figure.everyMs).toBe(33);
    expect(frames([1000 / 120, 25, 25, 25])).toBe(4); // the third long frame decides it
    expect(figure.everyMs).toBeGreaterThan(33);
  });
});
