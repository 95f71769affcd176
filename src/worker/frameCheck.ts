import { networkParamCount } from '../core/layerShape';
import { isRecord, readArchitecture, SchemaError } from '../core/stateSchema';
import type { FrameMessage } from './protocol';

/**
 * A message that says it is a frame, if every field the store reads has the type and size the protocol
 * says; null when not (a bug, a corrupted message), refused here at the page's door instead of throwing a
 * TypeError deep in the store. Only shapes and sizes are checked, never the values, so a frame costs a few
 * dozen comparisons however many epochs it carries.
 */
export function readFrame(message: Record<string, unknown>): FrameMessage | null {
  return message.type === 'frame' && isFrame(message) ? (message as unknown as FrameMessage) : null;
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isNumber = (value: unknown): value is number => typeof value === 'number';
/** By its tag, not `instanceof`: a structured clone may come from another realm's Float64Array. */
const isArray = (value: unknown, length: number): value is Float64Array =>
  Object.prototype.toString.call(value) === '[object Float64Array]' &&
  (value as Float64Array).length >= length;
const isNumberPair = (value: unknown): boolean =>
  Array.isArray(value) && value.length === 2 && value.every(isNumber);

function isFrame(frame: Record<string, unknown>): boolean {
  const { count, paramsPerEpoch, live } = frame;
  if (!isCount(frame.runId) || !isCount(frame.firstEpoch) || !isCount(count) || !isCount(paramsPerEpoch))
    return false;
  if (frame.status !== 'paused' && frame.status !== 'running') return false;
  if (!isArray(frame.losses, count) || !isArray(frame.accuracies, count)) return false;
  if (!isArray(frame.params, count * paramsPerEpoch)) return false;
  const { testLosses, testAccuracies } = frame;
  if ((testLosses === undefined) !== (testAccuracies === undefined)) return false;
  if (testLosses !== undefined && !(isArray(testLosses, count) && isArray(testAccuracies, count)))
    return false;
  if (frame.epochs !== undefined && !isArray(frame.epochs, count)) return false;
  if (frame.branch !== undefined && !isCount(frame.branch)) return false;
  if (!isRecord(live) || !isLive(live, paramsPerEpoch)) return false;
  return frame.notice === null || (isRecord(frame.notice) && typeof frame.notice.kind === 'string');
}

function isLive(live: Record<string, unknown>, paramsPerEpoch: number): boolean {
  try {
    if (networkParamCount(readArchitecture(live.architecture)) !== paramsPerEpoch) return false;
  } catch (error) {
    if (error instanceof SchemaError) return false;
    throw error;
  }
  const counts = [live.epoch, live.cursor, live.sampleCount, live.learningRateSince, live.dataSince];
  const numbers = [live.loss, live.learningRate, live.epochsPerSecond];
  if (!counts.every(isCount) || !numbers.every(isNumber)) return false;
  if (!isArray(live.params, paramsPerEpoch) || live.params.length !== paramsPerEpoch) return false;
  const { scaling, sample, plateau } = live;
  if (!isRecord(scaling) || !isNumberPair(scaling.offset) || !isNumberPair(scaling.scale)) return false;
  if (plateau !== null && !(isRecord(plateau) && plateau.kind === 'plateau')) return false;
  if (live.nextRow !== null && !isCount(live.nextRow)) return false;
  return sample === null || (isRecord(sample) && isSample(sample, paramsPerEpoch));
}

function isSample(sample: Record<string, unknown>, paramsPerEpoch: number): boolean {
  const before = sample.paramsBefore;
  return (
    isCount(sample.row) &&
    isArray(sample.forward, 1) &&
    isArray(sample.factors, 1) &&
    isArray(sample.grad, paramsPerEpoch) &&
    (before === null || isArray(before, paramsPerEpoch))
  );
}
