/**
 * Bundles the engine the way the app ships it: for the Node bench, and for the browser bench's in-worker
 * breakdown (the same file is loaded into a Chromium worker from a Blob URL).
 *
 * Why: Vitest runs every source module through Vite's SSR transform, which turns each cross-module call
 * (`forwardInto`, `sigmoid`, `backwardInto`, …) into a property read on a module-namespace object with
 * getters. In the hot loop that costs ~3-4x, an artifact of the test harness, not of the engine. The app's
 * worker is one Rolldown chunk with direct calls, so the bench bundles src/core (+ the worker session,
 * the history, the plain loop and bench/variants.ts) the same way and measures that.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type { EXAMPLE_SETS } from '../src/core/datasets/registry';
import type { exampleTable } from '../src/core/datasets/table';
import type { Trainer } from '../src/core/trainer';
import type * as variants from './variants';
import type { Core } from './variants';
import { ROOT_DIR } from './report';

export interface HistoryLike {
  appendBatch(firstEpoch: number, count: number, losses: Float64Array, params: Float64Array): void;
  readonly byteLength: number;
  readonly length: number;
  /** Kept-epoch stride; it doubles when the history thins itself (absent in older versions). */
  readonly stride?: number;
}

/** What the bundle exports (the same names as in src/ and bench/variants.ts). */
export type EngineBundle = Core &
  typeof variants & {
    PARAM_NAMES: readonly string[];
    currentLoss(trainer: Trainer): number;
    EXAMPLE_SETS: typeof EXAMPLE_SETS;
    exampleTable: typeof exampleTable;
    /** Absent while src/store/history.ts does not exist (it is being written) or does not build. */
    TrainingHistory?: new () => HistoryLike;
  };

/** Generated code stays out of the linted tree (ESLint and tsc would pick up a .ts entry under bench/). */
const OUT_DIR = resolve(ROOT_DIR, 'node_modules/.cache/backprop-lab-bench');

export const BUNDLE_FILE = resolve(OUT_DIR, 'engine.js');

/** Builds node_modules/.cache/backprop-lab-bench/engine.js (unminified, es2022 like the app): one ES module, no imports. */
export async function buildEngineBundle(): Promise<{ file: string; historyNote: string | null }> {
  mkdirSync(OUT_DIR, { recursive: true });
  const src = (path: string) => JSON.stringify(resolve(ROOT_DIR, path).replaceAll('\\', '/'));
  const hasHistory = existsSync(resolve(ROOT_DIR, 'src/store/history.ts'));
  const entry = resolve(OUT_DIR, 'entry.ts');
  writeFileSync(
    entry,
    [
      `export { ARTICLE_PEOPLE } from ${src('src/core/dataset.ts')};`,
      `export { PARAM_NAMES } from ${src('src/core/network.ts')};`,
      `export { initialParams } from ${src('src/core/init.ts')};`,
      `export { buildTrainingSet } from ${src('src/core/trainingSet.ts')};`,
      `export { checkTable } from ${src('src/core/checkedTable.ts')};`,
      `export { testMaskOf } from ${src('src/core/split.ts')};`,
      `export { createTrainer, trainEpoch, currentLoss } from ${src('src/core/trainer.ts')};`,
      `export { TrainingSession } from ${src('src/worker/session.ts')};`,
      `export { measureEpochs } from ${src('src/worker/evaluation.ts')};`,
      `export { plainTrain } from ${src('bench/plainLoop.ts')};`,
      `export * from ${src('bench/variants.ts')};`,
      `export { EXAMPLE_SETS } from ${src('src/core/datasets/registry.ts')};`,
      `export { exampleTable } from ${src('src/core/datasets/table.ts')};`,
      hasHistory ? `export { TrainingHistory } from ${src('src/store/history.ts')};` : '',
      '',
    ].join('\n'),
  );
  let historyNote: string | null = hasHistory ? null : 'src/store/history.ts does not exist yet';
  try {
    await bundleEntry(entry);
  } catch (error) {
    if (!hasHistory) throw error;
    // history.ts exists but does not build right now (mid-edit): bench the engine without it.
    historyNote = `src/store/history.ts did not build: ${(error as Error).message.split('\n')[0]}`;
    writeFileSync(entry, readEntryWithoutHistory(entry));
    await bundleEntry(entry);
  }
  return { file: BUNDLE_FILE, historyNote };
}

/** Builds the bundle and imports it into this process. */
export async function loadEngineBundle(): Promise<{ bundle: EngineBundle; historyNote: string | null }> {
  const { file, historyNote } = await buildEngineBundle();
  const bundle = (await import(
    /* @vite-ignore */ `${pathToFileURL(file).href}?t=${Date.now()}`
  )) as EngineBundle;
  return { bundle, historyNote };
}

function readEntryWithoutHistory(entry: string): string {
  return readFileSync(entry, 'utf8')
    .split('\n')
    .filter((line) => !line.includes('TrainingHistory'))
    .join('\n');
}

async function bundleEntry(entry: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT_DIR,
    build: {
      lib: { entry, formats: ['es'], fileName: () => 'engine.js' },
      outDir: OUT_DIR,
      emptyOutDir: false,
      minify: false,
      target: 'es2022',
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
    },
  });
}
