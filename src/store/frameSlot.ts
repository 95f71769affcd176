/**
 * The display clock's share of one animation frame while training runs. A frame paints what the tasks
 * since the last frame drew plus what its own animation-frame callback draws; redraws that fall due
 * between two frames draw at once while that share has room, and once it is spent the rest wait, oldest
 * first, for the next frame's callback (which draws while the share lasts, one at least when nothing
 * drew before it). So two costly figures never redraw into the same frame (one task of both would miss
 * several frames on a slow machine), and every waiting view gets its turn. Pure bookkeeping with an
 * injected clock, so a test can give the redraws made-up costs.
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
  /** Redraw time the next frame will paint (spent since the last frame's callback). */
  private usedMs = 0;
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

  /**
   * Runs `draw` now if the next frame has room and no redraw waits before it, else (once) in the callback
   * of the first frame with room.
   */
  request(draw: () => void): void {
    if (this.waiting.has(draw)) return;
    if (this.waiting.size === 0 && this.usedMs < this.sliceMs) this.run(draw);
    else this.waiting.add(draw);
  }

  /** Forgets a waiting redraw (its view drew by other means, or left the page). */
  cancel(draw: () => void): void {
    this.waiting.delete(draw);
    this.onBeat.delete(draw);
  }

  /**
   * An animation frame's callback: the waiting redraws run, oldest first, while the frame's share lasts;
   * what runs after it is painted by the next frame. A redraw asked for meanwhile waits its turn.
   */
  nextFrame(): void {
    for (const draw of this.onBeat) {
      this.onBeat.delete(draw);
      this.run(draw);
    }
    let left = this.waiting.size;
    for (const draw of this.waiting) {
      if (left-- === 0 || this.usedMs >= this.sliceMs) break;
      this.waiting.delete(draw);
      this.run(draw);
    }
    this.usedMs = 0;
  }

  /** Training stopped: whatever waits draws now, and the next redraw finds a fresh frame. */
  flush(): void {
    const waiting = [...this.onBeat, ...this.waiting];
    this.onBeat.clear();
    this.waiting.clear();
    this.usedMs = 0;
    for (const draw of waiting) draw();
    this.usedMs = 0;
  }

  private run(draw: () => void): void {
    const start = this.clock();
    draw();
    this.usedMs += this.clock() - start;
  }
}
