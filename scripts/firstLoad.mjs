// What a browser fetches before the lab can render: the built entry chunk and every chunk it imports
// statically (Vite's manifest lists them; index.html preloads them), and their stylesheets. Chunks
// reached only through import() (the figures, the panels below the first screen, KaTeX) are not in it.
// Used by the size budget (.size-limit.js), its repo test and the bench's bundle row.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const DIST_DIR = 'dist';
export const MANIFEST_FILE = 'dist/.vite/manifest.json';

/** Reads dist/.vite/manifest.json (written by `vite build`) from the project at `root`. */
export function readManifest(root = process.cwd()) {
  return JSON.parse(readFileSync(resolve(root, MANIFEST_FILE), 'utf8'));
}

/**
 * The files a chunk needs before it can run: its own, and those of every chunk it imports statically,
 * with their stylesheets (`key` is a manifest key, a source path such as src/main.tsx).
 */
export function chunkClosure(manifest, key) {
  const seen = new Set();
  const js = [];
  const css = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const chunk = manifest[name];
    if (!chunk) throw new Error(`the manifest names ${name} but does not describe it`);
    js.push(`${DIST_DIR}/${chunk.file}`);
    for (const sheet of chunk.css ?? []) css.add(`${DIST_DIR}/${sheet}`);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return { js, css: [...css] };
}

/** The first load's JavaScript and CSS files, as paths relative to the project root (dist/assets/…). */
export function firstLoadFiles(manifest) {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length !== 1)
    throw new Error(`expected one entry chunk in the manifest, found ${entries.length}`);
  return chunkClosure(manifest, entries[0][0]);
}

/** Every chunk (JS) that only import() reaches: fetched later, on idle or on demand. */
export function deferredFiles(manifest) {
  const first = new Set(firstLoadFiles(manifest).js);
  return Object.values(manifest)
    .map((chunk) => `${DIST_DIR}/${chunk.file}`)
    .filter((file) => file.endsWith('.js') && !first.has(file));
}
