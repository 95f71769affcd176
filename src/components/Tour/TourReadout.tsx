import { sigmoid } from '../../core/activation';
import { hiddenBiasIndex, inputWeightIndex } from '../../core/architecture';
import { hiddenOutputSlot, hiddenSumSlot, outputSlot } from '../../core/bufferLayout';
import { ARTICLE_QUERIES, checkPerson, genderTarget } from '../../core/dataset';
import { predictRaw, trace } from '../../core/engine';
import { scaleInput } from '../../core/scaling';
import { useShownNetwork, useShownScaling } from '../../store/derived';
import { useDisplayedRun, useShownParams } from '../../store/displayClock';
import { useLab } from '../../store/labStore';
import { shownEpoch, useRun, type RunStoreState } from '../../store/runStore';
import { formatCount, formatLoss, formatValue } from '../format';
import type { TourStepId } from './tourSteps';
import { OverfittingReadout } from './OverfittingReadout';

/** The article's inputs for its single-neuron and feedforward examples. */
const EXAMPLE_X = [2, 3] as const;
/** The article's single neuron: w = [0, 1], b = 4. */
const NEURON_W = [0, 1] as const;
const NEURON_B = 4;

/** 4 significant digits, as the article prints its examples (0.7216). */
const four = (value: number) => formatValue(value, 4);
/** 3 significant digits, as the Math view prints (0.0215). */
const three = (value: number) => formatValue(value, 3);
const signed = (value: number) => (value < 0 ? `(${four(value)})` : four(value));

/** What the readouts print of the run, on the display clock's reading cadence. */
const liveEpoch = (state: RunStoreState) => state.run.epoch;
const liveLoss = (state: RunStoreState) => state.run.loss;
const liveRate = (state: RunStoreState) => state.run.learningRate;

function Neurons() {
  const net = useShownNetwork(useShownParams('readout'));
  const scaling = useShownScaling();
  const alice = useLab((state) => state.people[0]);
  const articleSum = NEURON_W[0] * EXAMPLE_X[0] + NEURON_W[1] * EXAMPLE_X[1] + NEURON_B;
  const check = alice ? checkPerson(alice) : null;
  let aliceLine = 'The first row has a problem, so h1 has nothing to show.';
  if (alice && check?.valid) {
    const x1 = scaleInput(scaling, 0, check.weight);
    const x2 = scaleInput(scaling, 1, check.height);
    const { params, architecture } = net;
    const w1 = params[inputWeightIndex(0, 0)]!;
    const w2 = params[inputWeightIndex(0, 1)]!;
    const b1 = params[hiddenBiasIndex(architecture.hidden, 0)]!;
    // The engine computes h1 with the run's own activation; the line shows the sum it was applied to.
    const { forward } = trace(net, x1, x2, genderTarget(alice.gender));
    const sum = forward[hiddenSumSlot(0)]!;
    const h1 = forward[hiddenOutputSlot(0)]!;
    aliceLine = `h1 for ${alice.name}: f(${four(w1)}·${signed(x1)} + ${four(w2)}·${signed(x2)} + ${signed(b1)}) = f(${four(sum)}) = ${four(h1)}`;
  }
  return (
    <>
      <p>
        The article’s neuron: f(0·2 + 1·3 + 4) = f({articleSum}) = {four(sigmoid(articleSum))}
      </p>
      <p>{aliceLine}</p>
    </>
  );
}

function Network() {
  const net = useShownNetwork(useShownParams('readout'));
  const { forward } = trace(net, EXAMPLE_X[0], EXAMPLE_X[1], 0);
  const { hidden } = net.architecture;
  const hiddenText = Array.from(
    { length: hidden },
    (_, neuron) => `h${neuron + 1} = ${four(forward[hiddenOutputSlot(neuron)]!)}`,
  );
  const last = hiddenText.pop();
  const listed = hiddenText.length > 0 ? `${hiddenText.join(', ')} and ${last}` : last;
  return (
    <p>
      With the lab’s weights and biases, x = [2, 3] gives {listed} and o1 ={' '}
      <strong>{four(forward[outputSlot(hidden)]!)}</strong>.
    </p>
  );
}

function Training() {
  const people = useLab((state) => state.people);
  const scaling = useShownScaling();
  return (
    <ul>
      {people.map((person) => {
        const check = checkPerson(person);
        if (!check.valid) return null;
        const x1 = scaleInput(scaling, 0, check.weight);
        const x2 = scaleInput(scaling, 1, check.height);
        return (
          <li key={person.id}>
            {person.name}: ({four(x1)}, {four(x2)}) → {genderTarget(person.gender)}
          </li>
        );
      })}
    </ul>
  );
}

function Loss() {
  const loss = useDisplayedRun(liveLoss, 'readout');
  const epoch = useDisplayedRun(liveEpoch, 'readout');
  const people = useLab((state) => state.people);
  const targets = people.filter((person) => checkPerson(person).valid).map((p) => genderTarget(p.gender));
  // A network that always says 0 is off by ytrue for everyone: its MSE is the mean of ytrue².
  const allZero = targets.reduce((sum, target) => sum + target * target, 0) / Math.max(1, targets.length);
  return (
    <>
      <p>
        The lab’s loss at epoch {formatCount(epoch)}: <strong>{formatLoss(loss)}</strong>
      </p>
      <p>A network that always said 0 (Male) would score {formatLoss(allZero)}.</p>
    </>
  );
}

function Backprop() {
  const sample = useRun((state) => state.run.sample);
  const name = useLab((state) => (sample ? state.people[sample.row]?.name : undefined));
  if (!sample?.paramsBefore) return <p>Waiting for the step…</p>;
  return (
    <p>
      ∂L/∂w1 for {name ?? `row ${sample.row + 1}`}’s step:{' '}
      <strong>{three(sample.grad[inputWeightIndex(0, 0)]!)}</strong>
    </p>
  );
}

function Sgd() {
  const epoch = useDisplayedRun(liveEpoch, 'readout');
  const loss = useDisplayedRun(liveLoss, 'readout');
  const rate = useDisplayedRun(liveRate, 'readout');
  return (
    <p>
      Epoch {formatCount(epoch)}, loss <strong>{formatLoss(loss)}</strong>, learning rate η = {rate}
    </p>
  );
}

function Predictions() {
  const net = useShownNetwork(useShownParams('readout'));
  // The predictions use the shown parameters (the viewed epoch's while scrubbing): name that epoch.
  const epoch = useDisplayedRun(shownEpoch, 'readout');
  return (
    <>
      <p>After epoch {formatCount(epoch)}:</p>
      <ul>
        {ARTICLE_QUERIES.map((query) => {
          const output = predictRaw(net, query.weight, query.height);
          return (
            <li key={query.name}>
              {query.name}: {three(output)} → {output > 0.5 ? 'Female' : 'Male'}
            </li>
          );
        })}
      </ul>
    </>
  );
}

const READOUTS: Readonly<Record<TourStepId, () => React.JSX.Element>> = {
  neurons: Neurons,
  network: Network,
  training: Training,
  loss: Loss,
  backprop: Backprop,
  sgd: Sgd,
  predictions: Predictions,
  overfitting: OverfittingReadout,
};

/** The step's point in the lab's own live numbers (they follow whatever the user does next). */
export function TourReadout({ step }: { readonly step: TourStepId }) {
  const Readout = READOUTS[step];
  return (
    <div className="tour-readout">
      <Readout />
    </div>
  );
}
