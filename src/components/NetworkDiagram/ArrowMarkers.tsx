import type { Tone } from './stepPhaseView';
import { toneColor } from './phaseStyle';

export type ArrowKind = 'flow' | Tone;

const KINDS: readonly ArrowKind[] = ['flow', 'positive', 'negative', 'zero'];

/** The id of an arrowhead marker; `prefix` keeps two figures on one page from sharing ids. */
export function arrowId(prefix: string, kind: ArrowKind): string {
  return `${prefix}-arrow-${kind}`;
}

/**
 * Arrowheads for the phases' flows: accent for the forward wave, the gradient's sign colour going back.
 * `auto-start-reverse` lets one marker point either way: marker-end for forward, marker-start for back.
 */
export function ArrowMarkers({ prefix, size }: { readonly prefix: string; readonly size: number }) {
  return (
    <defs>
      {KINDS.map((kind) => (
        <marker
          key={kind}
          id={arrowId(prefix, kind)}
          className={`phase-arrow phase-arrow-${kind}`}
          viewBox="0 0 10 10"
          refX={10}
          refY={5}
          markerUnits="userSpaceOnUse"
          markerWidth={size}
          markerHeight={size}
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={kind === 'flow' ? undefined : toneColor(kind)} />
        </marker>
      ))}
    </defs>
  );
}
