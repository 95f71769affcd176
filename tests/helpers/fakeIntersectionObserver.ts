/**
 * jsdom has no IntersectionObserver. Stub this one in (`vi.stubGlobal('IntersectionObserver',
 * FakeIntersectionObserver)`) to scroll a view in and out of sight: `show(false)` on the observer the
 * view created.
 */
export class FakeIntersectionObserver {
  static all: FakeIntersectionObserver[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.all.push(this);
  }
  observe(): void {}
  disconnect(): void {}
  show(isIntersecting: boolean): void {
    this.callback([{ isIntersecting } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}
