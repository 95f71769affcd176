import { useState, type KeyboardEvent, type MouseEvent, type PointerEvent, type RefObject } from 'react';
import { PLAUSIBLE_MAX, PLAUSIBLE_MAX_METRIC, type Gender, type NumericField } from '../../core/dataset';
import { fromModel, toModel } from '../../core/units';
import { addPerson, selectRow, updatePerson } from '../../store/actions';
import { plotPixels, type Domain } from '../../viz/planeLayout';
import { formatOutput, roundMeasure, shownDecimals, type DragPosition, type PlanePoint } from './points';
import type { PlaneScales } from './scales';
import type { PlaneWords } from '../../viz/planeWords';
import { useTouchDrag } from './useTouchDrag';

/** Movement (px) below which a press is a click, not a drag. */
const DRAG_THRESHOLD = 3;

interface Drag extends DragPosition {
  readonly point: PlanePoint;
  readonly pointerId: number;
  readonly startX: number;
  readonly startY: number;
  readonly moved: boolean;
}

/** Arrow key → (weight, height) steps per press, before Shift's ×10. */
const KEY_MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

export interface PlaneEditing {
  /** Where the point being dragged is now; null when nothing is dragged. */
  drag: DragPosition | null;
  onPointPointerDown: (point: PlanePoint, event: PointerEvent<SVGElement>) => void;
  onPointKeyDown: (point: PlanePoint, event: KeyboardEvent<SVGGElement>) => void;
  onPointerMove: (event: PointerEvent<SVGSVGElement>) => void;
  onPointerUp: (event: PointerEvent<SVGSVGElement>) => void;
  onPointerCancel: () => void;
  /** Shift+click adds a woman, Alt+click a man, where the click landed; with TapToAdd on, a plain tap. */
  onPlotClick: (event: MouseEvent<SVGRectElement>) => void;
}

const clamp = (value: number, [low, high]: Domain): number => Math.min(high, Math.max(low, value));

/** One arrow press in the table's units: 1 lb, 1 kg, 1 in, 1 cm; for an imported column, a round tenth of its view. */
export function keyStep(words: PlaneWords, domain: Domain, field: NumericField): number {
  if (words.measure !== 'plain') return 1;
  const span = Math.abs(fromModel('plain', field, domain[1]) - fromModel('plain', field, domain[0]));
  return span > 0 ? 10 ** Math.floor(Math.log10(span / 10)) : 1;
}

/** Where a value may be moved: above 0 and plausible for a weight or height; anywhere for an imported column. */
function shownRange(words: PlaneWords, field: NumericField): Domain {
  if (words.measure === 'plain') return [-Infinity, Infinity];
  const max = (words.measure === 'metric' ? PLAUSIBLE_MAX_METRIC : PLAUSIBLE_MAX)[field];
  return [0.1, max];
}

/**
 * Editing people on the plane. A drag moves the point locally and writes the table once, on release
 * (one undo step); an arrow key writes once per press. A press without movement, or Enter, makes the
 * other views follow that person. The plane is drawn in the model's units (lb, in); what is written
 * and said is in the table's (kg and cm too). `onEdited` gets a sentence for the figure's status line.
 */
export function usePlaneEditing(
  svgRef: RefObject<SVGSVGElement | null>,
  scales: PlaneScales,
  words: PlaneWords,
  predictAt: (weight: number, height: number) => number,
  onEdited: (message: string) => void,
  /** The gender a plain click or tap adds (TapToAdd), or null: only Shift+click and Alt+click add. */
  tapGender: Gender | null = null,
): PlaneEditing {
  const [drag, setDrag] = useState<Drag | null>(null);
  useTouchDrag(svgRef);
  const { measure } = words;
  const xDomain = scales.x.domain() as [number, number];
  const yDomain = scales.y.domain() as [number, number];
  const decimals = {
    weight: shownDecimals(
      fromModel(measure, 'weight', xDomain[1]) - fromModel(measure, 'weight', xDomain[0]),
    ),
    height: shownDecimals(
      fromModel(measure, 'height', yDomain[1]) - fromModel(measure, 'height', yDomain[0]),
    ),
  };

  const outputAt = (weight: number, height: number): string =>
    `output ${formatOutput(predictAt(weight, height))}`;

  /** A model value → the table's value, rounded as a cell will store it, and back. */
  const settle = (field: NumericField, model: number) => {
    const shown = roundMeasure(fromModel(measure, field, model), decimals[field]);
    return { shown, model: toModel(measure, field, shown) };
  };

  /** Event position → weight and height inside the plane, rounded as the table will store them. */
  const toPlane = (clientX: number, clientY: number): Omit<DragPosition, 'id'> => {
    const [px, py] = plotPixels(svgRef.current, clientX, clientY);
    const weight = settle('weight', clamp(scales.x.invert(px), xDomain));
    const height = settle('height', clamp(scales.y.invert(py), yDomain));
    return {
      weight: weight.model,
      height: height.model,
      shownWeight: weight.shown,
      shownHeight: height.shown,
    };
  };

  return {
    drag: drag?.moved ? drag : null,
    onPointPointerDown(point, event) {
      if (event.button !== 0) return;
      event.preventDefault();
      event.currentTarget.focus();
      svgRef.current?.setPointerCapture(event.pointerId);
      const { id, weight, height, shownWeight, shownHeight } = point;
      const { pointerId, clientX, clientY } = event;
      const start = { startX: clientX, startY: clientY, moved: false };
      setDrag({ point, id, weight, height, shownWeight, shownHeight, pointerId, ...start });
    },
    onPointerMove(event) {
      if (!drag || event.pointerId !== drag.pointerId) return;
      const distance = Math.hypot(event.clientX - drag.startX, event.clientY - drag.startY);
      if (!drag.moved && distance < DRAG_THRESHOLD) return;
      setDrag({ ...drag, ...toPlane(event.clientX, event.clientY), moved: true });
    },
    onPointerUp(event) {
      if (!drag || event.pointerId !== drag.pointerId) return;
      setDrag(null);
      if (!drag.moved) {
        selectRow(drag.point.row);
        return;
      }
      updatePerson(drag.id, { weight: String(drag.shownWeight), height: String(drag.shownHeight) });
      const where = `${words.value('weight', drag.shownWeight)}, ${words.value('height', drag.shownHeight)}`;
      onEdited(`${drag.point.name} moved to ${where}, ${outputAt(drag.weight, drag.height)}.`);
    },
    onPointerCancel() {
      setDrag(null);
    },
    onPointKeyDown(point, event) {
      if (event.key === 'Escape' && drag) {
        setDrag(null); // the point goes back; the table was never touched
        return;
      }
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        selectRow(point.row);
        return;
      }
      const move = KEY_MOVES[event.key];
      if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      const field: NumericField = move[0] !== 0 ? 'weight' : 'height';
      const from = field === 'weight' ? point.shownWeight : point.shownHeight;
      const step = keyStep(words, field === 'weight' ? xDomain : yDomain, field) * (event.shiftKey ? 10 : 1);
      const places = Math.max(decimals[field], -Math.floor(Math.log10(step)));
      const shown = roundMeasure(clamp(from + (move[0] || move[1]) * step, shownRange(words, field)), places);
      updatePerson(point.id, { [field]: String(shown) });
      const model = toModel(measure, field, shown);
      const output = field === 'weight' ? outputAt(model, point.height) : outputAt(point.weight, model);
      onEdited(`${point.name}: ${words.value(field, shown)}, ${output}.`);
    },
    onPlotClick(event) {
      if (!event.shiftKey && !event.altKey && !tapGender) return;
      event.preventDefault();
      const at = toPlane(event.clientX, event.clientY);
      const gender = event.altKey ? 'M' : event.shiftKey ? 'F' : tapGender!;
      addPerson({ name: '', weight: String(at.shownWeight), height: String(at.shownHeight), gender });
      const who =
        words.measure === 'plain' ? `a ${words.classes[gender]} row` : gender === 'F' ? 'a woman' : 'a man';
      const where = `${words.value('weight', at.shownWeight)}, ${words.value('height', at.shownHeight)}`;
      onEdited(`Added ${who} at ${where} (${outputAt(at.weight, at.height)}); name them in the table.`);
    },
  };
}
