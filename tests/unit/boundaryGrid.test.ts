import { describe, expect, it } from 'vitest';
import { ARTICLE_QUERIES, ARTICLE_PEOPLE } from '../../src/core/dataset';
import { ARTICLE_ARCHITECTURE, paramCount } from '../../src/core/architecture';
import { predict } from '../../src/core/forward';
import { netPredict } from '../../src/core/netForward';
import { createParams } from '../../src/core/network';
import { ARTICLE_SHIFT, scaleInput, type Scaling } from '../../src/core/scaling';
import { fillOutputGrid } from '../../src/components/DecisionBoundary/grid';
import { networkOf } from '../../src/core/engine';
import {
  COLOR_STEPS,
  outputColor,
  outputColorTable,
  paintGrid,
} from '../../src/components/DecisionBoundary/colors';
import { boundaryLines, boundaryTracer } from '../../src/components/DecisionBoundary/contour';
import { dataExtent, paddedDomain, MIN_WEIGHT_DOMAIN, MIN_HEIGHT_DOMAIN } from '../../src/viz/planeLayout';
import { rgb } from 'd3';

const ALL_ONES = createParams([1, 1, 1, 1, 1, 1, 0, 0, 0]);
// Cells are sampled at their centres: 60 columns over 87–207 lb put column 20's centre at 128 lb;
// 30 rows over 52.5–82.5 in (row 0 at the top) put row 19's centre at 63 in.
const X_DOMAIN = [87, 207] as const;
const Y_DOMAIN = [52.5, 82.5] as const;
const COLS = 60;
const ROWS = 30;

describe('fillOutputGrid', () => {
  it('gives the cell at (128 lb, 63 in) the output predict() gives Emily, shifted as in the article', () => {
    const out = new Float64Array(COLS * ROWS);
    fillOutputGrid(
      networkOf(ARTICLE_ARCHITECTURE, ALL_ONES, ARTICLE_SHIFT),
      X_DOMAIN,
      Y_DOMAIN,
      COLS,
      ROWS,
      out,
    );
    const emily = ARTICLE_QUERIES[0];
    const expected = predict(ALL_ONES, emily.weight - 135, emily.height - 66);
    expect(out[19 * COLS + 20]).toBe(expected);
  });

  it('draws the network the parameters belong to: 3 tanh hidden neurons give that network’s output', () => {
    const net = { ...ARTICLE_ARCHITECTURE, hidden: 3, activation: 'tanh' as const };
    const params = Float64Array.from({ length: paramCount(3) }, (_, i) => Math.sin(i + 1));
    const out = new Float64Array(COLS * ROWS);
    fillOutputGrid(networkOf(net, params, ARTICLE_SHIFT), X_DOMAIN, Y_DOMAIN, COLS, ROWS, out);
    const emily = ARTICLE_QUERIES[0];
    expect(out[19 * COLS + 20]).toBe(netPredict(net, params, emily.weight - 135, emily.height - 66));
  });

  it('puts heavier people to the right and taller people at the top', () => {
    const out = new Float64Array(COLS * ROWS);
    fillOutputGrid(
      networkOf(ARTICLE_ARCHITECTURE, ALL_ONES, ARTICLE_SHIFT),
      X_DOMAIN,
      Y_DOMAIN,
      COLS,
      ROWS,
      out,
    );
    // With all weights 1 the output grows with weight and with height.
    expect(out[0]!).toBeGreaterThan(out[(ROWS - 1) * COLS]!); // top-left (tall) vs bottom-left (short)
    expect(out[(ROWS - 1) * COLS + COLS - 1]!).toBeGreaterThan(out[(ROWS - 1) * COLS]!); // heavy vs light
  });

  it('keeps every output strictly inside (0, 1), with any scaling', () => {
    const params = createParams([0.31, -1.2, 0.87, 0.05, -0.44, 1.9, 0.12, -0.6, 0.25]);
    const standardized: Scaling = { offset: [141.25, 66.75], scale: [15.3, 4.6] };
    for (const scaling of [ARTICLE_SHIFT, standardized]) {
      const out = new Float32Array(COLS * ROWS);
      fillOutputGrid(networkOf(ARTICLE_ARCHITECTURE, params, scaling), [90, 200], [55, 80], COLS, ROWS, out);
      for (const value of out) {
        expect(value).toBeGreaterThan(0);
        expect(value).toBeLessThan(1);
      }
    }
  });

  it('fills the array it is given and returns no new one', () => {
    const out = new Float32Array(COLS * ROWS);
    const result: unknown = fillOutputGrid(
      networkOf(ARTICLE_ARCHITECTURE, ALL_ONES, ARTICLE_SHIFT),
      X_DOMAIN,
      Y_DOMAIN,
      COLS,
      ROWS,
      out,
    );
    expect(result).toBeUndefined();
    const first = out[0];
    fillOutputGrid(
      networkOf(ARTICLE_ARCHITECTURE, createParams([-1, -1, -1, -1, 1, 1, 0, 0, 0]), ARTICLE_SHIFT),
      X_DOMAIN,
      Y_DOMAIN,
      COLS,
      ROWS,
      out,
    );
    expect(out[0]).not.toBe(first);
    expect(out[0]).toBeCloseTo(
      predict(createParams([-1, -1, -1, -1, 1, 1, 0, 0, 0]), scaleInput(ARTICLE_SHIFT, 0, 88), 82 - 66),
      6,
    );
  });
});

describe('the heatmap colours', () => {
  it('run purple (Male, output 0) through pale (0.5) to orange (Female, output 1)', () => {
    const male = rgb(outputColor(0));
    const female = rgb(outputColor(1));
    expect(male.b).toBeGreaterThan(male.r);
    expect(female.r).toBeGreaterThan(female.b);
    const middle = rgb(outputColor(0.5));
    expect(Math.min(middle.r, middle.g, middle.b)).toBeGreaterThan(220);
  });

  it('paint each cell from the table, and NaN grey', () => {
    const table = outputColorTable();
    const pixels = new Uint32Array(3);
    paintGrid(Float32Array.of(0, 1, Number.NaN), table, pixels);
    expect(pixels[0]).toBe(table[0]);
    expect(pixels[1]).toBe(table[COLOR_STEPS - 1]);
    expect(pixels[2]).toBe(table[COLOR_STEPS]);
  });
});

describe('the 0.5 line', () => {
  it('follows where the output crosses 0.5, and leaves out the plot’s frame', () => {
    // output = sigmoid(3 h1 + 3 h2 - 3) with h = sigmoid(-(x1 + x2)): exactly 0.5 where
    // (weight - 135) + (height - 66) = 0, i.e. weight + height = 201.
    const params = createParams([-1, -1, -1, -1, 3, 3, 0, 0, -3]);
    const out = new Float32Array(COLS * ROWS);
    fillOutputGrid(
      networkOf(ARTICLE_ARCHITECTURE, params, ARTICLE_SHIFT),
      X_DOMAIN,
      Y_DOMAIN,
      COLS,
      ROWS,
      out,
    );
    const lines = boundaryLines(boundaryTracer(COLS, ROWS), out);
    expect(lines.length).toBe(1);
    const cellWidth = (X_DOMAIN[1] - X_DOMAIN[0]) / COLS;
    const cellHeight = (Y_DOMAIN[1] - Y_DOMAIN[0]) / ROWS;
    const onEdge = ([x, y]: [number, number]): boolean => x === 0 || x === COLS || y === 0 || y === ROWS;
    const line = lines[0]!;
    expect(line.length).toBeGreaterThan(10);
    for (const point of line) {
      expect(onEdge(point)).toBe(false);
      const weight = X_DOMAIN[0] + point[0] * cellWidth;
      const height = Y_DOMAIN[1] - point[1] * cellHeight;
      expect(Math.abs(weight + height - 201)).toBeLessThan(0.2);
    }
  });

  it('is absent when the network says 0.5 everywhere (all parameters 0)', () => {
    const out = new Float32Array(COLS * ROWS);
    fillOutputGrid(
      networkOf(ARTICLE_ARCHITECTURE, createParams(), ARTICLE_SHIFT),
      X_DOMAIN,
      Y_DOMAIN,
      COLS,
      ROWS,
      out,
    );
    expect(boundaryLines(boundaryTracer(COLS, ROWS), out)).toEqual([]);
  });
});

describe('the plane’s domain', () => {
  it('covers at least 90–200 lb and 55–80 in for the article’s people', () => {
    const extent = dataExtent(ARTICLE_PEOPLE);
    expect(paddedDomain(extent.weightLow, extent.weightHigh, MIN_WEIGHT_DOMAIN)).toEqual([90, 200]);
    expect(paddedDomain(extent.heightLow, extent.heightHigh, MIN_HEIGHT_DOMAIN)).toEqual([55, 80]);
  });

  it('grows past the data with padding, and ignores rows with a bad cell', () => {
    const people = [
      ...ARTICLE_PEOPLE,
      { id: 'big', name: 'Big', weight: '300', height: '84', gender: 'M' as const },
      { id: 'bad', name: 'Bad', weight: 'abc', height: '10', gender: 'F' as const },
    ];
    const extent = dataExtent(people);
    const [, weightTo] = paddedDomain(extent.weightLow, extent.weightHigh, MIN_WEIGHT_DOMAIN);
    const [heightFrom, heightTo] = paddedDomain(extent.heightLow, extent.heightHigh, MIN_HEIGHT_DOMAIN);
    expect(weightTo).toBeGreaterThanOrEqual(300 + 0.15 * 180);
    expect(heightTo).toBeGreaterThanOrEqual(84 + 0.15 * 24);
    expect(heightFrom).toBeLessThanOrEqual(55);
    expect(heightFrom).toBeGreaterThan(10);
  });
});
