/**
 * The built page carries the lab's first screen in its HTML, so a phone paints the header, the run bar
 * and the Loss curve (its caption is the page's largest text) from the HTML and the inlined styles,
 * before any script has arrived or run. `src/firstScreen.tsx` renders the default lab at build time;
 * the app's first render then takes the screen over (src/main.tsx).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Plugin } from 'vite';

/** Marks the prerendered screen until the app replaces it; `inert`: its buttons do nothing until then. */
export const FIRST_SCREEN_ATTRIBUTE = 'data-first-screen';
/** The class on <html> while the prerendered screen is hidden: this visit opens another lab than the default. */
export const OTHER_LAB_CLASS = 'opens-other-lab';

// Kept equal to the store's names (STORAGE_KEY in src/store/persistence.ts, SHARE_HASH_PREFIX in
// src/store/sharedLink.ts; tests/repo/firstScreenHtml.test.ts checks).
export const SAVED_LAB_KEY = 'backprop-lab';
export const SHARED_LAB_HASH = '#lab=';

/** Where the HTML lists the app's scripts (JSON: the entry and the modules it imports at once). */
export const APP_SCRIPTS_ID = 'app-scripts';

/** How long after the HTML is parsed the app starts anyway, should the paint never be reported. */
export const START_ANYWAY_MS = 3000;

/**
 * Runs before the first paint, from <head>:
 * - A saved lab or a shared link opens a lab whose numbers and settings are not the default's, so the
 *   prerendered screen stays hidden (its place kept) until the app draws that lab, instead of showing
 *   the wrong numbers for a moment. Blocked storage counts as saved: the app then shows a notice the
 *   default screen does not have.
 * - The app's scripts start once the HTML is parsed and its screen has painted (the browser reports the
 *   first contentful paint): fetched and run before it (a fast network, a slow CPU), they would hold
 *   that paint back by their whole run, and a phone's first frame can come before the body is parsed,
 *   so "after the first frame" is not "after the screen painted". A hidden tab (it paints nothing), a
 *   hidden screen (another lab) or a browser that reports no paints starts them once the HTML is
 *   parsed (the last after a frame); and if no paint is reported for START_ANYWAY_MS, they start.
 */
export const FIRST_SCREEN_SCRIPT =
  `try{var other=location.hash.startsWith(${JSON.stringify(SHARED_LAB_HASH)})||` +
  `localStorage.getItem(${JSON.stringify(SAVED_LAB_KEY)})!==null}catch{other=true}` +
  `if(other)document.documentElement.classList.add(${JSON.stringify(OTHER_LAB_CLASS)});` +
  `var started=false,parsed=false,painted=other;function start(){` +
  `if(started||!parsed||!(painted||document.visibilityState==="hidden"))return;started=true;` +
  `var s=JSON.parse(document.getElementById(${JSON.stringify(APP_SCRIPTS_ID)}).textContent);` +
  `s.links.forEach(function(p){var l=document.createElement("link");for(var k in p)l[k]=p[k];` +
  `document.head.append(l)});` +
  `var e=document.createElement("script");e.type="module";e.src=s.entry;e.crossOrigin="";` +
  `document.head.append(e)}` +
  `function paint(){painted=true;start()}` +
  `addEventListener("DOMContentLoaded",function(){parsed=true;start();setTimeout(paint,${START_ANYWAY_MS})});` +
  `addEventListener("visibilitychange",start);` +
  `var types=typeof PerformanceObserver==="function"&&PerformanceObserver.supportedEntryTypes||[];` +
  `if(types.indexOf("paint")<0)requestAnimationFrame(function(){setTimeout(paint)});` +
  `else new PerformanceObserver(function(list){` +
  `if(list.getEntriesByName("first-contentful-paint").length)paint()}).observe({type:"paint",buffered:true})`;

/** The inline script's hash for the Content-Security-Policy, which otherwise allows only the site's own files. */
export const FIRST_SCREEN_SCRIPT_HASH = `'sha256-${createHash('sha256').update(FIRST_SCREEN_SCRIPT).digest('base64')}'`;

const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/;
/**
 * Every preload link: the entry's imports, and a laptop's figures (with `media`, script and style).
 * Left in the HTML, a laptop would fetch its figures before the first paint.
 */
const PRELOAD =
  /<link rel="(modulepreload|preload)"(?: as="(style)")? crossorigin href="([^"]+)"(?: media="([^"]+)")?>\s*/g;
/**
 * The web app manifest (vite-plugin-pwa's link), for installing: a browser fetches it once the page
 * has loaded, which with nothing else to load comes before the first paint.
 */
const MANIFEST = /<link rel="manifest" href="([^"]+)">\s*/;

/** A link the first-screen script adds once the screen has painted: its properties, as the DOM names them. */
export interface LaterLink {
  readonly rel: string;
  readonly href: string;
  readonly as?: string;
  readonly media?: string;
  readonly crossOrigin?: '';
}

/**
 * Takes the entry, the preloads and the manifest out of the HTML, into the list the first-screen
 * script starts after the paint.
 */
function startScriptsAfterPaint(html: string): string {
  const entry = ENTRY_SCRIPT.exec(html)?.[1];
  if (!entry) throw new Error('index.html has no module entry script');
  const links: LaterLink[] = [...html.matchAll(PRELOAD)].map(([, rel, as, href, media]) => ({
    rel: rel!,
    href: href!,
    ...(as ? { as } : {}),
    ...(media ? { media } : {}),
    crossOrigin: '',
  }));
  const manifest = MANIFEST.exec(html)?.[1];
  if (!manifest) throw new Error('index.html has no manifest link (vite-plugin-pwa runs first)');
  links.push({ rel: 'manifest', href: manifest });
  const list = JSON.stringify({ entry, links });
  return html
    .replace(ENTRY_SCRIPT, '')
    .replace(PRELOAD, '')
    .replace(MANIFEST, '')
    .replace(
      '</head>',
      () => `<script type="application/json" id="${APP_SCRIPTS_ID}">${list}</script>\n</head>`,
    );
}

const SVG_ICON = /<link rel="icon" href="\/([^"]+\.svg)" type="image\/svg\+xml" \/>/;

/** The tab's icon in the HTML itself: as a file, the browser fetches it once the page has loaded, before the first paint. */
function inlineIcon(html: string, publicDir: string): string {
  const file = SVG_ICON.exec(html)?.[1];
  if (!file) throw new Error('index.html has no SVG icon link');
  const svg = readFileSync(join(publicDir, file), 'utf8').replace(/\s+/g, ' ').trim();
  return html.replace(
    SVG_ICON,
    () => `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(svg)}" type="image/svg+xml" />`,
  );
}

/** An empty mark the parser meets just after the first screen: the paint waits for it (PAINT_WHEN_PARSED). */
export const PARSED_MARK = '<template id="first-screen-parsed"></template>';
/**
 * No paint until the whole first screen is parsed: on a slow phone the parser yields mid-body and the
 * browser painted what it had, a header with one tool of four, which the rest then pushed aside (a layout
 * shift of the header and the run bar, seen with the CPU slowed 8-12x). `expect` waits for the mark to be
 * inserted, so the mark comes after the screen, not the screen's own element. A browser without
 * render-blocking `expect` links ignores it.
 */
export const PAINT_WHEN_PARSED = '<link rel="expect" href="#first-screen-parsed" blocking="render">';

const HIDE_OTHER_LAB = `.${OTHER_LAB_CLASS} [${FIRST_SCREEN_ATTRIBUTE}]{visibility:hidden}`;

/** The default lab's first screen as HTML, rendered in Node through Vite (the app's imports, JSX, CSS modules). */
async function renderFirstScreen(root: string): Promise<string> {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const module = (await server.ssrLoadModule('/src/firstScreen.tsx')) as {
      renderFirstScreen: () => Promise<string>;
    };
    return await module.renderFirstScreen();
  } finally {
    await server.close();
  }
}

const escapeForStyle = (css: string): string => css.replace(/<\/style/gi, '<\\/style');

/**
 * Build only. Puts the first screen into `#root`, and the styles it needs (the entry's and the Loss
 * curve's, fetched as files otherwise) inline in <head>, so the first paint waits for no request.
 */
export function prerenderFirstScreen(): Plugin {
  let root = process.cwd();
  let publicDir = join(root, 'public');
  return {
    name: 'backprop-lab-first-screen',
    apply: 'build',
    // After vite-plugin-pwa's own `post` step, which adds the manifest link this one moves.
    enforce: 'post',
    configResolved(config) {
      root = config.root;
      publicDir = config.publicDir;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, { bundle }) {
        if (!bundle) return html;
        const lossChart = Object.values(bundle).find(
          (output) =>
            output.type === 'chunk' &&
            output.facadeModuleId?.endsWith('src/components/LossChart/LossChart.tsx'),
        );
        if (lossChart?.type !== 'chunk') throw new Error('no chunk is built from the Loss curve');
        const inlined = new Set(lossChart.viteMetadata?.importedCss ?? []);
        const cssLink =
          /<link rel="(?:stylesheet|preload)"(?: as="style")? crossorigin href="\/([^"]+\.css)"[^>]*>/g;
        const withStyles = html.replace(cssLink, (link, fileName: string) => {
          const asset = bundle[fileName];
          const isEntryCss = link.startsWith('<link rel="stylesheet"');
          if (asset?.type !== 'asset' || !(isEntryCss || inlined.has(fileName))) return link;
          return `<style>${escapeForStyle(String(asset.source))}</style>`;
        });
        const body = await renderFirstScreen(root);
        const rootTag = '<div id="root"></div>';
        if (!withStyles.includes(rootTag)) throw new Error(`index.html has no ${rootTag}`);
        return startScriptsAfterPaint(inlineIcon(withStyles, publicDir))
          .replace(
            rootTag,
            () => `<div id="root" ${FIRST_SCREEN_ATTRIBUTE} inert>${body}</div>${PARSED_MARK}`,
          )
          .replace(
            '</head>',
            () =>
              `${PAINT_WHEN_PARSED}\n<style>${HIDE_OTHER_LAB}</style>\n<script>${FIRST_SCREEN_SCRIPT}</script>\n</head>`,
          );
      },
    },
  };
}
