import { Fragment, useCallback, useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { checkTable } from '../../core/checkedTable';
import { classNames, columnTitle } from '../../core/units';
import { addPerson, removePerson } from '../../store/actions';
import { computeRowOutputs, useDeferredPeople, useMeasure, useShownNetwork } from '../../store/derived';
import { useShownParams } from '../../store/displayClock';
import { useLab } from '../../store/labStore';
import { formatCount } from '../format';
import { DatasetRow } from './DatasetRow';
import { ExampleData } from './ExampleData';
import { TableActions } from './TableActions';
import { TrainingShare } from './TrainingShare';
import { useHasTestRows, useIsTestRow } from '../../store/split';
import { useTableKeys } from './useTableKeys';
import { findCell, useVirtualRows } from './useVirtualRows';
import { useOnScreen } from '../common/useOnScreen';
import './DatasetTable.css';

/** Columns of the table; one more (`Set`) while the training share holds rows out. */
const COLUMN_COUNT = 7;

/**
 * `3 of 4 people in training`: counted on the deferred table, so with 100,000 rows an edit paints
 * before the whole table is checked again.
 */
function TableSummary({ imported }: { readonly imported: boolean }) {
  const people = useDeferredPeople();
  const included = checkTable(people, useMeasure()).count;
  return <p className="dataset-summary">{summary(included, people.length, imported)}</p>;
}

function summary(included: number, total: number, imported: boolean): string {
  if (total === 0) return 'The table is empty: add a person to train on.';
  const noun = imported ? (total === 1 ? 'row' : 'rows') : total === 1 ? 'person' : 'people';
  return `${formatCount(included)} of ${formatCount(total)} ${noun} in training. Enter moves down a row, Shift+Enter up; Ctrl+Z undoes an edit.`;
}

/** Space for rows that are not rendered (a long table renders only what is in view). */
function Spacer({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr className="dataset-spacer" aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}

/**
 * The people the network learns from. Every cell keeps what was typed; a bad cell explains itself and
 * leaves its row out of training (from the next epoch, without a reset). Output and Loss follow
 * training live. A long table (100,000 rows) renders only the rows in view: it stays one real table
 * whose rows say their place (aria-rowindex of aria-rowcount), and Enter or a row picked elsewhere
 * scrolls the row in.
 */
export function DatasetTable() {
  const people = useLab((state) => state.people);
  const selectedRow = useLab((state) => state.selectedRow);
  const labels = useLab((state) => state.settings.dataLabels);
  const measure = useMeasure();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Out of sight while training the outputs hold still and catch up when scrolled back (the display clock).
  const net = useShownNetwork(useShownParams('readout', useOnScreen(scrollRef)));
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const virtualRows = useVirtualRows(people.length, scrollRef, bodyRef);
  const { focusCell, revealRow, pinRow } = virtualRows;
  const onKeyDown = useTableKeys(people.length, focusCell);
  const shownPeople = virtualRows.rows.map((row) => people[row.index]!);
  // Only the rendered rows' outputs are computed: a training frame costs the same at 4 or 100,000 rows.
  const outputs = computeRowOutputs(shownPeople, net, measure);
  const titles = {
    weight: columnTitle(measure, 'weight', labels),
    height: columnTitle(measure, 'height', labels),
    class: labels?.target ?? (labels ? 'Label' : 'Gender'),
  };
  const classes = classNames(labels);
  const hasTestRows = useHasTestRows();
  const isTest = useIsTestRow();
  const columns = COLUMN_COUNT + (hasTestRows ? 1 : 0);

  useEffect(() => {
    if (selectedRow !== null) revealRow(selectedRow);
  }, [selectedRow, revealRow]);

  const onAdd = useCallback(() => {
    flushSync(() => addPerson());
    focusCell(useLab.getState().people.length - 1, 'name');
  }, [focusCell]);

  // Focus goes to the next row's Remove button (or the previous one's, or Add person), never to the page.
  const onRemove = useCallback((id: string, index: number) => {
    flushSync(() => removePerson(id));
    const container = scrollRef.current;
    const next =
      findCell(container, index, 'remove') ?? findCell(container, index - 1, 'remove') ?? addRef.current;
    next?.focus();
  }, []);

  return (
    <div
      className={`dataset${virtualRows.virtual ? ' is-virtual' : ''}`}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const row = Number((event.target as HTMLElement).dataset.row);
        if (Number.isInteger(row)) pinRow(row);
      }}
    >
      <ExampleData />
      <div className="dataset-scroll" ref={scrollRef}>
        <table className="dataset-table" aria-rowcount={people.length + 1}>
          <caption>Dataset</caption>
          {virtualRows.virtual ? (
            <colgroup>
              <col className="dataset-col-name" />
              <col className="dataset-col-measure" />
              <col className="dataset-col-measure" />
              <col className="dataset-col-class" />
              {hasTestRows ? <col className="dataset-col-set" /> : null}
              <col className="dataset-col-number" />
              <col className="dataset-col-number" />
              <col className="dataset-col-remove" />
            </colgroup>
          ) : null}
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Name</th>
              <th scope="col">{titles.weight}</th>
              <th scope="col">{titles.height}</th>
              <th scope="col">{titles.class}</th>
              {hasTestRows ? <th scope="col">Set</th> : null}
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
          <tbody ref={bodyRef}>
            {virtualRows.rows.map(({ index, gapBefore }, i) => {
              const person = shownPeople[i]!;
              return (
                <Fragment key={person.id}>
                  <Spacer height={gapBefore} columns={columns} />
                  <DatasetRow
                    person={person}
                    index={index}
                    selected={selectedRow === index}
                    output={outputs[i]?.output ?? Number.NaN}
                    loss={outputs[i]?.loss ?? Number.NaN}
                    set={hasTestRows ? (isTest(person.id) ? 'Test' : 'Train') : null}
                    onRemove={onRemove}
                    measure={measure}
                    weightLabel={titles.weight}
                    heightLabel={titles.height}
                    classLabel={titles.class}
                    positiveLabel={classes.F}
                    negativeLabel={classes.M}
                    targetLabel={labels?.target}
                    rowRef={virtualRows.virtual ? virtualRows.measureRow : undefined}
                  />
                </Fragment>
              );
            })}
            <Spacer height={virtualRows.gapAfter} columns={columns} />
          </tbody>
        </table>
      </div>
      <TableActions onAdd={onAdd} addRef={addRef} />
      <TrainingShare />
      <TableSummary imported={labels !== null} />
    </div>
  );
}
