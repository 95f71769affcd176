/**
 * The one Chromium the tests and benchmarks drive: the system's (Debian's /usr/bin/chromium unless
 * CHROME_PATH says otherwise), with the flags this machine's closed network needs. Playwright's own
 * browser downloads are unreachable here.
 */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
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
