/**
 * The phone's own details, in real Chromium with touch at 375x812: a compact header on one line (its
 * tools as icons, with the same names), and a person added with a finger alone. Screenshots are kept;
 * axe finds nothing.
 */
import type { Page } from '@playwright/test';
import { axeScan, axeViolations, expect, test, trainingStatus } from './fixtures';

test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

const TOOLS = ['Take the tour', 'Presenter mode', 'Keyboard shortcuts'];
const tool = (page: Page, name: string) =>
  page.getByRole('banner').getByRole('button', { name, exact: true });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('the header is one line: the title and the three tools as icons a thumb can hit, names unchanged', async ({
  page,
}, testInfo) => {
  const title = (await page.getByRole('heading', { name: 'Backprop Lab', level: 1 }).boundingBox())!;
  for (const name of TOOLS) {
    const box = (await tool(page, name).boundingBox())!;
    // Beside the title, not on a line of its own under it.
    expect(box.y, name).toBeLessThan(title.y + title.height);
    expect(box.y + box.height, name).toBeGreaterThan(title.y);
    expect(box.x, name).toBeGreaterThan(title.x + title.width);
    expect(Math.min(box.width, box.height), name).toBeGreaterThanOrEqual(40);
    // The words are not drawn: the icon is what shows.
    await expect(tool(page, name).locator('svg')).toBeVisible();
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.getByRole('banner').screenshot({ path: testInfo.outputPath('phone-header.png') });
  expect(await axeViolations(axeScan(page).include('header'))).toEqual([]);

  // Each still does its work by touch: the shortcuts open, Presenter mode turns on.
  await tool(page, 'Keyboard shortcuts').tap();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await tool(page, 'Presenter mode').tap();
  await expect(tool(page, 'Presenter mode')).toHaveAttribute('aria-pressed', 'true');
});

test('presenter mode on a phone keeps the phone layout: nothing wider than the screen, nothing on the title', async ({
  page,
}, testInfo) => {
  await tool(page, 'Presenter mode').tap();
  await expect(tool(page, 'Presenter mode')).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const title = (await page.getByRole('heading', { name: 'Backprop Lab', level: 1 }).boundingBox())!;
  for (const name of TOOLS) {
    const box = (await tool(page, name).boundingBox())!;
    expect(box.x, name).toBeGreaterThanOrEqual(title.x + title.width);
    expect(box.x + box.width, name).toBeLessThanOrEqual(375);
  }
  // The run bar's controls and the status's figures stay on the screen.
  const controls = page.getByRole('region', { name: 'Controls' });
  for (const control of [
    controls.getByRole('slider', { name: 'Speed' }),
    controls.getByRole('slider', { name: 'Learning rate' }),
    trainingStatus(page),
  ]) {
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
  }
  await page.screenshot({ path: testInfo.outputPath('phone-presenter.png') });
});

test.describe('on a laptop', () => {
  test.use({ viewport: { width: 1440, height: 900 }, hasTouch: false, isMobile: false });

  test('the header tools show their words and no icon', async ({ page }) => {
    for (const name of TOOLS) {
      await expect(tool(page, name)).toHaveText(name);
      await expect(tool(page, name).locator('svg')).toBeHidden();
    }
  });
});

test('a person is added by touch alone: Add person here, Male, a tap on the plane; Undo takes it back', async ({
  page,
}, testInfo) => {
  const plane = page.getByRole('figure', { name: 'Decision boundary' });
  const addHere = plane.getByRole('button', { name: 'Add person here', exact: true });
  await addHere.scrollIntoViewIfNeeded();
  await addHere.tap();
  await expect(addHere).toHaveAttribute('aria-pressed', 'true');
  await plane
    .getByRole('group', { name: 'New person' })
    .getByRole('button', { name: 'Male', exact: true })
    .tap();
  // Near the top-left corner: light and tall, where no one of the article's four stands.
  const plot = plane.getByTestId('plot-area');
  const box = (await plot.boundingBox())!;
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await plot.tap({ position: { x: box.width * 0.1, y: box.height * 0.1 } });
  const added = plane.getByRole('button', { name: /^person 5, [\d.]+ lb, [\d.]+ in, Male, output/ });
  await expect(added).toBeVisible();
  await expect(plane.getByRole('status')).toContainText('Added a man at');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
  await plane.screenshot({ path: testInfo.outputPath('phone-added-by-tap.png') });
  expect(await axeViolations(axeScan(page).include('figure[aria-label="Decision boundary"]'))).toEqual([]);

  // Off again, a tap only taps.
  await addHere.tap();
  await plot.tap({ position: { x: box.width * 0.2, y: box.height * 0.1 } });
  await expect(plane.getByRole('button', { name: /^person \d+, / })).toHaveCount(1);

  // Undo, in the phone's Data view, takes the added person back.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Data', exact: true }).tap();
  await page.getByRole('button', { name: 'Undo', exact: true }).tap();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Train', exact: true }).tap();
  await expect(plane.getByRole('button', { name: /^person \d+, / })).toHaveCount(0);
  await expect(plane.getByRole('button', { name: /, output / })).toHaveCount(4);
});
