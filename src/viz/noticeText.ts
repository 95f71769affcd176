/**
 * The sentences the lab says about its run: why it paused by itself, why it cannot train, that the loss
 * has stopped improving. The worker and core send codes with numbers; this is the one place they become
 * words, and the one place their counts and losses are formatted (ready for another language).
 */
import type { DataProblem } from '../core/trainingSet';
import type { PlateauNotice, RunNotice } from '../worker/protocol';

/** `1,000`: epochs with thousands separators. */
const count = (n: number): string => n.toLocaleString('en-US');
/** A loss to 4 significant digits, without trailing zeros (`0.05`, `0.1234`). */
const loss4 = (loss: number): string => Number(loss.toPrecision(4)).toString();

/** Why a table cannot train or cannot learn. */
export function dataProblemText(problem: DataProblem): string {
  switch (problem) {
    case 'no-valid-rows':
      return 'No valid rows: add a person with a weight and a height to train.';
    case 'one-gender':
      return 'Only one gender among the valid rows: the network can only learn to always say the same.';
    case 'one-label-value':
      return 'Only one label value among the valid rows: the network can only learn to always say the same.';
  }
}

/** What a notice from the worker says. */
export function noticeText(notice: RunNotice | PlateauNotice): string {
  switch (notice.kind) {
    case 'diverged':
      return (
        `Training diverged at epoch ${count(notice.epoch)}: the loss is no longer a finite number. ` +
        `The parameters are back at epoch ${count(notice.lastGoodEpoch)}; lower the learning rate, then press Play.`
      );
    case 'stopped-at':
      return `Paused at epoch ${count(notice.epoch)}, as set in Stop at epoch.`;
    case 'stopped-at-loss':
      return (
        `Paused at epoch ${count(notice.epoch)}: the loss ${loss4(notice.loss)} reached ${loss4(notice.limit)}, ` +
        'as set in Stop at loss.'
      );
    case 'cannot-train':
      return dataProblemText(notice.reason);
    case 'plateau':
      return (
        `The loss has stopped improving (no better than ${loss4(notice.best)} for the last ` +
        `${count(notice.epoch - notice.since)} epochs). Try a higher learning rate, more hidden neurons, ` +
        'or Reset with another seed.'
      );
  }
}
