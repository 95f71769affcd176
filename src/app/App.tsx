import { useCallback, useEffect, useState } from 'react';
import { LearningRateSlider } from '../components/Controls/LearningRateSlider';
import { RunControls } from '../components/Controls/RunControls';
import { RunSettings } from '../components/Controls/RunSettings';
import { SpeedSlider } from '../components/Controls/SpeedSlider';
import { DataIO } from '../components/DataIO/DataIO';
import { DatasetTable } from '../components/DatasetTable/DatasetTable';
import { DecisionBoundary } from '../components/DecisionBoundary/DecisionBoundary';
import { LossChart } from '../components/LossChart/LossChart';
import { LossLandscape } from '../components/LossLandscape/LossLandscape';
import { MathView } from '../components/MathView/MathView';
import { NetworkDiagram } from '../components/NetworkDiagram/NetworkDiagram';
import { Predict } from '../components/Predict/Predict';
import { Timeline } from '../components/Timeline/Timeline';
import { ShareButton } from '../components/Share/ShareButton';
import { TrainingStatus } from '../components/TrainingStatus/TrainingStatus';
import { openSharedLink } from '../store/sharedLink';
import { connectTrainer } from '../store/trainer';
import { AppNotice } from './AppNotice';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

/** The lab: controls on the side, the figures, the data and the math in panels that reflow. */
export function App() {
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useEffect(() => {
    openSharedLink(window.location);
    return connectTrainer();
  }, []);
  useKeyboardShortcuts(openHelp);
  return (
    <div className="lab">
      <header className="lab-header">
        <div>
          <h1>Backprop Lab</h1>
          <p className="tagline">
            A 2-2-1 neural network learns to tell gender from weight and height. Every number, live.
          </p>
        </div>
        <div className="header-tools">
          <button type="button" onClick={openHelp} aria-keyshortcuts="?">
            Keyboard shortcuts
          </button>
        </div>
      </header>
      <AppNotice />
      <main className="lab-main">
        <aside className="lab-side">
          <section className="panel controls-panel" aria-label="Controls">
            <RunControls />
            <TrainingStatus />
            <LearningRateSlider />
            <SpeedSlider />
            <RunSettings />
          </section>
          <div className="panel">
            <Predict />
          </div>
          <div className="panel">
            <ShareButton />
            <DataIO />
          </div>
        </aside>
        <div className="lab-views">
          <div className="panel">
            <NetworkDiagram />
          </div>
          <div className="panel">
            <LossChart />
            <Timeline />
          </div>
          <div className="panel panel-wide">
            <DatasetTable />
          </div>
          <div className="panel">
            <DecisionBoundary />
          </div>
          <div className="panel">
            <LossLandscape />
          </div>
          <div className="panel panel-wide">
            <MathView />
          </div>
        </div>
      </main>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
