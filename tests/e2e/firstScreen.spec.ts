/**
 * The built page shows the lab's first screen from its HTML, before any script has run (a slow phone
 * paints it while the scripts download), and the app then takes it over: Play trains, nothing logs an
 * error, nothing on the screen shifts. A saved lab or a shared link opens another lab, so the default
 * screen in the HTML stays hidden until the app draws that lab instead of showing the wrong numbers.
 */
import type { Page } from '@playwright/test';
import { expect, readEpoch, test, trainingStatus } from './fixtures';

const STORAGE_KEY = 'backprop-lab';
const PHONE = { width: 375, height: 812 };
const LAPTOP = { width: 1440, height: 900 };
/** The run bar's buttons, by their exact accessible names (docs/reference.md). */
const RUN_BUTTONS = ['Play', 'Step sample', 'Step epoch', 'Reset'];

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/**
 * Records, from the page's start, each layout shift that counts against the page (none just after
 * input) as the title of the panel it moved (or the header's, or the run bar's).
 */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: string[] = [];
    (window as unknown as { layoutShifts: string[] }).layoutShifts = shifts;
    const where = (node: Node | null): string => {
      const element = node instanceof Element ? node : (node?.parentElement ?? null);
      const place = element?.closest('.lab-header, .run-bar, .panel');
      if (!place) return 'elsewhere';
      if (!place.classList.contains('panel') || place.classList.contains('run-bar')) return place.className;
      return place.querySelector('.panel-title')?.textContent ?? place.className;
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const shift = entry as unknown as { hadRecentInput: boolean; sources: { node: Node | null }[] };
        if (!shift.hadRecentInput) shifts.push(...shift.sources.map((source) => where(source.node)));
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const layoutShifts = (page: Page) =>
  page.evaluate(() => (window as unknown as { layoutShifts: string[] }).layoutShifts);

/** The app has replaced the HTML's first screen with its own. */
async function expectTakenOver(page: Page): Promise<void> {
  await expect(page.locator('[data-first-screen]')).toHaveCount(0);
  await expect(page.locator('#root')).not.toHaveAttribute('inert');
}

async function expectPlayTrains(page: Page): Promise<void> {
  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(0);
  await button(page, 'Pause').click();
}

for (const viewport of [LAPTOP, PHONE]) {
  const size = `${viewport.width}x${viewport.height}`;

  test.describe(`before any script runs, ${size}`, () => {
    test.use({ javaScriptEnabled: false, viewport });

    test('the HTML already shows the title, the run bar and the Loss curve', async ({ page }) => {
      await page.goto('/');
      const shown = page.locator('#root[data-first-screen]');
      await expect(shown.getByRole('heading', { name: 'Backprop Lab', level: 1 })).toBeVisible();
      const runBar = shown.locator('section[aria-label="Controls"]');
      for (const name of RUN_BUTTONS) {
        await expect(runBar.getByRole('button', { name, exact: true, includeHidden: true })).toBeVisible();
      }
      await expect(runBar.locator('section[aria-label="Training status"]')).toContainText('Epoch 0');
      await expect(shown.locator('figure[aria-label="Loss curve"]')).toBeVisible();
      await expect(shown.getByText('No epochs yet — press Play or Step epoch.')).toBeVisible();
    });
  });

  test.describe(`the app takes the first screen over, ${size}`, () => {
    test.use({ viewport });

    test('a fresh lab: no shift, and Play trains', async ({ page }) => {
      await recordLayoutShifts(page);
      await page.goto('/');
      await expectTakenOver(page);
      await expect(page.locator('html')).not.toHaveClass(/opens-other-lab/);
      // No script is fetched before the screen in the HTML has painted: a phone's simulated load counts
      // one that is as holding that paint back by its whole download.
      const fetchedBeforePaint = await page.evaluate(() => {
        const painted = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity;
        return performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.endsWith('.js') && entry.startTime < painted)
          .map((entry) => entry.name);
      });
      expect(fetchedBeforePaint).toEqual([]);
      await page.waitForLoadState('networkidle'); // the first screen's figures have come
      // A phone's first screen never moves. On a laptop the Network figure grows its legend when its
      // code arrives, as it did before the screen was in the HTML; the run bar and the Loss curve stay.
      const shifts = await layoutShifts(page);
      if (viewport === PHONE) expect(shifts).toEqual([]);
      else expect(shifts.filter((place) => place === 'panel run-bar' || place === 'Loss curve')).toEqual([]);
      await expectPlayTrains(page);
    });

    test('a fresh lab left as it opened saves nothing: the next visit shows the HTML’s screen again', async ({
      page,
    }) => {
      await page.goto('/');
      await expectTakenOver(page);
      await page.waitForLoadState('networkidle'); // the worker has started and sent its first frame
      await page.waitForTimeout(1500); // the once-a-second autosave
      expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
      await page.reload(); // leaving the page (pagehide) would write a pending save too
      await expect(page.locator('html')).not.toHaveClass(/opens-other-lab/);
      expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
    });

    test('a saved lab opens as saved, the default screen never shown', async ({ page }) => {
      await page.goto('/');
      await button(page, 'Step epoch').click();
      await button(page, 'Step epoch').click();
      await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).not.toBeNull();
      await page.waitForTimeout(1500); // the once-a-second autosave
      await page.reload();
      await expect(page.locator('html')).toHaveClass(/opens-other-lab/);
      await expectTakenOver(page);
      await expect(trainingStatus(page)).toBeVisible();
      await expect.poll(() => readEpoch(page)).toBe(2);
      await expectPlayTrains(page);
    });

    test('a shared link opens the linked lab, the default screen never shown', async ({ page, browser }) => {
      await page.goto('/');
      await page.getByRole('spinbutton', { name: 'Seed', exact: true }).fill('7');
      if (viewport === PHONE) await button(page, 'Data').click();
      await button(page, 'Share').click();
      const link = await page.getByRole('textbox', { name: /link/i }).inputValue();
      // A browser with no saved lab: only the link says this lab is not the default one.
      const elsewhere = await browser.newContext({ viewport, serviceWorkers: 'block' });
      const fresh = await elsewhere.newPage();
      const errors: string[] = [];
      fresh.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      fresh.on('pageerror', (error) => errors.push(error.message));
      await fresh.goto(link);
      await expect(fresh.locator('html')).toHaveClass(/opens-other-lab/);
      await expectTakenOver(fresh);
      await expect(fresh.getByRole('region', { name: 'Shared link' })).toBeVisible();
      await expect(fresh.getByRole('spinbutton', { name: 'Seed', exact: true })).toHaveValue('7');
      await expectPlayTrains(fresh);
      expect(errors).toEqual([]);
      await elsewhere.close();
    });
  });
}

test.describe('a slow phone (CPU slowed 12x)', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('the first paint holds the whole first screen: nothing in it shifts as the rest is parsed', async ({
    page,
  }) => {
    await recordLayoutShifts(page);
    // Slowed this much, the parser yields mid-page; a paint then showed a header with one tool of four.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 12 });
    // Only the parse is slowed: the app's start at 1x is the tests' above, and at 12x it is slow to wait for.
    page.once('domcontentloaded', () => void cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }));
    await page.goto('/');
    await expectTakenOver(page);
    await page.waitForLoadState('networkidle');
    expect(await layoutShifts(page)).toEqual([]);
  });
});
