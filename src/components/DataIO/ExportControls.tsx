import { useId, useState } from 'react';
import { exportWeightsJson, type ExportTerms } from '../../core/exportCode';
import { NOTEBOOK_FILE_NAME, exportNotebook } from '../../core/exportCodeNotebook';
import {
  EXPORT_FILE_NAMES,
  EXPORT_LANGUAGE_LABELS,
  exportCodeIn,
  trainingRowsOf,
  type ExportLanguage,
  type TorchTraining,
} from '../../core/exportCodeTorch';
import { measureOf } from '../../core/units';
import { currentNetwork, tableForWorker } from '../../store/derived';
import { useLab } from '../../store/labStore';
import { runStore, shownEpoch, shownParams } from '../../store/runStore';
import { testRowsForWorker } from '../../store/split';
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

/** How the run trains and on which rows: what the PyTorch and notebook exports train on from there. */
function exportTraining(): TorchTraining {
  const state = useLab.getState();
  const { settings } = state;
  return {
    learningRate: runStore.getState().run.learningRate,
    sampleOrder: settings.sampleOrder,
    seed: settings.seed,
    rows: trainingRowsOf(tableForWorker(state), testRowsForWorker(state)),
  };
}

/**
 * `Export CSV`, `Export weights`, `Export as code` and `Export notebook`; each reports what it saved
 * through `onDone`.
 */
export function ExportControls({ onDone }: { onDone: (message: string) => void }) {
  const [language, setLanguage] = useState<ExportLanguage>('javascript');
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
    const fileName = EXPORT_FILE_NAMES[language];
    const code = exportCodeIn(language, net, exportTerms(), exportTraining());
    downloadText(fileName, code, 'text/plain;charset=utf-8');
    onDone(
      `Exported ${EXPORT_LANGUAGE_LABELS[language]} code with the weights at epoch ${formatCount(epoch)} as ${fileName}.`,
    );
  };
  const exportNotebookFile = () => {
    const { net, epoch } = shownWeights();
    const notebook = exportNotebook(net, exportTerms(), exportTraining());
    downloadText(NOTEBOOK_FILE_NAME, notebook, 'application/x-ipynb+json');
    onDone(
      `Exported a PyTorch notebook with the weights at epoch ${formatCount(epoch)} as ${NOTEBOOK_FILE_NAME}.`,
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
            onChange={(event) => setLanguage(event.currentTarget.value as ExportLanguage)}
          >
            {(Object.keys(EXPORT_LANGUAGE_LABELS) as ExportLanguage[]).map((key) => (
              <option key={key} value={key}>
                {EXPORT_LANGUAGE_LABELS[key]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={exportCode}>
          Export as code
        </button>
        <button type="button" onClick={exportNotebookFile}>
          Export notebook
        </button>
      </div>
    </div>
  );
}
