import { useId, useState } from 'react';
import { ACTIVATION_LABELS } from '../../core/architecture';
import {
  activationSlope,
  activationValue,
  neuronNote,
  type NeuronActivation,
} from '../../core/activationShape';
import { hiddenSumSlot, outputSumSlot } from '../../core/bufferLayout';
import { shapeFor } from '../../core/engine';
import { useRunArchitecture, useShownScaling, useStepRecord } from '../../store/derived';
import { useElementWidth } from '../common/useElementWidth';
import { useOnScreen } from '../common/useOnScreen';
import { formatValue } from '../format';
import { ActivationPlot } from './ActivationPlot';
import { noteWords } from './noteWords';
import { useLargestSums } from './useLargestSums';
import './ActivationExplorer.css';

const KIND_LABELS: Readonly<Record<NeuronActivation, string>> = {
  ...ACTIVATION_LABELS,
  linear: 'Linear',
};

const FALLBACK_WIDTH = 360;

/**
 * The activation explorer: f(z) and f′(z) of a neuron's activation (a hidden neuron's, or the output's),
 * the tangent at the sum z the person in focus gives it, and a note when it saturates there or, for a
 * ReLU, when it is off for this person or dead for every training row.
 */
export function ActivationExplorer() {
  const [containerRef, width] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const onScreen = useOnScreen(containerRef);
  const record = useStepRecord('formulas', onScreen);
  const runArchitecture = useRunArchitecture();
  const scaling = useShownScaling();
  const [picked, setPicked] = useState(0);
  const pickerId = useId();
  const params = record?.paramsBefore ?? new Float64Array(0);
  const shape = shapeFor(params, record?.architecture ?? runArchitecture);
  const { hidden } = shape;
  const neuron = Math.min(picked, hidden); // `hidden` is the output neuron
  const isOutput = neuron === hidden;
  const kind: NeuronActivation = isOutput
    ? shape.output === 'linear'
      ? 'linear'
      : 'sigmoid'
    : shape.activation;
  const largest = useLargestSums(shape, params, scaling, record !== null && shape.activation === 'relu');
  const name = isOutput ? 'o1' : `h${neuron + 1}`;

  let body = <p>No one to follow: every row of the dataset has a problem.</p>;
  if (record) {
    const z = record.forward[isOutput ? outputSumSlot(hidden) : hiddenSumSlot(neuron)] ?? Number.NaN;
    const who = record.person.name.trim() || `Row ${record.row + 1}`;
    const value = activationValue(kind, z);
    const slope = activationSlope(kind, z);
    const note = neuronNote(kind, z, isOutput ? null : (largest?.sums[neuron] ?? null), largest?.rows ?? 0);
    const words = noteWords(note, name, who);
    const [zText, fText, slopeText] = [z, value, slope].map((v) => formatValue(v, 3));
    body = (
      <>
        <ActivationPlot
          kind={kind}
          z={z}
          width={width}
          label={`${KIND_LABELS[kind]} f(z) and its slope f′(z), with the tangent at ${name}’s z = ${zText} for ${who}`}
        />
        <ul className="activation-legend" aria-hidden="true">
          <li data-series="value">f(z)</li>
          <li data-series="slope">f′(z)</li>
          <li data-series="tangent">tangent at z</li>
        </ul>
        <p className="activation-readout">
          {name} for {who}: z = {zText}, f(z) = {fText}, f′(z) = {slopeText}; the tangent is y = {fText} +{' '}
          {slopeText} (z − {zText}).
        </p>
        {words === '' ? null : (
          <p className="activation-note" data-note={note?.kind}>
            {words}
          </p>
        )}
      </>
    );
  }
  return (
    <section className="activation-explorer" aria-label="Activation explorer">
      <h2 className="activation-title">Activation explorer</h2>
      <div className="field">
        <label htmlFor={pickerId}>Neuron</label>
        <select
          id={pickerId}
          value={neuron}
          onChange={(event) => setPicked(Number(event.currentTarget.value))}
        >
          {Array.from({ length: hidden }, (_, j) => (
            <option key={j} value={j}>
              h{j + 1} ({KIND_LABELS[shape.activation]})
            </option>
          ))}
          <option value={hidden}>
            o1, the output ({KIND_LABELS[shape.output === 'linear' ? 'linear' : 'sigmoid']})
          </option>
        </select>
      </div>
      <div ref={containerRef} className="activation-body">
        {body}
      </div>
    </section>
  );
}
