import type { EpochBatch } from './batch';
import type { FrameMessage } from './protocol';

export type FrameHeader = Pick<FrameMessage, 'runId' | 'status' | 'live' | 'notice' | 'branch'>;

/**
 * The batch's epochs as a frame, and the buffers to transfer with it. The test columns travel only while
 * the run has test rows: a frame without them tells the page there are none. `epochs`: the records' epochs
 * when the batch was thinned to what the page keeps (EpochBatch.thin).
 */
export function takeFrame(
  batch: EpochBatch,
  header: FrameHeader,
  epochs: Float64Array | null = null,
): [FrameMessage, Transferable[]] {
  // A thinned batch goes in buffers of its size; a whole one in the batch's own, handed back for reuse.
  const { testLosses, testAccuracies, ...columns } = epochs ? batch.takeCopy() : batch.take();
  const paramsPerEpoch = batch.paramsPerEpoch;
  const frame: FrameMessage = { type: 'frame', ...header, paramsPerEpoch, ...columns };
  const transfer: Transferable[] = [columns.losses.buffer, columns.accuracies.buffer, columns.params.buffer];
  const message = epochs ? { ...frame, epochs } : frame;
  if (epochs) transfer.push(epochs.buffer);
  if (testLosses.length === 0) return [message, transfer];
  transfer.push(testLosses.buffer, testAccuracies.buffer);
  return [{ ...message, testLosses, testAccuracies }, transfer];
}
