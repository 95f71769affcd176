/**
 * Test metrics on a thread of their own: the messages between the training worker and its evaluation
 * worker, and the one function both use, so an epoch's test loss and accuracy are the same numbers (to
 * the bit) wherever they are computed.
 */
import type { Architecture } from '../core/architecture';
import { metricsInto } from '../core/engine';
import { METRICS_SIZE, METRIC_ACCURACY, METRIC_LOSS } from '../core/netLoss';
import type { TrainingSet } from '../core/trainingSet';

/** The test rows the requests after it are measured on (they change with the table or the run). */
export interface TestSetMessage {
  readonly type: 'test-set';
  readonly version: number;
  readonly architecture: Architecture;
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
  readonly count: number;
}

/** Measure `count` epochs' parameters (`stride` each) on test set `version`; answered by `evaluated`. */
export interface EvaluateMessage {
  readonly type: 'evaluate';
  readonly id: number;
  readonly version: number;
  readonly stride: number;
  readonly count: number;
  readonly params: Float64Array;
}

export type EvaluatorCommand = TestSetMessage | EvaluateMessage;

/** The answer: each epoch's test loss and accuracy, and the parameters' buffer back for reuse. */
export interface EvaluatedMessage {
  readonly type: 'evaluated';
  readonly id: number;
  readonly losses: Float64Array;
  readonly accuracies: Float64Array;
  readonly params: Float64Array;
}

/** The rows and network a test metric is measured with. */
export interface TestRowsOf {
  readonly architecture: Architecture;
  readonly set: Pick<TrainingSet, 'inputs' | 'targets' | 'count'>;
}

const metrics = new Float64Array(METRICS_SIZE);
let scratch = new Float64Array(0);

/**
 * The test loss and accuracy of epochs `from..count-1` whose parameters sit `stride` apart in `params`
 * (epoch i at i x stride), written to `losses[i]` and `accuracies[i]`: metricsInto, as TestRows measures
 * one epoch in the training loop.
 */
export function measureEpochs(
  rows: TestRowsOf,
  params: Float64Array,
  stride: number,
  from: number,
  count: number,
  losses: Float64Array,
  accuracies: Float64Array,
): void {
  if (scratch.length !== stride) scratch = new Float64Array(stride);
  const { architecture, set } = rows;
  for (let i = from; i < count; i++) {
    const offset = i * stride;
    for (let j = 0; j < stride; j++) scratch[j] = params[offset + j]!;
    metricsInto(architecture, scratch, set.inputs, set.targets, set.count, metrics);
    losses[i] = metrics[METRIC_LOSS]!;
    accuracies[i] = metrics[METRIC_ACCURACY]!;
  }
}

/** The evaluation worker's side: keeps the latest test set and answers every request in order. */
export class Evaluator {
  private rows: TestRowsOf | null = null;
  private version = -1;

  constructor(private readonly post: (message: EvaluatedMessage, transfer: Transferable[]) => void) {}

  handle(command: EvaluatorCommand): void {
    if (command.type === 'test-set') {
      const { architecture, inputs, targets, count } = command;
      this.rows = { architecture, set: { inputs, targets, count } };
      this.version = command.version;
      return;
    }
    const { id, stride, count, params } = command;
    const losses = new Float64Array(count).fill(Number.NaN);
    const accuracies = new Float64Array(count).fill(Number.NaN);
    // A request always follows its own test set on the same channel; another version is a bug upstream.
    if (this.rows && command.version === this.version)
      measureEpochs(this.rows, params, stride, 0, count, losses, accuracies);
    this.post({ type: 'evaluated', id, losses, accuracies, params }, [
      losses.buffer,
      accuracies.buffer,
      params.buffer,
    ]);
  }
}
