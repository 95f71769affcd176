/**
 * The optimizer a network was trained with, as exported code writes it: in words for a comment, as a
 * JSON entry, and as the torch.optim call that steps the same way (optimizer.ts follows PyTorch's
 * formulas, so the call with these options is the lab's optimizer).
 */
import type { Architecture } from './architecture';
import { OPTIMIZER_LABELS, optimizerChoice, optimizerOf } from './optimizer';

type Trained = Pick<Architecture, 'momentum' | 'optimizer'>;

/** Python's repr of a float: the shortest digits that read back as the same number. */
function pyFloat(x: number): string {
  const text = String(x);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** The optimizer and the options it used, e.g. `Adam (beta1 0.9, beta2 0.999, epsilon 1e-8)`. */
export function optimizerInWords(arch: Trained): string {
  const choice = optimizerChoice(arch);
  const { beta1, beta2, alpha, epsilon } = optimizerOf(arch);
  const label = OPTIMIZER_LABELS[choice];
  if (choice === 'adam') return `${label} (beta1 ${beta1}, beta2 ${beta2}, epsilon ${epsilon})`;
  if (choice === 'rmsprop') return `${label} (alpha ${alpha}, epsilon ${epsilon})`;
  if (choice === 'momentum') return `${label} (momentum ${arch.momentum})`;
  return label;
}

/** Its options as a JSON entry (the names PyTorch gives them). */
export function optimizerJson(arch: Trained): Record<string, string | number | number[]> {
  const choice = optimizerChoice(arch);
  const { beta1, beta2, alpha, epsilon } = optimizerOf(arch);
  const name = OPTIMIZER_LABELS[choice];
  if (choice === 'adam') return { name, betas: [beta1, beta2], eps: epsilon };
  if (choice === 'rmsprop') return { name, alpha, eps: epsilon };
  if (choice === 'momentum') return { name, momentum: arch.momentum };
  return { name };
}

/**
 * The torch.optim call with these options, e.g. `torch.optim.Adam(model.parameters(), lr=0.1,
 * betas=(0.9, 0.999), eps=1e-8)`; without a learning rate (null) the call leaves `lr` out.
 */
export function torchOptimizer(
  arch: Trained,
  learningRate: number | null,
  parameters = 'model.parameters()',
): string {
  const choice = optimizerChoice(arch);
  const { beta1, beta2, alpha, epsilon } = optimizerOf(arch);
  const lr = learningRate === null ? '' : `, lr=${pyFloat(learningRate)}`;
  const eps = `eps=${pyFloat(epsilon)}`;
  if (choice === 'adam') {
    return `torch.optim.Adam(${parameters}${lr}, betas=(${pyFloat(beta1)}, ${pyFloat(beta2)}), ${eps})`;
  }
  if (choice === 'rmsprop') return `torch.optim.RMSprop(${parameters}${lr}, alpha=${pyFloat(alpha)}, ${eps})`;
  if (choice === 'momentum') return `torch.optim.SGD(${parameters}${lr}, momentum=${pyFloat(arch.momentum)})`;
  return `torch.optim.SGD(${parameters}${lr})`;
}
