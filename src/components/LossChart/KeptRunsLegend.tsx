import { memo } from 'react';
import { removeKeptRun } from '../../store/actions';
import type { KeptRun } from '../../core/lossCurve';
import { formatCount, formatLoss } from '../format';
import type { GhostStyle } from './ghostStyles';
import './KeptRuns.css';

/** A short stretch of the ghost's line: its colour and its dash, so the legend reads without colour. */
function Swatch({ style }: { style: GhostStyle }) {
  return (
    <svg className="kept-run-swatch" width={36} height={12} aria-hidden="true">
      <line x1={1} x2={35} y1={6} y2={6} stroke={style.color} strokeDasharray={style.dash} />
    </svg>
  );
}

/** The run's last recorded epoch and loss (a diverged run ends on `—`). */
function finalRecord(run: KeptRun): { epoch: number; loss: number } {
  const last = Math.min(run.epochs.length, run.losses.length) - 1;
  return { epoch: run.epochs[last] ?? Number.NaN, loss: run.losses[last] ?? Number.NaN };
}

interface KeptRunsLegendProps {
  runs: readonly KeptRun[];
  styleOf: (id: number) => GhostStyle;
}

/** The kept runs under the chart: swatch, label, where each ended, and a button to remove it. */
export const KeptRunsLegend = memo(function KeptRunsLegend({ runs, styleOf }: KeptRunsLegendProps) {
  if (runs.length === 0) return null;
  return (
    <ul className="kept-runs" aria-label="Kept runs">
      {runs.map((run) => {
        const { epoch, loss } = finalRecord(run);
        return (
          <li key={run.id} className="kept-run">
            <Swatch style={styleOf(run.id)} />
            <span className="kept-run-label">{run.label}</span>
            <span className="kept-run-final">
              final loss {formatLoss(loss)} at epoch {formatCount(epoch)}
            </span>
            <button type="button" aria-label={`Remove ${run.label}`} onClick={() => removeKeptRun(run.id)}>
              Remove
            </button>
          </li>
        );
      })}
    </ul>
  );
});
