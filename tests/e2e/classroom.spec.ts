/**
 * The classroom, in real Chromium: presenter mode (and its share link), the guided tour by
 * keyboard from start to end, and exporting a figure as SVG and PNG files.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { axeScan, axeViolations, expect, readEpoch, test, trainingStatus } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const tour = (page: Page) => page.getByRole('dialog', { name: 'Guided tour' });

/** The settings a class does not need: the controls mark them advanced. */
const advancedControls = (page: Page) => [
  page.getByRole('combobox', { name: 'Input scaling', exact: true }),
  page.getByRole('combobox', { name: 'Sample order', exact: true }),
  page.getByRole('combobox', { name: 'Initial weights', exact: true }),
  page.getByRole('spinbutton', { name: 'Seed', exact: true }),
];

// Full-page axe scans of the whole lab take a while on a busy two-core machine.
const AXE_TEST_TIMEOUT_MS = 120_000;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Training status' })).toBeVisible();
});

test('presenter mode hides the advanced controls, enlarges the type, and travels in a share link', async ({
  page,
  browser,
}) => {
  test.setTimeout(AXE_TEST_TIMEOUT_MS);
  const rootFontSize = () =>
    page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normalSize = await rootFontSize();
  for (const control of advancedControls(page)) await expect(control).toBeVisible();

  await button(page, 'Presenter mode').click();
  await expect(button(page, 'Presenter mode')).toHaveAttribute('aria-pressed', 'true');
  for (const control of advancedControls(page)) await expect(control).toBeHidden();
  await expect(page.getByRole('figure', { name: 'Loss landscape' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Import and export' })).toBeHidden();
  for (const figure of ['Network', 'Loss curve', 'Decision boundary']) {
    await expect(page.getByRole('figure', { name: figure })).toBeVisible();
  }
  await expect(page.getByRole('table', { name: 'Dataset' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Predict' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Math' })).toBeVisible();
  expect(await rootFontSize()).toBeGreaterThanOrEqual(normalSize * 1.2);
  expect(await axeViolations(axeScan(page))).toEqual([]);

  await button(page, 'Share').click();
  const link = await page.getByRole('textbox', { name: /link/i }).inputValue();
  // A fresh browser profile: nothing saved, so only the link can turn presenter mode on.
  const other = await browser.newContext();
  try {
    const student = await other.newPage();
    await student.goto(link);
    await expect(button(student, 'Presenter mode')).toHaveAttribute('aria-pressed', 'true');
    await expect(student.getByRole('spinbutton', { name: 'Seed', exact: true })).toBeHidden();
  } finally {
    await other.close();
  }

  // P leaves it (focus off the buttons, where keys belong to the button); everything is back.
  await page.getByRole('heading', { name: 'Backprop Lab' }).click();
  await page.keyboard.press('p');
  await expect(button(page, 'Presenter mode')).toHaveAttribute('aria-pressed', 'false');
  for (const control of advancedControls(page)) await expect(control).toBeVisible();
  await expect(page.getByRole('region', { name: 'Import and export' })).toBeVisible();
});

test('the tour runs from start to end by keyboard, and its backpropagation step shows 0.0215', async ({
  page,
}) => {
  test.setTimeout(AXE_TEST_TIMEOUT_MS);
  await button(page, 'Take the tour').focus();
  await page.keyboard.press('Enter');
  await expect(tour(page)).toBeFocused();
  await expect(tour(page)).toContainText('Step 1 of 8');
  await expect(page.getByRole('combobox', { name: 'Initial weights', exact: true })).toHaveValue('ones');
  // Step 1 at 1440×900 is scanned by axe in tourPlacement.spec.ts; step 8, below, shows another screen.

  await page.keyboard.press('Tab'); // Back
  await page.keyboard.press('Tab'); // Next
  await expect(button(page, 'Next')).toBeFocused();
  const titles = ['Combining neurons', 'Training', 'Loss', 'Backpropagation'];
  for (const title of titles) {
    await page.keyboard.press('Enter');
    await expect(tour(page).getByRole('heading', { level: 3 })).toContainText(title);
  }
  // One step on Alice from all ones: the article's dL/dw1, in the Math view and in the tour.
  await expect(page.getByRole('region', { name: 'Math' })).toContainText('0.0215');
  await expect(tour(page)).toContainText('∂L/∂w1 for Alice’s step: 0.0215');
  await expect(page.locator('.tour-target')).toHaveAttribute('aria-label', 'Math');

  await page.keyboard.press('Enter');
  await expect(tour(page)).toContainText('Stochastic gradient descent');
  await page.keyboard.press('Enter');
  await expect(tour(page)).toContainText('Step 7 of 8');
  // The article's 1000 epochs, then its predictions: Emily 0.947 (Female), Frank 0.0398 (Male).
  await expect.poll(() => readEpoch(page), { timeout: 20_000 }).toBe(1000);
  await expect(tour(page)).toContainText('Emily: 0.947 → Female');
  await expect(tour(page)).toContainText('Frank: 0.0398 → Male');

  // Test data: 40 noisy people, half held out, trained to epoch 400; both losses, hollow test rows.
  await page.keyboard.press('Enter');
  await expect(tour(page)).toContainText('Step 8 of 8');
  await expect(tour(page).getByRole('heading', { level: 3 })).toContainText('Test data and overfitting');
  await expect(page.locator('.tour-target')).toHaveAttribute('aria-label', 'Loss curve');
  await expect.poll(() => readEpoch(page), { timeout: 20_000 }).toBe(400);
  await expect(trainingStatus(page)).toContainText(/Test loss \d/);
  await expect(tour(page)).toContainText(/training loss \S+, test loss \d/);
  await expect(page.getByRole('button', { name: /, test row$/ }).first()).toBeVisible();
  expect(await axeViolations(axeScan(page))).toEqual([]);

  await page.keyboard.press('Tab'); // End tour
  await page.keyboard.press('Enter');
  await expect(button(page, 'Restore my lab')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tour(page)).toBeHidden();
  await expect(button(page, 'Take the tour')).toBeFocused();
  await expect(page.locator('.tour-target')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Initial weights', exact: true })).toHaveValue('random');
});

async function savedBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

test('the Loss curve exports as an SVG file and a 2x PNG file', async ({ page }) => {
  await button(page, 'Step epoch').click();
  await button(page, 'Step epoch').click();
  await expect.poll(() => readEpoch(page)).toBe(2);

  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    button(page, 'Export Loss curve as SVG').click(),
  ]);
  expect(svgDownload.suggestedFilename()).toBe('loss-curve.svg');
  const svgText = (await savedBytes(svgDownload)).toString('utf8');
  expect(svgText).not.toContain('var(');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror') !== null,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      texts: doc.querySelectorAll('text').length,
      images: doc.querySelectorAll('image').length,
    };
  }, svgText);
  expect(parsed).toMatchObject({ error: false, root: 'svg' });
  expect(parsed.texts).toBeGreaterThan(4); // the axes' ticks and titles

  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    button(page, 'Export Loss curve as PNG').click(),
  ]);
  expect(pngDownload.suggestedFilename()).toBe('loss-curve.png');
  const png = await savedBytes(pngDownload);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: the width (bytes 16..19) is twice the figure's.
  expect(png.readUInt32BE(16)).toBe(2 * parsed.width);
});
