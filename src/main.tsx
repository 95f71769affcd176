import { startTransition, StrictMode, useLayoutEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { LossCurveFigure, preloadFigures } from './app/lazyPanels';
import { startOfflineCache } from './app/offlineCache';
import './app/styles.css';
import './app/layout.css';
import './app/presenterLayout.css';

preloadFigures();
const container = document.getElementById('root')!;
const root = createRoot(container);

/**
 * The built page holds the default lab's first screen, inert (scripts/firstScreenHtml.ts); the app's
 * first commit replaces it. From then on the page is the app's: the marks that kept the stand-in inert
 * (or hidden, for another lab) go in the same frame.
 */
function TakesOverFirstScreen({ children }: { readonly children: ReactNode }) {
  useLayoutEffect(() => {
    container.removeAttribute('data-first-screen');
    container.removeAttribute('inert');
  }, []);
  return children;
}

// The first screen draws the Loss curve, so the first render waits for its code (fetched beside the
// entry): rendering its stand-in instead would blank the curve shown in the HTML for a moment. A
// transition renders in slices that yield to the browser, not one long task on a slow phone's CPU.
void LossCurveFigure.preload().then(() =>
  startTransition(() =>
    root.render(
      <StrictMode>
        <TakesOverFirstScreen>
          <App />
        </TakesOverFirstScreen>
      </StrictMode>,
    ),
  ),
);
startOfflineCache();
