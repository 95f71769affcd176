import type { KeyboardEvent } from 'react';
import { PARAM_NAMES, PARAM_ROLES } from '../../core/network';
import { formatValue } from '../format';

/**
 * The accessible name of an editable weight or bias: its value, what it connects, what the shown phase
 * of the SGD step says about it (`gradient dL/dw1 = 0.0215`), and how to edit it.
 */
export function paramLabel(param: number, value: number, phaseNote?: string | null): string {
  const name = PARAM_NAMES[param]!;
  const note = phaseNote ? `; ${phaseNote}` : '';
  return `${name} = ${formatValue(value)}, ${PARAM_ROLES[name]}${note}. Press Enter to edit`;
}

/** Enter or Space on an SVG "button" opens its editor, as on a real button. */
export function activateOnKey(open: () => void) {
  return (event: KeyboardEvent<SVGGElement>): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    open();
  };
}
