import * as chromatic from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { interpolateCividis, interpolatePuOr, interpolateViridis } from '../../src/viz/colorRamps';

const SAMPLES = Array.from({ length: 1001 }, (_, k) => k / 1000).concat([-0.5, 1.5, 0.999999, 0.5]);

describe('colorRamps', () => {
  it.each([
    ['PuOr', interpolatePuOr, chromatic.interpolatePuOr],
    ['Cividis', interpolateCividis, chromatic.interpolateCividis],
    ['Viridis', interpolateViridis, chromatic.interpolateViridis],
  ])('%s gives the colours d3-scale-chromatic gives, ends and outside included', (_, ours, d3s) => {
    for (const t of SAMPLES) expect(ours(t), `t = ${t}`).toBe(d3s(t));
  });
});
