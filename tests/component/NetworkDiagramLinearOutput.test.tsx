// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import type { Person } from '../../src/core/dataset';
import { architectureFor } from '../../src/core/outputLayer';
import { IDENTITY_SCALING } from '../../src/core/scaling';
import { NetworkDiagram } from '../../src/components/NetworkDiagram/NetworkDiagram';
import { activationColor } from '../../src/viz/colorScales';
import { targetColor } from '../../src/viz/targetScale';
import { labState, resetLab, setLab } from '../helpers/resetLab';

const LINEAR = architectureFor(ARTICLE_ARCHITECTURE, 'number');
// Targets from -2 to 8: the output's colour spans them, as the Decision boundary's does.
const ROWS: Person[] = [
  { id: 'a', name: 'a', weight: '1', height: '2', gender: 'M', target: '8' },
  { id: 'b', name: 'b', weight: '-1', height: '0.5', gender: 'M', target: '-2' },
  { id: 'c', name: 'c', weight: '0', height: '-1', gender: 'M', target: '3' },
];
const LABELS = { x1: 'rooms', x2: 'age', positive: '', negative: '', target: 'price' };

/** Hidden weights 0 and biases 0 (so h1 = h2 = 0.5), output weights 0: the output is its bias, b3. */
function linearLab(outputBias: number): void {
  setLab({
    people: ROWS,
    settings: { ...labState().settings, dataLabels: LABELS },
    run: {
      ...labState().run,
      params: Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, outputBias]),
      architecture: LINEAR,
      scaling: IDENTITY_SCALING,
    },
    selectedRow: 0,
  });
}

const outputFill = () =>
  screen.getByRole('img', { name: /^o1\b/ }).querySelector('.neuron-circle')!.getAttribute('fill');

beforeEach(() => resetLab());
afterEach(cleanup);

describe('the Network figure with a linear output', () => {
  it('colours the output on the table’s targets, not on 0..1 clamped', () => {
    linearLab(5.5); // a quarter of the way from 8 down to -2: fraction 0.75
    render(<NetworkDiagram />);
    expect(outputFill()).toBe(targetColor(0.75));
    expect(outputFill()).not.toBe(activationColor(1));
    cleanup();
    linearLab(0.5); // fraction 0.25: another colour, though both outputs are above 0..1's top
    render(<NetworkDiagram />);
    expect(outputFill()).toBe(targetColor(0.25));
  });

  it('an output beyond the targets takes the end colour', () => {
    linearLab(40);
    render(<NetworkDiagram />);
    expect(outputFill()).toBe(targetColor(1));
  });

  it('its legend bar reads the targets’ range', () => {
    linearLab(5.5);
    render(<NetworkDiagram />);
    expect(
      screen.getByRole('img', {
        name: "Output (prediction) colours: dark purple at -2 to yellow at 8, the table's targets.",
      }),
    ).toBeInTheDocument();
  });
});
