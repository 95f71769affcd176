import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { hiddenSizes } from '../../core/layerShape';
import { setParam } from '../../store/actions';
import { useFocusTrace, useFollowedRow } from '../../store/derived';
import { useDisplayedRunState } from '../../store/displayClock';
import type { FollowReason } from '../../store/followedRow';
import { shownParams } from '../../store/runStore';
import { useOnScreen } from '../common/useOnScreen';
import { useLab } from '../../store/labStore';
import { useElementWidth } from '../common/useElementWidth';
import { formatValue } from '../format';
import { ArrowMarkers } from './ArrowMarkers';
import { Bias } from './Bias';
import { Edge } from './Edge';
import { HiddenMaps } from './HiddenMap';
import { networkLayout, paramAnchor } from './layout';
import { Neuron } from './Neuron';
import { readNeuron } from './neuronReading';
import { ParamEditor } from './ParamEditor';
import { PersonPicker, personName } from './PersonPicker';
import { PhaseCaption, PhaseNotes } from './PhaseNotes';
import { SymmetryNote } from './SymmetryNote';
import { usePhaseView } from './usePhaseView';
import { usePlaneWords } from '../common/usePlaneWords';
import { useShownArchitecture } from '../common/useShownArchitecture';
import { useTargetRange } from '../common/useTargetRange';
import { ActivationLegend, WeightLegend } from './WeightLegend';
import './NetworkDiagram.css';
import './StepPhase.css';

/** Why this person is shown, after their row number in the caption. */
const FOLLOW_NOTES: Readonly<Record<FollowReason, string>> = {
  selected: '',
  'just-trained': ', just trained',
  next: ', trained next',
  past: '',
};

/** Width used before the first measurement (and in jsdom, which cannot measure). */
const FALLBACK_WIDTH = 720;

/**
 * The `Network` figure: the network (the article's 2-2-1, or 1 to 4 layers of 1 to 8 hidden neurons) with the focus
 * person's values, live weights and biases, and each hidden neuron's map over the plane.
 * While the Math view walks through an SGD step, the figure shows that step's numbers and lights what
 * the current phase touches (see stepPhaseView.ts).
 */
export function NetworkDiagram() {
  const [canvasRef, measuredWidth] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  // 30 updates a second at most while training, none while off screen: the figure stays readable
  // and leaves most frames to the browser.
  const shown = useDisplayedRunState('figure', useOnScreen(canvasRef));
  const params = shownParams(shown);
  const architecture = useShownArchitecture(params);
  const { activation, features } = architecture;
  const outputRange = useTargetRange(architecture.output === 'linear');
  const sizes = useMemo(() => hiddenSizes(architecture), [architecture]);
  const layout = useMemo(
    () => networkLayout(measuredWidth, sizes, features),
    [measuredWidth, sizes, features],
  );
  const hidden = layout.hidden;
  const { row, why } = useFollowedRow(shown);
  const person = useLab((state) => state.people[row]);
  const trace = useFocusTrace(params, shown);
  // With a phase shown, the neurons show the explained step's values, the same as the Math view.
  const { view, record, timing } = usePhaseView();
  const source = record ?? trace;
  // The maps show the same network as the edges: the explained step's (before it, after it on update).
  const mapParams = record ? (view?.shows === 'after' ? record.paramsAfter : record.paramsBefore) : params;
  const arrowPrefix = `network-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
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
  const words = usePlaneWords();
  const anchor = editing ? paramAnchor(layout, editing.param) : null;

  return (
    <figure className="network-diagram" aria-label="Network">
      <div className="network-head">
        <figcaption className="network-caption">
          {person ? (
            <>
              Showing <strong>{who}</strong> (row {row + 1}
              {FOLLOW_NOTES[why]})
              <span className="network-caption-hint">
                {' '}
                — click a row in the table or a person here to follow someone else
              </span>
            </>
          ) : (
            'No one in the table yet: add a person to see what the network computes.'
          )}
          {view ? <PhaseCaption view={view} /> : null}
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
          className={`network-svg${view ? ` has-phase phase-${view.phase}` : ''}`}
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          style={view ? timing : undefined}
        >
          <ArrowMarkers prefix={arrowPrefix} size={layout.fontSize * 0.75} />
          <g className="network-edges">
            {layout.edges.map((edge) => {
              const phase = view?.params[edge.param] ?? null;
              const roomy = view ? edge.phaseLabelled : edge.labelled;
              return (
                <Edge
                  key={edge.name}
                  edge={edge}
                  network={architecture}
                  features={features}
                  value={params[edge.param] ?? Number.NaN}
                  alwaysLabelled={(roomy || hidden <= 2) && editing?.param !== edge.param}
                  nameOnly={!roomy}
                  fontSize={layout.fontSize}
                  onEdit={openEditor}
                  phase={phase}
                  arrowPrefix={arrowPrefix}
                />
              );
            })}
          </g>
          <g className="network-neurons">
            {layout.neurons.map((spot) => {
              const reading = readNeuron(
                spot,
                { hidden, activation, words, who, outputRange, architecture },
                source,
              );
              const shown = reading.value === null ? null : formatValue(reading.value, 3);
              const highlight = view?.neurons[spot.id] ?? null;
              return (
                <Neuron
                  key={spot.id}
                  spot={spot}
                  radius={layout.radius}
                  fontSize={layout.fontSize}
                  shown={shown}
                  exact={reading.value}
                  kind={reading.kind}
                  range={reading.range}
                  activation={reading.value}
                  description={
                    highlight?.factor ? `${reading.description}; ${highlight.factor}` : reading.description
                  }
                  note={reading.note}
                  figureWidth={layout.width}
                  highlight={highlight}
                />
              );
            })}
          </g>
          <g className="network-biases">
            {layout.neurons.map((spot) =>
              spot.bias === null ? null : (
                <Bias
                  key={spot.id}
                  network={architecture}
                  features={features}
                  param={spot.bias}
                  value={params[spot.bias] ?? Number.NaN}
                  at={spot.note}
                  figureWidth={layout.width}
                  fontSize={layout.fontSize}
                  onEdit={openEditor}
                  phase={view?.params[spot.bias] ?? null}
                />
              ),
            )}
          </g>
          {view ? <PhaseNotes layout={layout} view={view} /> : null}
        </svg>
        <HiddenMaps
          layout={layout}
          params={mapParams}
          activation={activation}
          features={features}
          hiddenLayers={architecture.hiddenLayers}
        />
        {editing && anchor ? (
          <ParamEditor
            key={editing.param}
            network={architecture}
            features={features}
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
      <SymmetryNote params={params} inputs={features.length} />
      <div className="network-legends">
        <WeightLegend />
        <ActivationLegend hidden={activation} outputRange={outputRange} />
      </div>
    </figure>
  );
}
