/**
 * Nothing lost, in real Chromium: spreadsheet formulas leave the lab neutralized and come back exactly,
 * a number field applies only a whole valid value, and a Windows-1252 file keeps its accents.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, readEpoch, setFullSpeed, test, trainingStatus } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const panel = (page: Page) => page.getByRole('region', { name: 'Import and export' });
const table = (page: Page) => page.getByRole('table', { name: 'Dataset' });
const spinbutton = (page: Page, name: string) => page.getByRole('spinbutton', { name, exact: true });

/** The values of the table's Name boxes, top to bottom. */
async function tableNames(page: Page): Promise<string[]> {
  const boxes = await table(page).getByRole('textbox', { name: 'Name', exact: true }).all();
  return Promise.all(boxes.map((box) => box.inputValue()));
}

/** The field's own message: the alert next to it (it is described by it). */
function fieldAlert(field: ReturnType<Page['getByRole']>) {
  return field.locator('xpath=..').getByRole('alert');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('Export CSV neutralizes formulas; importing that file gives back the same table', async ({ page }) => {
  const names = ['=1+2', '@SUM(A1)', "+cmd|' /C calc'!A0", '-x', 'Ann'];
  const csv = [
    'name,weight,height,gender',
    '=1+2,-2,65,F',
    '@SUM(A1),133,65,M',
    `"+cmd|' /C calc'!A0",150,70,M`,
    '-x,120,-60,F',
    'Ann,125,62,F',
  ].join('\n');
  await panel(page).getByRole('textbox', { name: 'Paste CSV' }).fill(csv);
  await button(page, 'Import pasted text').click();
  await button(page, 'Replace the table').click();
  await expect(panel(page).getByRole('status')).toContainText('Imported 5 people.');
  expect(await tableNames(page)).toEqual(names);

  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Export CSV').click()]);
  const exported = (await readFile(await download.path())).toString('utf8');
  // Every text cell a spreadsheet would run starts with an apostrophe; the numbers stay numbers.
  expect(exported.split('\n')).toEqual([
    'name,weight,height,gender',
    "'=1+2,-2,65,F",
    "'@SUM(A1),133,65,M",
    `'+cmd|' /C calc'!A0,150,70,M`,
    "'-x,120,-60,F",
    'Ann,125,62,F',
  ]);

  await button(page, 'Reset to article data').click();
  expect(await tableNames(page)).toEqual(['Alice', 'Bob', 'Charlie', 'Diana']);
  await page.getByLabel('CSV file').setInputFiles(await download.path());
  await expect(panel(page).getByRole('status')).toContainText('Imported 5 people.');
  expect(await tableNames(page)).toEqual(names);
  const weights = table(page).getByRole('textbox', { name: 'Weight (lb)', exact: true });
  await expect(weights.first()).toHaveValue('-2');
});

test('a number field applies only a whole valid value; a refused one stays with its message', async ({
  page,
}) => {
  // 1e309 is no number: the run must not stop at epoch 1, the 1 typed on the way.
  const stopAt = spinbutton(page, 'Stop at epoch');
  await stopAt.click();
  await stopAt.pressSequentially('1e309');
  await stopAt.press('Tab');
  await expect(fieldAlert(stopAt)).toHaveText('That is not a number.');
  await expect(stopAt).toHaveAttribute('aria-invalid', 'true');
  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page), { timeout: 20_000 }).toBeGreaterThan(50);
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeVisible();
  const pausedAt = await readEpoch(page);

  // A seed past 4294967295 is refused whole: not cut to 429496729, so the run does not start again.
  const seed = spinbutton(page, 'Seed');
  const seedBefore = await seed.inputValue();
  await seed.click();
  await seed.press('ControlOrMeta+a');
  await seed.pressSequentially('4294967296');
  await seed.press('Tab');
  await expect(seed).toHaveValue('4294967296');
  await expect(fieldAlert(seed)).toHaveText('The seed is at most 4294967295.');
  expect(await readEpoch(page)).toBe(pausedAt);

  // A batch size past the range says the range, and is not cut to 10000.
  await page.getByRole('combobox', { name: 'Updates', exact: true }).selectOption('mini-batch');
  const batch = spinbutton(page, 'Batch size');
  const batchBefore = await batch.inputValue();
  await batch.click();
  await batch.press('ControlOrMeta+a');
  await batch.pressSequentially('100001');
  await batch.press('Tab');
  await expect(fieldAlert(batch)).toHaveText('The batch size is a whole number from 1 to 100,000.');

  // None of them reached the saved lab.
  await page.reload();
  await expect(spinbutton(page, 'Stop at epoch')).toHaveValue('');
  await expect(spinbutton(page, 'Seed')).toHaveValue(seedBefore);
  await expect(spinbutton(page, 'Batch size')).toHaveValue(batchBefore);

  // Whole valid values apply: typed and confirmed with Enter, or stepped with the arrow keys.
  await spinbutton(page, 'Batch size').fill('2');
  await spinbutton(page, 'Batch size').press('Enter');
  await spinbutton(page, 'Seed').press('ArrowUp');
  const stepped = String(Number(seedBefore) + 1);
  await expect(spinbutton(page, 'Seed')).toHaveValue(stepped);
  await page.reload();
  await expect(spinbutton(page, 'Batch size')).toHaveValue('2');
  await expect(spinbutton(page, 'Seed')).toHaveValue(stepped);
});

test('a Windows-1252 file keeps its accents, and the import says how it read the file', async ({ page }) => {
  const text = 'name,weight,height,gender\nJos\u00e9,150,70,M\nFran\u00e7oise \u20ac,120,60,F\n';
  // Windows-1252: é is 0xE9, ç 0xE7, € 0x80; none of those bytes alone is UTF-8.
  const bytes = Buffer.from(text.replace('\u20ac', '\u0080'), 'latin1');
  await page.getByLabel('CSV file').setInputFiles({ name: 'old.csv', mimeType: 'text/csv', buffer: bytes });
  const status = panel(page).getByRole('status');
  await expect(status).toContainText('Imported 2 people.');
  await expect(status).toContainText(
    'The file old.csv is not UTF-8 text, so it was read as Windows-1252 (Western European)',
  );
  expect(await tableNames(page)).toEqual(['José', 'Françoise €']);
});
