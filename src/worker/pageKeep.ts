import type { EpochBatch } from './batch';
import { takeFrame, type FrameHeader } from './framePost';
import type { Command, FrameMessage, KeepRule } from './protocol';

/**
 * The worker's side of KeepRule: which epochs the page's history keeps, as the page last said, and the
 * branch each frame belongs to. A new run, epochs that went back (a branch from a recorded epoch) or a
 * blow-up's rollback start a new branch and drop the rule, so a frame is never thinned by a rule the page
 * worked out for a history it has since cut back: until the page speaks again, every epoch goes.
 */
export class PageKeep {
  private rule: KeepRule | null = null;
  private branch = 0;
  private runId = -1;
  private epoch = -1;

  /** The branch of the frame about to go, for run `runId` at `epoch`. */
  private branchFor(runId: number, epoch: number, rolledBack: boolean): number {
    if (runId !== this.runId || epoch < this.epoch || rolledBack) {
      this.branch += 1;
      this.rule = null;
    }
    this.runId = runId;
    this.epoch = epoch;
    return this.branch;
  }

  /**
   * A frame handed back: its buffers go back to the batch, and the page's rule comes with it, followed only
   * when it was worked out for this run and branch.
   */
  handedBack(command: Extract<Command, { type: 'recycle' }>, batch: EpochBatch): void {
    batch.recycle(command);
    const rule = command.keep;
    if (rule && isKeepRule(rule) && rule.runId === this.runId && rule.branch === this.branch)
      this.rule = rule;
  }

  /**
   * The batch as the next frame of run `header.runId`, the trainer at `epoch`: thinned to what the page
   * keeps (EpochBatch.thin), with its branch. Also returns the first record that still waits for its test
   * metrics (the batch's `deferredFrom`, after thinning).
   */
  takeFrame(
    batch: EpochBatch,
    header: Omit<FrameHeader, 'branch'>,
    epoch: number,
  ): [FrameMessage, Transferable[], number] {
    const branch = this.branchFor(header.runId, epoch, header.notice?.kind === 'diverged');
    const epochs = this.rule ? batch.thin(this.rule.origin, this.rule.stride) : null;
    const deferredFrom = batch.deferredFrom;
    return [...takeFrame(batch, { ...header, branch }, epochs), deferredFrom];
  }
}

const isCount = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

/** A rule as the page sends it: whole numbers, a power-of-two stride (a page bug must not thin wrongly). */
function isKeepRule({ runId, branch, origin, stride }: KeepRule): boolean {
  return (
    isCount(runId) && isCount(branch) && isCount(origin) && isCount(stride) && (stride & (stride - 1)) === 0
  );
}
