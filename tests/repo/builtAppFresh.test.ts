/** dist/ stands for the app only while no source, asset or build setting changed after it was built. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtAppIsFresh } from '../../scripts/test-builtApp.mjs';

let root: string;

function write(path: string, secondsAgo: number): void {
  const file = join(root, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, 'x');
  const when = Date.now() / 1000 - secondsAgo;
  utimesSync(file, when, when);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'built-app-'));
  write('src/main.tsx', 60);
  write('index.html', 60);
  write('vite.config.ts', 60);
  utimesSync(join(root, 'src'), Date.now() / 1000 - 60, Date.now() / 1000 - 60);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('builtAppIsFresh', () => {
  it('is false with no build', () => {
    expect(builtAppIsFresh(root)).toBe(false);
  });

  it('is true for a build made after every input last changed', () => {
    write('dist/.vite/manifest.json', 10);
    expect(builtAppIsFresh(root)).toBe(true);
  });

  it('is false once a source file, however deep, changes after the build', () => {
    write('dist/.vite/manifest.json', 10);
    write('src/components/Network/Network.tsx', 1);
    expect(builtAppIsFresh(root)).toBe(false);
  });

  it('is false once a build setting changes after the build', () => {
    write('dist/.vite/manifest.json', 10);
    write('vite.config.ts', 1);
    expect(builtAppIsFresh(root)).toBe(false);
  });
});
