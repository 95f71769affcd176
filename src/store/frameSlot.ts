/**
 * The display clock's share of one animation frame while training runs. Every redraw waits for the next
 * frame's callback, however it fell due (a worker message, a cadence's timer): a task between two frames
 * that changed the page made Chromium lay it out twice per frame, once when the frame began (to update
 * what the pointer hovers) and again after the callbacks' own changes. Drawn in the callback, the page is
 * laid out once per frame. The callback draws the waiting redraws, oldest first, while its share lasts (one
 * at least), so two costly figures never redraw into the same frame (one task of both would miss several
 * frames on a slow machine), and every waiting view gets its turn. Pure bookkeeping with an injected
 * clock, so a test can give the redraws made-up costs.
 *
 * Views that keep the beat (the Training status) are not spread: each draws once in the callback of the
 * next frame, however many changes came since, and always in that frame (its share or not). Several
 * worker messages between two frames then cost one redraw, drawn right before the frame paints it.
 */

/**
 * Redraw work a frame may take before the next redraw waits: half of a 60 Hz frame, leaving the rest to
 * the browser's style, layout and paint and to the worker's frames arriving.
 */
export const SLICE_MS = 8;

export class FrameSlot {
  /** Redraws waiting for a frame with room, oldest first (a Set keeps insertion order). */
  private readonly waiting = new Set<() => void>();
  /** Redraws that keep the beat: all of them run in the next frame's callback. */
  private readonly onBeat = new Set<() => void>();

  constructor(
    private readonly clock: () => number,
    readonly sliceMs = SLICE_MS,
  ) {}

  /** Redraws waiting for the next frame. */
  get pending(): number {
    return this.waiting.size + this.onBeat.size;
  }

  /** Runs `draw` (once, however often asked) in the next frame's callback, before the spread redraws. */
  requestBeat(draw: () => void): void {
    this.onBeat.add(draw);
  }

  /** Runs `draw` (once, however often asked) in the callback of the first frame with room. */
  request(draw: () => void): void {
    this.waiting.add(draw);
  }

  /** Forgets a waiting redraw (its view drew by other means, or left the page). */
  cancel(draw: () => void): void {
    this.waiting.delete(draw);
    this.onBeat.delete(draw);
  }

  /**
   * An animation frame's callback: the beat's redraws, then the waiting ones, oldest first, while the
   * frame's share lasts, and one at least however long the beat took (on a slow CPU the status alone can
   * spend the share, and the figures would never get a turn). A redraw asked for meanwhile, even by one
   * that just ran, waits for the next frame.
   */
  nextFrame(): void {
    const start = this.clock();
    const beat = [...this.onBeat];
    this.onBeat.clear();
    for (const draw of beat) draw();
    let left = this.waiting.size;
    let drew = false;
    for (const draw of this.waiting) {
      if (left-- === 0 || (drew && this.clock() - start >= this.sliceMs)) break;
      this.waiting.delete(draw);
      draw();
      drew = true;
    }
  }

  /** Training stopped: whatever waits draws now. */
  flush(): void {
    const waiting = [...this.onBeat, ...this.waiting];
    this.onBeat.clear();
    this.waiting.clear();
    for (const draw of waiting) draw();
  }
}
