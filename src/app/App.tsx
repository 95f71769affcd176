import { useCallback, useEffect, useState } from 'react';
import { LearningRateSlider } from '../components/Controls/LearningRateSlider';
import { RunControls } from '../components/Controls/RunControls';
import { RunSettings } from '../components/Controls/RunSettings';
import { SpeedSlider } from '../components/Controls/SpeedSlider';
import { DataIO } from '../components/DataIO/DataIO';
import { DatasetTable } from '../components/DatasetTable/DatasetTable';
import { DecisionBoundary } from '../components/DecisionBoundary/DecisionBoundary';
import { FigureExport } from '../components/FigureExport/FigureExport';
import { LossChart } from '../components/LossChart/LossChart';
import { LossLandscape } from '../components/LossLandscape/LossLandscape';
import { MathView } from '../components/MathView/MathView';
import { NetworkDiagram } from '../components/NetworkDiagram/NetworkDiagram';
import { Predict } from '../components/Predict/Predict';
import { PresenterToggle } from '../components/Presenter/PresenterToggle';
import { usePresenterRoot } from '../components/Presenter/usePresenterRoot';
import { Timeline } from '../components/Timeline/Timeline';
import { ShareButton } from '../components/Share/ShareButton';
import { Tour } from '../components/Tour/Tour';
import { TrainingStatus } from '../components/TrainingStatus/TrainingStatus';
import { openSharedLink } from '../store/sharedLink';
import { connectTrainer } from '../store/trainerBridge';
import { AppNotice } from './AppNotice';
import { LinkBanner } from './LinkBanner';
import { StorageNotice } from './StorageNotice';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Tagline } from './Tagline';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

/**
 * The lab: controls on the side, the figures, the data and the math in panels that reflow. In
 * presenter mode, everything marked `data-advanced` (advanced settings, the panels a class does not
 * need, the export buttons) is hidden by one rule in styles.css, and the type scale grows.
 */
export function App() {
  const presenter = usePresenterRoot();
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useEffect(() => {
    openSharedLink(window.location);
    const disconnect = connectTrainer();
    // A link pasted into this open tab changes only the hash: the page does not reload.
    const onHashChange = () => openSharedLink(window.location);
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      disconnect();
    };
  }, []);
  useKeyboardShortcuts(openHelp);
  return (
    <div className={presenter ? 'lab is-presenter' : 'lab'}>
      <header className="lab-header">
        <div>
          <h1>Backprop Lab</h1>
          <Tagline />
        </div>
        <div className="header-tools">
          <Tour />
          <PresenterToggle />
          <button type="button" onClick={openHelp} aria-keyshortcuts="?">
            Keyboard shortcuts
          </button>
        </div>
      </header>
      <AppNotice />
      <LinkBanner />
      <StorageNotice />
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
          </div>
          <div className="panel" data-advanced="">
            <DataIO />
          </div>
        </aside>
        <div className="lab-views">
          <div className="panel">
            <NetworkDiagram />
            <FigureExport figure="Network" />
          </div>
          <div className="panel">
            <LossChart />
            <FigureExport figure="Loss curve" />
            <div data-advanced="">
              <Timeline />
            </div>
          </div>
          <div className="panel panel-wide">
            <DatasetTable />
          </div>
          <div className="panel">
            <DecisionBoundary />
            <FigureExport figure="Decision boundary" />
          </div>
          <div className="panel" data-advanced="">
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
