import type { Architecture } from './architecture';
import type { TargetKind } from './dataset';

/**
 * The network a table trains with: a table of two classes keeps the architecture as set; a numeric
 * target gets a linear output (ŷ = z can be any number, a sigmoid only 0..1) and the mean squared
 * error (binary cross-entropy compares a probability with a class, so it means nothing for a number).
 *
 * Targets are trained as typed, not standardized: then the loss, the mean absolute error, Predict's
 * number, the Math view's ŷ = z and the exported code all read in the target's own units, with no
 * hidden step to undo in each. The inputs are scaled already, so targets of a moderate size (Plane and
 * Hills lie within a few units) train at the default learning rate; a file whose targets run into the
 * thousands wants a smaller rate, and the divergence notice says so if it is not lowered.
 */
export function architectureFor(architecture: Architecture, targetKind: TargetKind): Architecture {
  if (targetKind === 'class') return architecture;
  return { ...architecture, loss: 'mse', output: 'linear' };
}
