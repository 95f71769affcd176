/**
 * The learning rates the lab offers (the slider's range, in log steps): below the minimum nothing visibly
 * moves; the top reaches rates where the article's network visibly fails (from about 30 its steps push
 * the output neuron into saturation and the loss sticks at 0.5), so a learner can see a rate too high.
 */
export const MIN_LEARNING_RATE = 0.001;
export const MAX_LEARNING_RATE = 100;
