import type { Person } from '../../src/core/dataset';
import { createRng, nextNormal, nextUniform } from '../../src/core/rng';

/**
 * `count` people from two overlapping groups (women around 135 lb and 64 in, men around 165 lb and
 * 70 in), each label flipped with probability `flip`: a small noisy set a large network can memorize.
 */
export function noisyPeople(count: number, seed: number, flip: number): Person[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const female = i % 2 === 0;
    const weight = (female ? 135 : 165) + 15 * nextNormal(rng);
    const height = (female ? 64 : 70) + 3 * nextNormal(rng);
    const labelledFemale = nextUniform(rng) < flip ? !female : female;
    return {
      id: `n${i}`,
      name: `n${i}`,
      weight: weight.toFixed(1),
      height: height.toFixed(1),
      gender: labelledFemale ? 'F' : 'M',
    };
  });
}
