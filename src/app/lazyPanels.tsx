import type { CSSProperties } from 'react';
import { preloadFigureExport } from '../components/FigureExport/FigureExport';
import { deferred } from './deferred';
import { inTurnWhenIdle } from './onIdle';
import './deferred.css';

/*
 * The first load carries the lab's frame: the header, the run bar (Play, the status, the sliders) and
 * the store. The three figures a run is watched in are fetched at once beside it (`preloadFigures`,
 * from main.tsx), each standing in at about its size until it draws. The panels below the first screen
 * come in chunks of their own, fetched when the page is idle: KaTeX (with its stylesheet and fonts)
 * comes with the Math view, the row virtualizer with the Dataset table.
 */
export const NetworkFigure = deferred(() =>
  import('../components/NetworkDiagram/NetworkDiagram').then((module) => module.NetworkDiagram),
);
export const LossCurveFigure = deferred(() =>
  import('../components/LossChart/LossChart').then((module) => module.LossChart),
);
export const BoundaryFigure = deferred(() =>
  import('../components/DecisionBoundary/DecisionBoundary').then((module) => module.DecisionBoundary),
);

const FIGURES = [NetworkFigure, LossCurveFigure, BoundaryFigure];

/** Where the Network is on the first screen: wider than a phone, whose `View`s show it apart (layout.css). */
const NETWORK_ON_FIRST_SCREEN = '(min-width: 700px)';

/** Starts fetching the first screen's figures; called before the first render so they arrive with it. */
export function preloadFigures(): void {
  const onFirstScreen = FIGURES.filter(
    (figure) => figure !== NetworkFigure || window.matchMedia(NETWORK_ON_FIRST_SCREEN).matches,
  );
  for (const figure of onFirstScreen) void figure.preload();
}

function preloadTypesetting(): Promise<void> {
  return import('../components/MathView/texRenderer').then(async (module) => {
    await module.loadTexRenderer();
  });
}

// KaTeX is loaded before the Math view mounts, so its formulas are typeset in the first render (off
// screen too) and the view has its final height when the tour or a link measures it.
export const MathPanel = deferred(() =>
  Promise.all([import('../components/MathView/MathView'), preloadTypesetting()]).then(
    ([module]) => module.MathView,
  ),
);
export const GradientCheckPanel = deferred(() =>
  import('../components/GradientCheck/GradientCheck').then((module) => module.GradientCheck),
);
export const ExplorerPanel = deferred(() =>
  import('../components/ActivationExplorer/ActivationExplorer').then((module) => module.ActivationExplorer),
);
export const DatasetPanel = deferred(() =>
  import('../components/DatasetTable/DatasetTable').then((module) => module.DatasetTable),
);
// The settings sit under the first screen; new settings land in this chunk, not in the first load.
export const RunSettingsPanel = deferred(() =>
  import('../components/Controls/RunSettings').then((module) => module.RunSettings),
);
export const PredictPanel = deferred(() =>
  import('../components/Predict/Predict').then((module) => module.Predict),
);
export const LandscapePanel = deferred(() =>
  import('../components/LossLandscape/LossLandscape').then((module) => module.LossLandscape),
);
export const DataIOPanel = deferred(() =>
  import('../components/DataIO/DataIO').then((module) => module.DataIO),
);
export const SharePanel = deferred(() =>
  import('../components/Share/ShareButton').then((module) => module.ShareButton),
);

const PANELS = [
  RunSettingsPanel,
  MathPanel,
  GradientCheckPanel,
  ExplorerPanel,
  DatasetPanel,
  PredictPanel,
  LandscapePanel,
  DataIOPanel,
  SharePanel,
];

/** Fetches every deferred figure's and panel's code (KaTeX with the Math view's); resolves when all can render at once. */
export function preloadPanels(): Promise<void> {
  return Promise.all([...FIGURES, ...PANELS].map((part) => part.preload())).then(() => {});
}

/**
 * Fetches the panels' code once the page has painted, one chunk per idle moment (each chunk's code
 * runs in a task of its own), so the person rarely waits for a panel and the first screen never waits
 * for them. KaTeX is not among them: the Math view fetches it when it is wanted (OnDemand).
 */
export function preloadPanelsWhenIdle(): () => void {
  const tasks = [
    ...PANELS.filter((part) => part !== MathPanel).map((part) => part.preload),
    preloadFigureExport,
  ];
  const cancels = tasks.map((task) => inTurnWhenIdle(task));
  return () => {
    for (const cancel of cancels) cancel();
  };
}

interface PlaceholderProps {
  /** About the panel's height on a laptop, so the page below does not jump when it arrives. */
  readonly height: number;
  /** The panel's accessible name when it is a region: links, tests and the tour find it while it loads. */
  readonly region?: string;
  /** Show the region's name as its heading, as the panel itself does (every figure is named on screen). */
  readonly heading?: boolean;
}

/** Stands in for a deferred panel, empty and busy, until its code is here or it is wanted. */
export function PanelPlaceholder({ height, region, heading }: PlaceholderProps) {
  const style = { '--placeholder-height': `${height}px` } as CSSProperties;
  return region === undefined ? (
    <div className="deferred-placeholder" style={style} aria-busy="true" />
  ) : (
    <section className="deferred-placeholder" style={style} aria-label={region} aria-busy="true">
      {heading ? <h2 className="panel-title">{region}</h2> : null}
    </section>
  );
}
