import type { KeyboardEvent, PointerEvent } from 'react';
import type { Gender } from '../../core/dataset';
import { GENDER_COLOR } from './colors';
import { pointFill, type TargetRange } from '../../viz/targetScale';
import { pointLabel, type PlanePoint } from './points';
import type { PlaneScales } from './scales';
import type { PlaneWords } from '../../viz/planeWords';

/** Circle radius for Female; Male squares have the same area, so neither looks more important. */
export const POINT_RADIUS = 7;
/** A square's half-side per unit radius that gives it a circle's area (√π / 2). */
const SQUARE_SCALE = 0.886;
/** Labels clutter a class-sized table; names are shown up to this many people. */
const MAX_NAMED_POINTS = 12;

interface PeoplePointsProps {
  points: readonly PlanePoint[];
  scales: PlaneScales;
  /** The table row the user picked for the other views to follow (null: none). */
  selectedRow: number | null;
  draggingId: string | null;
  hintId: string;
  words: PlaneWords;
  onPointerDown: (point: PlanePoint, event: PointerEvent<SVGGElement>) => void;
  onKeyDown: (point: PlanePoint, event: KeyboardEvent<SVGGElement>) => void;
  onActive: (id: string | null) => void;
  /** A numeric target's colour range: points take their target's colour (null: class colours). */
  range?: TargetRange | null;
}

/** The shape for a gender at a given half-size: circle for Female, square (same area) for Male. */
function Shape({
  gender,
  radius,
  className,
  fill,
  stroke,
}: {
  gender: Gender;
  radius: number;
  className: string;
  fill?: string;
  stroke?: string;
}) {
  const style = stroke ? { stroke } : undefined;
  if (gender === 'F') return <circle className={className} r={radius} fill={fill} style={style} />;
  const half = radius * SQUARE_SCALE;
  return (
    <rect
      className={className}
      x={-half}
      y={-half}
      width={half * 2}
      height={half * 2}
      fill={fill}
      style={style}
    />
  );
}

/**
 * A light halo under the shape keeps its dark outline readable on either side of the plane. A test row
 * (held out of training) is hollow: its colour is the outline, the halo shows through.
 */
export function Marker({
  gender,
  fill,
  hollow = false,
}: {
  gender: Gender;
  fill?: string | undefined;
  hollow?: boolean;
}) {
  const color = fill ?? GENDER_COLOR[gender];
  return (
    <>
      <Shape gender={gender} radius={POINT_RADIUS + 2} className="point-halo" />
      {hollow ? (
        <Shape
          gender={gender}
          radius={POINT_RADIUS - 1}
          className="point-shape is-hollow"
          fill="none"
          stroke={color}
        />
      ) : (
        <Shape gender={gender} radius={POINT_RADIUS} className="point-shape" fill={color} />
      )}
    </>
  );
}

/** A dashed red ring (same shape, larger, on a light underlay) marks a person the network gets wrong. */
export function WrongRing({ gender }: { gender: Gender }) {
  return (
    <>
      <Shape gender={gender} radius={POINT_RADIUS + 5} className="point-wrong-underlay" />
      <Shape gender={gender} radius={POINT_RADIUS + 5} className="point-wrong" />
    </>
  );
}

/** The people as focusable, draggable points: shape by gender, outline by right or wrong. */
export function PeoplePoints(props: PeoplePointsProps) {
  const { points, scales, selectedRow, draggingId, hintId, words, onPointerDown, onKeyDown, onActive } =
    props;
  const named = points.length <= MAX_NAMED_POINTS;
  return (
    <g className="boundary-points">
      {points.map((point) => {
        const classes = [
          'boundary-point',
          point.correct ? 'is-right' : 'is-wrong',
          point.row === selectedRow ? 'is-selected' : '',
          point.id === draggingId ? 'is-dragging' : '',
          point.test ? 'is-test' : '',
        ];
        return (
          <g
            key={point.id}
            className={classes.join(' ')}
            transform={`translate(${scales.x(point.weight)},${scales.y(point.height)})`}
            role="button"
            tabIndex={0}
            aria-label={pointLabel(point, words)}
            aria-describedby={hintId}
            data-point-id={point.id}
            onPointerDown={(event) => onPointerDown(point, event)}
            onKeyDown={(event) => onKeyDown(point, event)}
            onPointerEnter={() => onActive(point.id)}
            onPointerLeave={() => onActive(null)}
            onFocus={() => onActive(point.id)}
            onBlur={() => onActive(null)}
          >
            <circle className="point-hit" r={POINT_RADIUS + 7} />
            <circle className="point-focus-edge" r={POINT_RADIUS + 10} />
            <circle className="point-focus" r={POINT_RADIUS + 8} />
            {point.correct ? null : <WrongRing gender={point.gender} />}
            <Marker
              gender={point.gender}
              fill={pointFill(point.target, props.range ?? null)}
              hollow={point.test}
            />
            {named ? (
              <text className="point-name" x={POINT_RADIUS + 9} dy="0.32em" aria-hidden="true">
                {point.name}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
}
