import { keepRun } from '../../store/actions';
import { MAX_KEPT_RUNS } from '../../core/lossCurve';
import type { LossScaleMode } from './lossScales';
import { ScaleToggle } from './ScaleToggle';

interface LossChartHeaderProps {
  mode: LossScaleMode;
  onModeChange: (mode: LossScaleMode) => void;
  showAccuracy: boolean;
  onShowAccuracyChange: (show: boolean) => void;
  /** False for a numeric target, which has no accuracy to show. */
  accuracyOffered?: boolean;
  /** Whether there is a curve to keep (more than the starting epoch). */
  canKeep: boolean;
}

/** The figure's caption and its controls: `Keep run`, `Show accuracy` and the `Loss scale` toggle. */
export function LossChartHeader(props: LossChartHeaderProps) {
  const { mode, onModeChange, showAccuracy, onShowAccuracyChange, canKeep } = props;
  return (
    <div className="loss-chart-header">
      <figcaption>
        <span className="loss-chart-title">Loss curve</span>
        <span className="loss-chart-note">
          Mean squared error after each epoch, and the accuracy (the share of rows on the right side of 0.5)
          on the right-hand axis. Each pixel spans the lowest to the highest value it holds, so spikes stay
          visible; dashed lines mark a learning-rate change or a dataset edit. Keep run leaves this curve
          behind as a ghost to compare with the next run.
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
        {props.accuracyOffered === false ? null : (
          <label className="loss-show-accuracy">
            <input
              type="checkbox"
              checked={showAccuracy}
              onChange={(event) => onShowAccuracyChange(event.currentTarget.checked)}
            />
            Show accuracy
          </label>
        )}
        <ScaleToggle mode={mode} onChange={onModeChange} />
      </div>
    </div>
  );
}
