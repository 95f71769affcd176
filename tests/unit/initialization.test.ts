import { describe, expect, it } from 'vitest';
import { initialParams, initialSpread } from '../../src/core/init';
import { layerPlan } from '../../src/core/layerShape';
import { createRng, nextNormal } from '../../src/core/rng';

function spreadOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * values[i]!;
  return Math.sqrt(sum / values.length);
}

describe('initialization', () => {
  it("draws the article's standard normals in layout order, whatever the shape", () => {
    const rng = createRng(7);
    const deep = initialParams('random', 7, [3, 5, 2], 2);
    expect(deep).toHaveLength(layerPlan([3, 5, 2], 2).paramCount);
    expect(Array.from(deep)).toEqual(Array.from({ length: deep.length }, () => nextNormal(rng)));
  });

  it('sets every weight of a deeper network to 1 and every bias to 0 for All ones', () => {
    const plan = layerPlan([4, 4], 3);
    const ones = initialParams('ones', 1, [4, 4], 3);
    expect(Array.from(ones.subarray(0, plan.weightCount)).every((w) => w === 1)).toBe(true);
    expect(Array.from(ones.subarray(plan.weightCount)).every((b) => b === 0)).toBe(true);
  });

  it.each(['xavier', 'he'] as const)(
    'scales each layer’s weights by its fan-in (and fan-out) for %s',
    (kind) => {
      const sizes = [8, 8, 8, 8];
      const plan = layerPlan(sizes, 2);
      // Many seeds, so each layer's spread is measured over enough draws to be near its own.
      const perLayer = [1, 2, 3, 4, 5].map(() => [] as number[]);
      for (let seed = 0; seed < 200; seed++) {
        const params = initialParams(kind, seed, sizes, 2);
        for (let l = 1; l <= 5; l++) {
          const start = plan.weightStart[l]!;
          const end = start + plan.sizes[l]! * plan.sizes[l - 1]!;
          perLayer[l - 1]!.push(...params.subarray(start, end));
        }
        expect(Array.from(params.subarray(plan.weightCount)).every((b) => b === 0)).toBe(true);
      }
      for (let l = 1; l <= 5; l++) {
        const expected = initialSpread(kind, plan.sizes[l - 1]!, plan.sizes[l]!);
        expect(spreadOf(perLayer[l - 1]!) / expected).toBeCloseTo(1, 1);
      }
      expect(initialSpread('xavier', 2, 8)).toBeCloseTo(Math.sqrt(2 / 10), 15);
      expect(initialSpread('he', 8, 1)).toBeCloseTo(0.5, 15);
    },
  );
});
