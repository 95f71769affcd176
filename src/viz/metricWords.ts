import type { MetricKind } from '../core/netLoss';

/** What the run's second metric is called wherever it is shown (status, loss curve, test figures). */
export const METRIC_NAMES: Readonly<Record<MetricKind, string>> = {
  accuracy: 'Accuracy',
  mae: 'Mean absolute error',
};

/** How it is explained on hover. */
export const METRIC_HINTS: Readonly<Record<MetricKind, string>> = {
  accuracy: 'People on the right side of 0.5',
  mae: 'The mean of |target − output| over the rows: how far off a prediction is, in the target’s units',
};
