import type { Trainer } from '../core/trainer';
import { allFinite } from './snapshot';

/**
 * Parameters typed by the user, written into the live run. Each returns false and changes nothing when
 * the values do not fit the run's network or are not finite numbers.
 */

/** One parameter (index in the layout of architecture.ts). */
export function writeParam(trainer: Trainer, index: number, value: number): boolean {
  const inRange = Number.isInteger(index) && index >= 0 && index < trainer.params.length;
  if (!inRange || !Number.isFinite(value)) return false;
  trainer.params[index] = value;
  return true;
}

/** Every parameter at once: one edit, however many values. */
export function writeParams(trainer: Trainer, params: readonly number[]): boolean {
  if (params.length !== trainer.params.length || !allFinite(params)) return false;
  trainer.params.set(params);
  return true;
}

/** A recorded epoch to branch from: its parameters fit the run's network and its count is an epoch's. */
export function canResumeFrom(trainer: Trainer, epoch: number, params: Float64Array): boolean {
  const fits = params.length === trainer.params.length && allFinite(params);
  return fits && Number.isInteger(epoch) && epoch >= 0;
}
