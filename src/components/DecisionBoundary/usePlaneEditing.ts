import { useState, type KeyboardEvent, type MouseEvent, type PointerEvent, type RefObject } from 'react';
import { PLAUSIBLE_MAX } from '../../core/dataset';
import { addPerson, selectRow, updatePerson } from '../../store/actions';
import { MARGIN, type Domain } from './layout';
import { formatOutput, roundMeasure, type DragPosition, type PlanePoint } from './points';
import type { PlaneScales } from './scales';

/** Movement (px) below which a press is a click, not a drag. */
const DRAG_THRESHOLD = 3;

interface Drag extends DragPosition {
  readonly point: PlanePoint;
  readonly pointerId: number;
  readonly startX: number;
  readonly startY: number;
  readonly moved: boolean;
}

/** Arrow key → (lb, in) per press, before Shift's ×10. */
const KEY_MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

export interface PlaneEditing {
  /** Where the point being dragged is now; null when nothing is dragged. */
  drag: DragPosition | null;
  onPointPointerDown: (point: PlanePoint, event: PointerEvent<SVGGElement>) => void;
  onPointKeyDown: (point: PlanePoint, event: KeyboardEvent<SVGGElement>) => void;
  onPointerMove: (event: PointerEvent<SVGSVGElement>) => void;
  onPointerUp: (event: PointerEvent<SVGSVGElement>) => void;
  onPointerCancel: () => void;
  /** Shift+click adds a woman, Alt+click a man, where the click landed. */
  onPlotClick: (event: MouseEvent<SVGRectElement>) => void;
}

const clamp = (value: number, [low, high]: Domain): number => Math.min(high, Math.max(low, value));

/**
 * Editing people on the plane. A drag moves the point locally and writes the table once, on release
 * (one undo step); an arrow key writes once per press. A press without movement, or Enter, makes the
 * other views follow that person. `onEdited` gets a sentence for the figure's status line, with the
 * output the network gives at the new place.
 */
export function usePlaneEditing(
  svgRef: RefObject<SVGSVGElement | null>,
  scales: PlaneScales,
  predictAt: (weight: number, height: number) => number,
  onEdited: (message: string) => void,
): PlaneEditing {
  const [drag, setDrag] = useState<Drag | null>(null);

  const outputAt = (weight: number, height: number): string =>
    `output ${formatOutput(predictAt(weight, height))}`;

  /** Event position → weight and height inside the plane, rounded as the table will store them. */
  const toPlane = (clientX: number, clientY: number): { weight: number; height: number } => {
    const svg = svgRef.current;
    const box = svg?.getBoundingClientRect();
    // CSS may draw the SVG narrower than its layout width; jsdom reports a zero box.
    const ratio = svg && box && box.width > 0 ? svg.width.baseVal.value / box.width : 1;
    const px = (clientX - (box?.left ?? 0)) * ratio - MARGIN.left;
    const py = (clientY - (box?.top ?? 0)) * ratio - MARGIN.top;
    return {
      weight: roundMeasure(clamp(scales.x.invert(px), scales.x.domain() as [number, number])),
      height: roundMeasure(clamp(scales.y.invert(py), scales.y.domain() as [number, number])),
    };
  };

  return {
    drag: drag?.moved ? drag : null,
    onPointPointerDown(point, event) {
      if (event.button !== 0) return;
      event.preventDefault();
      event.currentTarget.focus();
      svgRef.current?.setPointerCapture(event.pointerId);
      const { id, weight, height } = point;
      const { pointerId, clientX, clientY } = event;
      setDrag({ point, id, weight, height, pointerId, startX: clientX, startY: clientY, moved: false });
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
      updatePerson(drag.id, { weight: String(drag.weight), height: String(drag.height) });
      onEdited(
        `${drag.point.name} moved to ${drag.weight} lb, ${drag.height} in, ${outputAt(drag.weight, drag.height)}.`,
      );
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
      const step = event.shiftKey ? 10 : 1;
      if (move[0] !== 0) {
        const weight = roundMeasure(clamp(point.weight + move[0] * step, [0.1, PLAUSIBLE_MAX.weight]));
        updatePerson(point.id, { weight: String(weight) });
        onEdited(`${point.name}: ${weight} lb, ${outputAt(weight, point.height)}.`);
      } else {
        const height = roundMeasure(clamp(point.height + move[1] * step, [0.1, PLAUSIBLE_MAX.height]));
        updatePerson(point.id, { height: String(height) });
        onEdited(`${point.name}: ${height} in, ${outputAt(point.weight, height)}.`);
      }
    },
    onPlotClick(event) {
      if (!event.shiftKey && !event.altKey) return;
      event.preventDefault();
      const { weight, height } = toPlane(event.clientX, event.clientY);
      const gender = event.altKey ? 'M' : 'F';
      addPerson({ name: '', weight: String(weight), height: String(height), gender });
      const who = gender === 'F' ? 'a woman' : 'a man';
      onEdited(
        `Added ${who} at ${weight} lb, ${height} in (${outputAt(weight, height)}); name them in the table.`,
      );
    },
  };
}
