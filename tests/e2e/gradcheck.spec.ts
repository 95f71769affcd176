/**
 * Check gradients, the activation explorer and the PyTorch and notebook exports in real Chromium, at a
 * laptop's 1440×900, a projector's 1280×720 in presenter mode and a touch phone's 375×812 (Math view).
 * Screenshots are kept as test artifacts; axe finds nothing in the new panels.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { axeScan, axeViolations, expect, test, trainingStatus } from './fixtures';

const PYTHON = process.env.PYTHON ?? 'python3';
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch']).status === 0;

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const gradientCheck = (page: Page) => page.getByRole('region', { name: 'Gradient check' });
const explorer = (page: Page) => page.getByRole('region', { name: 'Activation explorer' });

async function keepScreenshot(target: Page | Locator, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await target.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(
    await axeViolations(
      axeScan(page).include('[aria-label="Gradient check"]').include('[aria-label="Activation explorer"]'),
    ),
  ).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.scrollingElement!.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}

/** Presses `Check gradients` and returns every parameter's relative error as shown. */
async function checkGradients(page: Page): Promise<number[]> {
  const region = gradientCheck(page);
  await button(region, 'Check gradients').click();
  const table = region.getByRole('table', { name: 'Backprop against the centred difference' });
  await expect(table).toBeVisible();
  const cells = table.locator('tbody tr td:last-child');
  return (await cells.allTextContents()).map(Number);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('Check gradients shows every parameter agreeing to better than 1e-6, and the explorer its tangent', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await button(page, 'Step epoch').click();
  const errors = await checkGradients(page);
  expect(errors).toHaveLength(9);
  for (const error of errors) expect(error).toBeLessThan(1e-6);
  await expect(gradientCheck(page).getByRole('status')).toContainText(
    'Backprop is right: all 9 gradients agree with the difference.',
  );
  await gradientCheck(page).getByRole('combobox', { name: 'Parameter' }).selectOption('w1');
  await expect(gradientCheck(page).getByRole('group', { name: 'Check of w1' })).toContainText('L(w1 + h)');

  const plot = explorer(page).getByRole('img');
  await expect(plot).toHaveAccessibleName(
    /^Sigmoid f\(z\) and its slope f′\(z\), with the tangent at h1’s z = /,
  );
  await expect(explorer(page).getByText(/^h1 for \w+: z = /)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await gradientCheck(page).scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'laptop-gradient-check');
  await expectNoAxeViolations(page);
});

test('PyTorch code and the notebook download; the PyTorch predict gives Predict’s output', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await button(page, 'Step epoch').click();
  await page.getByRole('combobox', { name: 'Code language', exact: true }).selectOption('PyTorch');
  const [codeFile] = await Promise.all([
    page.waitForEvent('download'),
    button(page, 'Export as code').click(),
  ]);
  expect(codeFile.suggestedFilename()).toBe('model.py');
  const code = await readFile(await codeFile.path(), 'utf8');
  expect(code).toContain('class Net(nn.Module):');

  const [notebookFile] = await Promise.all([
    page.waitForEvent('download'),
    button(page, 'Export notebook').click(),
  ]);
  expect(notebookFile.suggestedFilename()).toBe('backprop-lab.ipynb');
  const notebook = JSON.parse(await readFile(await notebookFile.path(), 'utf8')) as {
    nbformat: number;
    nbformat_minor: number;
    metadata: object;
    cells: { cell_type: string; source: string[] }[];
  };
  expect(notebook.nbformat).toBe(4);
  expect(notebook.metadata).toBeDefined();
  expect(notebook.cells.some((cell) => cell.cell_type === 'code')).toBe(true);

  if (!hasTorch) {
    console.warn(`${PYTHON} has no torch here: the PyTorch file was checked as text, not run.`);
    return;
  }
  const predict = page.getByRole('region', { name: 'Predict' });
  const weight = Number(
    await predict.getByRole('textbox', { name: 'Weight (lb)', exact: true }).inputValue(),
  );
  const height = Number(
    await predict.getByRole('textbox', { name: 'Height (in)', exact: true }).inputValue(),
  );
  const shown = Number(await predict.locator('.predict-output').getAttribute('title'));
  const run = spawnSync(PYTHON, ['-c', `${code}\nprint(repr(predict(${weight}, ${height})))`], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  const printed = run.stdout.trim().split('\n').at(-1);
  expect(Math.abs(Number(printed) - shown)).toBeLessThan(1e-6);
});

test.describe('a projector at 1280×720 in presenter mode', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('shows the gradient check and the explorer, nothing cut or scrolling sideways', async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    await button(page, 'Presenter mode').click();
    const errors = await checkGradients(page);
    expect(errors).toHaveLength(9);
    await expect(explorer(page).getByRole('img')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await gradientCheck(page).scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, 'presenter-gradient-check');
    await explorer(page).scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, 'presenter-explorer');
    await expectNoAxeViolations(page);
  });
});

test.describe('a touch phone at 375×812', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test('the Math view holds both; the table scrolls inside its panel', async ({ page }, testInfo) => {
    test.setTimeout(90_000);
    await button(page.getByRole('group', { name: 'View', exact: true }), 'Math').tap();
    await expect(gradientCheck(page)).toBeVisible();
    await expect(explorer(page)).toBeVisible();
    const errors = await checkGradients(page);
    expect(errors).toHaveLength(9);
    await expectNoSidewaysScroll(page);
    const scroller = gradientCheck(page).getByRole('group', { name: 'Every parameter' });
    const overflow = await scroller.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow, 'the table scrolls inside its panel').toBeGreaterThan(0);
    expect(await scroller.evaluate((element) => getComputedStyle(element).overflowX)).toBe('auto');
    await gradientCheck(page).scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, 'phone-gradient-check');
    await explorer(page).scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, 'phone-explorer');
    await expectNoAxeViolations(page);
  });
});
