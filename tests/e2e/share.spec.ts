/** Sharing and importing, in real Chromium: a link reproduces a run; bad input says so. */
import type { Page } from '@playwright/test';
import { expect, readEpoch, setFullSpeed, test, trainingStatus } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** The status loss at full precision (its title), so two runs can be compared bit for bit. */
const exactLoss = (page: Page) =>
  trainingStatus(page).locator('[title]').filter({ hasText: 'Loss' }).getAttribute('title');

async function trainTo(page: Page, epochs: number): Promise<void> {
  await page.getByRole('spinbutton', { name: 'Stop at epoch', exact: true }).fill(String(epochs));
  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page), { timeout: 20_000 }).toBe(epochs);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('a share link reproduces the run bit for bit', async ({ page, context }) => {
  await page.getByRole('spinbutton', { name: 'Seed', exact: true }).fill('7');
  await page.getByRole('combobox', { name: 'Sample order', exact: true }).selectOption({ label: 'Shuffled' });
  await trainTo(page, 500);
  const loss = await exactLoss(page);
  await button(page, 'Share').click();
  const link = await page.getByRole('textbox', { name: /link/i }).inputValue();
  expect(link).toContain('#lab=');

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('status').filter({ hasText: 'shared lab' })).toBeVisible();
  await expect(other.getByRole('spinbutton', { name: 'Seed', exact: true })).toHaveValue('7');
  await expect.poll(() => readEpoch(other)).toBe(0);
  await setFullSpeed(other);
  await button(other, 'Play').click();
  await expect.poll(() => readEpoch(other), { timeout: 20_000 }).toBe(500);
  expect(await exactLoss(other)).toBe(loss);
});

test('a damaged link says so and the defaults load', async ({ page }) => {
  await page.goto('about:blank'); // a hash-only change would not reload the app
  await page.goto('/#lab=not-a-real-link');
  await expect(page.getByRole('alert').filter({ hasText: 'damaged or incomplete' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Dataset' }).getByRole('textbox', { name: 'Name' }),
  ).toHaveCount(4);
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
});

test('a CSV with bad lines imports the good rows and lists the bad ones by line', async ({ page }) => {
  const csv = [
    'name,weight,height,gender',
    'Ann,130,64,F',
    'Ben,abc,70,M',
    'Cat,125,,F',
    'Dan,170,71,M',
  ].join('\n');
  await page.getByRole('textbox', { name: 'Paste CSV' }).fill(csv);
  await button(page, 'Import pasted text').click();
  await button(page, 'Replace the table').click();
  const summary = page.getByRole('region', { name: 'Import and export' }).getByRole('status');
  await expect(summary).toContainText('Line 3');
  await expect(summary).toContainText('Line 4');
  const names = page
    .getByRole('table', { name: 'Dataset' })
    .getByRole('textbox', { name: 'Name', exact: true });
  await expect(names).toHaveCount(2);
  await expect(names.first()).toHaveValue('Ann');
});
