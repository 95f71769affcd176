/**
 * The sentences the lab says about its run: why it paused by itself, why it cannot train, that the loss
 * has stopped improving. The worker and core send codes with numbers; this is the one place they become
 * words, and the one place their counts and losses are formatted (ready for another language).
 */
import { MAX_HIDDEN } from '../core/architecture';
import { formatCount } from '../core/countText';
import { MAX_LEARNING_RATE, MIN_LEARNING_RATE } from '../core/learningRate';
import { SCALING_LABELS } from '../core/scaling';
import type { DataProblem } from '../core/trainingSet';
import { BLOW_UP_WINDOW } from '../worker/blowUp';
import type { DivergedNotice, PlateauNotice, RunNotice } from '../worker/protocol';

/** `1,000`: epochs with thousands separators. */
const count = formatCount;
/** A loss to 4 significant digits, without trailing zeros (`0.05`, `0.1234`). */
const loss4 = (loss: number): string => Number(loss.toPrecision(4)).toString();

/** A rate as the slider shows it (3 digits). */
const rate3 = (rate: number): string => Number(rate.toPrecision(3)).toString();

/**
 * From this rate on the words blame the step size: on the article's scaled inputs a step of a few units
 * already moves a neuron from one end of its sigmoid to the other.
 */
const HIGH_LEARNING_RATE = 1;

/** `a`, `a or b`, `a, b, or c`. */
function oneOf(options: readonly string[]): string {
  if (options.length < 3) return options.join(' or ');
  return `${options.slice(0, -1).join(', ')}, or ${options.at(-1)}`;
}

/** What happened when a run blew up, where it went back to, and what to try. */
function divergedText(notice: DivergedNotice): string {
  const at = `Training blew up at epoch ${count(notice.epoch)}`;
  const what = {
    'not-finite': `${at}: the loss is no longer a finite number.`,
    'params-too-large': `${at}: its weights grew past any useful size.`,
    'loss-far-above-best':
      `${at}: the loss rose to ${loss4(notice.loss)} and stayed far above its best ` +
      `for ${BLOW_UP_WINDOW} epochs.`,
  }[notice.cause];
  const why =
    notice.learningRate >= HIGH_LEARNING_RATE
      ? ` Each step at learning rate ${rate3(notice.learningRate)} moved the weights too far.`
      : '';
  const lastGood = Number.isFinite(notice.lastGoodLoss) ? ` (loss ${loss4(notice.lastGoodLoss)})` : '';
  const back = `The parameters are back at epoch ${count(notice.lastGoodEpoch)}${lastGood}.`;
  const tries = [
    ...(notice.learningRate > MIN_LEARNING_RATE ? ['a lower learning rate'] : []),
    ...(notice.momentum > 0 ? ['less momentum'] : []),
    ...(notice.scaling !== 'standardize' ? [`${SCALING_LABELS.standardize} in Input scaling`] : []),
  ];
  return `${what}${why} ${back} ${tries.length > 0 ? `Try ${oneOf(tries)}, then press Play.` : 'Press Reset to start again.'}`;
}

/**
 * The plateau's advice: a higher rate only while the loss has not risen on the plateau and the rate can
 * still go up (after a rise a higher rate would only make it worse).
 */
function plateauAdvice(notice: PlateauNotice): string {
  const higher = !notice.rose && notice.learningRate < MAX_LEARNING_RATE;
  return oneOf([
    ...(higher ? ['a higher learning rate'] : []),
    ...(notice.rose ? ['a lower learning rate'] : []),
    ...(notice.hidden < MAX_HIDDEN ? ['more hidden neurons'] : []),
    'Reset with another seed',
  ]);
}

/** A lower rate while there is one, else another start. */
function lowerRateAdvice(notice: PlateauNotice): string {
  return oneOf([
    ...(notice.learningRate > MIN_LEARNING_RATE ? ['a lower learning rate'] : []),
    'Reset with another seed',
  ]);
}

/** What a stuck or swinging loss means, in words, with what to try. */
function shapeText(notice: PlateauNotice): string | null {
  const { shape } = notice;
  if (!shape) return null;
  if (shape.kind === 'oscillating')
    return (
      `The loss swings up and down between ${loss4(shape.low)} and ${loss4(shape.high)}: each step ` +
      `overshoots the lowest point and lands on its other side. Try ${lowerRateAdvice(notice)}.`
    );
  const answers = shape.answer === null ? 'answers 0 or 1' : `answers ${shape.answer}`;
  const cause =
    notice.learningRate >= HIGH_LEARNING_RATE
      ? ` Steps at learning rate ${rate3(notice.learningRate)} are big enough to push it there.`
      : '';
  return (
    `The loss is stuck at ${loss4(shape.loss)}: the output neuron is saturated. It ${answers} for every ` +
    `person, where its sigmoid is flat and passes back almost no gradient, so the steps no longer change ` +
    `its answer.${cause} Try ${lowerRateAdvice(notice)}.`
  );
}

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
      return divergedText(notice);
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
        shapeText(notice) ??
        `The loss has stopped improving (no better than ${loss4(notice.best)} for the last ` +
          `${count(notice.epoch - notice.since)} epochs). Try ${plateauAdvice(notice)}.`
      );
  }
}
