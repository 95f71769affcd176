/**
 * jsdom has no layout and no ResizeObserver. Stub this one in (`vi.stubGlobal('ResizeObserver',
 * FakeResizeObserver)`): it reports only when a test calls `report()` on it, as a real one reports after
 * the browser's layout, never inside React's commit. `latest` is the last one made; `watching` counts the
 * elements it observes now.
 */
export class FakeResizeObserver {
  static latest: FakeResizeObserver | null = null;
  watching = 0;
  constructor(private readonly callback: () => void) {
    FakeResizeObserver.latest = this;
  }
  observe(): void {
    this.watching += 1;
  }
  unobserve(): void {
    this.watching -= 1;
  }
  disconnect(): void {
    this.watching = 0;
  }
  report(): void {
    this.callback();
  }
}
