import { useCallback, useEffect, useState } from 'react';
import { LearningRateSlider } from '../components/Controls/LearningRateSlider';
import { RunControls } from '../components/Controls/RunControls';
import { RunSettings } from '../components/Controls/RunSettings';
import { SpeedSlider } from '../components/Controls/SpeedSlider';
import { DataIO } from '../components/DataIO/DataIO';
import { DatasetTable } from '../components/DatasetTable/DatasetTable';
import { DecisionBoundary } from '../components/DecisionBoundary/DecisionBoundary';
import { ActivationExplorer } from '../components/ActivationExplorer/ActivationExplorer';
import { FigureExport } from '../components/FigureExport/FigureExport';
import { GradientCheck } from '../components/GradientCheck/GradientCheck';
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
import { isLabView, type LabView, ViewSwitcher } from './ViewSwitcher';

/**
 * The lab. A run bar (Play and the steps, the status, the rate and speed) across the top; under it the
 * three figures a run is watched in, side by side on a laptop (Network, Loss curve, Decision boundary);
 * then the rest: settings, Predict, the table, Math, the landscape, import and export. On a phone the
 * run bar sticks to the top and a `View` switcher shows one group of panels at a time (layout.css).
 * In presenter mode, everything marked `data-advanced` (advanced settings, the panels a class does not
 * need, the export buttons) is hidden by one rule in styles.css, and the type scale grows.
 */
export function App() {
  const presenter = usePresenterRoot();
  const [helpOpen, setHelpOpen] = useState(false);
  const [view, setView] = useState<LabView>('Train');
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
    <div className={presenter ? 'lab is-presenter' : 'lab'} data-view={view}>
      <header className="lab-header">
        <div className="lab-title">
          <h1>Backprop Lab</h1>
          <Tagline />
        </div>
        <div className="header-tools">
          <Tour onShowView={(name) => isLabView(name) && setView(name)} />
          <PresenterToggle />
          <button type="button" onClick={openHelp} aria-keyshortcuts="?">
            Keyboard shortcuts
          </button>
        </div>
      </header>
      <AppNotice />
      <LinkBanner />
      <StorageNotice />
      <section className="panel run-bar" aria-label="Controls">
        <RunControls />
        <TrainingStatus />
        <div className="run-sliders">
          <LearningRateSlider />
          <SpeedSlider />
        </div>
        <ViewSwitcher view={view} onChange={setView} />
      </section>
      <main className="lab-main">
        <div className="lab-figures">
          <div className="panel" data-view-panel="Network">
            <h2 className="panel-title">Network</h2>
            <NetworkDiagram />
            <FigureExport figure="Network" />
          </div>
          <div className="panel" data-view-panel="Train">
            <h2 className="panel-title">Loss curve</h2>
            <LossChart />
            <FigureExport figure="Loss curve" />
            <div data-advanced="">
              <Timeline />
            </div>
          </div>
          <div className="panel" data-view-panel="Train">
            <h2 className="panel-title">Decision boundary</h2>
            <DecisionBoundary />
            <FigureExport figure="Decision boundary" />
          </div>
        </div>
        <div className="lab-more">
          <section className="panel run-settings-panel" aria-label="Run settings" data-view-panel="Train">
            <RunSettings />
          </section>
          <div className="panel" data-view-panel="Train">
            <Predict />
          </div>
          <div className="panel panel-wide" data-view-panel="Data">
            <DatasetTable />
          </div>
          <div className="panel panel-wide" data-view-panel="Math">
            <MathView />
          </div>
          <div className="panel" data-view-panel="Math">
            <GradientCheck />
          </div>
          <div className="panel" data-view-panel="Math">
            <ActivationExplorer />
          </div>
          <div className="panel" data-advanced="" data-view-panel="Network">
            <h2 className="panel-title">Loss landscape</h2>
            <LossLandscape />
            <FigureExport figure="Loss landscape" />
          </div>
          <div className="panel" data-advanced="" data-view-panel="Data">
            <DataIO />
          </div>
          <div className="panel" data-view-panel="Data">
            <ShareButton />
          </div>
        </div>
      </main>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
