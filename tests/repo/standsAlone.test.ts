/**
 * The repo stands alone: a person who clones it has no sibling folders and no issue tracker, so no file
 * cites a path outside the repo, a design document that is not in it, or an issue by number.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const THIS_FILE = fileURLToPath(import.meta.url);
const CHECKED = ['src', 'tests', 'bench', 'scripts', 'docs', 'README.md', 'index.html', 'package.json'];
const CITATIONS = [/\.\.\/shared\b/, /\bDESIGN\.md\b/, /\bissues? #?\d/i];

function textFiles(path: string): string[] {
  const entries = readdirSync(path, { withFileTypes: true });
  return entries.flatMap((entry) => {
    const child = join(path, entry.name);
    if (entry.isDirectory()) return textFiles(child);
    return /\.(ts|tsx|mts|mjs|js|css|md|html|json)$/.test(entry.name) ? [child] : [];
  });
}

/** `file:line: text` for every line citing something outside the repo. */
function citations(): string[] {
  const files = CHECKED.flatMap((name) => {
    const path = join(ROOT, name);
    return /\.\w+$/.test(name) ? [path] : textFiles(path);
  });
  return files
    .filter((file) => file !== THIS_FILE)
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          CITATIONS.some((pattern) => pattern.test(line))
            ? [`${relative(ROOT, file)}:${index + 1}: ${line}`]
            : [],
        ),
    );
}

describe('the repo stands alone', () => {
  it('cites no path outside it, no design document it lacks and no issue number', () => {
    expect(citations()).toEqual([]);
  });
});
