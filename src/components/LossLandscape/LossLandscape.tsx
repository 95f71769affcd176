import { line } from 'd3-shape';
import { range } from 'd3-array';
import type { Feature } from '../../core/features';
import { useId, useMemo, useState } from 'react';
import { LOSS_LABELS } from '../../core/architecture';
import { networkParamNames, networkParamRole } from '../../core/layerNames';
import { hiddenSizes, type LayeredShape } from '../../core/layerShape';
import { useShownParams } from '../../store/displayClock';
import { formatLoss, formatValue } from '../format';
import { useOnScreen } from '../common/useOnScreen';
import { useElementWidth } from '../common/useElementWidth';
import { countWord } from '../../viz/countWord';
import { useShownNetwork } from '../../store/derived';
import { AxisPicker, chooseAxis, defaultAxes, type AxisChoice } from './AxisPicker';
import { bandColor, bandShapes, bandThresholds } from './contourBands';
import { LandscapeAxes } from './LandscapeAxes';
import { LandscapeLegend } from './LandscapeLegend';
import { CurrentMark, StartMark } from './marks';
import { MARGIN, landscapeLayout, landscapeScales, type LandscapeScales } from './layout';
import type { Trajectory } from './trajectory';
import { useLandscape, useTrajectory } from './useLandscape';
import './LossLandscape.css';

/** Width used before the first measurement (and in jsdom, which cannot measure). */
export const FALLBACK_WIDTH = 420;

function axisTitle(network: LayeredShape, param: number, features: readonly Feature[]): string {
  const shape = { ...network, features };
  return `${networkParamNames(shape)[param]} (${networkParamRole(shape, param, features)})`;
}

/** The sampled path in plot pixels; a point that is not a number breaks the line instead of ending it. */
function trajectoryPath(trajectory: Trajectory, scales: LandscapeScales): string {
  const { xs, ys, count } = trajectory;
  const path = line<number>()
    .defined((k) => Number.isFinite(xs[k]!) && Number.isFinite(ys[k]!))
    .x((k) => scales.x(xs[k]!))
    .y((k) => scales.y(ys[k]!));
  return path(range(count)) ?? '';
}

/**
 * The `Loss landscape` figure: the dataset loss over two chosen parameters around the shown point, as
 * filled contours, with the point and the training path on top.
 */
export function LossLandscape() {
  const [containerRef, measuredWidth, sized] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const { width, height, plotSize } = landscapeLayout(measuredWidth);
  // The landscape and its path refresh a few times a second while training, and not off screen.
  const calmParams = useShownParams('landscape', useOnScreen(containerRef));
  const net = useShownNetwork(calmParams);
  const { architecture } = net;
  const { features } = architecture;
  // A choice belongs to the network it was made for: another size or inputs renumber the parameters.
  const shapeKey = `${hiddenSizes(architecture).join('-')}:${features.join()}`;
  const [choice, setChoice] = useState<{ axes: AxisChoice; shape: string } | null>(null);
  const axes = choice?.shape === shapeKey ? choice.axes : defaultAxes(architecture, features.length);
  const pick = (axis: 'x' | 'y') => (param: number) =>
    setChoice({ axes: chooseAxis(axes, axis, param), shape: shapeKey });
  const { landscape, params, set, loss } = useLandscape(axes.x, axes.y, net);
  const { spec } = landscape;
  const scales = useMemo(
    () => landscapeScales(spec.xDomain, spec.yDomain, plotSize),
    [spec.xDomain, spec.yDomain, plotSize],
  );
  const thresholds = useMemo(() => bandThresholds(landscape.min, landscape.max), [landscape]);
  // New only when the grid is recomputed (a new landscape object) or the plot is resized.
  // Not at a guessed width no one sees (see useElementWidth): the bands wait for the real one.
  const shapes = useMemo(
    () => (sized ? bandShapes(landscape.values, spec.cols, spec.rows, thresholds, plotSize, plotSize) : []),
    [sized, landscape, spec.cols, spec.rows, thresholds, plotSize],
  );
  const trajectory = useTrajectory(axes.x, axes.y, calmParams);
  const path = useMemo(() => trajectoryPath(trajectory, scales), [trajectory, scales]);
  const clipId = `landscape-clip-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;

  const names = networkParamNames(architecture);
  const xName = names[axes.x]!;
  const yName = names[axes.y]!;
  const pointX = params[axes.x]!;
  const pointY = params[axes.y]!;
  const hasPoint = Number.isFinite(pointX) && Number.isFinite(pointY);
  const empty =
    set.count === 0
      ? 'No valid rows in the table: there is no loss to draw.'
      : thresholds.length === 0
        ? 'The loss is not a number around this point (did training diverge?).'
        : null;
  const legendBands = useMemo(
    () => thresholds.map((threshold, band) => ({ threshold, color: bandColor(band, thresholds.length) })),
    [thresholds],
  );
  const start = trajectory.count > 0 ? { x: trajectory.xs[0]!, y: trajectory.ys[0]! } : null;

  return (
    <figure className="loss-landscape" aria-label="Loss landscape">
      <figcaption className="landscape-caption">
        The dataset loss ({LOSS_LABELS[architecture.loss].toLowerCase()} over the valid rows) if only {xName}{' '}
        and {yName} changed, around where the network is now.
      </figcaption>
      <div className="landscape-pickers">
        <AxisPicker
          label="Parameter on x"
          network={architecture}
          features={features}
          value={axes.x}
          onChange={pick('x')}
        />
        <AxisPicker
          label="Parameter on y"
          network={architecture}
          features={features}
          value={axes.y}
          onChange={pick('y')}
        />
      </div>
      <div className="landscape-plot" ref={containerRef}>
        <svg
          className="landscape-svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`Loss contours over ${xName} and ${yName}, with the current point and the training path`}
        >
          <defs>
            <clipPath id={clipId}>
              <rect width={plotSize} height={plotSize} />
            </clipPath>
          </defs>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <g clipPath={`url(#${clipId})`}>
              {thresholds.length > 0 ? (
                <rect width={plotSize} height={plotSize} fill={bandColor(0, thresholds.length)} />
              ) : null}
              {shapes.map((shape, band) => (
                <path key={band} className="landscape-band" d={shape.d} fill={shape.color} />
              ))}
              <path className="landscape-path-halo" d={path} />
              <path className="landscape-path" d={path} data-points={trajectory.count} />
              {start ? <StartMark cx={scales.x(start.x)} cy={scales.y(start.y)} /> : null}
              {hasPoint ? <CurrentMark cx={scales.x(pointX)} cy={scales.y(pointY)} /> : null}
            </g>
            <LandscapeAxes
              scales={scales}
              plotSize={plotSize}
              xTitle={axisTitle(architecture, axes.x, features)}
              yTitle={axisTitle(architecture, axes.y, features)}
            />
          </g>
        </svg>
        {empty ? <p className="landscape-empty">{empty}</p> : null}
      </div>
      <p className="landscape-readout">
        Now: {xName} = {formatValue(pointX)}, {yName} = {formatValue(pointY)}, loss {formatLoss(loss)}
      </p>
      <LandscapeLegend bands={legendBands} max={landscape.max} />
      <p className="landscape-note">
        The contours hold the other {countWord(params.length - 2)} parameters at their current values, and are
        redrawn once those move on. The path went through other landscapes while they changed, so it need not
        run downhill on this one.
      </p>
    </figure>
  );
}
