import { ARTICLE_ARCHITECTURE, type Architecture } from './architecture';
import type { InitialWeights } from './init';
import type { DataRecipe } from './datasets/types';
import type { ScalingMode } from './scaling';
import type { SampleOrder } from './trainer';

/** What the user chose. Everything that decides a run's start is here, so a run can be reproduced. */
export interface Settings {
  readonly learningRate: number;
  /** Epochs per second; null = as fast as possible. */
  readonly speed: number | null;
  /** Training pauses itself at this epoch; null = no limit. */
  readonly stopAtEpoch: number | null;
  readonly initialWeights: InitialWeights;
  readonly seed: number;
  readonly scaling: ScalingMode;
  readonly sampleOrder: SampleOrder;
  /** Hidden neurons, activation, loss, update mode, momentum (the article's by default). */
  readonly architecture: Architecture;
  /** Training pauses itself once the epoch loss is at or below this; null = no limit. */
  readonly stopAtLoss: number | null;
  /** Units the table, the plane and Predict show and take; the model always sees pounds and inches. */
  readonly units: Units;
  /** Names for the inputs and classes of an imported dataset; null = the article's weight, height, gender. */
  readonly dataLabels: DataLabels | null;
  /** Large type, advanced controls hidden: for a projector. Travels in the share link. */
  readonly presenter: boolean;
  /** The example set and options the table was generated from; null once it is the user's own table. */
  readonly dataSource: DataRecipe | null;
  /** Share of the rows training takes (0.1..1); the rest are test rows (see split.ts). */
  readonly trainingShare: number;
  /** The Decision boundary draws the test rows, as hollow points. */
  readonly showTestData: boolean;
  /** The Decision boundary's heatmap in two colours split at 0.5 instead of a continuous scale. */
  readonly discretizeOutput: boolean;
}

export type Units = 'imperial' | 'metric';

/** What an imported CSV's chosen columns are called: the inputs, and the label values meaning 1 and 0. */
export interface DataLabels {
  readonly x1: string;
  readonly x2: string;
  readonly positive: string;
  readonly negative: string;
  /** A numeric label column's name: the lab predicts that number (a linear output), not a class. */
  readonly target?: string;
}

export const DEFAULT_SEED = 42;

export const DEFAULT_SETTINGS: Settings = {
  learningRate: 0.1,
  speed: 200,
  stopAtEpoch: null,
  initialWeights: 'random',
  seed: DEFAULT_SEED,
  scaling: 'article',
  sampleOrder: 'in-order',
  architecture: ARTICLE_ARCHITECTURE,
  stopAtLoss: null,
  units: 'imperial',
  dataLabels: null,
  presenter: false,
  dataSource: null,
  // The article's four people all train.
  trainingShare: 1,
  showTestData: false,
  discretizeOutput: false,
};
