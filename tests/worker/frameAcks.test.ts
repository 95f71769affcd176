import { describe, expect, it } from 'vitest';
import { pacedHandBack, type PaintClock } from '../../src/worker/frameAcks';

/** A page whose animation frames run when the test says (`paint`), and that can be hidden. */
function fakePage() {
  let callbacks = new Map<number, () => void>();
  let next = 1;
  let visible = true;
  const listeners = new Set<() => void>();
  const clock: PaintClock = {
    requestFrame: (task) => {
      callbacks.set(next, task);
      return next++;
    },
    cancelFrame: (handle) => callbacks.delete(handle),
    painting: () => visible,
    onPaintingChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    clock,
    listeners,
    paint() {
      const due = callbacks;
      callbacks = new Map();
      for (const task of due.values()) task();
    },
    setVisible(on: boolean) {
      visible = on;
      for (const listener of listeners) listener();
    },
  };
}

describe('the page hands frames back when it paints them', () => {
  it('holds every frame taken in until the next animation frame, then hands them back in order', () => {
    const page = fakePage();
    const sent: number[] = [];
    const acks = pacedHandBack<number>((frame) => sent.push(frame), page.clock);
    acks.handBack(1);
    acks.handBack(2);
    expect(sent).toEqual([]);
    page.paint();
    expect(sent).toEqual([1, 2]);
    acks.handBack(3);
    page.paint();
    page.paint();
    expect(sent).toEqual([1, 2, 3]);
  });

  it('a hidden page paints nothing: it hands back at once, and what waited goes when it is hidden', () => {
    const page = fakePage();
    const sent: number[] = [];
    const acks = pacedHandBack<number>((frame) => sent.push(frame), page.clock);
    acks.handBack(1);
    page.setVisible(false);
    expect(sent).toEqual([1]);
    acks.handBack(2);
    expect(sent).toEqual([1, 2]);
    page.setVisible(true);
    acks.handBack(3);
    expect(sent).toEqual([1, 2]);
    page.paint();
    expect(sent).toEqual([1, 2, 3]);
  });

  it('without animation frames (no page) it hands back at once', () => {
    const sent: number[] = [];
    pacedHandBack<number>((frame) => sent.push(frame), null).handBack(7);
    expect(sent).toEqual([7]);
  });

  it('once disposed (the worker is gone) nothing waiting is sent, and it stops following the page', () => {
    const page = fakePage();
    const sent: number[] = [];
    const acks = pacedHandBack<number>((frame) => sent.push(frame), page.clock);
    acks.handBack(1);
    acks.dispose();
    page.paint();
    page.setVisible(false);
    expect(sent).toEqual([]);
    expect(page.listeners.size).toBe(0);
  });
});
