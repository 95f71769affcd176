/**
 * The display clock's budget: while training runs it watches how long the page's frames take and what
 * each view costs per redraw, and when frames run long it makes the costliest view redraw less often,
 * then less finely; when there is room again it gives back, the last taken first. Pure bookkeeping (no
 * DOM, no React): the clock feeds it measured times, so a test can feed it made-up ones.
 */

/** A frame longer than this missed the display's 60 Hz beat (16.7 ms, with some slack for jitter). */
export const LONG_FRAME_MS = 20;
/**
 * Frames are judged in windows of this length, or shorter: a window closes as soon as its verdict is
 * certain to be "too slow" (see `slowAlready`)...
 */
export const WINDOW_MS = 500;
/**
 * ...and a window in which more than this share of frames ran long is too slow: at 60 Hz, two long frames
 * in one window. The page's 95th-percentile frame stays within LONG_FRAME_MS only while fewer than one
 * frame in twenty runs long; at a tenth the budget settled where a tenth did (p95 two beats at 4x CPU).
 */
export const LONG_SHARE = 0.04;
/**
 * Calm windows in a row before a view gets some of its rate back (doubled after each give-back that
 * failed). Calm means no long frame at all: a window with one holds what it has, so the budget does not
 * give back its way up to the edge of too slow and sit there.
 */
export const CALM_WINDOWS = 2;
const MAX_CALM_WINDOWS = 16;
/** The least often a slowed view still redraws while training (the clock never stops a view on screen). */
export const SLOWEST_MS = 1000;
/** A view redrawn "every frame" that gets slowed starts from two frames. */
const FRAME_MS = 1000 / 60;
/**
 * A slow window slows each view it steps by how far its frames overran the beat, at least twice, at most
 * this much: a page whose frames take six beats (a slow CPU) reaches a rate that fits in one or two
 * windows instead of five, its long frames meanwhile.
 */
export const MAX_STEP = 8;
/** How much each new cost measurement weighs against the running estimate. */
const COST_WEIGHT = 0.3;

export type Detail = 'full' | 'reduced';

/** One view as the budget sees it: how often it may redraw and how finely. */
export interface BudgetedView {
  /** Its own cadence: the least time between redraws it asks for (0 = every frame). */
  readonly baseMs: number;
  /** Exempt views (the training status) are never slowed. */
  readonly exempt: boolean;
  /** Whether it can draw less finely (a view that cannot is only ever slowed). */
  readonly hasDetail: boolean;
  /** The least time between two redraws now, >= baseMs. */
  everyMs: number;
  detail: Detail;
  /** Told when `detail` changes (a view that can draw less finely redraws at the new detail). */
  onDetail: ((detail: Detail) => void) | null;
  /** Running estimate of one redraw's cost, ms; 0 until measured. */
  costMs: number;
  /** When it last redrew (only views that redraw count against the frame). */
  drawnAt: number;
}

export class FrameBudget {
  private readonly views = new Set<BudgetedView>();
  /**
   * What was taken, last taken last: given back in reverse. A rate step remembers the rate it replaced,
   * since steps differ in size (2x to MAX_STEP) and a give-back restores exactly what its step took.
   */
  private readonly taken: { view: BudgetedView; what: 'rate' | 'detail'; everyMs: number }[] = [];
  private windowStart = Number.NaN;
  private frames = 0;
  private longFrames = 0;
  /** The window's frame times added up. */
  private framesMs = 0;
  /** The window's shortest frame: the display's beat, or less (a 120 Hz display). */
  private shortestMs = Number.POSITIVE_INFINITY;
  private calm = 0;
  private calmNeeded = CALM_WINDOWS;
  /** A give-back in the last window: if that window runs long, it was one too many. */
  private gaveBack = false;
  /** Windows judged so far (a test or a report can tell when one closed). */
  windowsClosed = 0;

  add(baseMs: number, { exempt = false, hasDetail = false } = {}): BudgetedView {
    const view: BudgetedView = {
      baseMs,
      exempt,
      hasDetail,
      everyMs: baseMs,
      detail: 'full',
      onDetail: null,
      costMs: 0,
      drawnAt: Number.NEGATIVE_INFINITY,
    };
    this.views.add(view);
    return view;
  }

  remove(view: BudgetedView): void {
    this.views.delete(view);
    for (let i = this.taken.length - 1; i >= 0; i--)
      if (this.taken[i]!.view === view) this.taken.splice(i, 1);
  }

  /** A redraw of `view` took `ms` (render, commit and drawing), finishing at `now`. */
  noteCost(view: BudgetedView, ms: number, now: number): void {
    view.costMs = view.costMs === 0 ? ms : view.costMs + COST_WEIGHT * (ms - view.costMs);
    view.drawnAt = now;
  }

  /** One animation frame ended at `now` after `ms`; closes a window when one is full. */
  noteFrame(ms: number, now: number): void {
    if (Number.isNaN(this.windowStart)) this.windowStart = now - ms;
    this.frames += 1;
    this.framesMs += ms;
    this.shortestMs = Math.min(this.shortestMs, ms);
    if (ms > LONG_FRAME_MS) this.longFrames += 1;
    if (now - this.windowStart < WINDOW_MS && !this.slowAlready(now)) return;
    const slow = this.longFrames > this.frames * LONG_SHARE;
    const calm = this.longFrames === 0;
    // The share of the main thread to free for frames of 60 Hz: more than one view's worth on a slow page.
    const excess = 1 - (this.frames * FRAME_MS) / this.framesMs;
    const step = Math.min(MAX_STEP, Math.max(2, this.framesMs / (this.frames * FRAME_MS)));
    this.startWindow(now);
    this.windowsClosed += 1;
    if (slow) this.slowDown(now, excess, step);
    else if (calm) this.maybeGiveBack();
    else this.hold();
  }

  /**
   * Whether the window is too slow whatever its other frames do, even if every frame left in it is on
   * time (at 60 Hz, or at the window's shortest frame on a faster display): at 60 Hz from its second long
   * frame, or its first if that alone took a fifth of the window; at 120 Hz from its third. It closes
   * then. On a slow CPU (4x) every redraw of a figure is a long frame, and waiting out each half second
   * took four windows, two seconds of long frames after Play, to reach rates that fit; closing early
   * takes a few frames each.
   */
  private slowAlready(now: number): boolean {
    if (this.longFrames === 0) return false;
    const framesLeft = (this.windowStart + WINDOW_MS - now) / Math.min(FRAME_MS, this.shortestMs);
    return this.longFrames > (this.frames + framesLeft) * LONG_SHARE;
  }

  /** A new window from `start` (NaN: from the next frame's start), with nothing counted in it yet. */
  private startWindow(start: number): void {
    this.windowStart = start;
    this.frames = 0;
    this.longFrames = 0;
    this.framesMs = 0;
    this.shortestMs = Number.POSITIVE_INFINITY;
  }

  /** Training stopped: the next run starts from each view's own cadence and a fresh window. */
  restart(): void {
    for (const view of this.views) {
      view.everyMs = view.baseMs;
      setDetail(view, 'full');
    }
    this.taken.length = 0;
    this.startWindow(Number.NaN);
    this.calm = 0;
    this.calmNeeded = CALM_WINDOWS;
    this.gaveBack = false;
  }

  /**
   * Slows the costliest views, one step each (`step` times slower), until the steps free about `excess` of
   * the main thread by the views' own measured costs (at least one step: a view's cost leaves out the
   * browser's painting).
   */
  private slowDown(now: number, excess: number, step: number): void {
    this.calm = 0;
    // Giving back caused this: wait longer before the next try.
    if (this.gaveBack) this.calmNeeded = Math.min(MAX_CALM_WINDOWS, this.calmNeeded * 2);
    this.gaveBack = false;
    let freed = 0;
    const stepped = new Set<BudgetedView>();
    do {
      const view = this.costliest(now, stepped);
      if (!view) return;
      stepped.add(view);
      freed += load(view) * (1 - 1 / step);
      if (view.everyMs < SLOWEST_MS) {
        this.taken.push({ view, what: 'rate', everyMs: view.everyMs });
        view.everyMs = Math.min(SLOWEST_MS, Math.max(2 * FRAME_MS, step * Math.max(FRAME_MS, view.everyMs)));
      } else {
        setDetail(view, 'reduced');
        this.taken.push({ view, what: 'detail', everyMs: view.everyMs });
      }
    } while (freed < excess);
  }

  /** A window with a long frame or so: neither too slow nor calm. The calm count starts again. */
  private hold(): void {
    this.gaveBack = false;
    this.calm = 0;
  }

  private maybeGiveBack(): void {
    this.gaveBack = false;
    this.calm += 1;
    if (this.calm < this.calmNeeded) return;
    this.calm = 0;
    const last = this.taken.pop();
    if (!last) {
      this.calmNeeded = CALM_WINDOWS; // all given back and calm: forget the failed tries
      return;
    }
    if (last.what === 'detail') setDetail(last.view, 'full');
    else last.view.everyMs = last.everyMs;
    this.gaveBack = true;
  }

  /**
   * The view that costs the frame most (cost per redraw over its time between redraws) and can still give
   * something: a slower rate, or else less detail. Only views that redrew in the last window count.
   */
  private costliest(now: number, skip: ReadonlySet<BudgetedView>): BudgetedView | null {
    let worst: BudgetedView | null = null;
    let worstLoad = 0;
    for (const view of this.views) {
      if (view.exempt || skip.has(view) || view.costMs <= 0 || now - view.drawnAt > 2 * SLOWEST_MS) continue;
      if (view.everyMs >= SLOWEST_MS && (view.detail === 'reduced' || !view.hasDetail)) continue;
      if (load(view) > worstLoad) {
        worst = view;
        worstLoad = load(view);
      }
    }
    return worst;
  }
}

/** The share of the main thread a view takes: its cost per redraw over the time between redraws. */
function load(view: BudgetedView): number {
  return view.costMs / Math.max(FRAME_MS, view.everyMs);
}

function setDetail(view: BudgetedView, detail: Detail): void {
  if (view.detail === detail) return;
  view.detail = detail;
  view.onDetail?.(detail);
}
