import { useCallback, useEffect, useState } from 'react';
import { LearningRateSlider } from '../components/Controls/LearningRateSlider';
import { RunControls } from '../components/Controls/RunControls';
import { SpeedSlider } from '../components/Controls/SpeedSlider';
import { HeaderToolLabel } from '../components/common/HeaderToolLabel';
import { FigureExport } from '../components/FigureExport/FigureExport';
import { PresenterToggle } from '../components/Presenter/PresenterToggle';
import { usePresenterRoot } from '../components/Presenter/usePresenterRoot';
import { Timeline } from '../components/Timeline/Timeline';
import { Tour } from '../components/Tour/Tour';
import { Lessons } from '../components/Tour/Lessons';
import { TrainingStatus } from '../components/TrainingStatus/TrainingStatus';
import { openSharedLink } from '../store/sharedLink';
import { connectTrainer } from '../store/trainerBridge';
import { AppNotice } from './AppNotice';
import {
  BoundaryFigure,
  DataIOPanel,
  DatasetPanel,
  ExplorerPanel,
  GradientCheckPanel,
  LandscapePanel,
  LossCurveFigure,
  MathPanel,
  NetworkFigure,
  PanelPlaceholder,
  PredictPanel,
  preloadPanelsWhenIdle,
  RunSettingsPanel,
  SharePanel,
} from './lazyPanels';
import { LinkBanner } from './LinkBanner';
import { OnDemand } from './OnDemand';
import { StorageNotice } from './StorageNotice';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Tagline } from './Tagline';
import { UpdatePrompt } from './UpdatePrompt';
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
  useEffect(preloadPanelsWhenIdle, []);
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
          <Lessons onShowView={(name) => isLabView(name) && setView(name)} />
          <PresenterToggle />
          <button type="button" onClick={openHelp} aria-keyshortcuts="?">
            <HeaderToolLabel icon="shortcuts">Keyboard shortcuts</HeaderToolLabel>
          </button>
        </div>
      </header>
      <AppNotice />
      <LinkBanner />
      <StorageNotice />
      <UpdatePrompt />
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
            <OnDemand
              asked={view === 'Network'}
              whenIdle
              load={NetworkFigure.preload}
              placeholder={<PanelPlaceholder height={424} />}
            >
              <NetworkFigure.View fallback={<PanelPlaceholder height={424} />} />
            </OnDemand>
            <FigureExport figure="Network" />
          </div>
          <div className="panel" data-view-panel="Train">
            <h2 className="panel-title">Loss curve</h2>
            <LossCurveFigure.View fallback={<PanelPlaceholder height={513} />} />
            <FigureExport figure="Loss curve" />
            <div data-advanced="">
              <Timeline />
            </div>
          </div>
          <div className="panel" data-view-panel="Train">
            <h2 className="panel-title">Decision boundary</h2>
            <BoundaryFigure.View fallback={<PanelPlaceholder height={634} />} />
            <FigureExport figure="Decision boundary" />
          </div>
        </div>
        <div className="lab-more">
          <section className="panel run-settings-panel" aria-label="Run settings" data-view-panel="Train">
            <RunSettingsPanel.View fallback={<PanelPlaceholder height={760} />} />
          </section>
          <div className="panel" data-view-panel="Train">
            <PredictPanel.View fallback={<PanelPlaceholder height={340} region="Predict" />} />
          </div>
          <div className="panel panel-wide" data-view-panel="Data">
            <OnDemand
              asked={view === 'Data'}
              whenIdle
              load={DatasetPanel.preload}
              placeholder={<PanelPlaceholder height={430} />}
            >
              <DatasetPanel.View fallback={<PanelPlaceholder height={430} />} />
            </OnDemand>
          </div>
          <div className="panel panel-wide" data-view-panel="Math">
            <OnDemand
              asked={view === 'Math'}
              load={MathPanel.preload}
              placeholder={<PanelPlaceholder height={1500} region="Math" heading />}
            >
              <MathPanel.View fallback={<PanelPlaceholder height={1500} region="Math" heading />} />
            </OnDemand>
          </div>
          <div className="panel" data-view-panel="Math">
            <OnDemand
              asked={view === 'Math'}
              whenIdle
              load={GradientCheckPanel.preload}
              placeholder={<PanelPlaceholder height={420} />}
            >
              <GradientCheckPanel.View fallback={<PanelPlaceholder height={420} />} />
            </OnDemand>
          </div>
          <div className="panel" data-view-panel="Math">
            <OnDemand
              asked={view === 'Math'}
              whenIdle
              load={ExplorerPanel.preload}
              placeholder={<PanelPlaceholder height={420} />}
            >
              <ExplorerPanel.View fallback={<PanelPlaceholder height={420} />} />
            </OnDemand>
          </div>
          <div className="panel" data-advanced="" data-view-panel="Network">
            <h2 className="panel-title">Loss landscape</h2>
            <OnDemand
              asked={view === 'Network'}
              whenIdle
              load={LandscapePanel.preload}
              placeholder={<PanelPlaceholder height={760} />}
            >
              <LandscapePanel.View fallback={<PanelPlaceholder height={760} />} />
            </OnDemand>
            <FigureExport figure="Loss landscape" />
          </div>
          <div className="panel" data-advanced="" data-view-panel="Data">
            <OnDemand
              asked={view === 'Data'}
              whenIdle
              load={DataIOPanel.preload}
              placeholder={<PanelPlaceholder height={360} region="Import and export" />}
            >
              <DataIOPanel.View fallback={<PanelPlaceholder height={360} region="Import and export" />} />
            </OnDemand>
          </div>
          <div className="panel" data-view-panel="Data">
            <SharePanel.View fallback={<PanelPlaceholder height={40} />} />
          </div>
        </div>
      </main>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
