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
      {
        extends: true,
        test: { name: 'dom', include: domTests, environment: 'jsdom' },
      },
    ],
  },
});
