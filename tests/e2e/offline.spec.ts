/**
 * The lab after one visit needs no network: the service worker has the page, every chunk, the
 * training worker and the fonts, so a reload offline opens the lab and Play trains. Installable: the
 * page links a manifest with a name, icons and colours.
 */
import type { Page } from '@playwright/test';
import { expect, readEpoch, test, trainingStatus } from './fixtures';

test.use({ serviceWorkers: 'allow' });

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Waits until a service worker controls the page and has precached everything (it is `activated`). */
async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== 'activated') {
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    }
  });
}

test('after one visit the lab opens and trains offline', async ({ page, context }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
  await waitForOfflineReady(page);

  await context.setOffline(true);
  await page.reload();
  await expect(trainingStatus(page)).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Loss curve' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Decision boundary' })).toBeVisible();
  expect(await readEpoch(page)).toBe(0);

  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page), { timeout: 15_000 }).toBeGreaterThan(50);
  await button(page, 'Pause').click();

  // The panels fetched later come from the cache too: the Math view typesets, the table lists the people.
  const math = page.getByRole('region', { name: 'Math' });
  // The Math view replaces its stand-in once the run rests (not during it): scroll to whichever is there.
  await expect(() => math.scrollIntoViewIfNeeded({ timeout: 1000 })).toPass();
  await expect(math.locator('.katex').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Dataset' })).toBeVisible();
  await context.setOffline(false);
});

test('the page is installable: a manifest with name, short name, icons and colours', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = (await (await page.request.get(href!)).json()) as {
    name: string;
    short_name: string;
    theme_color: string;
    background_color: string;
    display: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.name).toBe('Backprop Lab');
  expect(manifest.short_name).toBeTruthy();
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const sizes = manifest.icons.map((icon) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, page.url()).href);
    expect(response.ok(), icon.src).toBe(true);
    expect(response.headers()['content-type']).toContain(icon.type);
  }
});

test('a run started at once keeps the offline downloads out of its way until it pauses', async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
  await button(page, 'Play').click();
  // Past the 4 s the page waits after its load and the 3 s an idle moment may take, the run still
  // trains: nothing is registered yet.
  await page.waitForTimeout(8000);
  const whileTraining = await page.evaluate(
    async () => (await navigator.serviceWorker.getRegistration()) ?? null,
  );
  expect(whileTraining).toBeNull();
  expect(await readEpoch(page)).toBeGreaterThan(50);
  await button(page, 'Pause').click();
  await waitForOfflineReady(page);
});
