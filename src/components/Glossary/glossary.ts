/** The lab's short definitions, in plain words; the glossary panel and every `Term` read them. */
export const GLOSSARY = {
  neuron:
    'A tiny calculator: it multiplies each input by a weight, adds the results and a bias, and passes the sum through an activation function (here the sigmoid).',
  bias: 'A number a neuron adds to its weighted sum before the sigmoid. It shifts the point where the neuron switches from “low” to “high”.',
  sigmoid:
    'The activation f(x) = 1 / (1 + e^(−x)). It squashes any number into the range 0 to 1: large negative sums give almost 0, large positive ones almost 1.',
  feedforward:
    'Passing the inputs forward through the network, layer by layer, to get its output: the prediction ypred.',
  loss: 'One number for how wrong the network is. Here the mean squared error: the average of (ytrue − ypred)² over everyone in the dataset. Lower is better; 0 is perfect.',
  gradient:
    'The partial derivative of the loss with respect to every weight and bias: how fast the loss would rise if that parameter grew a little. Training moves each one the opposite way.',
  'learning rate':
    'How big a step training takes: each parameter moves by learning rate × its gradient. Too small learns slowly; too large overshoots and can diverge.',
  epoch: 'One pass through every person in the dataset, with one SGD step per person.',
  tanh: 'An activation, f(x) = tanh x = (e^x − e^(−x)) / (e^x + e^(−x)). Like the sigmoid it is S-shaped, but it squashes sums into −1 to 1 and is centred on 0; its slope is 1 − f(x)².',
  ReLU: 'The rectified linear unit, f(x) = max(0, x): negative sums give 0, positive ones pass unchanged. Its slope is 1 above 0 and 0 below, so a neuron stuck below 0 stops learning.',
  'cross-entropy':
    'A loss for yes/no predictions: −[y ln ypred + (1 − y) ln(1 − ypred)], minus the log of the probability given to the true answer. A confident mistake costs a lot; with a sigmoid output its gradient is simply ypred − y.',
  'mini-batch':
    'A handful of samples trained together: their gradients are averaged and the parameters move once per batch. The full batch uses every sample; the article updates after each one.',
  momentum:
    'A memory of past steps: each update adds μ times the previous one (v ← μ v − learning rate × gradient, then p ← p + v), so steady gradients build speed and zig-zags cancel out.',
  RMSProp:
    'An optimizer that keeps a running mean s of each parameter’s squared gradient and steps by learning rate × gradient / (√s + ε): parameters with large gradients take smaller steps, small ones larger.',
  Adam: 'An optimizer that keeps running means of each parameter’s gradient (m, the first moment) and squared gradient (v, the second), corrects both for starting at 0, and steps by learning rate × m̂ / (√v̂ + ε): about the learning rate in the gradient’s steady direction.',
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY;

export const GLOSSARY_TERMS = Object.keys(GLOSSARY) as GlossaryTerm[];
