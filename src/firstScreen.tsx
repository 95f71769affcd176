import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './app/App';
import { LossCurveFigure } from './app/lazyPanels';

/**
 * The default lab's first screen as HTML, for the built page (scripts/firstScreenHtml.ts, at build
 * time in Node). The Loss curve is drawn in it, as the app's first render draws it (main.tsx waits for
 * its code); the other figures and the panels are their stand-ins, as they are until their code comes.
 */
export async function renderFirstScreen(): Promise<string> {
  await LossCurveFigure.preload();
  return renderToString(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
