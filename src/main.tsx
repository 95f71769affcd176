import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadFigures } from './app/lazyPanels';
import { registerServiceWorker } from './app/serviceWorker';
import './app/styles.css';
import './app/layout.css';
import './app/presenterLayout.css';

preloadFigures();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
