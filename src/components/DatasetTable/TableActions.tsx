import type { Ref } from 'react';
import { useStore } from 'zustand';
import { redoTableEdit, undoTableEdit } from '../../store/actions';
import { resetToArticleData } from '../../store/dataActions';
import { useLab } from '../../store/labStore';
import { UnitsSelect } from './UnitsSelect';

interface TableActionsProps {
  onAdd: () => void;
  addRef: Ref<HTMLButtonElement>;
}

/**
 * `Add person`, undo/redo of table edits (zundo keeps the table's past), `Reset to article data` (one
 * undo step too) and the `Units` of the weight and height columns.
 */
export function TableActions({ onAdd, addRef }: TableActionsProps) {
  const canUndo = useStore(useLab.temporal, (state) => state.pastStates.length > 0);
  const canRedo = useStore(useLab.temporal, (state) => state.futureStates.length > 0);
  return (
    <div className="dataset-actions">
      <button type="button" ref={addRef} onClick={onAdd}>
        Add person
      </button>
      <button
        type="button"
        onClick={undoTableEdit}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z Meta+Z"
        title="Undo the last table edit (Ctrl+Z)"
      >
        Undo
      </button>
      <button
        type="button"
        onClick={redoTableEdit}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        title="Redo (Ctrl+Shift+Z)"
      >
        Redo
      </button>
      <button type="button" onClick={resetToArticleData}>
        Reset to article data
      </button>
      <UnitsSelect />
    </div>
  );
}
