import { useCallback, useState, type FocusEvent, type PointerEvent } from 'react';

/** The parameter (`data-param`) of the weight or bias an event happened in, or null outside them. */
function paramAt(target: EventTarget | null): number | null {
  const element = target instanceof Element ? target.closest<SVGElement>('[data-param]') : null;
  const param = element?.dataset.param;
  return param === undefined ? null : Number(param);
}

/** The neuron (`data-neuron-id`) an event happened in, or null outside them. */
function neuronAt(target: EventTarget | null): string | null {
  const element = target instanceof Element ? target.closest<SVGElement>('[data-neuron-id]') : null;
  return element?.dataset.neuronId ?? null;
}

/**
 * Which weight, bias or neuron the pointer is over and which weight or bias has focus, followed for the
 * whole figure from its SVG (events bubble there), so no edge holds state of its own: the figure draws the
 * hovered and focused ones with their label and exact value, and every other one from rounded values only.
 */
export function usePointedParam() {
  const [hovered, setHovered] = useState<{ param: number | null; neuron: string | null } | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const onPointerOver = useCallback((event: PointerEvent) => {
    const param = paramAt(event.target);
    const neuron = neuronAt(event.target);
    setHovered((last) =>
      last?.param === param && last.neuron === neuron
        ? last
        : param === null && neuron === null
          ? null
          : { param, neuron },
    );
  }, []);
  const onPointerLeave = useCallback(() => setHovered(null), []);
  const onFocus = useCallback((event: FocusEvent) => setFocused(paramAt(event.target)), []);
  const onBlur = useCallback(() => setFocused(null), []);
  const isActive = (param: number): boolean => param === hovered?.param || param === focused;
  const isHovered = (neuron: string): boolean => neuron === hovered?.neuron;
  return { isActive, isHovered, handlers: { onPointerOver, onPointerLeave, onFocus, onBlur } };
}
