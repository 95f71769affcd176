import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitNote } from '../../src/components/NetworkDiagram/noteFit';

describe('an input’s note on the Network figure', () => {
  it('stays where it was for the article’s short notes', () => {
    expect(fitNote('weight 133 lb', 58, 720, 12)).toEqual({ text: 'weight 133 lb', x: 58, fontSize: 12 });
  });

  it('moves in from the edge so a long column name starts inside the figure', () => {
    const fitted = fitNote('flipper_length_mm 181', 58, 720, 12);
    expect(fitted.text).toBe('flipper_length_mm 181');
    expect(fitted.fontSize).toBe(12);
    // 21 monospace characters are about 156 px wide: the centre moves right of half that.
    expect(fitted.x).toBeGreaterThan(4 + (21 * 0.6 * 12) / 2);
  });

  it('shrinks, then shortens a name longer than the figure in the middle, keeping the value', () => {
    const name = 'body mass of the penguin measured in grams at the start of the season';
    const fitted = fitNote(`${name} 3750`, 58, 320, 12);
    expect(fitted.fontSize).toBeLessThan(12);
    expect(fitted.text).toMatch(/^body mass.*….* 3750$/);
    expect(fitted.text.length).toBeLessThan(name.length);
  });

  it('never centres a note where half of it would leave the figure', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 200, max: 1200 }),
        (text, centre, width) => {
          const fitted = fitNote(text, centre, width, 14);
          const half = (Array.from(fitted.text).length * 0.6 * fitted.fontSize) / 2;
          expect(fitted.x - half).toBeGreaterThanOrEqual(0);
          expect(fitted.x + half).toBeLessThanOrEqual(width);
        },
      ),
    );
  });
});
