/**
 * The one Chromium the tests and benchmarks drive: the system's (Debian's /usr/bin/chromium unless
 * CHROME_PATH says otherwise), with the flags this machine's closed network needs. Playwright's own
 * browser downloads are unreachable here.
 */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const NETWORK_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these, Chromium keeps trying hosts that the closed network refuses.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Browser UI that a headless run never shows but Chromium 156 builds for every window it opens: the
 * omnibox popup, two WebUI pages in a renderer of their own. Each browser context of a test paid 0.65 s of
 * renderer CPU and 0.2 s of the browser's for them, as much as loading the lab itself, and on a 2-core
 * machine they compete with the page being measured.
 */
export const UNSHOWN_BROWSER_UI = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * The features Playwright 1.65.1 turns off (its chromiumSwitches.ts). Chromium reads only the last
 * `--disable-features` of a command line, and Playwright puts ours after its own, so ours repeats them;
 * tests/repo/chromiumArgs.test.ts compares this list with the installed Playwright's.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** Arguments for `chromium.launch` (Playwright adds its own switches before these). */
export const CHROMIUM_ARGS = [
  ...NETWORK_ARGS,
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNSHOWN_BROWSER_UI].join(',')}`,
];

/** Arguments for a Chromium started directly (Lighthouse's), which has no Playwright switches to keep. */
export const DIRECT_CHROMIUM_ARGS = [...NETWORK_ARGS, `--disable-features=${UNSHOWN_BROWSER_UI.join(',')}`];
