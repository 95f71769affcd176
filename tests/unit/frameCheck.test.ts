import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import { readFrame } from '../../src/worker/frameCheck';
import type { FrameMessage } from '../../src/worker/protocol';

const frame: FrameMessage = {
  type: 'frame',
  runId: 1,
  status: 'paused',
  firstEpoch: 0,
  count: 2,
  losses: new Float64Array(4),
  accuracies: new Float64Array(4),
  params: new Float64Array(36),
  paramsPerEpoch: 9,
  live: {
    architecture: ARTICLE_ARCHITECTURE,
    epoch: 1,
    cursor: 0,
    sampleCount: 4,
    params: new Float64Array(9),
    loss: 0.25,
    learningRate: 0.1,
    scaling: { offset: [135, 66], scale: [1, 1] },
    sample: {
      row: 3,
      forward: new Float64Array(6),
      factors: new Float64Array(6),
      grad: new Float64Array(9),
      paramsBefore: null,
    },
    epochsPerSecond: 0,
    learningRateSince: 0,
    dataSince: 0,
    plateau: null,
    nextRow: null,
  },
  notice: null,
};
const asRecord = (value: unknown) => value as Record<string, unknown>;

describe('a frame from the worker is read only when it has the protocol’s shape', () => {
  it('takes a well-formed frame as it is', () => {
    expect(readFrame(asRecord(frame))).toBe(frame);
  });

  it('refuses a frame that is missing what the store reads, or has the wrong types or sizes', () => {
    const broken: unknown[] = [
      { type: 'frame' },
      { type: 'frame', runId: 99 },
      { ...frame, live: undefined },
      { ...frame, live: null },
      { ...frame, status: 'flying' },
      { ...frame, count: -1 },
      { ...frame, count: 1.5 },
      { ...frame, count: 5 }, // more epochs than the buffers hold
      { ...frame, losses: [0, 0] },
      { ...frame, params: new Float64Array(9) },
      { ...frame, paramsPerEpoch: 13 }, // not the network's size
      { ...frame, live: { ...frame.live, architecture: { hidden: 99 } } },
      { ...frame, live: { ...frame.live, params: new Float64Array(8) } },
      { ...frame, live: { ...frame.live, epoch: '3' } },
      { ...frame, live: { ...frame.live, scaling: { offset: [1], scale: [1, 1] } } },
      { ...frame, live: { ...frame.live, sample: { ...frame.live.sample, grad: null } } },
      { ...frame, live: { ...frame.live, plateau: 'stuck' } },
      { ...frame, notice: 'diverged' },
    ];
    for (const message of broken) expect(readFrame(asRecord(message))).toBeNull();
  });
});
