import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Feature } from '../../core/features';
import type { LayeredShape } from '../../core/layerShape';
import { formatValue } from '../format';
import { describeParam } from './editTarget';
import type { Point } from './layout';
import { parseParamValue } from './paramValue';

interface ParamEditorProps {
  /** The network's hidden layers, which decide the parameter's name and role. */
  network: LayeredShape;
  /** The network's inputs, which name and describe its weights (x1, x2 unless told). */
  features?: readonly Feature[];
  param: number;
  /** The parameter's value when the editor opened; the text starts from it. */
  initial: number;
  /** Where the edited edge label or bias sits, in the figure's pixels. */
  anchor: Point;
  figureWidth: number;
  onCommit: (param: number, value: number) => void;
  /** Closes the editor (after a commit, or on Escape); `refocus` when the keyboard closed it. */
  onClose: (refocus: boolean) => void;
}

/** Editor width in px (CSS keeps it in step); used to keep the box inside the figure. */
export const EDITOR_WIDTH = 200;

/**
 * An input laid over the figure at the edited weight or bias. Enter or leaving the box commits a good
 * value; Escape cancels; a bad value stays as typed with its reason under it.
 */
export function ParamEditor({
  network,
  features,
  param,
  initial,
  anchor,
  figureWidth,
  onCommit,
  onClose,
}: ParamEditorProps) {
  const id = useId();
  const { name, role } = describeParam(network, param, features);
  const start = formatValue(initial);
  const [text, setText] = useState(start);
  const [tried, setTried] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Set once the editor has committed or cancelled, so the blur that follows does not act again.
  const finished = useRef(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const result = parseParamValue(text);
  const error = tried && !result.ok ? result.message : null;

  const finish = (refocus: boolean): void => {
    finished.current = true;
    onClose(refocus);
  };
  const commit = (refocus: boolean): void => {
    if (finished.current) return;
    // Unchanged text is not a new value: committing the rounded text would nudge the parameter.
    if (text === start) return finish(refocus);
    if (!result.ok) return setTried(true);
    onCommit(param, result.value);
    finish(refocus);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(true);
    }
  };

  const left = Math.max(0, Math.min(figureWidth - EDITOR_WIDTH, anchor.x - EDITOR_WIDTH / 2));
  return (
    <div className="param-editor" style={{ left, top: anchor.y }}>
      <label htmlFor={id}>New value for {name}</label>
      <input
        ref={input}
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => commit(false)}
      />
      {error ? (
        <span id={`${id}-help`} className="param-editor-error" role="alert">
          {error}
        </span>
      ) : (
        <span id={`${id}-help`} className="param-editor-hint">
          {role}. Enter to set, Esc to cancel.
        </span>
      )}
    </div>
  );
}
