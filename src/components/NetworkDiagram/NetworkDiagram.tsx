import { useEffect, useMemo, useRef, useState } from 'react';
import { checkPerson } from '../../core/dataset';
import { H1, H2, O1 } from '../../core/forward';
import { setParam } from '../../store/actions';
import { useFocusRow, useFocusTrace, type FocusTrace } from '../../store/derived';
import { useLab } from '../../store/labStore';
import { useElementWidth } from '../common/useElementWidth';
import { formatValue } from '../format';
import { Bias } from './Bias';
import { Edge } from './Edge';
import { networkLayout, paramAnchor, type NeuronId } from './layout';
import { Neuron } from './Neuron';
import { ParamEditor } from './ParamEditor';
import { isSymmetricStart } from './paramValue';
import { PersonPicker, personName } from './PersonPicker';
import { ActivationLegend, WeightLegend } from './WeightLegend';
import './NetworkDiagram.css';

/** Width used before the first measurement (and in jsdom, which cannot measure). */
const FALLBACK_WIDTH = 720;

interface NeuronReading {
  value: number | null;
  /** Inputs are scaled lb and in, not outputs in (0, 1), so they are not coloured by activation. */
  isOutput: boolean;
  note?: string;
  description: string;
}

function readNeuron(id: NeuronId, trace: FocusTrace | null, who: string): NeuronReading {
  if (id === 'x1' || id === 'x2') {
    const raw = trace ? checkPerson(trace.person) : null;
    const value = trace ? (id === 'x1' ? trace.x1 : trace.x2) : null;
    const measure = id === 'x1' ? 'weight' : 'height';
    const rawText = raw ? (id === 'x1' ? `${raw.weight} lb` : `${raw.height} in`) : '—';
    const scaled = value === null ? '' : `, scaled to ${formatValue(value, 3)}`;
    return {
      value,
      isOutput: false,
      note: `${measure} ${rawText}`,
      description: `${id} (${measure}) of ${who}: ${rawText}${scaled}`,
    };
  }
  const slot = id === 'h1' ? H1 : id === 'h2' ? H2 : O1;
  const value = trace ? trace.forward[slot]! : null;
  const what = id === 'o1' ? 'output (the prediction)' : 'output';
  const shown = value === null ? 'not available' : formatValue(value, 3);
  return { value, isOutput: true, description: `${id}: ${what} ${shown} for ${who}` };
}

/** The `Network` figure: the 2-2-1 network with the focus person's values, live weights and biases. */
export function NetworkDiagram() {
  const [canvasRef, measuredWidth] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const layout = useMemo(() => networkLayout(measuredWidth), [measuredWidth]);
  const params = useLab((state) => state.run.params);
  const followingLast = useLab((state) => state.selectedRow === null);
  const row = useFocusRow();
  const person = useLab((state) => state.people[row]);
  const trace = useFocusTrace();
  const [editing, setEditing] = useState<{ param: number; initial: number } | null>(null);
  const refocusParam = useRef<number | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);

  // After a keyboard commit or cancel, focus goes back to the weight or bias that was edited.
  useEffect(() => {
    if (editing !== null || refocusParam.current === null) return;
    const target = svgRef.current?.querySelector<SVGGElement>(`[data-param="${refocusParam.current}"]`);
    refocusParam.current = null;
    target?.focus();
  }, [editing]);

  const openEditor = (param: number): void => setEditing({ param, initial: params[param] ?? 0 });
  const who = person ? personName(person.name, row) : 'no one';
  const anchor = editing ? paramAnchor(layout, editing.param) : null;

  return (
    <figure className="network-diagram" aria-label="Network">
      <div className="network-head">
        <figcaption className="network-caption">
          {person ? (
            <>
              Showing <strong>{who}</strong> (row {row + 1}
              {followingLast ? ', trained last' : ''}) — click a row in the table or a person here to follow
              someone else
            </>
          ) : (
            'No one in the table yet: add a person to see what the network computes.'
          )}
          {person && !trace ? (
            <span className="network-left-out">
              {' '}
              {who} is left out of training (a bad cell), so no values.
            </span>
          ) : null}
        </figcaption>
        <PersonPicker />
      </div>
      <div className="network-canvas" ref={canvasRef}>
        <svg
          ref={svgRef}
          className="network-svg"
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
        >
          <g className="network-edges">
            {layout.edges.map((edge) => (
              <Edge
                key={edge.name}
                edge={edge}
                value={params[edge.param] ?? Number.NaN}
                alwaysLabelled={layout.showEdgeLabels && editing?.param !== edge.param}
                fontSize={layout.fontSize}
                onEdit={openEditor}
              />
            ))}
          </g>
          <g className="network-neurons">
            {layout.neurons.map((spot) => {
              const reading = readNeuron(spot.id, trace, who);
              const shown = reading.value === null ? null : formatValue(reading.value, 3);
              return (
                <Neuron
                  key={spot.id}
                  spot={spot}
                  radius={layout.radius}
                  fontSize={layout.fontSize}
                  shown={shown}
                  exact={reading.value}
                  activation={reading.isOutput ? reading.value : null}
                  description={reading.description}
                  note={reading.note}
                />
              );
            })}
          </g>
          <g className="network-biases">
            {layout.neurons.map((spot) =>
              spot.bias === null ? null : (
                <Bias
                  key={spot.id}
                  param={spot.bias}
                  value={params[spot.bias] ?? Number.NaN}
                  at={spot.note}
                  fontSize={layout.fontSize}
                  onEdit={openEditor}
                />
              ),
            )}
          </g>
        </svg>
        {editing && anchor ? (
          <ParamEditor
            key={editing.param}
            param={editing.param}
            initial={editing.initial}
            anchor={anchor}
            figureWidth={layout.width}
            onCommit={setParam}
            onClose={(refocus) => {
              refocusParam.current = refocus ? editing.param : null;
              setEditing(null);
            }}
          />
        ) : null}
      </div>
      {isSymmetricStart(params) ? (
        <p className="network-note" role="note">
          h1 and h2 have identical weights, so they get identical gradients and stay identical forever (the
          symmetric start).
        </p>
      ) : null}
      <div className="network-legends">
        <WeightLegend />
        <ActivationLegend />
      </div>
    </figure>
  );
}
