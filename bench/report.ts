/** Shared by the benches: summary statistics, a printed table, and bench/results/latest.json. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT_DIR = resolve(BENCH_DIR, '..');
export const RESULTS_DIR = resolve(BENCH_DIR, 'results');
const LATEST = resolve(RESULTS_DIR, 'latest.json');

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0..100), nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** `1,234,567` */
export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : String(value);
}

export function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

export function mb(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : String(bytes);
}

/** A plain-text table: first row is the header; columns padded, numbers right-aligned. */
export function table(title: string, rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  const numeric = /^[-+]?[\d,.]+(?:\s?(?:x|%|ms|MB|ns|s))?$/;
  const line = (row: readonly string[]) =>
    row
      .map((cell, col) =>
        col > 0 && numeric.test(cell) ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!),
      )
      .join('  ');
  const header = line(rows[0]!);
  return [title, header, '-'.repeat(header.length), ...rows.slice(1).map(line)].join('\n');
}

/** Merges one bench's section into bench/results/latest.json (each bench owns one key). */
export function saveResult(key: string, value: unknown): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  let all: Record<string, unknown> = {};
  if (existsSync(LATEST)) {
    try {
      all = JSON.parse(readFileSync(LATEST, 'utf8')) as Record<string, unknown>;
    } catch {
      all = {};
    }
  }
  all[key] = { ...(value as object), recordedAt: new Date().toISOString() };
  writeFileSync(LATEST, `${JSON.stringify(all, null, 2)}\n`);
}

/** Same bits, not just the same value (so -0 vs 0 and NaN payloads would show up too). */
export function bitEqual(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const ua = new BigUint64Array(a.buffer, a.byteOffset, a.length);
  const ub = new BigUint64Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < ua.length; i++) if (ua[i] !== ub[i]) return false;
  return true;
}

export function environment(): Record<string, string> {
  return { node: process.version, platform: `${process.platform} ${process.arch}` };
}
