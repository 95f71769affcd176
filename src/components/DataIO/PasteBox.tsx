import { useId, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { useLab } from '../../store/labStore';
import { formatCount } from '../format';
import { ReplaceConfirm } from './ReplaceConfirm';

/**
 * Pasted or dropped text longer than this is held for the import instead of shown in the box: a text
 * box lays out every line in one task (100,000 lines took 6 s in Chromium), while the import reads the
 * text in a worker, as it reads a file.
 */
export const LONGEST_SHOWN_PASTE = 20_000;

function lineCount(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}

function sizeOf(text: string): string {
  const kb = text.length / 1024;
  return kb < 1024 ? `${formatCount(Math.ceil(kb))} KB` : `${(kb / 1024).toFixed(1)} MB`;
}

interface HeldText {
  readonly text: string;
  readonly lines: number;
}

/**
 * The paste box and its Import button. A short text is shown and can be edited; a long one is held
 * like a file (its size and line count shown) until typing in the box replaces it. Importing over a
 * table with rows asks first (ReplaceConfirm).
 */
export function PasteBox({ onImport }: { onImport: (text: string) => void }) {
  const [typed, setTyped] = useState('');
  const [held, setHeld] = useState<HeldText | null>(null);
  const [confirming, setConfirming] = useState(false);
  const rows = useLab((state) => state.people.length);
  const importButton = useRef<HTMLButtonElement>(null);
  const boxId = useId();
  const heldId = useId();
  const text = held?.text ?? typed;
  const answered = (replace: boolean) => {
    setConfirming(false);
    importButton.current?.focus();
    if (replace) onImport(text);
  };

  /** Keeps a long text out of the box; a short one goes in as the browser inserts it. */
  const holdIfLong = (event: ClipboardEvent | DragEvent, text: string) => {
    if (text.length <= LONGEST_SHOWN_PASTE) return;
    event.preventDefault();
    setTyped('');
    setHeld({ text, lines: lineCount(text) });
    setConfirming(false);
  };

  return (
    <div className="dataio-paste">
      <label htmlFor={boxId}>Paste CSV</label>
      <textarea
        id={boxId}
        rows={3}
        spellCheck={false}
        placeholder="name,weight,height,gender"
        value={typed}
        aria-describedby={held === null ? undefined : heldId}
        onChange={(event) => {
          setTyped(event.currentTarget.value);
          setHeld(null);
          setConfirming(false);
        }}
        onPaste={(event) => holdIfLong(event, event.clipboardData.getData('text/plain'))}
        onDrop={(event) => {
          // A dropped file is the panel's to import; only dropped text is the box's.
          if (Array.from(event.dataTransfer.types).includes('Files')) return;
          holdIfLong(event, event.dataTransfer.getData('text/plain'));
        }}
      />
      {held !== null && (
        <p id={heldId} className="dataio-held">
          Pasted text held for import: {formatCount(held.lines)} lines ({sizeOf(held.text)}), too long to show
          here. Typing in the box replaces it.
        </p>
      )}
      <button
        type="button"
        ref={importButton}
        disabled={held === null && typed.trim() === ''}
        onClick={() => (rows === 0 ? onImport(text) : setConfirming(true))}
      >
        Import pasted text
      </button>
      {confirming && (
        <ReplaceConfirm
          rows={rows}
          lines={held?.lines ?? lineCount(typed.trimEnd())}
          onReplace={() => answered(true)}
          onCancel={() => answered(false)}
        />
      )}
    </div>
  );
}
