/**
 * Importing pasted text asks before it replaces the table, in real Chromium: an in-page question
 * (no browser prompt), Cancel keeps the table, Replace imports, Undo puts the table back. A
 * screenshot of the question is kept; axe finds nothing with it open.
 */
import type { Page } from '@playwright/test';
import { axeScan, axeViolations, expect, test, trainingStatus } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const panel = (page: Page) => page.getByRole('region', { name: 'Import and export' });
const names = (page: Page) =>
  page.getByRole('table', { name: 'Dataset' }).getByRole('textbox', { name: 'Name', exact: true });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('Import pasted text asks first; Cancel keeps the table, Replace imports, Undo brings it back', async ({
  page,
}, testInfo) => {
  // A browser prompt would fail here: the question must be the page's own.
  page.on('dialog', (dialog) => {
    throw new Error(`a browser ${dialog.type()} was shown: ${dialog.message()}`);
  });
  await expect(names(page)).toHaveCount(4);
  await panel(page)
    .getByRole('textbox', { name: 'Paste CSV' })
    .fill('name,weight,height,gender\nZoe,110,62,F\nMo,180,71,M');
  await button(page, 'Import pasted text').click();
  const question = panel(page).getByRole('group', {
    name: /^Replace the table’s 4 rows with the pasted text/,
  });
  await expect(question).toBeVisible();
  await expect(button(page, 'Replace the table')).toBeFocused();
  await panel(page).screenshot({ path: testInfo.outputPath('import-confirm.png') });
  expect(await axeViolations(axeScan(page))).toEqual([]);

  await button(page, 'Cancel').click();
  await expect(question).toBeHidden();
  await expect(names(page)).toHaveCount(4);
  await expect(button(page, 'Import pasted text')).toBeFocused();

  await button(page, 'Import pasted text').click();
  await button(page, 'Replace the table').click();
  await expect(names(page)).toHaveCount(2);
  await expect(names(page).first()).toHaveValue('Zoe');

  await button(page, 'Undo').click();
  await expect(names(page)).toHaveCount(4);
  await expect(names(page).first()).toHaveValue('Alice');
});
