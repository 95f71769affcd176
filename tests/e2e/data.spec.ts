/**
 * Data in real Chromium: a 100,000-row import that the table
 * scrolls through and training takes in, units in kg and cm, and a file with its own column names.
 */
import type { Locator, Page } from '@playwright/test';
import {
  axeScan,
  axeViolations,
  expect,
  readEpoch,
  readLoss,
  setFullSpeed,
  test,
  trainingStatus,
} from './fixtures';

const ROWS = 100_000;
/** The one man in the big file, far down; his weight is out of range, so only women are trained on. */
const FAR_ROW = 90_000;

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const table = (page: Page) => page.getByRole('table', { name: 'Dataset' });
const predict = (page: Page) => page.getByRole('region', { name: 'Predict' });

/** 100,000 women, except one man whose weight (5000 lb) keeps him out of training until it is fixed. */
function bigCsv(): string {
  const lines = ['name,weight,height,gender'];
  for (let i = 0; i < ROWS; i++) {
    const weight = i === FAR_ROW ? 5000 : 110 + (i % 40);
    lines.push(`P${i},${weight},${58 + (i % 12)},${i === FAR_ROW ? 'M' : 'F'}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Scrolls the table's own box until the row with this aria-rowindex is rendered: the table renders
 * only the rows in view, so the row is found by moving towards it as a person scrolling would.
 */
async function scrollToRow(page: Page, rowIndex: number): Promise<Locator> {
  const row = table(page).locator(`tr[aria-rowindex="${rowIndex}"]`);
  for (let attempt = 0; attempt < 12 && (await row.count()) === 0; attempt++) {
    await table(page).evaluate((element, wanted) => {
      const box = element.parentElement!;
      // The row in the middle of the view (a focused row elsewhere stays rendered: it is skipped).
      const middle = box.scrollTop + box.clientHeight / 2;
      const rows = Array.from(element.querySelectorAll<HTMLElement>('tbody tr[aria-rowindex]'));
      const here = rows.find((row) => row.offsetTop + row.offsetHeight >= middle) ?? rows[0]!;
      const at = Number(here.getAttribute('aria-rowindex'));
      box.scrollTop += (wanted - at) * here.offsetHeight;
    }, rowIndex);
    await page.waitForTimeout(150);
  }
  await row.scrollIntoViewIfNeeded();
  return row;
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('a 100,000-row import: the table scrolls, a far edit reaches training, the page stays responsive', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.getByLabel('CSV file').setInputFiles({
    name: 'big.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(bigCsv()),
  });
  const status = page.getByRole('region', { name: 'Import and export' }).getByRole('status');
  await expect(status).toContainText('Imported 100,000 people', { timeout: 60_000 });
  await expect(status).toContainText('too large for the browser to keep');
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(ROWS + 1));
  // A window of rows, not 100,000 of them.
  expect(await table(page).getByRole('textbox', { name: 'Name', exact: true }).count()).toBeLessThan(100);
  await expect(page.getByText('99,999 of 100,000 people in training')).toBeVisible();

  // Only women are in training: the lab says it can only learn to say Female, and soon does.
  await expect(trainingStatus(page)).toContainText('Only one gender');
  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readLoss(page), { timeout: 60_000 }).toBeLessThan(2e-6);

  // Far down, the man's weight is fixed while training runs. The worker takes him in: the network
  // still calls him Female, so the epoch loss (the worker's mean over its rows) jumps to about 1/100,000.
  const far = await scrollToRow(page, FAR_ROW + 2);
  await expect(far.getByRole('button', { name: `Remove P${FAR_ROW}`, exact: true })).toBeVisible();
  const weight = far.getByRole('textbox', { name: 'Weight (lb)', exact: true });
  await expect(weight).toHaveAttribute('aria-invalid', 'true');
  await weight.fill('180');
  await expect(weight).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText('100,000 of 100,000 people in training')).toBeVisible();
  await expect(trainingStatus(page)).not.toContainText('Only one gender');
  await expect.poll(() => readLoss(page), { timeout: 60_000 }).toBeGreaterThan(5e-6);
  await page.screenshot({ path: testInfo.outputPath('far-edit.png') });

  // While it trains, the table scrolls and the page answers: the epoch moves on, a click lands.
  const epochBefore = await readEpoch(page);
  await scrollToRow(page, 40_000);
  await expect(table(page).locator('tr[aria-rowindex="40000"]')).toBeVisible();
  await expect.poll(() => readEpoch(page), { timeout: 30_000 }).toBeGreaterThan(epochBefore);
  const clickedAt = Date.now();
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeVisible({ timeout: 5_000 });
  testInfo.annotations.push({ type: 'pause-response-ms', description: String(Date.now() - clickedAt) });
  // The plane draws a fixed sample and says so.
  await expect(
    page.getByRole('figure', { name: 'Decision boundary' }).getByText(/Showing 2,000 of 100,000 people/),
  ).toBeVisible();
  expect(await axeViolations(axeScan(page).include('table'))).toEqual([]);
});

test('kg, cm: the table, the plane and Predict switch; Emily at 58.1 kg, 160 cm is still Female', async ({
  page,
}, testInfo) => {
  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readLoss(page), { timeout: 30_000 }).toBeLessThan(0.02);
  await button(page, 'Pause').click();
  await expect(predict(page)).toContainText('Female');

  await page.getByRole('combobox', { name: 'Units', exact: true }).selectOption('kg, cm');
  const weights = table(page).getByRole('textbox', { name: 'Weight (kg)', exact: true });
  await expect(weights).toHaveCount(4);
  await expect(weights.first()).toHaveValue('60.3');
  await expect(table(page).getByRole('textbox', { name: 'Height (cm)', exact: true }).first()).toHaveValue(
    '165',
  );
  const plane = page.getByRole('figure', { name: 'Decision boundary' });
  await expect(plane.getByText('Weight (kg)')).toBeVisible();
  await expect(plane.getByRole('button', { name: /^Alice, 60\.3 kg, 165 cm, Female/ })).toBeVisible();

  const weight = predict(page).getByRole('textbox', { name: 'Weight (kg)', exact: true });
  const height = predict(page).getByRole('textbox', { name: 'Height (cm)', exact: true });
  await weight.fill('58.1');
  await height.fill('160');
  await expect(predict(page).getByText('Female', { exact: true })).toBeVisible();
  await button(page, 'Frank (70.3 kg, 173 cm)').click();
  await expect(predict(page).getByText('Male', { exact: true })).toBeVisible();

  // Training goes on in kg and cm and keeps what it learned: the loss does not jump back up.
  const loss = await readLoss(page);
  await button(page, 'Step epoch').click();
  expect(await readLoss(page)).toBeLessThan(loss * 1.5 + 1e-3);
  await page.screenshot({ path: testInfo.outputPath('metric.png'), fullPage: true });

  // One undo step brings back lb and in.
  await weights.first().focus();
  await page.keyboard.press('Control+z');
  await expect(table(page).getByRole('textbox', { name: 'Weight (lb)', exact: true }).first()).toHaveValue(
    '133',
  );
  await expect(page.getByRole('combobox', { name: 'Units', exact: true })).toHaveValue('imperial');
});

test('a file with other column names relabels the table and Predict; Reset to article data undoes it', async ({
  page,
}, testInfo) => {
  const panel = page.getByRole('region', { name: 'Import and export' });
  await panel
    .getByRole('textbox', { name: 'Paste CSV' })
    .fill(
      [
        'petal_length,petal_width,species',
        '1.4,0.2,setosa',
        '4.7,1.4,versicolor',
        '1.3,0.2,setosa',
        '4.5,1.5,versicolor',
      ].join('\n'),
    );
  await button(page, 'Import pasted text').click();
  await button(page, 'Replace the table').click();
  const mapping = panel.getByRole('group', { name: 'Choose columns' });
  await mapping.getByRole('combobox', { name: 'Label value meaning 1' }).selectOption('setosa');
  await button(page, 'Use these columns').click();

  await expect(table(page).getByRole('columnheader', { name: 'petal_length' })).toBeVisible();
  await expect(table(page).getByRole('textbox', { name: 'petal_width', exact: true })).toHaveCount(4);
  await expect(table(page).getByRole('combobox', { name: 'Label', exact: true }).nth(1)).toHaveValue('M');
  await expect(
    table(page).getByRole('combobox', { name: 'Label', exact: true }).nth(1).locator('option:checked'),
  ).toHaveText('versicolor');
  await expect(predict(page).getByRole('textbox', { name: 'petal_length', exact: true })).toHaveValue('1.4');
  await expect(page.getByRole('combobox', { name: 'Units', exact: true })).toBeDisabled();
  await page.getByRole('combobox', { name: 'Input scaling', exact: true }).selectOption('Standardize');
  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readLoss(page), { timeout: 30_000 }).toBeLessThan(0.05);
  await button(page, 'Pause').click();
  await expect(predict(page).getByText('setosa', { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('relabelled.png'), fullPage: true });

  await button(page, 'Reset to article data').click();
  await expect(table(page).getByRole('textbox', { name: 'Weight (lb)', exact: true })).toHaveCount(4);
  await expect(predict(page).getByRole('textbox', { name: 'Weight (lb)', exact: true })).toHaveValue('128');
  await expect(page.getByRole('combobox', { name: 'Units', exact: true })).toBeEnabled();
});
