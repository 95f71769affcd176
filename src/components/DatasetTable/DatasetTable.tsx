import { useCallback, useRef } from 'react';
import { flushSync } from 'react-dom';
import { addPerson, removePerson } from '../../store/actions';
import { useRowOutputs } from '../../store/derived';
import { useLab } from '../../store/labStore';
import { useCalmParams } from '../common/useCalmParams';
import { DatasetRow } from './DatasetRow';
import { TableActions } from './TableActions';
import { useTableKeys } from './useTableKeys';
import './DatasetTable.css';

function cell(container: HTMLElement | null, row: number, column: string): HTMLElement | null {
  return container?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${column}"]`) ?? null;
}

/**
 * The people the network learns from. Every cell keeps what was typed; a bad cell explains itself and
 * leaves its row out of training (from the next epoch, without a reset). Output and Loss follow
 * training live.
 */
export function DatasetTable() {
  const people = useLab((state) => state.people);
  const selectedRow = useLab((state) => state.selectedRow);
  const rows = useRowOutputs(useCalmParams(null, 100));
  const onKeyDown = useTableKeys();
  const containerRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const included = rows.filter((row) => row.valid).length;

  const onAdd = useCallback(() => {
    flushSync(() => addPerson());
    const added = useLab.getState().people.length - 1;
    cell(containerRef.current, added, 'name')?.focus();
  }, []);

  // Focus goes to the next row's Remove button (or the previous one's, or Add person), never to the page.
  const onRemove = useCallback((id: string, index: number) => {
    flushSync(() => removePerson(id));
    const container = containerRef.current;
    const next = cell(container, index, 'remove') ?? cell(container, index - 1, 'remove') ?? addRef.current;
    next?.focus();
  }, []);

  return (
    <div className="dataset" ref={containerRef} onKeyDown={onKeyDown}>
      <div className="dataset-scroll">
        <table className="dataset-table">
          <caption>Dataset</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Weight (lb)</th>
              <th scope="col">Height (in)</th>
              <th scope="col">Gender</th>
              <th scope="col" className="dataset-number">
                Output
              </th>
              <th scope="col" className="dataset-number">
                Loss
              </th>
              <th scope="col">
                <span className="dataset-sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((person, index) => (
              <DatasetRow
                key={person.id}
                person={person}
                index={index}
                selected={selectedRow === index}
                output={rows[index]?.output ?? Number.NaN}
                loss={rows[index]?.loss ?? Number.NaN}
                onRemove={onRemove}
              />
            ))}
          </tbody>
        </table>
      </div>
      <TableActions onAdd={onAdd} addRef={addRef} />
      <p className="dataset-summary">
        {people.length === 0
          ? 'The table is empty: add a person to train on.'
          : `${included} of ${people.length} ${people.length === 1 ? 'person' : 'people'} in training. Enter moves down a row, Shift+Enter up; Ctrl+Z undoes an edit.`}
      </p>
    </div>
  );
}
