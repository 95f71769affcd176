import { describe, expect, it } from 'vitest';
import { hiddenGrid } from '../../src/components/NetworkDiagram/hiddenGrid';
import { forwardSize } from '../../src/core/bufferLayout';
import { networkParamCount } from '../../src/core/layerShape';
import { netForwardInto, type ForwardShape } from '../../src/core/netForward';
import { createRng, nextUniform } from '../../src/core/rng';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { walkPlaneGrid } from '../../src/viz/planeGrid';

const SHAPE: ForwardShape = { hidden: 3, hiddenLayers: [3, 4, 2], activation: 'tanh', output: 'sigmoid' };
const TOTAL = 9;
const X_DOMAIN = [100, 200] as const;
const Y_DOMAIN = [55, 80] as const;
const COLS = 5;
const ROWS = 4;

function randomParams(seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: networkParamCount(SHAPE) }, () => nextUniform(rng) * 2 - 1);
}

/** Neuron `neuron`'s output at each cell by its own forward pass, as a map must show it. */
function expected(params: Float64Array, neuron: number): number[] {
  const forward = new Float64Array(forwardSize(TOTAL));
  const out: number[] = [];
  walkPlaneGrid(ARTICLE_SHIFT, X_DOMAIN, Y_DOMAIN, COLS, ROWS, (rowStart, x1, x2) => {
    for (let i = 0; i < COLS; i++) {
      netForwardInto(SHAPE, params, x1[i]!, x2, forward);
      out[rowStart + i] = Math.fround(forward[2 * neuron + 1]!);
    }
  });
  return out;
}

const grid = (params: Float64Array, neuron: number) => {
  const out = new Float32Array(COLS * ROWS);
  hiddenGrid(params, SHAPE, ARTICLE_SHIFT, X_DOMAIN, Y_DOMAIN, COLS, ROWS, neuron, out);
  return [...out];
};

describe('hiddenGrid on a deep network', () => {
  it('gives every neuron of every layer its own output at each cell, map after map', () => {
    const params = randomParams(7);
    for (let neuron = 0; neuron < TOTAL; neuron++)
      expect(grid(params, neuron)).toEqual(expected(params, neuron));
  });

  it('follows new parameters, in a new array or changed in place', () => {
    const params = randomParams(7);
    grid(params, 4);
    const other = randomParams(8);
    expect(grid(other, 4)).toEqual(expected(other, 4));
    other[0] = other[0]! + 1;
    expect(grid(other, 4)).toEqual(expected(other, 4));
  });
});
