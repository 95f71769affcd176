/** What the loss curve shows besides the live run: labelled moments and the runs kept for comparison. */

/** A labelled moment on the loss curve: the learning rate changed, or the dataset was edited. */
export interface Marker {
  readonly epoch: number;
  readonly kind: 'learning-rate' | 'dataset';
  readonly label: string;
}

/** A finished or running run's loss curve kept for comparison (a ghost on the Loss curve). */
export interface KeptRun {
  readonly id: number;
  readonly label: string;
  readonly epochs: Float64Array;
  readonly losses: Float64Array;
}

/** How many kept runs the Loss curve compares; keeping one more drops the oldest. */
export const MAX_KEPT_RUNS = 5;
