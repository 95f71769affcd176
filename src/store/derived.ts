import { useDeferredValue, useMemo } from 'react';
import type { Architecture } from '../core/architecture';
import { networkWeightCount } from '../core/layerShape';
import type { SampleTrace } from '../core/backward';
import { checkTable, type CheckedTable } from '../core/checkedTable';
import { checkPerson, type Person } from '../core/dataset';
import { networkOf, personLoss, predict, shapeFor, trace, type Network } from '../core/engine';
import { penaltyOf } from '../core/regularization';
import { applySgdStep } from '../core/sgd';
import type { Params } from '../core/network';
import { scaleInput, type Scaling } from '../core/scaling';
import { measureOf, type Measure } from '../core/units';
import { useDisplayedRunState, type Cadence } from './displayClock';
import { followedRow, type FollowedRow } from './followedRow';
import { useLab, type LabState } from './labStore';
import { architectureOf, runStore, shownParams, useRun, type RunStoreState } from './runStore';

/** One table row as the network currently sees it. */
export interface RowOutput {
  /** Left out of training (a bad cell). */
  readonly valid: boolean;
  /** The network's output ypred (NaN for a left-out row). */
  readonly output: number;
  /** This person's own loss: (ytrue - ypred)^2, or the cross-entropy when the run trains on it. */
  readonly loss: number;
  /** On the right side of 0.5 (false for a numeric target, which has no sides). */
  readonly correct: boolean;
}

/** The live run's architecture (the one its parameters and history belong to). */
export function useRunArchitecture(): Architecture {
  return useRun((state) => state.run.architecture);
}

/**
 * The architecture that sizes `params`. A view's parameters come on the display clock, so for a frame or
 * two after a new shape arrives it may still show an earlier run's: the run store remembers which
 * architecture reported each vector (with several hidden layers a parameter count does not name a shape).
 * Parameters it never held are read with the run's architecture, resized by shapeFor.
 */
export function useArchitectureFor(params: Params): Architecture {
  const architecture = useRunArchitecture();
  const reported = architectureOf(params);
  return useMemo(() => reported ?? shapeFor(params, architecture), [reported, architecture, params]);
}

/**
 * The network the views compute with: `params` (the shown ones) read with the run's architecture (as the
 * worker reports it, not the settings, which may already ask for the next run) and scaled as the run scales.
 */
export function useShownNetwork(params: Params): Network {
  const architecture = useArchitectureFor(params);
  const scaling = useShownScaling();
  return useMemo(() => networkOf(architecture, params, scaling), [architecture, params, scaling]);
}

/** The live run's network, for code outside React (or these parameters read as the run's). */
export function currentNetwork(params?: Params): Network {
  const { run } = runStore.getState();
  return networkOf(run.architecture, params ?? run.params, run.scaling);
}

export function computeRowOutputs(
  people: readonly Person[],
  net: Network,
  measure: Measure = 'imperial',
): RowOutput[] {
  const { scaling } = net;
  return people.map((person) => {
    const check = checkPerson(person, measure);
    if (!check.valid) return { valid: false, output: Number.NaN, loss: Number.NaN, correct: false };
    const x1 = scaleInput(scaling, 0, check.weight);
    const x2 = scaleInput(scaling, 1, check.height);
    const output = predict(net, x1, x2);
    const { target } = check;
    return {
      valid: true,
      output,
      loss: personLoss(net, x1, x2, target),
      correct: person.target === undefined && output > 0.5 === (target === 1),
    };
  });
}

/**
 * How many of the table's valid rows the network puts on the right side of 0.5: a walk over flat
 * arrays, no object per row (the status shows it for 100,000 rows too).
 */
export function tableAccuracy(
  table: CheckedTable,
  net: Network,
  heldOut: Uint8Array | null = null,
): { correct: number; valid: number; accuracy: number } {
  const { scaling } = net;
  let correct = 0;
  let valid = 0;
  for (let i = 0; i < table.count; i++) {
    if (heldOut?.[i] === 1) continue; // a test row: the accuracy beside the loss is the training rows'
    valid += 1;
    const x1 = scaleInput(scaling, 0, table.weights[i]!);
    const x2 = scaleInput(scaling, 1, table.heights[i]!);
    if (predict(net, x1, x2) > 0.5 === (table.targets[i] === 1)) correct += 1;
  }
  return { correct, valid, accuracy: valid === 0 ? Number.NaN : correct / valid };
}

/** The mean absolute error |y - ŷ| of the network over the table's valid rows (NaN with none). */
export function tableMeanAbsoluteError(table: CheckedTable, net: Network): number {
  const { scaling } = net;
  let sum = 0;
  for (let i = 0; i < table.count; i++) {
    const x1 = scaleInput(scaling, 0, table.weights[i]!);
    const x2 = scaleInput(scaling, 1, table.heights[i]!);
    sum += Math.abs(table.targets[i]! - predict(net, x1, x2));
  }
  return sum / table.count;
}

/** The table as the worker takes it: checked once here (the views share it), then copied over flat. */
export function tableForWorker(state: LabState = useLab.getState()): CheckedTable {
  return checkTable(state.people, measureOf(state.settings));
}

/**
 * The table, for views that walk all of it (the plane, the landscape, the status's accuracy): after an
 * edit they render once the edit itself has painted (React's useDeferredValue, interruptible), so with
 * 100,000 rows typing in a cell answers at once and their work follows in shorter tasks.
 */
export function useDeferredPeople(): readonly Person[] {
  return useDeferredValue(useLab((state) => state.people));
}

/** The input scaling the views apply (the run's current one). */
export function useShownScaling(): Scaling {
  return useRun((state) => state.run.scaling);
}

/** How the table's numbers read (lb/in, kg/cm or imported columns); checkPerson turns them into lb and in. */
export function useMeasure(): Measure {
  return useLab((state) => measureOf(state.settings));
}

/**
 * The row the views follow and why (followedRow), from the run as the view shows it (see
 * displayClock.ts); a row past the end of the table (just removed) gives way to the last one.
 */
export function useFollowedRow(shown: RunStoreState): FollowedRow {
  const selected = useLab((state) => state.selectedRow);
  const rows = useLab((state) => state.people.length);
  const followed = followedRow(selected, shown.run, shown.viewEpoch !== null);
  return followed.row < rows ? followed : { ...followed, row: rows - 1 };
}

/** Forward values, chain-rule factors and gradient of the focus person under the current parameters. */
export interface FocusTrace extends SampleTrace {
  readonly row: number;
  readonly person: Person;
  /** Scaled inputs x1, x2 as the network sees them. */
  readonly x1: number;
  readonly x2: number;
  readonly target: number;
}

/** The followed person's trace under `params`, read with the network and scaling of the run as shown. */
export function useFocusTrace(params: Params, shown: RunStoreState): FocusTrace | null {
  const { row } = useFollowedRow(shown);
  const { run } = shown;
  const person = useLab((state) => state.people[row]);
  const measure = useMeasure();
  const { architecture, scaling } = run;
  const net = useMemo(() => networkOf(architecture, params, scaling), [architecture, params, scaling]);
  return useMemo(() => {
    if (!person) return null;
    const check = checkPerson(person, measure);
    if (!check.valid) return null;
    const x1 = scaleInput(net.scaling, 0, check.weight);
    const x2 = scaleInput(net.scaling, 1, check.height);
    const { target } = check;
    return { row, person, x1, x2, target, ...trace(net, x1, x2, target) };
  }, [row, person, measure, net]);
}

/**
 * One SGD step laid out for the four-phase walkthrough: the parameters before, the forward values,
 * the chain-rule factors and gradient, and the parameters after. `last-step` is the step `Step sample`
 * just took (exact, from the worker); `next` is the step `Step sample` takes next; `preview` is the step
 * a picked person (or anyone, at a viewed past epoch) would get from the shown parameters.
 */
export interface StepRecord {
  readonly kind: 'last-step' | 'next' | 'preview';
  readonly row: number;
  readonly person: Person;
  readonly x1: number;
  readonly x2: number;
  readonly target: number;
  readonly learningRate: number;
  readonly paramsBefore: Float64Array;
  readonly paramsAfter: Float64Array;
  readonly forward: Float64Array;
  readonly factors: Float64Array;
  readonly grad: Float64Array;
  /** The network the step belongs to (the shown run's), when known: the live one may already be another. */
  readonly architecture?: Architecture;
}

/** The penalty a step of `architecture` takes on `params` (regularization.ts), or null for none. */
function stepPenalty(architecture: Architecture, params: Float64Array) {
  const shape = shapeFor(params, architecture);
  return penaltyOf(shape.regularization, shape.regularizationRate, networkWeightCount(shape));
}

/** The step explained, from the run as the display clock lets a view with this cadence show it. */
export function useStepRecord(cadence: Cadence, onScreen = true): StepRecord | null {
  const shown = useDisplayedRunState(cadence, onScreen);
  const params = shownParams(shown);
  const focus = useFocusTrace(params, shown);
  const live = shown.viewEpoch === null;
  const nextRow = shown.run.nextRow ?? 0;
  const selectedRow = useLab((state) => state.selectedRow);
  // In the past, the step explained is the next one from the shown parameters, not the live last step.
  const sample = shown.viewEpoch !== null ? null : shown.run.sample;
  const { learningRate, scaling, architecture } = shown.run;
  const people = useLab((state) => state.people);
  const measure = useMeasure();
  return useMemo(() => {
    const stepped = sample?.paramsBefore ? sample : null;
    if (stepped?.paramsBefore && (selectedRow === null || selectedRow === stepped.row)) {
      const person = people[stepped.row];
      const check = person ? checkPerson(person, measure) : null;
      if (person && check?.valid) {
        return {
          kind: 'last-step',
          row: stepped.row,
          person,
          x1: scaleInput(scaling, 0, check.weight),
          x2: scaleInput(scaling, 1, check.height),
          target: check.target,
          learningRate,
          paramsBefore: stepped.paramsBefore,
          paramsAfter: params,
          forward: stepped.forward,
          factors: stepped.factors,
          grad: stepped.grad,
          architecture,
        };
      }
    }
    if (!focus) return null;
    const paramsAfter = Float64Array.from(params);
    applySgdStep(paramsAfter, focus.grad, learningRate, stepPenalty(architecture, params));
    const kind = live && focus.row === nextRow ? 'next' : 'preview';
    return { ...focus, kind, learningRate, paramsBefore: params, paramsAfter, architecture };
  }, [
    focus,
    selectedRow,
    sample,
    params,
    learningRate,
    people,
    scaling,
    measure,
    live,
    nextRow,
    architecture,
  ]);
}
