import type { KeyboardEvent } from 'react';
import { networkParamNames, networkParamRole } from '../../core/layerNames';
import type { LayeredShape } from '../../core/layerShape';
import { DEFAULT_FEATURES, type Feature } from '../../core/features';
import { formatValue } from '../format';

/** `w7` and `weight x1 → h4` for parameter `param` of a network of these hidden layers. */
export function describeParam(
  network: LayeredShape,
  param: number,
  features: readonly Feature[] = DEFAULT_FEATURES,
): { name: string; role: string } {
  const shape = { ...network, features };
  const name = networkParamNames(shape)[param] ?? `p${param + 1}`;
  return { name, role: networkParamRole(shape, param, features) };
}

/**
 * The accessible name of an editable weight or bias: its value, what it connects, what the shown phase
 * of the SGD step says about it (`gradient dL/dw1 = 0.0215`), and how to edit it.
 */
export function paramLabel(
  network: LayeredShape,
  param: number,
  value: number,
  phaseNote?: string | null,
  features: readonly Feature[] = DEFAULT_FEATURES,
): string {
  const { name, role } = describeParam(network, param, features);
  const note = phaseNote ? `; ${phaseNote}` : '';
  return `${name} = ${formatValue(value)}, ${role}${note}. Press Enter to edit`;
}

/** Enter or Space on an SVG "button" opens its editor, as on a real button. */
export function activateOnKey(open: () => void) {
  return (event: KeyboardEvent<SVGGElement>): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    open();
  };
}
