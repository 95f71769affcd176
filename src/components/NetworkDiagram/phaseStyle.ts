import type { CSSProperties } from 'react';
import { weightColor } from '../../viz/colorScales';
import type { Highlight, Tone } from './stepPhaseView';

/**
 * Where on the weight scale a gradient's sign colour is taken: gradients are tiny (0.02), so their
 * own value would read as white; a fixed point of the same diverging scale keeps the hues the lab
 * uses for signs everywhere, and stays legible on light and dark surfaces.
 */
const TONE_LEVEL = 2.5;

export function toneColor(tone: Tone): string {
  if (tone === 'zero') return 'var(--muted)';
  return weightColor(tone === 'positive' ? TONE_LEVEL : -TONE_LEVEL);
}

/** The attributes that mark what a phase touches; CSS dims the rest and staggers the wave by stage. */
export function highlightAttributes(highlight: Highlight | null | undefined): {
  'data-phase-active'?: 'true';
  'data-phase-path'?: 'true';
  style?: CSSProperties;
} {
  if (!highlight) return {};
  return {
    'data-phase-active': highlight.active ? 'true' : undefined,
    'data-phase-path': highlight.onPath ? 'true' : undefined,
    style: { '--phase-stage': highlight.stage } as CSSProperties,
  };
}
