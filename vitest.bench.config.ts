import { defineConfig } from 'vitest/config';

/**
 * Benchmarks, run by hand (`npm run bench`), never in CI: each `bench/*.bench-run.ts` is one test that
 * prints a table and writes bench/results/latest.json. Files run one after another (these machines have
 * two cores; two benches at once would measure each other), and `--expose-gc` lets the memory bench
 * collect garbage before it reads the heap.
 */
export default defineConfig({
  test: {
    include: ['bench/**/*.bench-run.ts'],
    environment: 'node',
    setupFiles: [],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    reporters: ['verbose'],
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    execArgv: ['--expose-gc'],
  },
});
