import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadFigures } from './app/lazyPanels';
import { afterLoad } from './app/onIdle';
import { registerServiceWorker } from './app/serviceWorker';
import './app/styles.css';
import './app/layout.css';
import './app/presenterLayout.css';

preloadFigures();
const root = createRoot(document.getElementById('root')!);
// A transition renders in slices that yield to the browser between them, so the first render is not
// one long task on a slow phone's CPU.
startTransition(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
// The offline cache downloads every chunk: only once the first screen is loaded and idle.
afterLoad(registerServiceWorker);
