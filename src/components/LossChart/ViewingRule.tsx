import { memo } from 'react';

interface ViewingRuleProps {
  /** Pixel x of the viewed epoch's column centre, and y of its loss (NaN when it cannot be drawn). */
  x: number;
  y: number;
  height: number;
  width: number;
}

const LABEL = 'viewing';
const LABEL_WIDTH = 46;

/**
 * A solid rule at the epoch the Timeline shows, labelled at the bottom so it never collides with the
 * change markers' labels at the top, and solid where they are dashed.
 */
export const ViewingRule = memo(function ViewingRule({ x, y, height, width }: ViewingRuleProps) {
  // Near the right edge the label reads leftwards so it stays inside the plot.
  const anchorEnd = x + LABEL_WIDTH > width;
  return (
    <g className="loss-viewing" transform={`translate(${x},0)`} data-testid="loss-viewing">
      <line y1={0} y2={height} />
      {Number.isFinite(y) ? <circle cy={y} r={4} /> : null}
      <text x={anchorEnd ? -5 : 5} y={height - 5} textAnchor={anchorEnd ? 'end' : 'start'}>
        {LABEL}
      </text>
    </g>
  );
});
