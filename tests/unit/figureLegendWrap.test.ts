import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../src/components/FigureExport/figureFrame';

describe('wrapWords: a legend line longer than the exported figure is wide', () => {
  it('breaks at spaces into lines no longer than the room, keeping every word in order', () => {
    const words = 'loss from 0.0791 (darkest) to 0.565 (lightest): darker is lower';
    const lines = wrapWords(words, 20);
    expect(lines.every((line) => line.length <= 20)).toBe(true);
    expect(lines.join(' ')).toBe(words);
    expect(lines.length).toBeGreaterThan(1);
  });

  it('keeps a short legend on one line and a word longer than the room on a line of its own', () => {
    expect(wrapWords('Female (circle)', 40)).toEqual(['Female (circle)']);
    expect(wrapWords('a verylongwordindeed b', 8)).toEqual(['a', 'verylongwordindeed', 'b']);
  });
});
