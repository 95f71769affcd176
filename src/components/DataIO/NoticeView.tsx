import { useDeferredValue } from 'react';
import { checkTable } from '../../core/checkedTable';
import type { CsvProblem } from '../../core/csv';
import type { Person } from '../../core/dataset';
import type { Measure } from '../../core/units';
import { formatCount } from '../format';
import { ScaleAdvice } from './ScaleAdvice';
import type { DataNotice } from './useCsvImport';

/** Lines listed by number; past this the list says how many more (a 100,000-line file stays readable). */
const MAX_LISTED = 100;

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

function ProblemList({ problems }: { problems: readonly CsvProblem[] }) {
  if (problems.length === 0) return null;
  const hidden = problems.length - MAX_LISTED;
  return (
    <>
      <ul className="dataio-problems">
        {problems.slice(0, MAX_LISTED).map((problem) => (
          <li key={problem.line}>
            <span className="dataio-line">Line {formatCount(problem.line)}:</span> {problem.message}
          </li>
        ))}
      </ul>
      {hidden > 0 && <p className="dataio-more">…and {plural(hidden, 'more line', 'more lines')}.</p>}
    </>
  );
}

/** How many imported rows the table marks (values out of range), counted after the import has painted. */
function FlaggedRows({ people, measure }: { people: readonly Person[]; measure: Measure }) {
  const table = useDeferredValue(people);
  const flagged = table.length - checkTable(table, measure).count;
  if (flagged === 0) return null;
  return (
    <p>
      {plural(flagged, 'imported row has', 'imported rows have')} values outside the lab&apos;s range; the
      table marks them, and training leaves them out until they are fixed.
    </p>
  );
}

/** "The pasted text" as the middle of a sentence. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** An import being read: its progress bar fills as the worker gets through the lines. */
function Reading({ what, fraction }: { what: string; fraction: number | null }) {
  const percent = fraction === null ? null : Math.min(99, Math.floor(fraction * 100));
  return (
    <p className="dataio-reading">
      Reading {lowerFirst(what)}…{percent !== null && ` ${percent}%`}
      <progress aria-label="Import progress" max={100} value={percent ?? undefined} />
    </p>
  );
}

/** The status region's text: what the last import or export did, and every line it left out. */
export function NoticeView({ notice }: { notice: DataNotice }) {
  switch (notice.kind) {
    case 'imported': {
      const { count, problems, people, measure, mapped, unsaved, missingLabels, inputNames } = notice;
      const leftOut = problems.length > 0 ? `; ${plural(problems.length, 'line', 'lines')} left out:` : '.';
      return (
        <>
          <p>
            Imported {mapped ? plural(count, 'row', 'rows') : plural(count, 'person', 'people')}
            {leftOut}
          </p>
          {mapped && (
            <p>
              The table, Predict and the Decision boundary now use your column names and label values (no
              units). Reset to article data brings back weight and height.
            </p>
          )}
          {missingLabels > 0 && (
            <p>
              {plural(missingLabels, 'row has', 'rows have')} no label (empty, NA, N/A, . or ?): left out, not
              trained as either class.
            </p>
          )}
          <ScaleAdvice people={people} measure={measure} names={inputNames} />
          <ProblemList problems={problems} />
          <FlaggedRows people={people} measure={measure} />
          {unsaved && (
            <p>
              This table is too large for the browser to keep: it will not be here after a reload. Export CSV
              keeps a copy; the last table that fitted stays saved.
            </p>
          )}
        </>
      );
    }
    case 'refused':
      return (
        <>
          <p className="dataio-error">
            {notice.message}
            {notice.problems.length > 0 && ` ${plural(notice.problems.length, 'line', 'lines')} left out:`}
          </p>
          <ProblemList problems={notice.problems} />
        </>
      );
    case 'reading':
      return <Reading what={notice.what} fraction={notice.fraction} />;
    case 'info':
      return <p>{notice.message}</p>;
    default:
      return null;
  }
}
