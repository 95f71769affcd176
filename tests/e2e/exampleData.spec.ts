/** Example data in real Chromium: a generated set fills the table and the plane, travels in a link, and undoes. */
import type { Page } from '@playwright/test';
import { axeScan, axeViolations, expect, readEpoch, setFullSpeed, test, trainingStatus } from './fixtures';

const table = (page: Page) => page.getByRole('table', { name: 'Dataset' });
const plane = (page: Page) => page.getByRole('figure', { name: 'Decision boundary' });
const planePoints = (page: Page) => plane(page).getByRole('button', { name: /^Point \d+, / });

/** Every point on the plane as it reads (name, x1, x2, class), without the network's live output. */
async function pointsRead(page: Page): Promise<string[]> {
  const labels = await planePoints(page).evaluateAll((points) =>
    points.map((point) => point.getAttribute('aria-label') ?? ''),
  );
  return labels.map((label) => label.replace(/, output .*$/, ''));
}

/** The status loss at full precision (its title), so two runs can be compared bit for bit. */
const exactLoss = (page: Page) =>
  trainingStatus(page)
    .locator('[title]')
    .filter({ has: page.getByText('Loss', { exact: true }) })
    .getAttribute('title');

async function trainTo(page: Page, epochs: number): Promise<void> {
  await page.getByRole('spinbutton', { name: 'Stop at epoch', exact: true }).fill(String(epochs));
  await setFullSpeed(page);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => readEpoch(page), { timeout: 20_000 }).toBe(epochs);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('XOR with 200 points fills the table and the plane, a link reopens it, Undo brings the people back', async ({
  page,
  context,
}) => {
  const exampleData = page.getByRole('combobox', { name: 'Example data', exact: true });
  await expect(exampleData).toHaveValue('article');
  await exampleData.selectOption({ label: 'XOR' });

  await expect(page.getByText(/^Loaded XOR: 200 points, noise 10 %\. Undo \(Ctrl\+Z\)/)).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Points', exact: true })).toHaveValue('200');
  await expect(table(page).getByRole('columnheader', { name: 'x1', exact: true })).toBeVisible();
  await expect(table(page).getByRole('textbox', { name: 'Name', exact: true }).first()).toHaveValue(
    'Point 1',
  );
  await expect(page.getByText(/200 of 200 rows in training/)).toBeVisible();
  // A generated set holds half its points out as test data; the plane draws them once asked.
  await expect(page.getByRole('slider', { name: 'Training share' })).toHaveValue('50');
  const trainingPoints = await planePoints(page).count();
  expect(trainingPoints).toBeGreaterThan(60);
  expect(trainingPoints).toBeLessThan(140);
  await plane(page).getByRole('checkbox', { name: 'Show test data' }).check();
  await expect(planePoints(page)).toHaveCount(200);
  const shown = await pointsRead(page);
  expect(shown[0]).toMatch(/^Point 1, -?\d+\.\d{3}, -?\d+\.\d{3}, [01]$/);

  expect(await axeViolations(axeScan(page).include('.dataset'))).toEqual([]);

  await trainTo(page, 300);
  const loss = await exactLoss(page);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByRole('textbox', { name: /link/i }).inputValue();
  expect(link.length, 'the link carries the recipe, not 200 rows').toBeLessThan(1500);
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('combobox', { name: 'Example data', exact: true })).toHaveValue('xor');
  await expect(planePoints(other)).toHaveCount(200);
  expect(await pointsRead(other)).toEqual(shown);
  await trainTo(other, 300);
  expect(await exactLoss(other), 'the same run, bit for bit').toBe(loss);
  await other.close();

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  const names = table(page).getByRole('textbox', { name: 'Name', exact: true });
  await expect(names).toHaveCount(4);
  await expect(names.first()).toHaveValue('Alice');
  await expect(table(page).getByRole('columnheader', { name: 'Weight (lb)', exact: true })).toBeVisible();
  await expect(exampleData).toHaveValue('article');
});

test('a reload brings back the generated set as it was chosen', async ({ page }) => {
  await page.getByRole('combobox', { name: 'Example data', exact: true }).selectOption({ label: 'Moons' });
  const points = page.getByRole('spinbutton', { name: 'Points', exact: true });
  await points.fill('500');
  await points.press('Enter');
  await expect(page.getByText(/^Loaded Moons: 500 points/)).toBeVisible();
  const firstX1 = await table(page).getByRole('textbox', { name: 'x1', exact: true }).first().inputValue();
  const saved = () => page.evaluate(() => localStorage.getItem('backprop-lab') ?? '');
  await expect.poll(saved).toContain('"dataSource":{"kind":"moons","points":500');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Example data', exact: true })).toHaveValue('moons');
  await expect(points).toHaveValue('500');
  await expect(page.getByText(/500 of 500 rows in training/)).toBeVisible();
  await expect(table(page).getByRole('textbox', { name: 'x1', exact: true }).first()).toHaveValue(firstX1);
});
