import { memo } from 'react';
import { activationGlyphPath, activationName, type Activation } from '../../viz/activationScale';
import type { Point } from './layout';

/**
 * A small badge on a neuron's rim (up and to the right, where no edge, note or map sits) with its
 * activation's curve, so each neuron shows what it applies to its sum. Decorative for screen readers:
 * the neuron's description names the activation.
 */
export const ActivationGlyph = memo(function ActivationGlyph({
  kind,
  centre,
  radius,
}: {
  readonly kind: Activation;
  readonly centre: Point;
  readonly radius: number;
}) {
  const size = Math.max(8, radius * 0.34);
  const x = centre.x + radius * Math.SQRT1_2;
  const y = centre.y - radius * Math.SQRT1_2;
  return (
    <g className="neuron-glyph" transform={`translate(${x},${y})`} aria-hidden="true">
      <title>{activationName(kind)}</title>
      <circle r={size} />
      <path d={activationGlyphPath(kind, size * 1.2)} />
    </g>
  );
});
