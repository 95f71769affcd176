/** What the `Example data` controls accept and what they say, kept apart from the markup. */
import { findExampleSet } from '../../core/datasets/registry';
import { MAX_POINTS, MIN_POINTS, type DataRecipe } from '../../core/datasets/types';
import type { ParseResult } from '../common/NumberField';
import { formatCount } from '../format';

export function parsePoints(text: string): ParseResult<number> {
  const trimmed = text.trim().replace(/,/g, '');
  const points = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || points < MIN_POINTS || points > MAX_POINTS) {
    return {
      ok: false,
      message: `Points is a whole number from ${MIN_POINTS} to ${formatCount(MAX_POINTS)}.`,
    };
  }
  return { ok: true, value: points };
}

/** Noise as the slider shows it: 0.1 reads `10 %`. */
export function noisePercent(noise: number): string {
  return `${Math.round(noise * 100)} %`;
}

/** What loading a set says: what came in, how to get the table before back, and a scaling it changed. */
export function loadedNotice(recipe: DataRecipe | null, standardized: boolean): string {
  const undo = 'Undo (Ctrl+Z) brings back your table.';
  if (recipe === null) return `Loaded the article's 4 people. ${undo}`;
  const label = findExampleSet(recipe.kind)?.label ?? recipe.kind;
  const loaded = `Loaded ${label}: ${formatCount(recipe.points)} points, noise ${noisePercent(recipe.noise)}. ${undo}`;
  if (!standardized) return loaded;
  return `${loaded} Input scaling is now Standardize: the article's shift suits weights near 135 lb and heights near 66 in only.`;
}
