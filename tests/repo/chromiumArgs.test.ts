/**
 * The browser the e2e tests and benchmarks launch through Playwright keeps Playwright's own feature switches:
 * Chromium reads only the last `--disable-features` of a command line, so the one in CHROMIUM_ARGS (which
 * also turns off browser UI a headless run never shows) must repeat every feature Playwright turns off.
 * Upgrading Playwright with a longer list fails here instead of quietly changing how the browser behaves.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  DIRECT_CHROMIUM_ARGS,
  PLAYWRIGHT_DISABLED_FEATURES,
  UNSHOWN_BROWSER_UI,
} from '../../scripts/chromium';

/** The features the installed Playwright disables, read from its bundled chromiumSwitches. */
function installedPlaywrightDisabledFeatures(): string[] {
  const bundle = readFileSync(
    createRequire(import.meta.url).resolve('playwright-core/lib/coreBundle'),
    'utf8',
  );
  const list = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle)?.[1];
  if (list === undefined) throw new Error("no `disabledFeatures = [...]` in playwright-core's bundle");
  const names = [...list.matchAll(/^\s*"(\w+)",?\s*$/gm)].map((match) => match[1]!);
  // An entry written another way (a condition, two on a line, a comment after it) would be missed by the
  // line pattern above and by our copy alike: every string in the list must be one of the lines read.
  const strings = list.match(/"[^"]*"/g) ?? [];
  if (strings.length !== names.length)
    throw new Error(`playwright-core's disabledFeatures has ${strings.length} strings, ${names.length} read`);
  return names;
}

/** The features named by a command line's `--disable-features`, the last one as Chromium reads it. */
function disabledFeatures(args: readonly string[]): string[] {
  const switches = args.filter((arg) => arg.startsWith('--disable-features='));
  return switches.at(-1)?.slice('--disable-features='.length).split(',') ?? [];
}

describe('the Chromium command line', () => {
  it('repeats every feature the installed Playwright turns off', () => {
    const playwrights = installedPlaywrightDisabledFeatures();
    expect(playwrights.length).toBeGreaterThan(5);
    expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(playwrights);
    expect(disabledFeatures(CHROMIUM_ARGS)).toEqual(expect.arrayContaining(playwrights));
  });

  it('turns off the omnibox popup pages for Playwright launches and direct ones alike', () => {
    expect(UNSHOWN_BROWSER_UI).toEqual(['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']);
    for (const args of [CHROMIUM_ARGS, DIRECT_CHROMIUM_ARGS]) {
      expect(disabledFeatures(args)).toEqual(expect.arrayContaining(UNSHOWN_BROWSER_UI));
      expect(args.filter((arg) => arg.startsWith('--disable-features='))).toHaveLength(1);
    }
  });

  it('leaves a direct launch with Chromium’s own defaults otherwise (Paint holding on, as people get it)', () => {
    expect(disabledFeatures(DIRECT_CHROMIUM_ARGS)).toEqual(UNSHOWN_BROWSER_UI);
  });
});
