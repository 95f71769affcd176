// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyExtent } from '../../src/components/LossChart/columns';
import { LiveCurve } from '../../src/components/LossChart/liveCurve';
import { HISTORY_PARAM_COUNT, TrainingHistory } from '../../src/store/history';
import { seriesPoints } from './LossChartDrawing';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The SVG group LossChart renders for the live series (empty groups and the latest-record dot). */
function liveLayer(): SVGGElement {
  const layer = document.createElementNS(SVG_NS, 'g');
  for (const name of ['loss-accuracy', 'loss-test-line', 'loss-line']) {
    const group = document.createElementNS(SVG_NS, 'g');
    group.setAttribute('class', name);
    layer.append(group);
  }
  const dot = document.createElementNS(SVG_NS, 'circle');
  dot.setAttribute('class', 'loss-latest');
  layer.append(dot);
  return layer;
}

function appendTo(history: TrainingHistory, firstEpoch: number, losses: readonly number[]): void {
  const params = new Float64Array(losses.length * HISTORY_PARAM_COUNT);
  history.appendBatch(firstEpoch, losses.length, Float64Array.from(losses), params);
}

function curveOn(history: TrainingHistory) {
  const curve = new LiveCurve(history);
  const layer = liveLayer();
  curve.configure(
    {
      width: 240,
      height: 120,
      mode: 'linear',
      ghosts: { extent: emptyExtent(), lastEpoch: 0 },
      showAccuracy: false,
    },
    0,
    1,
  );
  curve.attachLayer(layer);
  const drawn = () => ({
    loss: seriesPoints(layer.querySelector('.loss-line')!),
    dot: [
      layer.querySelector('.loss-latest')!.getAttribute('cx'),
      layer.querySelector('.loss-latest')!.getAttribute('cy'),
    ],
  });
  return { curve, drawn };
}

describe('the live loss curve folds between its redraws', () => {
  it('fold takes in the new records without drawing; the next redraw draws them without folding them again', () => {
    const history = new TrainingHistory();
    const { curve, drawn } = curveOn(history);
    appendTo(history, 1, [0.5, 0.4, 0.3, 0.25, 0.2]);
    const draws = curve.draws;
    const before = drawn();

    curve.fold(1, 1);
    expect(curve.draws).toBe(draws);
    expect(drawn()).toEqual(before); // nothing on screen moved yet
    const folded = curve.columns.stats.totalFolded;
    expect(folded).toBe(4); // every record but the latest, which is drawn apart

    curve.update(1, 1);
    expect(curve.draws).toBe(draws + 1);
    expect(curve.columns.stats.totalFolded).toBe(folded);
    expect(drawn().loss.length).toBeGreaterThan(1);
  });

  it('a redraw after any number of folds draws what a redraw alone draws', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            losses: fc.array(fc.double({ min: 0.001, max: 2, noNaN: true }), {
              minLength: 1,
              maxLength: 400,
            }),
            fold: fc.boolean(),
            draw: fc.boolean(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (batches) => {
          const folding = new TrainingHistory();
          const plain = new TrainingHistory();
          const withFolds = curveOn(folding);
          const redrawOnly = curveOn(plain);
          let epoch = 1;
          batches.forEach(({ losses, fold, draw }, version) => {
            appendTo(folding, epoch, losses);
            appendTo(plain, epoch, losses);
            epoch += losses.length;
            if (fold) withFolds.curve.fold(version + 1, 1);
            if (draw) withFolds.curve.update(version + 1, 1);
          });
          withFolds.curve.update(batches.length, 1);
          redrawOnly.curve.update(batches.length, 1);
          expect(withFolds.drawn()).toEqual(redrawOnly.drawn());
          expect(withFolds.curve.axes).toEqual(redrawOnly.curve.axes);
        },
      ),
      { numRuns: 60 },
    );
  });
});
