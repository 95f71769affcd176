import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { FIRST_SCREEN_SCRIPT_HASH, prerenderFirstScreen } from './scripts/firstScreenHtml';

/**
 * The built app allows only its own origin: scripts, the worker, fonts and data all come from it, and
 * nothing typed, imported or shared can load or run anything else. (Style attributes stay allowed:
 * KaTeX positions its glyphs with them.) The one inline script is allowed by its hash: it runs before
 * the first paint (scripts/firstScreenHtml.ts). Only in the build: the dev server injects inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${FIRST_SCREEN_SCRIPT_HASH}`,
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'backprop-lab-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** The figures on the first screen (src/app/lazyPanels.tsx), and from what width each is on it. */
const FIRST_SCREEN_FIGURES: { source: string; media?: string }[] = [
  { source: 'src/components/LossChart/LossChart.tsx' },
  // A phone's first screen is the Loss curve (the boundary is a scroll below it, fetched once the page
  // runs), and it shows the Network in a `View` of its own (layout.css): their bytes wait there.
  { source: 'src/components/DecisionBoundary/DecisionBoundary.tsx', media: '(min-width: 700px)' },
  { source: 'src/components/NetworkDiagram/NetworkDiagram.tsx', media: '(min-width: 700px)' },
];

/**
 * The first screen's figures are split from the entry (they are fetched by import()), so without a
 * hint their download starts only once the entry has run. These links start it with the entry's own
 * scripts (the first-screen script adds them once the screen in the HTML has painted,
 * scripts/firstScreenHtml.ts), at a priority below the entry's, without making the first render wait.
 */
export function preloadFirstScreenFigures(): Plugin {
  return {
    name: 'backprop-lab-preload-figures',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
        const hrefs = new Map<string, { as: 'script' | 'style'; media: string | undefined }>();
        const visit = (fileName: string, media: string | undefined): void => {
          const chunk = chunks.find((candidate) => candidate.fileName === fileName);
          if (!chunk || hrefs.has(fileName) || html.includes(`/${fileName}"`)) return;
          hrefs.set(fileName, { as: 'script', media });
          for (const css of chunk.viteMetadata?.importedCss ?? []) hrefs.set(css, { as: 'style', media });
          for (const imported of chunk.imports) visit(imported, media);
        };
        for (const figure of FIRST_SCREEN_FIGURES) {
          const chunk = chunks.find((candidate) => candidate.facadeModuleId?.endsWith(figure.source));
          if (!chunk) throw new Error(`no chunk is built from ${figure.source}`);
          visit(chunk.fileName, figure.media);
        }
        return [...hrefs].map(([fileName, { as, media }]) => ({
          tag: 'link',
          attrs: {
            rel: as === 'script' ? 'modulepreload' : 'preload',
            ...(as === 'style' ? { as } : {}),
            crossorigin: true,
            href: `/${fileName}`,
            ...(media ? { media } : {}),
          },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/** V8's explicit compile hint: every function in the file is compiled as it streams in. First line only. */
const COMPILE_ALL_ON_LOAD = '//# allFunctionsCalledOnLoad\n';

/**
 * The first load's scripts (the entry and its static imports: React, the stores, the run bar) call most
 * of their functions while the page starts, and V8 otherwise compiles each one at its first call, on the
 * main thread, inside the tasks that keep a phone from answering a tap. Marked with the compile hint
 * (Chromium 136+; others read a comment), they are compiled as they stream in, off the main thread. The
 * source maps move one line down with the code. The chunks fetched later keep V8's lazy default.
 */
export function compileFirstLoadEagerly(): Plugin {
  return {
    name: 'backprop-lab-compile-hints',
    apply: 'build',
    // After Vite's own (it puts a `__vite__mapDeps` line first in the entry): the hint must be line one.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunks = new Map(
          Object.values(bundle)
            .filter((output) => output.type === 'chunk')
            .map((chunk) => [chunk.fileName, chunk]),
        );
        const marked = new Set<string>();
        const mark = (fileName: string): void => {
          const chunk = chunks.get(fileName);
          if (!chunk || marked.has(fileName)) return;
          marked.add(fileName);
          chunk.code = COMPILE_ALL_ON_LOAD + chunk.code;
          const map = bundle[`${fileName}.map`];
          if (map?.type === 'asset') {
            const json = JSON.parse(String(map.source)) as { mappings: string };
            map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` });
          }
          for (const imported of chunk.imports) mark(imported);
        };
        for (const chunk of chunks.values()) if (chunk.isEntry) mark(chunk.fileName);
      },
    },
  };
}

/**
 * The installable, offline lab: a service worker precaches the page, every chunk (the figures, the
 * panels fetched later, KaTeX), both workers, KaTeX's woff2 fonts (every browser with service workers
 * reads woff2) and the icons, so after one visit it opens and trains with no network. `prompt`: a new
 * version waits for the person's `Reload` (src/app/UpdatePrompt.tsx) instead of swapping code mid-run.
 */
function offlineApp() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false, // src/app/serviceWorker.ts registers it, from the app's own script (CSP)
    includeManifestIcons: false, // the icons are in globPatterns already: listed once
    manifest: {
      name: 'Backprop Lab',
      short_name: 'Backprop Lab',
      description: "Watch the article's 2-2-1 neural network learn, number by number.",
      lang: 'en',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#2457c5',
      background_color: '#f7f7f5',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,woff2,png,svg,webmanifest}'],
      globIgnores: ['.vite/**'],
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
    },
  });
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    preloadFirstScreenFigures(),
    compileFirstLoadEagerly(),
    offlineApp(),
    prerenderFirstScreen(), // after offlineApp: it moves the manifest link that one adds
  ],
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  // The manifest tells the size budget (scripts/firstLoad.mjs) which chunks the first load fetches.
  build: { target: 'es2022', sourcemap: true, manifest: true },
});
