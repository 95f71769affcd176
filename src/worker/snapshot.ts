import { nextSampleRow } from '../core/nextSample';
import { currentLoss, type Trainer } from '../core/trainer';
import type { LiveSnapshot, OptimizerSnapshot } from './protocol';

/** What the session adds to the trainer's own state when it reports the run. */
export interface SnapshotExtras {
  readonly paramsBefore: Float64Array | null;
  readonly epochsPerSecond: number;
  readonly learningRateSince: number;
  readonly dataSince: number;
  readonly plateau: LiveSnapshot['plateau'];
}

/** The run as it is right now, in fresh arrays (the trainer's own buffers keep changing). */
export function liveSnapshot(trainer: Trainer, extras: SnapshotExtras): LiveSnapshot {
  const sample = trainer.lastSample;
  return {
    architecture: trainer.architecture,
    epoch: trainer.epoch,
    cursor: trainer.cursor,
    sampleCount: trainer.set.count,
    params: Float64Array.from(trainer.params),
    loss: currentLoss(trainer),
    learningRate: trainer.learningRate,
    scaling: trainer.set.scaling,
    sample:
      sample < 0
        ? null
        : {
            row: trainer.set.rowIndex[sample]!,
            forward: Float64Array.from(trainer.forward),
            factors: Float64Array.from(trainer.factors),
            grad: Float64Array.from(trainer.grad),
            paramsBefore: extras.paramsBefore,
          },
    epochsPerSecond: extras.epochsPerSecond,
    learningRateSince: extras.learningRateSince,
    dataSince: extras.dataSince,
    plateau: extras.plateau,
    nextRow: nextSampleRow(trainer),
    optimizer: optimizerSnapshot(trainer),
  };
}

/** Copies of what the optimizer keeps (only what its kind uses), or null for plain SGD. */
function optimizerSnapshot(trainer: Trainer): OptimizerSnapshot | null {
  const { settings, steps, velocity, firstMoment, secondMoment } = trainer.optimizer;
  if (settings.kind === 'sgd' && trainer.momentum === 0) return null;
  return {
    steps,
    velocity: settings.kind === 'sgd' ? Float64Array.from(velocity) : null,
    firstMoment: settings.kind === 'adam' ? Float64Array.from(firstMoment) : null,
    secondMoment: settings.kind === 'sgd' ? null : Float64Array.from(secondMoment),
  };
}

export function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}
