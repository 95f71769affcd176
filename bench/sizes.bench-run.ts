/**
 * Bundle sizes (no clock): what the built app (`npm run bench` builds first) sends, gzip -9 as it is
 * served. First load = the entry chunk and its static imports (scripts/firstLoad.mjs, the same files the
 * size budget in `npm test` checks); the figures fetched beside it; everything fetched later (the panels
 * below the first screen on idle, KaTeX with the Math view); the workers; and what the service worker
 * precaches for offline use.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { chunkClosure, deferredFiles, firstLoadFiles, readManifest } from '../scripts/firstLoad.mjs';
import { ROOT_DIR, count, saveResult, table } from './report';

/** The first screen's figures, fetched at once beside the first load (src/app/lazyPanels.tsx). */
const FIGURE_SOURCES = [
  'src/components/NetworkDiagram/NetworkDiagram.tsx',
  'src/components/LossChart/LossChart.tsx',
  'src/components/DecisionBoundary/DecisionBoundary.tsx',
];

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(resolve(ROOT_DIR, file)), { level: 9 }).length;
}

function rawBytes(file: string): number {
  return statSync(resolve(ROOT_DIR, file)).size;
}

function sum(files: readonly string[], size: (file: string) => number): number {
  return files.reduce((total, file) => total + size(file), 0);
}

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** The precache list the service worker was built with: its `url:"…"` entries in dist/sw.js. */
function precachedFiles(): string[] {
  const sw = readFileSync(resolve(ROOT_DIR, 'dist/sw.js'), 'utf8');
  return [...new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((match) => `dist/${match[1]!}`))];
}

test('bundle sizes', () => {
  const manifest = readManifest(ROOT_DIR);
  const first = firstLoadFiles(manifest);
  const later = deferredFiles(manifest);
  const figures = [...new Set(FIGURE_SOURCES.flatMap((source) => chunkClosure(manifest, source).js))].filter(
    (file) => !first.js.includes(file),
  );
  const workers = readdirSync(resolve(ROOT_DIR, 'dist/assets'))
    .filter((name) => /\.worker-.*\.js$/.test(name))
    .map((name) => join('dist/assets', name));
  const rest = later.filter((file) => !figures.includes(file) && !workers.includes(file));
  const precache = precachedFiles();

  const rows = [
    ['first-load JavaScript (entry + static imports)', first.js, 120_000],
    ['first-load CSS', first.css, 10_000],
    ['figures, fetched beside the first load', figures, null],
    ['later chunks (panels, KaTeX), on idle or demand', rest, null],
    ['workers (training, CSV reader)', workers, null],
    ['service worker precache (offline)', precache, null],
  ] as const;
  const measured = rows.map(([what, files, budget]) => ({
    what,
    files: files.length,
    raw: sum(files, rawBytes),
    gzip: sum(files, gzipBytes),
    budget,
  }));
  console.log(
    `\n${table('Bundle sizes (gzip -9; kB = 1,000 bytes)', [
      ['what', 'files', 'raw', 'gzip', 'budget'],
      ...measured.map((row) => [
        row.what,
        count(row.files),
        kb(row.raw),
        kb(row.gzip),
        row.budget === null ? '' : `< ${kb(row.budget)}`,
      ]),
    ])}\n`,
  );
  saveResult('sizes', { rows: measured });
  expect(first.js.length).toBeGreaterThan(0);
});
