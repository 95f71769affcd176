/**
 * No import cycle between folders: each layer of src/ and each figure's folder under src/components is
 * one node, and the imports between them must form no loop (a loop means two folders can no longer be
 * understood, tested or moved apart).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.[^'"]+)['"]/g;

/** The folder a source path belongs to: `core`, `store`, ..., `components/Timeline` (root files: `components`). */
function folderOf(path: string): string {
  const parts = relative(SRC, path).split(/[\\/]/);
  if (parts[0] === 'components' && parts.length > 2) return `components/${parts[1]}`;
  return parts.length > 1 ? parts[0]! : '.';
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Folder -> the folders its files import. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = folderOf(normalize(join(dirname(file), specifier!)));
      if (to !== from) targets.add(to);
    }
  }
  return graph;
}

/** Every loop found by a depth-first walk, each as the folders along it (first folder repeated last). */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): void => {
    const at = path.indexOf(node);
    if (at >= 0) {
      found.push([...path.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    path.push(node);
    for (const next of graph.get(node) ?? []) visit(next);
    path.pop();
    done.add(node);
  };
  for (const node of graph.keys()) visit(node);
  return found;
}

describe('folder imports', () => {
  it('finds a loop when there is one', () => {
    const graph = new Map([
      ['core', new Set<string>()],
      ['store', new Set(['core', 'components/A'])],
      ['components/A', new Set(['store'])],
    ]);
    expect(cycles(graph)).toEqual([['store', 'components/A', 'store']]);
  });

  it('form no loop across src/', () => {
    const graph = folderGraph();
    // The walk saw the real folders and their imports.
    expect(graph.get('store')).toContain('core');
    expect(graph.get('components/LossChart')).toContain('store');
    expect(cycles(graph)).toEqual([]);
  });
});
