/** How the Predict panel reads the network's output ypred, as the article explains it. */

/** Above this the network says Female (target 1); at or below it, Male (target 0). */
export const THRESHOLD = 0.5;

/** The class words, Female and Male by default; an imported file brings its own label values. */
export function classify(output: number, classes = { F: 'Female', M: 'Male' }): string {
  return output > THRESHOLD ? classes.F : classes.M;
}

/** How far the output sits from the threshold, scaled to 0..1: 0 at 0.5, 1 at 0 or 1. */
export function confidenceOf(output: number): number {
  return Math.min(1, Math.abs(output - THRESHOLD) * 2);
}

/** Whole percent, rounded down so an output short of 0 or 1 never claims 100 %. */
export function confidencePercent(confidence: number): number {
  return Math.floor(confidence * 100);
}

export function confidenceWords(confidence: number): string {
  if (confidence >= 0.8) return 'very sure';
  if (confidence >= 0.5) return 'fairly sure';
  if (confidence >= 0.2) return 'leaning';
  return 'hardly better than a coin toss';
}
