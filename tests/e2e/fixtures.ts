/**
 * The e2e `test`: Playwright's, plus a guard that fails any test during which the page
 * (or its training worker) logged a console error or threw an uncaught error.
 * Helpers read the `Training status` region the way a person reads it.
 * Each test runs in a browser context of its own, whose storage starts empty: one `page.goto('/')`
 * opens a fresh lab (no clearing and reloading first).
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type ConsoleMessage, type Locator, type Page } from '@playwright/test';

export { expect };

/**
 * An axe scan of the page as it is now (narrow it with `.include(selector)`). It runs axe inside the page
 * (legacy mode: the lab has no frames, so the default's second page, which gathers results across frames,
 * only doubles the cost) and reports passes without their node lists (violations keep all of theirs):
 * 1 s a scan instead of 3-4 s here, with the same rules and the same violations.
 */
export function axeScan(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
}

/**
 * The scan's violations, each as `rule: the elements it found`, so that a failing test names what to mend
 * and where: `expect(await axeViolations(axeScan(page))).toEqual([])`.
 */
export async function axeViolations(scan: AxeBuilder): Promise<string[]> {
  const { violations } = await scan.analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function describeConsole(message: ConsoleMessage, source: string): string {
  const { url, lineNumber } = message.location();
  const where = url ? ` (${url}:${lineNumber})` : '';
  return `${source} console.error: ${message.text()}${where}`;
}

/**
 * The built HTML shows an inert first screen until the app's first render replaces it: a test acts on the
 * app, so `goto` and `reload` return once the app has taken over (with scripts off, at once).
 */
async function untilTakenOver(page: Page): Promise<void> {
  // A page without the lab (about:blank) has nothing to take over.
  await page.waitForFunction(() => !document.querySelector('#root[data-first-screen]'));
}

export const test = base.extend<{ failOnPageErrors: void }>({
  page: async ({ page, javaScriptEnabled }, provide) => {
    if (javaScriptEnabled) {
      const goto = page.goto.bind(page);
      const reload = page.reload.bind(page);
      page.goto = async (...args) => {
        const response = await goto(...args);
        await untilTakenOver(page);
        return response;
      };
      page.reload = async (...args) => {
        const response = await reload(...args);
        await untilTakenOver(page);
        return response;
      };
    }
    await provide(page);
  },
  failOnPageErrors: [
    async ({ page }, use) => {
      const problems: string[] = [];
      const seen = new WeakSet<ConsoleMessage>();
      const onConsole = (source: string) => (message: ConsoleMessage) => {
        if (message.type() !== 'error' || seen.has(message)) return;
        seen.add(message);
        problems.push(describeConsole(message, source));
      };
      page.on('console', onConsole('page'));
      page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
      // Worker messages may reach page 'console' too; `seen` keeps each one once.
      page.on('worker', (worker) => worker.on('console', onConsole('worker')));

      await use();

      expect(problems, 'console errors or uncaught errors while the test ran').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * The app's `Training status` region. The built page's HTML shows the first screen before the app has
 * run (inert, `data-first-screen`): the region found here is the app's, so waiting for it waits until
 * the app has taken over and the lab answers.
 */
export function trainingStatus(page: Page): Locator {
  return page.locator('#root:not([data-first-screen])').getByRole('region', { name: 'Training status' });
}

/** `Epoch 1,234` in the status region, as an integer. Throws if the region shows no epoch. */
export async function readEpoch(page: Page): Promise<number> {
  const text = await trainingStatus(page).innerText();
  const match = /Epoch\s*:?\s*(\d[\d,]*)/.exec(text);
  if (!match?.[1]) throw new Error(`no "Epoch <n>" in the Training status region: ${JSON.stringify(text)}`);
  return Number(match[1].replaceAll(',', ''));
}

/** `Loss 0.00239` (or `2.39e-5`) in the status region; NaN while it shows `Loss —`. */
export async function readLoss(page: Page): Promise<number> {
  const text = await trainingStatus(page).innerText();
  const match = /Loss\s*:?\s*(\S+)/.exec(text);
  if (!match?.[1])
    throw new Error(`no "Loss <value>" in the Training status region: ${JSON.stringify(text)}`);
  const value = Number(match[1].replaceAll(',', ''));
  return Number.isNaN(value) ? Number.NaN : value;
}

/** Moves the `Speed` slider to its last stop, "as fast as possible". */
export async function setFullSpeed(page: Page): Promise<void> {
  const speed = page.getByRole('slider', { name: 'Speed', exact: true });
  await speed.focus();
  await speed.press('End');
  const max = await speed.getAttribute('max');
  if (max !== null) await expect(speed).toHaveValue(max);
}

/** Epoch reading that has not changed for `quietMs`: the run is really stopped. */
export async function expectEpochSteady(page: Page, quietMs = 500): Promise<number> {
  const before = await readEpoch(page);
  await page.waitForTimeout(quietMs);
  const after = await readEpoch(page);
  expect(after, `epoch moved from ${before} to ${after} in ${quietMs} ms while paused`).toBe(before);
  return after;
}
