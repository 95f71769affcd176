/**
 * Test data in real Chromium: a 50 % training share on a table of 20 people holds rows out (the `Set`
 * column says which), the worker measures them every epoch, the Training status and the Loss curve show
 * both losses, and `Show test data` draws the held-out rows as hollow points on the Decision boundary.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, readEpoch, test, trainingStatus } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const table = (page: Page) => page.getByRole('table', { name: 'Dataset' });
const plane = (page: Page) => page.getByRole('figure', { name: 'Decision boundary' });

/** 20 people in two overlapping groups, a few of them labelled against their group (label noise). */
function twentyPeopleCsv(): string {
  const lines = ['name,weight,height,gender'];
  for (let i = 0; i < 20; i++) {
    const female = i % 2 === 0;
    const weight = (female ? 130 : 165) + ((i * 7) % 23) - 11;
    const height = (female ? 63 : 70) + ((i * 5) % 7) - 3;
    const flipped = i % 7 === 3;
    lines.push(`P${i},${weight},${height},${female !== flipped ? 'F' : 'M'}`);
  }
  return lines.join('\n');
}

/** `Test loss 0.123` in the status, as a number (NaN while it reads `—`). */
async function readTestLoss(page: Page): Promise<number> {
  const text = await trainingStatus(page).innerText();
  const match = /Test loss\s*(\S+)/.exec(text);
  return match?.[1] ? Number(match[1]) : Number.NaN;
}

/** Each row's name and its Set cell, in table order. */
async function setColumn(page: Page): Promise<string[]> {
  return table(page)
    .getByTestId('row-set')
    .evaluateAll((cells) =>
      cells.map((cell) => `${cell.closest('tr')!.querySelector('input')!.value}:${cell.textContent}`),
    );
}

async function importCsv(page: Page, text: string): Promise<void> {
  await page
    .getByRole('region', { name: 'Import and export' })
    .getByLabel('CSV file')
    .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('a 50 % training share: both losses in the status and on the curve, test rows hollow on the plane', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page
    .getByRole('region', { name: 'Import and export' })
    .getByLabel('CSV file')
    .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(twentyPeopleCsv()) });
  await expect(table(page).getByRole('textbox', { name: 'Name', exact: true })).toHaveCount(20);
  await expect(trainingStatus(page)).not.toContainText('Test loss');

  const share = page.getByRole('slider', { name: 'Training share' });
  await share.focus();
  for (let i = 0; i < 10; i++) await share.press('ArrowLeft'); // 100 % to 50 %, in steps of 5
  await expect(share).toHaveValue('50');
  await expect(table(page).getByRole('columnheader', { name: 'Set' })).toBeVisible();
  const testCells = table(page).getByRole('cell', { name: 'Test', exact: true });
  const held = await testCells.count();
  expect(held).toBeGreaterThan(0);
  expect(held).toBeLessThan(20);
  await expect(page.getByText(`${20 - held} train · ${held} test`)).toBeVisible();

  // At the default speed: at full speed these twenty people blow up near epoch 98,000, which a fast worker
  // reached before the Pause click landed (the run then pauses itself, and there is no Pause to click).
  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(300);
  await button(page, 'Pause').click();

  const status = trainingStatus(page);
  await expect(status).toContainText('Test loss');
  await expect(status).toContainText(/Test accuracy \d+ %/);
  expect(Number.isFinite(await readTestLoss(page))).toBe(true);

  const curve = page.getByRole('figure', { name: 'Loss curve' });
  await expect(curve.getByRole('list', { name: 'Series' })).toContainText('Test loss');
  const drawn = async (testId: string) =>
    curve.getByTestId(testId).evaluate((group) => {
      const paths = Array.from(group.querySelectorAll('path'));
      return paths.reduce((sum, path) => sum + (path.getAttribute('d') ?? '').length, 0);
    });
  expect(await drawn('loss-line')).toBeGreaterThan(0);
  expect(await drawn('test-loss-line')).toBeGreaterThan(0);
  const dashed = await curve
    .getByTestId('test-loss-line')
    .evaluate((group) => getComputedStyle(group.querySelector('path')!).strokeDasharray);
  expect(dashed).not.toBe('none');

  const points = plane(page).getByRole('button', { name: /^P\d+,/ });
  await expect(points).toHaveCount(20 - held); // test rows stay off the plane until asked for
  await plane(page).getByRole('checkbox', { name: 'Show test data' }).check();
  await expect(points).toHaveCount(20);
  const hollow = plane(page).getByRole('button', { name: /, test row$/ });
  await expect(hollow).toHaveCount(held);
  for (const point of await hollow.all()) {
    const fill = await point.locator('.point-shape').evaluate((shape) => getComputedStyle(shape).fill);
    expect(fill).toBe('none');
  }
  const training = plane(page).getByRole('button', { name: /, (right|wrong)$/ });
  await expect(training).toHaveCount(20 - held);
  const filled = await training
    .first()
    .locator('.point-shape')
    .evaluate((shape) => getComputedStyle(shape).fill);
  expect(filled).not.toBe('none');
});

test('an exported CSV carries the split: imported again, every row is on the same side', async ({ page }) => {
  await importCsv(page, twentyPeopleCsv());
  await expect(table(page).getByRole('textbox', { name: 'Name', exact: true })).toHaveCount(20);
  const share = page.getByRole('slider', { name: 'Training share' });
  await share.focus();
  for (let i = 0; i < 8; i++) await share.press('ArrowLeft'); // 100 % to 60 %
  await expect(share).toHaveValue('60');
  const before = await setColumn(page);
  expect(before).toHaveLength(20);
  expect(before.some((row) => row.endsWith(':Test'))).toBe(true);

  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Export CSV').click()]);
  const exported = await readFile(await download.path(), 'utf8');
  expect(exported.split('\n')[0]).toBe('name,weight,height,gender,set');

  await button(page, 'Reset to article data').click();
  await expect(table(page).getByRole('textbox', { name: 'Name', exact: true })).toHaveCount(4);
  await share.focus();
  await share.press('End'); // every row trains: the share must come back from the file
  await expect(table(page).getByTestId('row-set')).toHaveCount(0);
  await importCsv(page, exported);
  await expect(table(page).getByRole('textbox', { name: 'Name', exact: true })).toHaveCount(20);
  expect(await setColumn(page)).toEqual(before);
});

test('Discretize output paints the plane in two colours', async ({ page }) => {
  const heatmap = page.locator('.boundary-heatmap');
  const colours = () =>
    heatmap.evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d')!;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4)
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    });
  await button(page, 'Step epoch').click();
  await expect.poll(colours).toBeGreaterThan(2);
  await plane(page).getByRole('checkbox', { name: 'Discretize output' }).check();
  await expect.poll(colours).toBeLessThanOrEqual(2);
});
