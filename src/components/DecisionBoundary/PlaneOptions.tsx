import { useLab } from '../../store/labStore';
import { setPlaneOption } from '../../store/split';

/**
 * The plane's own options: `Show test data` (the rows the training share holds out, as hollow points;
 * offered only while some are held out) and `Discretize output` (two colours split at 0.5).
 */
export function PlaneOptions({ hasTestRows }: { hasTestRows: boolean }) {
  const showTestData = useLab((state) => state.settings.showTestData);
  const discretize = useLab((state) => state.settings.discretizeOutput);
  return (
    <div className="boundary-options">
      {hasTestRows ? (
        <label className="boundary-option">
          <input
            type="checkbox"
            checked={showTestData}
            onChange={(event) => setPlaneOption('showTestData', event.target.checked)}
          />
          Show test data
        </label>
      ) : null}
      <label className="boundary-option">
        <input
          type="checkbox"
          checked={discretize}
          onChange={(event) => setPlaneOption('discretizeOutput', event.target.checked)}
        />
        Discretize output
      </label>
    </div>
  );
}
