/**
 * The learning rates the lab offers (the slider's range, in log steps): below the minimum nothing visibly
 * moves, and above the maximum the article's network only blows up.
 */
export const MIN_LEARNING_RATE = 0.001;
export const MAX_LEARNING_RATE = 10;
