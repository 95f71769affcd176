/**
 * The first load stays light: the app is built the way it ships, and the chunks the first load fetches
 * (the entry and its static imports, from Vite's manifest) are read through their source maps. KaTeX
 * and the Math view wait until the Math view is wanted; nothing pulls d3-geo (or d3 whole) back in; the
 * HTML links no file that a browser fetches before the first paint.
 * `npm test` builds dist/ before the unit tests and this reads it; a dist/ older than the sources (or
 * none) is not the app as it is, so the test builds its own then.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST_DIR, deferredFiles, firstLoadFiles, type Manifest } from '../../scripts/firstLoad.mjs';
import { PAINT_WHEN_PARSED, PARSED_MARK } from '../../scripts/firstScreenHtml';
import { builtAppIsFresh } from '../../scripts/test-builtApp.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OWN_BUILD_DIR = 'node_modules/.cache/first-load-test/dist';

let outDir = DIST_DIR;

let manifest: Manifest;

/** The source files a built chunk was made from, as absolute paths, from its source map. */
function sourcesOf(file: string): string[] {
  const mapFile = join(ROOT, outDir, `${file.replace(/^dist\//, '')}.map`);
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[] };
  return map.sources.map((source) => resolve(dirname(mapFile), source));
}

function firstLoadSources(): string[] {
  return firstLoadFiles(manifest).js.flatMap(sourcesOf);
}

beforeAll(async () => {
  if (!builtAppIsFresh(ROOT)) {
    outDir = OWN_BUILD_DIR;
    await build({
      root: ROOT,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    });
  }
  manifest = JSON.parse(readFileSync(join(ROOT, outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}, 180_000);

describe('the first load', () => {
  it('has one entry whose static imports are all built files', () => {
    const { js, css } = firstLoadFiles(manifest);
    expect(js.length).toBeGreaterThan(0);
    expect(css.length).toBeGreaterThan(0);
    expect(firstLoadSources().some((source) => source.includes('src/main.tsx'))).toBe(true);
  });

  it('leaves KaTeX and the Math view to a chunk of their own', () => {
    const sources = firstLoadSources();
    expect(sources.filter((source) => /node_modules\/katex\//.test(source))).toEqual([]);
    expect(sources.filter((source) => source.includes('src/components/MathView/'))).toEqual([]);
    const later = deferredFiles(manifest).flatMap(sourcesOf);
    expect(later.some((source) => /node_modules\/katex\//.test(source))).toBe(true);
    expect(later.some((source) => source.includes('src/components/MathView/MathView.tsx'))).toBe(true);
  });

  it('carries no d3-geo, and no module of d3 beyond the few the figures draw with', () => {
    const d3Modules = new Set(
      firstLoadSources().flatMap((source) => /node_modules\/(d3(?:-[a-z-]+)?)\//.exec(source)?.[1] ?? []),
    );
    expect([...d3Modules]).not.toContain('d3-geo');
    expect([...d3Modules]).not.toContain('d3');
    expect([...d3Modules]).not.toContain('d3-scale-chromatic');
  });

  it('leaves the Dataset table and its row virtualizer to a chunk of their own', () => {
    const sources = firstLoadSources();
    expect(sources.filter((source) => source.includes('@tanstack/'))).toEqual([]);
    expect(sources.filter((source) => source.includes('src/components/DatasetTable/'))).toEqual([]);
  });

  it('fetches no file before the first paint: the HTML links none (its styles and icon are inline)', () => {
    // The app's scripts, the figures' preloads and the manifest are added by the first-screen script once
    // the screen has painted (scripts/firstScreenHtml.ts). The home-screen icon is fetched only on saving
    // the page to a home screen; an `expect` link names a place in the page, not a file.
    const html = readFileSync(join(ROOT, outDir, 'index.html'), 'utf8');
    const fetched = [...html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="([^"]+)"[^>]*>/g)]
      .filter(([tag, url]) => !url!.startsWith('data:') && !/rel="(apple-touch-icon|expect)"/.test(tag))
      .map(([tag]) => tag);
    expect(fetched).toEqual([]);
  });

  it('paints once the whole first screen is parsed: <head> waits for a mark just after it', () => {
    const html = readFileSync(join(ROOT, outDir, 'index.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(PAINT_WHEN_PARSED);
    const mark = /id="([^"]+)"/.exec(PARSED_MARK)?.[1];
    expect(PAINT_WHEN_PARSED).toContain(`href="#${mark}"`);
    const screenEnd = html.lastIndexOf('</div>', html.indexOf(PARSED_MARK));
    expect(html.slice(screenEnd, html.indexOf(PARSED_MARK))).toBe('</div>');
    const screen = html.slice(html.indexOf('<div id="root"'), screenEnd);
    expect(screen).toContain('aria-label="Loss curve"');
    expect(screen.split('<div').length - 1).toBe(screen.split('</div>').length);
  });

  it('marks the first load’s scripts for eager compiling (V8’s hint on line one), not the chunks fetched later', () => {
    const read = (file: string) => readFileSync(join(ROOT, outDir, file.replace(/^dist\//, '')), 'utf8');
    const hinted = (file: string) => read(file).startsWith('//# allFunctionsCalledOnLoad\n');
    const { js } = firstLoadFiles(manifest);
    expect(js.filter((file) => !hinted(file))).toEqual([]);
    expect(deferredFiles(manifest).filter(hinted)).toEqual([]);
  });

  it('keeps each script’s source map in line with it: one group of mappings per line before the map’s own', () => {
    for (const file of [...firstLoadFiles(manifest).js, ...deferredFiles(manifest)]) {
      const code = readFileSync(join(ROOT, outDir, file.replace(/^dist\//, '')), 'utf8');
      const mapFile = join(ROOT, outDir, `${file.replace(/^dist\//, '')}.map`);
      const { mappings } = JSON.parse(readFileSync(mapFile, 'utf8')) as { mappings: string };
      expect({ file, groups: mappings.split(';').length }).toEqual({
        file,
        groups: code.split('\n').length - 1,
      });
    }
  });
});
