import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import {
  activationSlope,
  activationValue,
  largestHiddenSumsInto,
  neuronNote,
  type NeuronActivation,
} from '../../src/core/activationShape';
import { netForwardPass } from '../../src/core/netForward';

const KINDS: NeuronActivation[] = ['sigmoid', 'tanh', 'relu', 'linear'];

describe('activation and slope', () => {
  it('each slope is the derivative of its activation (a centred difference away from ReLU’s kink)', () => {
    for (const kind of KINDS)
      for (const z of [-3.2, -0.7, 0.4, 1.9, 5]) {
        const h = 1e-6;
        const numeric = (activationValue(kind, z + h) - activationValue(kind, z - h)) / (2 * h);
        expect(activationSlope(kind, z)).toBeCloseTo(numeric, 8);
      }
  });

  it('takes ReLU’s slope at 0 as backprop does: 0', () => {
    expect(activationSlope('relu', 0)).toBe(0);
    expect(activationValue('relu', -2)).toBe(0);
  });
});

describe('the explorer’s note', () => {
  it('calls a sigmoid saturated once its slope is under 0.01, and not before', () => {
    expect(neuronNote('sigmoid', 4.5, null, 0)).toBeNull(); // slope 0.0109
    const note = neuronNote('sigmoid', -4.7, null, 0);
    expect(note).toMatchObject({ kind: 'saturated', limit: 0.01 });
    expect(note?.kind === 'saturated' && note.slope).toBeCloseTo(0.00898, 4);
  });

  it('calls a tanh saturated under 0.04 (past |z| ≈ 2.3)', () => {
    expect(neuronNote('tanh', 2.2, null, 0)).toBeNull();
    expect(neuronNote('tanh', -2.5, null, 0)).toMatchObject({ kind: 'saturated', limit: 0.04 });
  });

  it('calls a ReLU dead when no training row turns it on, inactive when only this one does not', () => {
    expect(neuronNote('relu', -1, -0.2, 12)).toEqual({ kind: 'dead', rows: 12 });
    expect(neuronNote('relu', -1, 0, 12)).toEqual({ kind: 'dead', rows: 12 });
    expect(neuronNote('relu', -1, 0.3, 12)).toEqual({ kind: 'inactive' });
    expect(neuronNote('relu', 0.5, 0.5, 12)).toBeNull();
    expect(neuronNote('relu', -1, null, 0)).toEqual({ kind: 'inactive' });
  });

  it('never notes a linear output', () => {
    expect(neuronNote('linear', 100, null, 0)).toBeNull();
  });
});

describe('largest hidden sums', () => {
  it('is each hidden neuron’s largest z over the samples, as the forward pass computes it', () => {
    const net = { ...ARTICLE_ARCHITECTURE, hidden: 3, activation: 'relu' as const };
    const params = Float64Array.from([1, 0, -1, 0, 0, -2, 1, 1, 1, 0.5, -0.5, -3, 0]);
    const inputs = Float64Array.from([0.5, 1, -2, 0.25, 1.5, -1]);
    const out = new Float64Array(3);
    largestHiddenSumsInto(net, params, inputs, 3, out);
    const sums = [0, 1, 2].map((i) => netForwardPass(net, params, inputs[2 * i]!, inputs[2 * i + 1]!));
    for (let j = 0; j < 3; j++) expect(out[j]).toBe(Math.max(...sums.map((forward) => forward[2 * j]!)));
    expect(out[2]).toBeLessThan(0); // h3: -2·x2 - 3 < 0 for every sample here, a dead ReLU
  });
});
