// The first-load budget `npm test` checks after its build (gzip, as the app is served). Only sizes:
// CI times nothing. The files are the entry chunk and its static imports, read from Vite's manifest.
import { firstLoadFiles, readManifest } from './scripts/firstLoad.mjs';

const { js, css } = firstLoadFiles(readManifest());

export default [
  { name: 'First-load JavaScript', path: js, gzip: true, limit: '120 kB' },
  { name: 'First-load CSS', path: css, gzip: true, limit: '10 kB' },
];
