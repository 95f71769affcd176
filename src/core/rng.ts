/**
 * A seeded random source: mulberry32 for uniforms, Box–Muller for normals (like np.random.normal).
 * Its whole state is two numbers, so a run can be saved and replayed bit for bit.
 */
export interface RngState {
  /** mulberry32's 32-bit state. */
  seed: number;
  /** Box–Muller makes normals in pairs; the spare one waits here (NaN when none). */
  spareNormal: number;
}

export function createRng(seed: number): RngState {
  return { seed: seed >>> 0, spareNormal: Number.NaN };
}

/** A uniform draw in [0, 1). */
export function nextUniform(rng: RngState): number {
  rng.seed = (rng.seed + 0x6d2b79f5) >>> 0;
  let t = rng.seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A standard normal draw (mean 0, standard deviation 1). */
export function nextNormal(rng: RngState): number {
  if (!Number.isNaN(rng.spareNormal)) {
    const spare = rng.spareNormal;
    rng.spareNormal = Number.NaN;
    return spare;
  }
  let u = 0;
  while (u === 0) u = nextUniform(rng); // log(0) would be -Infinity
  const v = nextUniform(rng);
  const radius = Math.sqrt(-2 * Math.log(u));
  rng.spareNormal = radius * Math.sin(2 * Math.PI * v);
  return radius * Math.cos(2 * Math.PI * v);
}

/** Fisher–Yates shuffle in place, driven by the seeded RNG. */
export function shuffleInPlace(order: Uint32Array, count: number, rng: RngState): void {
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(nextUniform(rng) * (i + 1));
    const held = order[i]!;
    order[i] = order[j]!;
    order[j] = held;
  }
}
