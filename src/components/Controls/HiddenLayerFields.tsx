import { MAX_HIDDEN, MIN_HIDDEN } from '../../core/architecture';
import { MAX_LAYERS, MIN_LAYERS, hiddenSizes } from '../../core/layerShape';
import { setHiddenLayers } from '../../store/actions';
import { useLab } from '../../store/labStore';
import { SelectField } from './SelectField';

/** `from` … `to` as select options (integer-like keys keep their numeric order). */
function countOptions(from: number, to: number): Readonly<Record<string, string>> {
  return Object.fromEntries(
    Array.from({ length: to - from + 1 }, (_, i) => [String(from + i), String(from + i)]),
  );
}

const LAYER_OPTIONS = countOptions(MIN_LAYERS, MAX_LAYERS);
const NEURON_OPTIONS = countOptions(MIN_HIDDEN, MAX_HIDDEN);

/**
 * How many hidden layers and how many neurons each: `Hidden layers`, then `Hidden neurons` for one layer
 * or `Neurons in layer N` for each of several. A new layer starts as wide as the last one; removing
 * layers keeps the first ones' sizes.
 */
export function HiddenLayerFields() {
  const sizes = hiddenSizes(useLab((state) => state.settings.architecture));
  const resize = (layers: number) => {
    const next = Array.from({ length: layers }, (_, l) => sizes[l] ?? sizes.at(-1)!);
    setHiddenLayers(next);
  };
  const setLayer = (layer: number, neurons: number) =>
    setHiddenLayers(sizes.map((size, l) => (l === layer ? neurons : size)));
  return (
    <>
      <SelectField
        label="Hidden layers"
        value={String(sizes.length)}
        options={LAYER_OPTIONS}
        onChange={(value) => resize(Number(value))}
      />
      {sizes.map((size, layer) => (
        <SelectField
          key={layer}
          label={sizes.length === 1 ? 'Hidden neurons' : `Neurons in layer ${layer + 1}`}
          value={String(size)}
          options={NEURON_OPTIONS}
          onChange={(value) => setLayer(layer, Number(value))}
        />
      ))}
    </>
  );
}
