import type { EpochBatch } from './batch';
import type { FrameMessage } from './protocol';

type FrameHeader = Pick<FrameMessage, 'runId' | 'status' | 'live' | 'notice'>;

/**
 * The batch's epochs as a frame, and the buffers to transfer with it. The test columns travel only while
 * the run has test rows: a frame without them tells the page there are none.
 */
export function takeFrame(batch: EpochBatch, header: FrameHeader): [FrameMessage, Transferable[]] {
  const { testLosses, testAccuracies, ...columns } = batch.take();
  const paramsPerEpoch = batch.paramsPerEpoch;
  const message: FrameMessage = { type: 'frame', ...header, paramsPerEpoch, ...columns };
  const transfer: Transferable[] = [columns.losses.buffer, columns.accuracies.buffer, columns.params.buffer];
  if (testLosses.length === 0) return [message, transfer];
  transfer.push(testLosses.buffer, testAccuracies.buffer);
  return [{ ...message, testLosses, testAccuracies }, transfer];
}
