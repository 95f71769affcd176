import { memo } from 'react';
import type { Marker } from '../../core/lossCurve';
import { epochScale } from './lossScales';

interface MarkersProps {
  markers: readonly Marker[];
  width: number;
  height: number;
  domainEnd: number;
}

/** Label rows from the top of the plot; a label goes to the first row where it overlaps nothing. */
const ROW_HEIGHT = 14;
const MAX_ROWS = 3;
/** A rough label width: enough to keep neighbours apart without measuring text. */
const CHAR_WIDTH = 6.5;

interface PlacedMarker {
  marker: Marker;
  x: number;
  row: number;
  anchorEnd: boolean;
}

function placeMarkers(markers: readonly Marker[], width: number, domainEnd: number): PlacedMarker[] {
  const x = epochScale(domainEnd, width);
  const rowEnds: number[] = Array.from({ length: MAX_ROWS }, () => Number.NEGATIVE_INFINITY);
  const placed: PlacedMarker[] = [];
  for (const marker of markers) {
    if (!(marker.epoch >= 0 && marker.epoch <= domainEnd)) continue; // outside the domain: left out
    const at = x(marker.epoch);
    const labelWidth = marker.label.length * CHAR_WIDTH + 6;
    // Near the right edge the label reads leftwards so it stays inside the plot.
    const anchorEnd = at + labelWidth > width;
    const start = anchorEnd ? at - labelWidth : at;
    let row = rowEnds.findIndex((end) => end < start);
    if (row === -1) row = placed.length % MAX_ROWS;
    rowEnds[row] = start + labelWidth;
    placed.push({ marker, x: at, row, anchorEnd });
  }
  return placed;
}

/** Dashed vertical lines where the learning rate changed or the dataset was edited, labelled. */
export const Markers = memo(function Markers({ markers, width, height, domainEnd }: MarkersProps) {
  const placed = placeMarkers(markers, width, domainEnd);
  return (
    <g className="loss-markers">
      {placed.map(({ marker, x, row, anchorEnd }, index) => (
        <g
          key={`${marker.epoch}-${marker.kind}-${index}`}
          className={`loss-marker loss-marker-${marker.kind}`}
          transform={`translate(${x},0)`}
        >
          <line y1={0} y2={height} />
          <text x={anchorEnd ? -4 : 4} y={11 + row * ROW_HEIGHT} textAnchor={anchorEnd ? 'end' : 'start'}>
            {marker.label}
          </text>
        </g>
      ))}
    </g>
  );
});
