/**
 * A real table in real Chromium: a penguin file with missing sexes (NA, ., ?, empty), masses in grams
 * and a long column name. Missing labels are left out and listed, both classes keep the file's names
 * everywhere (tagline, table, Predict, Math, exports), the import offers Standardize, and the Network
 * figure shows the long input name inside itself.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, readLoss, setFullSpeed, test, trainingStatus } from './fixtures';

const LONG_NAME = 'Flipper length in millimetres (field measurement)';
const PENGUINS = [
  `species,bill_length_mm,${LONG_NAME},body_mass_g,sex`,
  'Adelie,39.1,181,3750,MALE',
  'Adelie,39.5,186,3800,FEMALE',
  'Adelie,40.3,195,3250,FEMALE',
  'Adelie,36.7,193,3450,NA',
  'Adelie,39.3,190,3650,MALE',
  'Adelie,38.9,181,3625,FEMALE',
  'Gentoo,44.5,217,4875,.',
  'Gentoo,46.1,211,4500,FEMALE',
  'Gentoo,50.0,230,5700,MALE',
  'Gentoo,48.7,218,5350,?',
  'Gentoo,47.3,222,5250,',
  'Gentoo,50.5,235,5800,MALE',
].join('\n');

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const panel = (page: Page) => page.getByRole('region', { name: 'Import and export' });
const predict = (page: Page) => page.getByRole('region', { name: 'Predict' });

async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), button(page, name).click()]);
  return readFile(await file.path(), 'utf8');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('a penguin table keeps its meaning: missing sexes left out, MALE and FEMALE everywhere, Standardize offered', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.getByLabel('CSV file').setInputFiles({
    name: 'penguins.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(PENGUINS),
  });
  const mapping = panel(page).getByRole('group', { name: 'Choose columns' });
  await mapping.getByRole('combobox', { name: 'First input' }).selectOption('body_mass_g');
  // The long header is shortened in its option; its value is the column's index.
  await mapping.getByRole('combobox', { name: 'Second input' }).selectOption({ value: '2' });
  await expect(mapping.getByRole('combobox', { name: 'Label value meaning 1' }).locator('option')).toHaveText(
    ['MALE', 'FEMALE'],
  );
  await mapping.getByRole('combobox', { name: 'Label value meaning 1' }).selectOption('FEMALE');
  await button(page, 'Use these columns').click();

  // Four rows have no sex: counted, listed by line, not trained as MALE.
  const status = panel(page).getByRole('status');
  await expect(status).toContainText('Imported 8 rows; 4 lines left out:');
  await expect(status).toContainText('4 rows have no label');
  await expect(status).toContainText('Line 5: Column “sex” is missing (“NA”).');
  await expect(status).toContainText('Line 8: Column “sex” is missing (“.”).');
  await expect(status).toContainText('Line 12: Column “sex” is empty.');
  const labels = page.getByRole('table', { name: 'Dataset' }).getByRole('combobox', { name: 'Label' });
  await expect(labels).toHaveCount(8);
  await expect(labels.first().locator('option:checked')).toHaveText('MALE');

  // Grams are far from the article's scale: the import says so and offers Standardize.
  await expect(status).toContainText('body_mass_g reaches 5,800');
  await status.getByRole('button', { name: 'Use Standardize' }).click();
  await expect(page.getByRole('combobox', { name: 'Input scaling', exact: true })).toHaveValue('standardize');
  await expect(status.getByRole('button', { name: 'Use Standardize' })).toHaveCount(0);

  // The lab speaks the file's words.
  await expect(page.locator('.tagline')).toHaveText(
    `A 2-2-1 neural network learns to tell FEMALE from MALE by body_mass_g and ${LONG_NAME}. Every number, live.`,
  );
  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readLoss(page), { timeout: 30_000 }).toBeLessThan(0.1);
  await button(page, 'Pause').click();
  await expect(predict(page).getByRole('textbox', { name: 'body_mass_g', exact: true })).toHaveValue('3750');
  await expect(predict(page).locator('.predict-class')).toHaveText(/^(FEMALE|MALE)$/);
  await expect(predict(page)).not.toContainText(/Female|Male/);
  const math = page.getByRole('region', { name: 'Math' });
  await math.scrollIntoViewIfNeeded();
  await expect(math).toContainText('near 1: FEMALE, near 0: MALE');
  await expect(math).not.toContainText('Female');

  // The long input name sits inside the Network figure.
  const figure = page.locator('.network-svg');
  await figure.scrollIntoViewIfNeeded();
  const box = (await figure.boundingBox())!;
  const notes = figure.locator('.neuron-note');
  await expect(notes).toHaveCount(2);
  await expect(notes.nth(1)).toContainText('Flipper length');
  for (const note of await notes.all()) {
    const text = (await note.boundingBox())!;
    expect(text.x).toBeGreaterThanOrEqual(box.x);
    expect(text.x + text.width).toBeLessThanOrEqual(box.x + box.width);
  }
  await page.screenshot({ path: testInfo.outputPath('penguins.png'), fullPage: true });

  // Exports write the file's values and names.
  const csv = await download(page, 'Export CSV');
  const lastCells = csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').at(-1));
  expect(lastCells).toEqual(['MALE', 'FEMALE', 'FEMALE', 'MALE', 'FEMALE', 'FEMALE', 'MALE', 'MALE']);
  const code = await download(page, 'Export as code');
  expect(code).toContain('function predict(bodyMassG, flipperLengthInMillimetresFieldMeasurement) {');
  expect(code).toContain(`takes body_mass_g and ${LONG_NAME}`);
  expect(code).toContain('above 0.5 means FEMALE (1), otherwise MALE (0).');
  expect(code).not.toMatch(/Female|\bweight\b|height/);
});
