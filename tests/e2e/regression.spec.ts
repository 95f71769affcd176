/**
 * A numeric target end to end, in real Chromium: a pasted CSV whose label column holds numbers imports
 * as a table that predicts a number; it trains a linear output (the loss falls), the status reports the
 * mean absolute error, the plane shows a colour scale of values, and Predict shows a number.
 */
import type { Page } from '@playwright/test';
import { expect, readLoss, setFullSpeed, test, trainingStatus } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const table = (page: Page) => page.getByRole('table', { name: 'Dataset' });
const predict = (page: Page) => page.getByRole('region', { name: 'Predict' });

/** A tilted plane, y = 0.5 x1 - x2 + 1, on a 4 × 4 grid. */
function planeCsv(): string {
  const lines = ['x1,x2,y'];
  for (let i = 0; i < 16; i++) {
    const x1 = (i % 4) - 1.5;
    const x2 = Math.floor(i / 4) - 1.5;
    lines.push(`${x1},${x2},${0.5 * x1 - x2 + 1}`);
  }
  return lines.join('\n');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('a CSV with a numeric label trains a linear output: the loss falls and Predict shows a number', async ({
  page,
}, testInfo) => {
  const panel = page.getByRole('region', { name: 'Import and export' });
  await panel.getByRole('textbox', { name: 'Paste CSV' }).fill(planeCsv());
  await button(page, 'Import pasted text').click();
  // The article's people are in the table: the page asks before replacing them.
  await button(page, 'Replace the table').click();
  const mapping = panel.getByRole('group', { name: 'Choose columns' });
  await expect(mapping).toContainText('Numeric label: the lab will predict a number');
  await expect(mapping.getByRole('combobox', { name: 'Label value meaning 1' })).toHaveCount(0);
  await button(page, 'Use these columns').click();

  await expect(table(page).getByRole('columnheader', { name: 'y', exact: true })).toBeVisible();
  await expect(page.getByText(/learns to predict y from x1 and x2\./)).toBeVisible();
  await expect(table(page).getByRole('textbox', { name: 'y', exact: true })).toHaveCount(16);
  await expect(trainingStatus(page)).toContainText('Mean absolute error');
  await expect(trainingStatus(page)).not.toContainText('Accuracy');
  await expect(page.getByRole('figure', { name: 'Decision boundary' })).toContainText('predicted y');

  await page.getByRole('combobox', { name: 'Input scaling', exact: true }).selectOption('Standardize');
  await expect.poll(() => readLoss(page)).toBeGreaterThan(0);
  const before = await readLoss(page);
  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readLoss(page), { timeout: 30_000 }).toBeLessThan(before / 10);
  await button(page, 'Pause').click();

  await expect(predict(page).getByText('Predicted y', { exact: true })).toBeVisible();
  const shown = await predict(page).locator('.predict-number').innerText();
  expect(Number.isFinite(Number(shown))).toBe(true);
  await expect(predict(page).getByText('Confidence')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('regression.png'), fullPage: true });
});

test('choosing Plane in Example data trains a linear output: the loss falls and Predict shows a number', async ({
  page,
}) => {
  await page.getByRole('combobox', { name: 'Example data', exact: true }).selectOption({ label: 'Plane' });
  await expect(table(page).getByRole('textbox', { name: 'y', exact: true }).first()).toBeVisible();
  await expect(trainingStatus(page)).toContainText('Mean absolute error');
  await page.getByRole('combobox', { name: 'Input scaling', exact: true }).selectOption('Standardize');
  await expect.poll(() => readLoss(page)).toBeGreaterThan(0);
  const before = await readLoss(page);
  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readLoss(page), { timeout: 30_000 }).toBeLessThan(before / 4);
  await button(page, 'Pause').click();
  await expect(predict(page).getByText('Predicted y', { exact: true })).toBeVisible();
});
