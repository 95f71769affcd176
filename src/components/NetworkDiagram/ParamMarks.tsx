import type { Params } from '../../core/network';
import { formatValue } from '../format';
import { Bias } from './Bias';
import { Edge } from './Edge';
import { paramLabel, type ParamDescription } from './editTarget';
import type { NetworkLayout } from './layout';
import { paramStroke, paramWidth } from './paramLook';
import type { PhaseView } from './stepPhaseView';

/** What the figure's weights and biases are drawn from; shared by Edges and Biases. */
interface ParamMarksProps {
  layout: NetworkLayout;
  params: Params;
  /** The phase of the SGD step the Math view walks through, or null. */
  view: PhaseView | null;
  /** Each parameter's name and role (describeParams), once per network. */
  descriptions: readonly ParamDescription[];
  /** Hovered or focused: printed with its value, its exact value in a tooltip. */
  isActive: (param: number) => boolean;
  /** The parameter whose editor is open (its label makes room for the editor), or null. */
  editing: number | null;
  onEdit: (param: number) => void;
}

/** During a phase a weight or bias shows the step's value (before it, or after it on update). */
function shownValue(params: Params, param: number, view: PhaseView | null): number {
  const phase = view?.params[param];
  return phase ? phase.value : (params[param] ?? Number.NaN);
}

/**
 * Every weight's line. Each edge gets only what it shows, rounded (its printed value, colour, width,
 * accessible name), so the memoised Edge skips a redraw that changes none of it; only a hovered or
 * focused edge carries its exact value.
 */
export function Edges(props: ParamMarksProps & { arrowPrefix: string }) {
  const { layout, params, view, descriptions, isActive, editing, onEdit, arrowPrefix } = props;
  return layout.edges.map((edge) => {
    const phase = view?.params[edge.param] ?? null;
    const roomy = view ? edge.phaseLabelled : edge.labelled;
    const active = isActive(edge.param);
    const value = shownValue(params, edge.param, view);
    const printed = formatValue(value);
    const description = descriptions[edge.param] ?? { name: edge.name, role: '' };
    const labelled = ((roomy || layout.hidden <= 2) && editing !== edge.param) || active;
    const nameOnly = !roomy && !active;
    const labelText = nameOnly ? edge.name : (phase?.label ?? `${edge.name} = ${printed}`);
    return (
      <Edge
        key={edge.name}
        edge={edge}
        ariaLabel={paramLabel(description, printed, phase?.spoken)}
        labelText={labelled ? labelText : null}
        nameOnly={nameOnly}
        stroke={paramStroke(value)}
        strokeWidth={paramWidth(value, phase !== null)}
        active={active}
        exact={active ? value : null}
        fontSize={layout.fontSize}
        onEdit={onEdit}
        phase={phase}
        arrowPrefix={arrowPrefix}
      />
    );
  });
}

/** Every neuron's bias beside it, drawn from rounded values like the edges. */
export function Biases(props: ParamMarksProps) {
  const { layout, params, view, descriptions, isActive, onEdit } = props;
  return layout.neurons.map((spot) => {
    if (spot.bias === null) return null;
    const value = shownValue(params, spot.bias, view);
    const printed = formatValue(value);
    const description = descriptions[spot.bias] ?? { name: `b${spot.bias + 1}`, role: '' };
    const phase = view?.params[spot.bias] ?? null;
    return (
      <Bias
        key={spot.id}
        param={spot.bias}
        name={description.name}
        ariaLabel={paramLabel(description, printed, phase?.spoken)}
        shown={printed}
        swatch={paramStroke(value)}
        exact={isActive(spot.bias) ? value : null}
        at={spot.note}
        figureWidth={layout.width}
        fontSize={layout.fontSize}
        onEdit={onEdit}
        phase={phase}
      />
    );
  });
}
