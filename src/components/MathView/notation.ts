import type { HiddenActivation, OutputActivation } from '../../core/architecture';
import { texNumber } from './numbers';

/**
 * How the formulas write the activations. The hidden neurons' activation is f, as in the article. The
 * output neuron is always a sigmoid: with sigmoid hidden neurons it is f too (the article's notation);
 * with tanh or ReLU it is σ, so f' and σ' can sit in one chain rule without being confused.
 */
export interface Notation {
  readonly activation: HiddenActivation;
  /** The output neuron's function in TeX and in plain text. */
  readonly outputTex: string;
  readonly outputPlain: string;
  /** A numeric target's output: g(z) = z, whose slope is 1. */
  readonly linearOutput?: boolean;
}

export function notationFor(activation: HiddenActivation, output: OutputActivation = 'sigmoid'): Notation {
  if (output === 'linear') return { activation, outputTex: 'g', outputPlain: 'g', linearOutput: true };
  const sigmoid = activation === 'sigmoid';
  return { activation, outputTex: sigmoid ? 'f' : '\\sigma', outputPlain: sigmoid ? 'f' : 'σ' };
}

/** A linear output's definition: ŷ is the output sum itself. */
export const LINEAR_OUTPUT_ROW = {
  tex: 'g(z) &= z',
  plain: 'g(z) = z is the linear output (ypred is the sum itself)',
};

/** The hidden activation's definition, the second row of the neuron formula. */
export function definitionRow(notation: Notation): { tex: string; plain: string } {
  switch (notation.activation) {
    case 'sigmoid':
      return { tex: 'f(x) &= \\frac{1}{1 + e^{-x}}', plain: 'f(x) = 1 / (1 + e^(-x)) is the sigmoid' };
    case 'tanh':
      return {
        tex: 'f(x) &= \\tanh x = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
        plain: 'f(x) = tanh x = (e^x - e^(-x)) / (e^x + e^(-x))',
      };
    case 'relu':
      return { tex: 'f(x) &= \\mathrm{ReLU}(x) = \\max(0, x)', plain: 'f(x) = ReLU(x) = max(0, x)' };
  }
}

/** The hidden activation written out at one sum: `\frac{1}{1 + e^{3}}`, `\tanh(-3)`, `\max(0, -3)`. */
export function writtenOut(notation: Notation, sum: number): string {
  switch (notation.activation) {
    case 'sigmoid':
      return `\\frac{1}{1 + e^{${texNumber(-sum)}}}`;
    case 'tanh':
      return `\\tanh(${texNumber(sum)})`;
    case 'relu':
      return `\\max(0, ${texNumber(sum)})`;
  }
}

/**
 * The slopes the chain rule uses, when they are not the article's: the hidden activation's f' and the
 * output's σ'. None with sigmoid hidden neurons, as in the article (where f' is left as f').
 */
export function slopeRows(notation: Notation): { tex: string; plain: string }[] {
  const outputSlope = notation.linearOutput
    ? { tex: "g'(z) &= 1", plain: "g'(z) = 1 (the linear output's slope)" }
    : { tex: "\\sigma'(x) &= \\sigma(x)(1 - \\sigma(x))", plain: "σ'(x) = σ(x)(1 - σ(x))" };
  if (notation.activation === 'sigmoid') return notation.linearOutput ? [outputSlope] : [];
  const hidden =
    notation.activation === 'tanh'
      ? { tex: "f'(x) &= 1 - f(x)^2", plain: "f'(x) = 1 - f(x)²" }
      : {
          tex: "f'(x) &= \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}",
          plain: "f'(x) = 1 if x > 0, else 0",
        };
  return [hidden, outputSlope];
}
