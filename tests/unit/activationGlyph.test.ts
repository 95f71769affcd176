import { line } from 'd3';
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { hiddenActivation } from '../../src/core/activation';
import { activationDomain, activationGlyphPath } from '../../src/viz/activationScale';

describe('activationGlyphPath', () => {
  it.each(['sigmoid', 'tanh', 'relu'] as const)('draws the %s curve as d3.line drew it', (kind) => {
    const size = 18;
    const [low, high] = kind === 'relu' ? [0, 3] : activationDomain(kind);
    const x = scaleLinear()
      .domain([-3, 3])
      .range([-size / 2, size / 2]);
    const y = scaleLinear()
      .domain([low, high])
      .range([size / 2, -size / 2]);
    const sums = Array.from({ length: 25 }, (_, k) => -3 + k * 0.25);
    const expected = line<number>()
      .x((sum) => x(sum))
      .y((sum) => y(hiddenActivation(kind, sum)))(sums);
    expect(activationGlyphPath(kind, size)).toBe(expected);
  });
});
