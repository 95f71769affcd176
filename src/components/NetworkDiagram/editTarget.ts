import type { KeyboardEvent } from 'react';
import { networkParamNames, networkParamRole } from '../../core/layerNames';
import type { LayeredShape } from '../../core/layerShape';
import { DEFAULT_FEATURES, type Feature } from '../../core/features';

/** A parameter's name (`w7`) and what it connects (`weight x1 → h4`). */
export interface ParamDescription {
  readonly name: string;
  readonly role: string;
}

/** `w7` and `weight x1 → h4` for parameter `param` of a network of these hidden layers. */
export function describeParam(
  network: LayeredShape,
  param: number,
  features: readonly Feature[] = DEFAULT_FEATURES,
): ParamDescription {
  const shape = { ...network, features };
  const name = networkParamNames(shape)[param] ?? `p${param + 1}`;
  return { name, role: networkParamRole(shape, param, features) };
}

/**
 * Every parameter's name and role at once: a figure describes all of them on each redraw, and naming
 * one by one builds the whole name list per parameter (62,000 names per redraw for 4 × 8).
 */
export function describeParams(
  network: LayeredShape,
  count: number,
  features: readonly Feature[] = DEFAULT_FEATURES,
): ParamDescription[] {
  const shape = { ...network, features };
  const names = networkParamNames(shape);
  return Array.from({ length: count }, (_, param) => ({
    name: names[param] ?? `p${param + 1}`,
    role: networkParamRole(shape, param, features),
  }));
}

/**
 * The accessible name of an editable weight or bias: its value as printed (formatValue), what it connects, what the shown phase
 * of the SGD step says about it (`gradient dL/dw1 = 0.0215`), and how to edit it.
 */
export function paramLabel(
  { name, role }: ParamDescription,
  printed: string,
  phaseNote?: string | null,
): string {
  const note = phaseNote ? `; ${phaseNote}` : '';
  return `${name} = ${printed}, ${role}${note}. Press Enter to edit`;
}

/** Enter or Space on an SVG "button" opens its editor, as on a real button. */
export function activateOnKey(open: () => void) {
  return (event: KeyboardEvent<SVGGElement>): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    open();
  };
}
