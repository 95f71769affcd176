/**
 * How many epochs a playing run owes at a set speed, and how fast it really went: the session's clock
 * work, kept out of its loop.
 */
export class Pacing {
  /** Epochs per second; null trains as fast as possible. */
  speed: number | null = null;
  /** Epochs trained per second over the last half second or more of running (0 when paused). */
  epochsPerSecond = 0;
  private startedAt = 0;
  private trainedSinceStart = 0;
  private mark = { at: 0, epoch: 0 };

  /** Play pressed or the speed changed: count from now. */
  restart(now: number, epoch: number): void {
    this.startedAt = now;
    this.trainedSinceStart = 0;
    this.mark = { at: now, epoch };
  }

  /** Epochs due now (Infinity at full speed). */
  due(now: number): number {
    if (this.speed === null) return Infinity;
    return Math.floor(((now - this.startedAt) * this.speed) / 1000) - this.trainedSinceStart;
  }

  trained(epochs: number): void {
    this.trainedSinceStart += epochs;
  }

  /** Updates epochsPerSecond at most twice a second while running; 0 when not. */
  measure(now: number, epoch: number, running: boolean): void {
    if (!running) {
      this.epochsPerSecond = 0;
      return;
    }
    const elapsed = now - this.mark.at;
    if (elapsed < 500) return;
    this.epochsPerSecond = ((epoch - this.mark.epoch) * 1000) / elapsed;
    this.mark = { at: now, epoch };
  }
}
