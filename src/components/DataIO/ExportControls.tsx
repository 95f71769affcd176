import { useId, useState } from 'react';
import {
  CODE_FILE_NAMES,
  CODE_LANGUAGE_LABELS,
  exportAsCode,
  exportWeightsJson,
  type CodeLanguage,
  type ExportTerms,
} from '../../core/exportCode';
import { measureOf } from '../../core/units';
import { currentNetwork } from '../../store/derived';
import { useLab } from '../../store/labStore';
import { runStore, shownEpoch, shownParams } from '../../store/runStore';
import { formatCount } from '../format';
import { downloadText } from '../common/download';
import { DATASET_CSV_NAME, downloadDatasetCsv } from '../common/datasetCsv';

/**
 * The weights the views show, read when a button is pressed (not subscribed: they change every frame):
 * the viewed epoch's while scrubbing the timeline, else the live run's.
 */
function shownWeights() {
  const state = runStore.getState();
  return { net: currentNetwork(shownParams(state)), epoch: shownEpoch(state) };
}

/** What the exports call the inputs and classes, and how the inputs are taken: as Predict takes them. */
function exportTerms(): ExportTerms {
  const { settings } = useLab.getState();
  return { measure: measureOf(settings), labels: settings.dataLabels, scaling: settings.scaling };
}

/** `Export CSV`, `Export weights` and `Export as code`; each reports what it saved through `onDone`. */
export function ExportControls({ onDone }: { onDone: (message: string) => void }) {
  const [language, setLanguage] = useState<CodeLanguage>('javascript');
  const languageId = useId();

  const exportCsv = () => {
    const count = downloadDatasetCsv();
    onDone(`Exported ${formatCount(count)} ${count === 1 ? 'person' : 'people'} as ${DATASET_CSV_NAME}.`);
  };
  const exportWeights = () => {
    const { net, epoch } = shownWeights();
    const fileName = 'backprop-lab-weights.json';
    downloadText(fileName, exportWeightsJson(net, exportTerms()), 'application/json');
    onDone(`Exported the weights at epoch ${formatCount(epoch)} as ${fileName}.`);
  };
  const exportCode = () => {
    const { net, epoch } = shownWeights();
    const fileName = CODE_FILE_NAMES[language];
    downloadText(fileName, exportAsCode(net, language, exportTerms()), 'text/plain;charset=utf-8');
    onDone(
      `Exported ${CODE_LANGUAGE_LABELS[language]} code with the weights at epoch ${formatCount(epoch)} as ${fileName}.`,
    );
  };

  return (
    <div className="dataio-export">
      <div className="dataio-buttons">
        <button type="button" onClick={exportCsv}>
          Export CSV
        </button>
        <button type="button" onClick={exportWeights}>
          Export weights
        </button>
      </div>
      <div className="dataio-buttons">
        <div className="field">
          <label htmlFor={languageId}>Code language</label>
          <select
            id={languageId}
            value={language}
            onChange={(event) => setLanguage(event.currentTarget.value as CodeLanguage)}
          >
            {(Object.keys(CODE_LANGUAGE_LABELS) as CodeLanguage[]).map((key) => (
              <option key={key} value={key}>
                {CODE_LANGUAGE_LABELS[key]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={exportCode}>
          Export as code
        </button>
      </div>
    </div>
  );
}
