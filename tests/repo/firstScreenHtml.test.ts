/**
 * The script in the built page's <head> decides, before the first paint, whether this visit opens
 * another lab than the default one: it must look where the store looks for a saved lab and a link. It
 * also starts the app's scripts, and only once the screen in the HTML has painted: Lighthouse's
 * simulated phone counts a script fetched before the first contentful paint as holding that paint
 * (and the Loss curve's caption, the largest paint) back by its whole download.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  FIRST_SCREEN_SCRIPT,
  OTHER_LAB_CLASS,
  SAVED_LAB_KEY,
  type LaterLink,
  SHARED_LAB_HASH,
  START_ANYWAY_MS,
} from '../../scripts/firstScreenHtml';
import { STORAGE_KEY } from '../../src/store/persistence';
import { SHARE_HASH_PREFIX } from '../../src/store/sharedLink';

const LAPTOP_ONLY = '(min-width: 700px)';
const APP_SCRIPTS: { entry: string; links: LaterLink[] } = {
  entry: '/assets/index.js',
  links: [
    { rel: 'modulepreload', href: '/assets/react.js', crossOrigin: '' },
    { rel: 'preload', as: 'style', href: '/assets/Figure.css', media: LAPTOP_ONLY, crossOrigin: '' },
    { rel: 'manifest', href: '/manifest.webmanifest' },
  ],
};

/** The script run against a page it can only reach through these stand-ins, events and time told by the test. */
function openPage({ saved = false, hidden = false, paintTiming = true } = {}) {
  const listeners = new Map<string, (() => void)[]>();
  const frames: (() => void)[] = [];
  let timers: { at: number; run: () => void }[] = [];
  let now = 0;
  let reportPaint: ((list: { getEntriesByName: (name: string) => unknown[] }) => void) | null = null;
  const classes: string[] = [];
  const started: string[] = [];
  const added: Record<string, string>[] = [];
  const document = {
    visibilityState: hidden ? 'hidden' : 'visible',
    documentElement: { classList: { add: (name: string) => classes.push(name) } },
    getElementById: () => ({ textContent: JSON.stringify(APP_SCRIPTS) }),
    createElement: (tag: string) => ({ tag }),
    head: {
      append: (element: Record<string, string>) => {
        added.push(element);
        started.push(element.src ?? element.href!);
      },
    },
  };
  class PerformanceObserver {
    static readonly supportedEntryTypes = paintTiming ? ['mark', 'paint'] : ['mark'];
    constructor(callback: typeof reportPaint) {
      reportPaint = callback;
    }
    observe() {}
  }
  const run = (callback: () => void) => callback();
  runInNewContext(FIRST_SCREEN_SCRIPT, {
    location: { hash: '' },
    localStorage: { getItem: (key: string) => (saved && key === SAVED_LAB_KEY ? '{}' : null) },
    document,
    addEventListener: (type: string, listener: () => void) =>
      listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    setTimeout: (callback: () => void, ms = 0) => timers.push({ at: now + ms, run: callback }),
    PerformanceObserver,
  });
  const passTime = (ms: number) => {
    now += ms;
    const due = timers.filter((timer) => timer.at <= now);
    timers = timers.filter((timer) => timer.at > now);
    due.forEach((timer) => timer.run());
  };
  return {
    classes,
    started,
    added,
    parsed: () => listeners.get('DOMContentLoaded')?.forEach(run),
    /** A frame is drawn (with nothing contentful in it yet, or not yet reported) and its tasks run. */
    frame: () => {
      frames.splice(0).forEach(run);
      passTime(0);
    },
    contentfulPaint: () =>
      reportPaint?.({ getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{}] : []) }),
    passTime,
  };
}

const APP = [...APP_SCRIPTS.links.map((link) => link.href), APP_SCRIPTS.entry];

describe('the first-screen script', () => {
  it('reads the saved lab under the store key and a link by its prefix', () => {
    expect(SAVED_LAB_KEY).toBe(STORAGE_KEY);
    expect(SHARED_LAB_HASH).toBe(SHARE_HASH_PREFIX);
    expect(FIRST_SCREEN_SCRIPT).toContain(JSON.stringify(STORAGE_KEY));
    expect(FIRST_SCREEN_SCRIPT).toContain(JSON.stringify(SHARE_HASH_PREFIX));
  });

  it('starts the app only once the HTML is parsed and its screen has painted, not at the first frame', () => {
    const page = openPage();
    page.frame(); // a phone's first frame can come before the body is parsed, or paint nothing yet
    page.parsed();
    page.frame();
    expect(page.started).toEqual([]);
    page.contentfulPaint();
    expect(page.started).toEqual(APP);
    expect(page.classes).toEqual([]);
    // A laptop's figure keeps its media query (a phone does not fetch it), the manifest its plain fetch.
    expect(page.added.slice(1, 3)).toEqual(
      APP_SCRIPTS.links.slice(1).map((link) => ({ tag: 'link', ...link })),
    );
  });

  it('waits for the HTML to be parsed even when the paint is reported first', () => {
    const page = openPage();
    page.contentfulPaint();
    expect(page.started).toEqual([]);
    page.parsed();
    expect(page.started).toEqual(APP);
  });

  it('starts at once when parsed for another lab (its screen stays hidden) and in a hidden tab', () => {
    const saved = openPage({ saved: true });
    expect(saved.classes).toEqual([OTHER_LAB_CLASS]);
    saved.parsed();
    expect(saved.started).toEqual(APP);
    const hidden = openPage({ hidden: true });
    hidden.parsed();
    expect(hidden.started).toEqual(APP);
  });

  it('starts after a frame where paints are not reported, and anyway if none is reported', () => {
    const unreported = openPage({ paintTiming: false });
    unreported.parsed();
    unreported.frame();
    expect(unreported.started).toEqual(APP);
    const neverPainted = openPage();
    neverPainted.parsed();
    neverPainted.passTime(START_ANYWAY_MS - 1);
    expect(neverPainted.started).toEqual([]);
    neverPainted.passTime(1);
    expect(neverPainted.started).toEqual(APP);
  });
});
