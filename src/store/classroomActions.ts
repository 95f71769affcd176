import { ARTICLE_ARCHITECTURE, isArticleArchitecture } from '../core/architecture';
import { ARTICLE_PEOPLE, type Person } from '../core/dataset';
import {
  pause,
  replacePeople,
  reset,
  selectRow,
  setInitialWeights,
  setLearningRate,
  setArchitecture,
  setSampleOrder,
  setScaling,
  setSpeed,
  setStepPhase,
  setStopAtEpoch,
  setStopAtLoss,
} from './actions';
import { setTrainingShare } from './split';
import { useLab } from './labStore';
import type { Settings } from '../core/settings';
import { sendToTrainer, trainerBridge } from './trainerBridge';

/** Classroom actions: presenter mode, and what the guided tour does to set the lab up. */

export function setPresenter(presenter: boolean): void {
  useLab.setState((state) => ({ settings: { ...state.settings, presenter } }));
}

export function togglePresenter(): void {
  setPresenter(!useLab.getState().settings.presenter);
}

/** The article's four people, whatever their ids (an import or a shared link gives new ids). */
export function isArticleTable(people: readonly Person[]): boolean {
  return (
    people.length === ARTICLE_PEOPLE.length &&
    people.every((person, i) => {
      const article = ARTICLE_PEOPLE[i]!;
      return (
        person.name === article.name &&
        person.weight.trim() === article.weight &&
        person.height.trim() === article.height &&
        person.gender === article.gender
      );
    })
  );
}

/** The article's start: all weights 1, biases 0, rate 0.1, inputs shifted by (-135, -66), in order. */
export const ARTICLE_LEARNING_RATE = 0.1;

/**
 * Sets the lab up as the article has it, at epoch 0, paused: its table (only when the table differs;
 * the tour keeps a copy of the user's), its 2-2-1 sigmoid network, its start and rate. Only what
 * differs is changed, through the usual actions, so the run restarts once or twice, not every time.
 */
export function setUpArticleLab(): void {
  pause();
  const { people, settings } = useLab.getState();
  if (!isArticleTable(people) || settings.units !== 'imperial' || settings.dataLabels !== null) {
    // The article's table reads in lb and in, under its own column names.
    useLab.setState({ settings: { ...settings, units: 'imperial', dataLabels: null } });
    if (!isArticleTable(people)) replacePeople(ARTICLE_PEOPLE);
  }
  if (!isArticleArchitecture(settings.architecture)) setArchitecture(ARTICLE_ARCHITECTURE);
  if (settings.initialWeights !== 'ones') setInitialWeights('ones');
  if (settings.scaling !== 'article') setScaling('article');
  if (settings.sampleOrder !== 'in-order') setSampleOrder('in-order');
  if (settings.learningRate !== ARTICLE_LEARNING_RATE) setLearningRate(ARTICLE_LEARNING_RATE);
  if (settings.stopAtEpoch !== null) setStopAtEpoch(null);
  if (settings.stopAtLoss !== null) setStopAtLoss(null);
  if (settings.trainingShare !== 1) setTrainingShare(1); // the article's four people all train
  reset();
  selectRow(null);
  setStepPhase(null);
}

/** Gives every parameter a value at once (article order: w1..w6, b1..b3), in one command. */
export function setAllParams(values: readonly number[]): void {
  sendToTrainer({ type: 'set-params', params: [...values] });
}

/** Settings as a whole (a snapshot's): the worker gets a new configuration and starts at epoch 0. */
function restartWith(settings: Settings): void {
  useLab.setState({ settings });
  trainerBridge.restart(settings);
}

/** The user's table and settings, set aside while the tour borrows the lab. */
export interface LabSnapshot {
  readonly people: readonly Person[];
  readonly settings: Settings;
}

export function takeLabSnapshot(): LabSnapshot {
  const { people, settings } = useLab.getState();
  return { people, settings };
}

/** Presenter mode is the room's choice, not part of the lab: it is never compared or put back. */
function withoutPresenter(settings: Settings): Settings {
  return { ...settings, presenter: false };
}

/** Has the lab's table or settings changed since the snapshot? */
export function labDiffersFrom(snapshot: LabSnapshot): boolean {
  const { people, settings } = useLab.getState();
  const sameTable = people === snapshot.people;
  const sameSettings =
    JSON.stringify(withoutPresenter(settings)) === JSON.stringify(withoutPresenter(snapshot.settings));
  return !sameTable || !sameSettings;
}

/** Puts the snapshot's table and settings back (presenter mode stays as it is now), at epoch 0. */
export function restoreLabSnapshot(snapshot: LabSnapshot): void {
  pause();
  if (useLab.getState().people !== snapshot.people) replacePeople(snapshot.people);
  const presenter = useLab.getState().settings.presenter;
  restartWith({ ...snapshot.settings, presenter });
  setSpeed(snapshot.settings.speed);
  setStopAtEpoch(snapshot.settings.stopAtEpoch);
  setStopAtLoss(snapshot.settings.stopAtLoss);
  selectRow(null);
  setStepPhase(null);
}
