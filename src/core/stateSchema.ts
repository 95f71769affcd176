/**
 * The checks every lab state from outside must pass (a share link, a saved lab): each field's type and
 * range, bounded text, fresh objects. A failed check throws a SchemaError whose message says, in plain
 * words, what was wrong; callers turn it into their own notice.
 */
import type { DataLabels, Settings, Units } from './settings';
import {
  ACTIVATION_LABELS,
  ARTICLE_ARCHITECTURE,
  LOSS_LABELS,
  MAX_BATCH_SIZE,
  MAX_HIDDEN,
  MAX_MOMENTUM,
  MIN_HIDDEN,
  UPDATE_LABELS,
  type Architecture,
} from './architecture';
import { DEFAULT_FEATURES, isFeature, orderedFeatures, type Feature } from './features';
import { MAX_REGULARIZATION_RATE, MIN_REGULARIZATION_RATE, REGULARIZATION_LABELS } from './regularization';
import { MAX_CELL_LENGTH, MAX_NAME_LENGTH, newPersonId, type Gender, type Person } from './dataset';
import { findExampleSet } from './datasets/registry';
import { MAX_NOISE, MAX_POINTS, MIN_POINTS, type DataRecipe } from './datasets/types';
import { INITIAL_WEIGHT_LABELS } from './init';
import { MAX_DECAY, MAX_EPSILON, MIN_EPSILON, OPTIMIZER_KINDS, type OptimizerSettings } from './optimizer';
import {
  MAX_LAYERS,
  isValidSizes,
  networkParamCount,
  withHiddenSizes,
  type LayeredShape,
} from './layerShape';
import { SCALING_LABELS } from './scaling';
import { SAMPLE_ORDER_LABELS } from './trainer';
import { MIN_TRAINING_SHARE } from './split';

const MAX_SEED = 2 ** 32 - 1;
const MAX_STOP_EPOCH = 1e12;
const MAX_RATE = 1e6;

/**
 * A person as it travels. The id comes along where the train/test split needs it (a saved lab, a link
 * with a split): the split is decided from it. Without one the table gives a fresh one.
 */
export interface PersonRecord {
  readonly id?: string;
  readonly name: string;
  readonly weight: string;
  readonly height: string;
  readonly gender: Gender;
  /** A numeric target as typed (a table that predicts a number). */
  readonly target?: string;
}

/** What a failed check throws; its message says what was wrong. */
export class SchemaError extends Error {}

export function fail(why: string): never {
  throw new SchemaError(why);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(value: unknown, labels: Readonly<Record<T, string>>, what: string): T {
  if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(labels, value)) return value as T;
  return fail(`${what} is not one of ${Object.keys(labels).join(', ')}`);
}

function numberIn(value: unknown, what: string, min: number, max: number, integer: boolean): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
  if (!ok || (integer && !Number.isInteger(value))) {
    fail(`${what} is not ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
  }
  return value;
}

function positive(value: unknown, what: string, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    fail(`${what} is not a number above 0 and at most ${max}`);
  }
  return value;
}

export function readSettings(value: unknown): Settings {
  if (!isRecord(value)) return fail('the settings are missing');
  return {
    learningRate: positive(value.learningRate, 'the learning rate', MAX_RATE),
    speed: value.speed === null ? null : positive(value.speed, 'the speed', 1e9),
    stopAtEpoch:
      value.stopAtEpoch === null
        ? null
        : numberIn(value.stopAtEpoch, 'stop at epoch', 1, MAX_STOP_EPOCH, true),
    initialWeights: oneOf(value.initialWeights, INITIAL_WEIGHT_LABELS, 'the initial weights'),
    seed: numberIn(value.seed, 'the seed', 0, MAX_SEED, true),
    scaling: oneOf(value.scaling, SCALING_LABELS, 'the input scaling'),
    sampleOrder: oneOf(value.sampleOrder, SAMPLE_ORDER_LABELS, 'the sample order'),
    // Fields added after the first saves and links: absent means the article's default.
    architecture:
      value.architecture === undefined ? ARTICLE_ARCHITECTURE : readArchitecture(value.architecture),
    stopAtLoss:
      value.stopAtLoss === undefined || value.stopAtLoss === null
        ? null
        : positive(value.stopAtLoss, 'stop at loss', 1e6),
    units: value.units === undefined ? 'imperial' : oneOf<Units>(value.units, UNIT_LABELS, 'the units'),
    dataLabels:
      value.dataLabels === undefined || value.dataLabels === null ? null : readDataLabels(value.dataLabels),
    presenter: value.presenter === undefined ? false : readBoolean(value.presenter, 'presenter mode'),
    dataSource:
      value.dataSource === undefined || value.dataSource === null ? null : readRecipe(value.dataSource),
    trainingShare:
      value.trainingShare === undefined
        ? 1
        : numberIn(value.trainingShare, 'the training share', MIN_TRAINING_SHARE, 1, false),
    showTestData:
      value.showTestData === undefined ? false : readBoolean(value.showTestData, 'show test data'),
    discretizeOutput:
      value.discretizeOutput === undefined ? false : readBoolean(value.discretizeOutput, 'discretize output'),
  };
}

/** An example set's recipe: a set the lab knows, and options its controls could have set. */
export function readRecipe(value: unknown): DataRecipe {
  if (!isRecord(value)) return fail('the example data is missing');
  const { kind } = value;
  if (typeof kind !== 'string' || !findExampleSet(kind)) fail('the example data is not one the lab knows');
  return {
    kind,
    points: numberIn(value.points, "the example data's points", MIN_POINTS, MAX_POINTS, true),
    noise: numberIn(value.noise, "the example data's noise", 0, MAX_NOISE, false),
    seed: numberIn(value.seed, "the example data's seed", 0, MAX_SEED, true),
  };
}

const UNIT_LABELS: Readonly<Record<Units, string>> = { imperial: 'lb, in', metric: 'kg, cm' };
const MAX_LABEL_LENGTH = 100;

function readBoolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') fail(`${what} is not true or false`);
  return value;
}

export function readArchitecture(value: unknown): Architecture {
  if (!isRecord(value)) return fail('the network options are missing');
  const architecture: Architecture = {
    hidden: numberIn(value.hidden, 'the hidden neuron count', MIN_HIDDEN, MAX_HIDDEN, true),
    activation: oneOf(value.activation, ACTIVATION_LABELS, 'the hidden activation'),
    loss: oneOf(value.loss, LOSS_LABELS, 'the loss'),
    update: oneOf(value.update, UPDATE_LABELS, 'the update mode'),
    batchSize: numberIn(value.batchSize, 'the batch size', 1, MAX_BATCH_SIZE, true),
    momentum: numberIn(value.momentum, 'the momentum', 0, MAX_MOMENTUM, false),
    // Added after the first saves and links: absent means the article's x1, x2 and no penalty.
    features: value.features === undefined ? DEFAULT_FEATURES : readFeatures(value.features),
    regularization:
      value.regularization === undefined
        ? ARTICLE_ARCHITECTURE.regularization
        : oneOf(value.regularization, REGULARIZATION_LABELS, 'the regularization'),
    regularizationRate:
      value.regularizationRate === undefined
        ? ARTICLE_ARCHITECTURE.regularizationRate
        : numberIn(
            value.regularizationRate,
            'the regularization rate',
            MIN_REGULARIZATION_RATE,
            MAX_REGULARIZATION_RATE,
            false,
          ),
    // Added with RMSProp and Adam: absent is SGD (with momentum when `momentum` is above 0).
    ...(value.optimizer === undefined ? {} : { optimizer: readOptimizer(value.optimizer) }),
  };
  // Added with deeper networks: absent means one hidden layer of `hidden` neurons.
  return value.hiddenLayers === undefined
    ? architecture
    : withHiddenSizes(architecture, readHiddenLayers(value.hiddenLayers));
}

function readOptimizer(value: unknown): OptimizerSettings {
  if (!isRecord(value)) return fail('the optimizer is missing');
  return {
    kind: oneOf(value.kind, OPTIMIZER_KINDS, 'the optimizer'),
    beta1: numberIn(value.beta1, 'beta 1', 0, MAX_DECAY, false),
    beta2: numberIn(value.beta2, 'beta 2', 0, MAX_DECAY, false),
    alpha: numberIn(value.alpha, 'alpha', 0, MAX_DECAY, false),
    epsilon: numberIn(value.epsilon, 'epsilon', MIN_EPSILON, MAX_EPSILON, false),
  };
}

/** Two to MAX_LAYERS layer sizes (one layer is written as `hidden` alone, see withHiddenSizes). */
function readHiddenLayers(value: unknown): readonly number[] {
  if (!Array.isArray(value) || value.length < 2 || !isValidSizes(value as number[])) {
    fail(`the hidden layers are not 2 to ${MAX_LAYERS} sizes of ${MIN_HIDDEN} to ${MAX_HIDDEN} neurons`);
  }
  return [...(value as number[])];
}

function readFeatures(value: unknown): readonly Feature[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isFeature)) {
    fail('the inputs are not a list of x1, x2, x1Squared, x2Squared, x1TimesX2, sinX1, sinX2');
  }
  const features = orderedFeatures(value);
  if (features.length !== value.length) fail('the inputs are not each listed once, in order');
  return features;
}

function readDataLabels(value: unknown): DataLabels {
  if (!isRecord(value)) return fail('the column names are missing');
  return {
    x1: text(value.x1, 'the first input name', MAX_LABEL_LENGTH),
    x2: text(value.x2, 'the second input name', MAX_LABEL_LENGTH),
    positive: text(value.positive, 'the label meaning 1', MAX_LABEL_LENGTH),
    negative: text(value.negative, 'the label meaning 0', MAX_LABEL_LENGTH),
    ...(value.target === undefined
      ? {}
      : { target: text(value.target, 'the target name', MAX_LABEL_LENGTH) }),
  };
}

function text(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') return fail(`${what} is not text`);
  if (value.length > max) fail(`${what} is longer than ${max} characters`);
  return value;
}

export function readPeople(value: unknown, maxPeople: number): PersonRecord[] {
  if (!Array.isArray(value)) return fail('the dataset is missing');
  if (value.length > maxPeople) fail(`the dataset has more than ${maxPeople} people`);
  return value.map((person: unknown, index) => {
    const who = `person ${index + 1}`;
    if (!isRecord(person)) return fail(`${who} is not a person`);
    const gender = person.gender;
    if (gender !== 'F' && gender !== 'M') fail(`${who}'s gender is not F or M`);
    const id = typeof person.id === 'string' && person.id !== '' && person.id.length <= MAX_ID_LENGTH;
    return {
      ...(id ? { id: person.id as string } : {}),
      name: text(person.name, `${who}'s name`, MAX_NAME_LENGTH),
      weight: text(person.weight, `${who}'s weight`, MAX_CELL_LENGTH),
      height: text(person.height, `${who}'s height`, MAX_CELL_LENGTH),
      gender,
      ...(person.target === undefined
        ? {}
        : { target: text(person.target, `${who}'s target`, MAX_CELL_LENGTH) }),
    };
  });
}

const MAX_ID_LENGTH = 64;

/** People for the table: each keeps its carried id, unless it has none or an earlier one has it already. */
export function peopleWithIds(records: readonly PersonRecord[]): Person[] {
  const seen = new Set<string>();
  return records.map(({ id, ...person }) => {
    const kept = id !== undefined && !seen.has(id) ? id : newPersonId();
    seen.add(kept);
    return { id: kept, ...person };
  });
}

/** Parameters for a network of this shape (hidden layers and inputs; the article's 2-2-1 unless told). */
export function readParams(
  value: unknown,
  shape: LayeredShape & Pick<Architecture, 'features'> = ARTICLE_ARCHITECTURE,
): number[] {
  const count = networkParamCount(shape);
  const ok =
    Array.isArray(value) &&
    value.length === count &&
    value.every((p) => typeof p === 'number' && Number.isFinite(p));
  if (!ok) fail(`the parameters are not ${count} finite numbers`);
  return [...(value as number[])];
}
