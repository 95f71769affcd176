// Whether dist/ is the build of the sources as they are now, so a test can read it instead of building
// again: `npm test` builds once, before the unit tests, and the first-load test and the browser tests
// share that build. A source, asset or build setting changed after the build makes dist/ stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MANIFEST_FILE } from './firstLoad.mjs';

/** What `vite build` reads: a change to any of these after the build means dist/ is not theirs. */
const BUILD_INPUTS = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.app.json',
];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs; // a file deleted from the folder changes the folder
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** True when dist/'s manifest was written after every build input of the project at `root` last changed. */
export function builtAppIsFresh(root = process.cwd()) {
  const manifest = resolve(root, MANIFEST_FILE);
  if (!existsSync(manifest)) return false;
  const builtAt = statSync(manifest).mtimeMs;
  return BUILD_INPUTS.every((input) => newestChange(resolve(root, input)) <= builtAt);
}
