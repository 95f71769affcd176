import { memo } from 'react';
import type { KeptRun } from '../../core/lossCurve';
import type { GhostStyle } from './ghostStyles';
import './KeptRuns.css';

interface GhostsProps {
  runs: readonly KeptRun[];
  paths: readonly string[];
  styleOf: (id: number) => GhostStyle;
}

/** The kept runs' curves, thin, dashed and translucent, drawn behind the live curve. */
export const Ghosts = memo(function Ghosts({ runs, paths, styleOf }: GhostsProps) {
  return (
    <g className="loss-ghosts" transform="translate(0.5,0)">
      {runs.map((run, index) => {
        const style = styleOf(run.id);
        return (
          <path
            key={run.id}
            className="loss-ghost"
            d={paths[index] ?? ''}
            stroke={style.color}
            strokeDasharray={style.dash}
            data-testid="loss-ghost"
            data-label={run.label}
          />
        );
      })}
    </g>
  );
});
