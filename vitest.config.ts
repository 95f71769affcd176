import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

const TEST_FOLDERS = ['tests/unit', 'tests/worker', 'tests/store', 'tests/component', 'tests/repo'];
const TEST_FILE = /\.test\.tsx?$/;

function testFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && TEST_FILE.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** A test that needs a DOM says so in its first lines (`@vitest-environment jsdom`). */
const needsDom = (file: string) =>
  /@vitest-environment\s+jsdom/.test(readFileSync(join(ROOT, file), 'utf8').slice(0, 400));
const allTests = TEST_FOLDERS.flatMap(testFiles);
const domTests = allTests.filter(needsDom);
/**
 * A file that replaces a module or a global (`vi.mock`, `vi.stubGlobal`) would hand its stand-in to the files
 * after it in a shared graph (a module keeps what it captured, such as the display clock's pending frame):
 * such files keep a jsdom and module graph of their own.
 */
const needsOwnGraph = (file: string) =>
  /\bvi\.(mock|stubGlobal)\(/.test(readFileSync(join(ROOT, file), 'utf8'));
/**
 * `@vitest/web-worker` installs a global Worker for good (the CSV reader then goes async for every later
 * file): the files that drive the real training worker share a graph of their own.
 */
const runsWorker = (file: string) => /@vitest\/web-worker/.test(readFileSync(join(ROOT, file), 'utf8'));
const isolatedDomTests = domTests.filter(needsOwnGraph);
const workerDomTests = domTests.filter((file) => !needsOwnGraph(file) && runsWorker(file));
const sharedDomTests = domTests.filter((file) => !needsOwnGraph(file) && !runsWorker(file));
const nodeTests = allTests.filter((file) => !needsDom(file));

export default defineConfig({
  plugins: [react()],
  test: {
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    // Component and worker tests drive the real worker and React; on a shared 2-core CI machine one can
    // take longer than Vitest's 5 s default without anything being wrong. Speed is measured in bench/.
    testTimeout: 20_000,
    // Vitest leaves a core to itself by default, which on a 2-core machine runs the files one by one;
    // its own process mostly waits, so every core runs test files.
    maxWorkers: availableParallelism(),
    projects: [
      // The node tests share their modules within a worker (isolate: false): loading the engine, the
      // stores and their imports once per worker instead of once per file is most of what they cost, and
      // they set up the state they read. The DOM tests keep a fresh jsdom and module graph per file.
      {
        extends: true,
        test: { name: 'node', include: nodeTests, environment: 'node', isolate: false },
      },
      // Most DOM tests share a jsdom and module graph per worker too (setting one up per file was a third of
      // the unit run); tests/setupSharedDom.ts gives each file a fresh page and lab. Files that mock a module
      // keep a fresh jsdom and module graph of their own.
      {
        extends: true,
        test: {
          name: 'dom-shared',
          include: sharedDomTests,
          environment: 'jsdom',
          isolate: false,
          setupFiles: ['tests/setup.ts', 'tests/setupSharedDom.ts'],
        },
      },
      // The files that drive the real training worker share a graph of their own, with the Worker installed
      // before any of the app's modules load.
      {
        extends: true,
        test: {
          name: 'dom-worker',
          include: workerDomTests,
          environment: 'jsdom',
          isolate: false,
          setupFiles: ['@vitest/web-worker', 'tests/setup.ts', 'tests/setupSharedDom.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'dom', include: isolatedDomTests, environment: 'jsdom' },
      },
    ],
  },
});
