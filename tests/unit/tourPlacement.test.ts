import { describe, expect, it } from 'vitest';
import { dockAwayFrom, placeCard, type PlacementInput } from '../../src/components/Tour/placement';

const laptop = { width: 1440, height: 900, scrollY: 0, maxScrollY: 2000 };
const base: Omit<PlacementInput, 'shown'> = {
  pinned: false,
  viewport: laptop,
  cardWidth: 432,
  gap: 16,
  topInset: 0,
};

describe('placeCard: the tour card goes where it covers nothing the step shows', () => {
  it('sits on the right of a figure with room there, and on the left when only the left has room', () => {
    expect(placeCard({ ...base, shown: { left: 30, right: 610, top: 20, bottom: 540 } }).dock).toBe('right');
    expect(placeCard({ ...base, shown: { left: 700, right: 1400, top: 20, bottom: 44 } }).dock).toBe('left');
  });

  it('needs the card’s width and a gap on each side of it to sit beside', () => {
    const justTooNarrow = 1440 - (432 + 2 * 16) + 1;
    expect(placeCard({ ...base, shown: { left: 0, right: justTooNarrow, top: 0, bottom: 10 } }).dock).toBe(
      'bottom',
    );
    expect(
      placeCard({ ...base, shown: { left: 0, right: justTooNarrow - 1, top: 0, bottom: 10 } }).dock,
    ).toBe('right');
  });

  it('goes under a part as wide as the window: scrolled to the top, the card gets the height below it', () => {
    const placed = placeCard({
      ...base,
      viewport: { ...laptop, scrollY: 300 },
      shown: { left: 50, right: 1390, top: 354, bottom: 546 },
    });
    expect(placed).toEqual({ dock: 'bottom', scrollTo: 300 + 354 - 16, room: 900 - (16 + 192) - 32 });
  });

  it('cannot scroll past the end of the page, so the room is what is left there', () => {
    const placed = placeCard({
      ...base,
      viewport: { ...laptop, scrollY: 1900, maxScrollY: 2000 },
      shown: { left: 50, right: 1390, top: 500, bottom: 600 },
    });
    expect(placed).toEqual({ dock: 'bottom', scrollTo: 2000, room: 900 - 500 - 32 });
  });

  it('keeps a sticky bar’s height free at the top, and brings a pinned part back to the page’s top', () => {
    const phone = { width: 375, height: 812, scrollY: 600, maxScrollY: 3000 };
    const below = placeCard({
      ...base,
      viewport: phone,
      topInset: 200,
      shown: { left: 10, right: 365, top: 500, bottom: 700 },
    });
    expect(below).toMatchObject({ dock: 'bottom', scrollTo: 600 + 500 - 200 - 16 });
    const pinned = placeCard({
      ...base,
      viewport: phone,
      pinned: true,
      shown: { left: 0, right: 375, top: -60, bottom: 200 },
    });
    expect(pinned).toEqual({ dock: 'bottom', scrollTo: 0, room: 812 - 200 - 32 });
  });
});

describe('dockAwayFrom: the card makes room for the control the learner moves to', () => {
  const card = { top: 200, bottom: 700, left: 20, right: 560 };
  it('moves a card off a control it covers, to the other side', () => {
    expect(dockAwayFrom(card, { top: 250, bottom: 290, left: 330, right: 610 }, 'left')).toBe('right');
    expect(dockAwayFrom(card, { top: 250, bottom: 290, left: 330, right: 610 }, 'right')).toBe('left');
  });
  it('stays where it is when the control is clear of it, or when it sits under the shown part', () => {
    expect(dockAwayFrom(card, { top: 100, bottom: 190, left: 30, right: 300 }, 'left')).toBeNull();
    expect(dockAwayFrom(card, { top: 250, bottom: 290, left: 600, right: 900 }, 'left')).toBeNull();
    expect(dockAwayFrom(card, { top: 250, bottom: 290, left: 30, right: 300 }, 'bottom')).toBeNull();
  });
});
