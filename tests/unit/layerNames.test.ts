import { describe, expect, it } from 'vitest';
import { paramNames, paramRole } from '../../src/core/architecture';
import { hiddenNeuronName, networkParamNames, networkParamRole } from '../../src/core/layerNames';
import { networkParamCount } from '../../src/core/layerShape';

const deep = { hidden: 2, hiddenLayers: [2, 3, 2] };

describe('names in a network of several layers', () => {
  it('keeps the article’s names for one layer', () => {
    expect(networkParamNames({ hidden: 2 })).toEqual(paramNames(2));
    for (let i = 0; i < 9; i++) expect(networkParamRole({ hidden: 2 }, i)).toBe(paramRole(2, i));
    expect(hiddenNeuronName({ hidden: 2 }, 1)).toBe('h2');
  });

  it('names every parameter w1 … then b1 … and says which layers it joins', () => {
    const names = networkParamNames(deep);
    expect(names).toHaveLength(networkParamCount(deep));
    expect(names.slice(0, 2)).toEqual(['w1', 'w2']);
    // 2·2 + 3·2 + 2·3 + 1·2 = 18 weights, then 2 + 3 + 2 + 1 biases.
    expect(names[17]).toBe('w18');
    expect(names[18]).toBe('b1');
    expect(names.at(-1)).toBe('b8');
    expect(networkParamRole(deep, 0)).toBe('weight x1 → Layer 1, neuron 1');
    expect(networkParamRole(deep, 3)).toBe('weight x2 → Layer 1, neuron 2');
    expect(networkParamRole(deep, 5)).toBe('weight Layer 1, neuron 2 → Layer 2, neuron 1');
    expect(networkParamRole(deep, 16)).toBe('weight Layer 3, neuron 1 → o1');
    expect(networkParamRole(deep, 18 + 2)).toBe('bias of Layer 2, neuron 1');
    expect(networkParamRole(deep, 25)).toBe('bias of o1');
    expect(hiddenNeuronName(deep, 6)).toBe('Layer 3, neuron 2');
  });
});
