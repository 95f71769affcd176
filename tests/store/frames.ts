import { ARTICLE_ARCHITECTURE, hiddenFromParamCount } from '../../src/core/architecture';
import type { FrameMessage } from '../../src/worker/protocol';

/**
 * A worker frame as the store receives it, for epochs firstEpoch .. firstEpoch + count - 1: loss
 * 1 / (epoch + 1), accuracy epoch / (epoch + 1), every parameter equal to the run id.
 */
export function frame(
  runId: number,
  firstEpoch: number,
  count: number,
  status: 'paused' | 'running' = 'paused',
  paramsPerEpoch = 9,
): FrameMessage {
  const losses = Float64Array.from({ length: count }, (_, i) => 1 / (firstEpoch + i + 1));
  const accuracies = Float64Array.from({ length: count }, (_, i) => (firstEpoch + i) / (firstEpoch + i + 1));
  const params = new Float64Array(count * paramsPerEpoch).fill(runId);
  return {
    type: 'frame',
    runId,
    status,
    firstEpoch,
    count,
    losses,
    accuracies,
    params,
    paramsPerEpoch,
    notice: null,
    live: {
      architecture: { ...ARTICLE_ARCHITECTURE, hidden: hiddenFromParamCount(paramsPerEpoch) ?? 2 },
      epoch: firstEpoch + count - 1,
      cursor: 0,
      sampleCount: 4,
      params: new Float64Array(paramsPerEpoch).fill(runId),
      loss: losses[count - 1] ?? Number.NaN,
      learningRate: 0.1,
      scaling: { offset: [135, 66], scale: [1, 1] },
      sample: null,
      epochsPerSecond: 0,
      learningRateSince: 0,
      dataSince: 0,
      plateau: null,
      nextRow: null,
    },
  };
}
