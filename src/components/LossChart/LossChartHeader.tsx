import { keepRun } from '../../store/actions';
import { MAX_KEPT_RUNS } from '../../store/labStore';
import type { LossScaleMode } from './lossScales';
import { ScaleToggle } from './ScaleToggle';

interface LossChartHeaderProps {
  mode: LossScaleMode;
  onModeChange: (mode: LossScaleMode) => void;
  /** Whether there is a curve to keep (more than the starting epoch). */
  canKeep: boolean;
}

/** The figure's caption and its controls: `Keep run` and the `Loss scale` toggle. */
export function LossChartHeader({ mode, onModeChange, canKeep }: LossChartHeaderProps) {
  return (
    <div className="loss-chart-header">
      <figcaption>
        <span className="loss-chart-title">Loss curve</span>
        <span className="loss-chart-note">
          Mean squared error after each epoch. Each pixel spans the lowest to the highest loss it holds, so
          spikes stay visible; dashed lines mark a learning-rate change or a dataset edit. Keep run leaves
          this curve behind as a ghost to compare with the next run.
        </span>
      </figcaption>
      <div className="loss-chart-controls">
        <button
          type="button"
          className="loss-keep-run"
          disabled={!canKeep}
          title={`Keeps this loss curve as a ghost (up to ${MAX_KEPT_RUNS}; the oldest goes first)`}
          onClick={() => keepRun()}
        >
          Keep run
        </button>
        <ScaleToggle mode={mode} onChange={onModeChange} />
      </div>
    </div>
  );
}
