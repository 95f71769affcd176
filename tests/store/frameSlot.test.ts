import { describe, expect, it } from 'vitest';
import { FrameSlot, SLICE_MS } from '../../src/store/frameSlot';

/** A slot on a made-up clock, and redraws that each cost a given time on it. */
function slotWithViews() {
  let now = 0;
  const slot = new FrameSlot(() => now);
  const drawn: string[] = [];
  const view = (name: string, costMs: number) => () => {
    now += costMs;
    drawn.push(name);
  };
  return { slot, drawn, view };
}

describe('the frame slot', () => {
  it('draws nothing between frames: every redraw waits for the next frame, cheap ones all in it', () => {
    const { slot, drawn, view } = slotWithViews();
    slot.request(view('curve', 1));
    slot.request(view('readout', 2));
    slot.request(view('timeline', 2));
    expect(drawn).toEqual([]);
    expect(slot.pending).toBe(3);
    slot.nextFrame();
    expect(drawn).toEqual(['curve', 'readout', 'timeline']);
    expect(slot.pending).toBe(0);
  });

  it('the beat draws first in its frame and counts against the share, but never starves the others', () => {
    const { slot, drawn, view } = slotWithViews();
    slot.request(view('curve', 1));
    slot.request(view('readout', 1));
    const status = view('status', SLICE_MS);
    slot.requestBeat(status);
    slot.nextFrame();
    // The status spent the share: one waiting redraw still gets its turn, the next waits.
    expect(drawn).toEqual(['status', 'curve']);
    slot.requestBeat(status);
    slot.nextFrame();
    expect(drawn).toEqual(['status', 'curve', 'status', 'readout']);
  });

  it('a redraw that asks again while it draws runs once per frame', () => {
    const { slot, drawn, view } = slotWithViews();
    const curve = view('curve', 1);
    const again = () => {
      curve();
      slot.request(again);
    };
    slot.request(again);
    slot.nextFrame();
    expect(drawn).toEqual(['curve']);
    expect(slot.pending).toBe(1);
    slot.nextFrame();
    expect(drawn).toEqual(['curve', 'curve']);
  });

  it('never lets two costly figures redraw into the same frame', () => {
    const { slot, drawn, view } = slotWithViews();
    const network = view('network', 40);
    const boundary = view('boundary', 35);
    const curve = view('curve', 30);
    slot.request(network);
    slot.request(boundary);
    slot.request(curve);
    expect(drawn).toEqual([]);
    // Each frame draws one waiting figure, oldest first.
    slot.nextFrame();
    expect(drawn).toEqual(['network']);
    slot.nextFrame();
    expect(drawn).toEqual(['network', 'boundary']);
    slot.nextFrame();
    expect(drawn).toEqual(['network', 'boundary', 'curve']);
    expect(slot.pending).toBe(0);
  });

  it('a frame draws waiting redraws while its share lasts, one at least', () => {
    const { slot, drawn, view } = slotWithViews();
    slot.request(view('network', SLICE_MS * 2));
    for (const name of ['a', 'b', 'c', 'd']) slot.request(view(name, SLICE_MS / 3));
    slot.nextFrame();
    slot.nextFrame();
    expect(drawn).toEqual(['network', 'a', 'b', 'c']);
    slot.nextFrame();
    expect(drawn.at(-1)).toBe('d');
  });

  it('a view asks once: a second request while it waits changes nothing; a new one queues behind', () => {
    const { slot, drawn, view } = slotWithViews();
    slot.request(view('network', 40));
    const curve = view('curve', 1);
    slot.request(curve);
    slot.request(curve);
    expect(slot.pending).toBe(2);
    // A cheap redraw does not jump the queue.
    slot.request(view('readout', 1));
    slot.nextFrame();
    expect(drawn).toEqual(['network']);
    slot.nextFrame();
    expect(drawn).toEqual(['network', 'curve', 'readout']);
  });

  it('a cancelled redraw does not run; a flush runs everything waiting at once', () => {
    const { slot, drawn, view } = slotWithViews();
    slot.request(view('network', 40));
    const boundary = view('boundary', 35);
    slot.request(boundary);
    slot.request(view('curve', 30));
    slot.cancel(boundary);
    slot.flush();
    expect(drawn).toEqual(['network', 'curve']);
    expect(slot.pending).toBe(0);
  });
});
