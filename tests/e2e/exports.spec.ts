/**
 * Exports in real Chromium: `Export as code` and `Export weights` describe the network that was trained
 * and take its inputs as Predict does. The downloaded JavaScript is run here and must give Predict's
 * exact output; the Python is run by python3 where the machine has it. Every architecture is checked
 * against the engine in the unit tests; here two shapes meet every activation's and loss's download path.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, readEpoch, test, trainingStatus } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const select = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });
const predict = (page: Page) => page.getByRole('region', { name: 'Predict' });
const hasPython = spawnSync('python3', ['--version']).status === 0;

/** Clicks an export button and returns the downloaded text. */
async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), button(page, name).click()]);
  return readFile(await file.path(), 'utf8');
}

/**
 * Runs the exported JavaScript as a user pasting it into a browser would: in a blank page of the same
 * Chromium (the app's own page forbids eval), so it meets the same Math.exp as Predict.
 */
async function runJavaScript(scratch: Page, code: string, first: number, second: number): Promise<number> {
  return scratch.evaluate(
    ([text, a, b]) => {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the exported text is the test
      const load = new Function(`${text}\nreturn predict;`) as () => (x: number, y: number) => number;
      return load()(a, b);
    },
    [code, first, second] as const,
  );
}

function runPython(code: string, first: number, second: number): number {
  const run = spawnSync('python3', ['-c', `${code}\nprint(repr(predict(${first}, ${second})))`], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout.trim());
}

/** Predict's output with every digit (its hover title). */
async function predictedExactly(page: Page): Promise<number> {
  return Number(await predict(page).locator('.predict-output').getAttribute('title'));
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('Export as code in kg and cm gives Predict’s output, in JavaScript and Python', async ({ page }) => {
  test.setTimeout(60_000);
  await select(page, 'Units').selectOption('kg, cm');
  const kg = Number(
    await predict(page).getByRole('textbox', { name: 'Weight (kg)', exact: true }).inputValue(),
  );
  const cm = Number(
    await predict(page).getByRole('textbox', { name: 'Height (cm)', exact: true }).inputValue(),
  );
  const codeLanguage = page.getByRole('combobox', { name: 'Code language', exact: true });
  const scratch = await page.context().newPage();
  // The smallest and the largest hidden layer, each with another activation and loss than the default
  // Sigmoid (the unit tests run all 48 combinations through the engine and python3).
  const shapes = [
    { hidden: 1, activation: 'Tanh', loss: 'Mean squared error' },
    { hidden: 8, activation: 'ReLU', loss: 'Binary cross-entropy' },
  ];
  for (const { hidden, activation, loss } of shapes) {
    const shape = `${hidden} ${activation} neurons, ${loss}`;
    await select(page, 'Hidden neurons').selectOption(String(hidden));
    await select(page, 'Hidden activation').selectOption({ label: activation });
    await select(page, 'Loss').selectOption({ label: loss });
    await expect.poll(() => readEpoch(page)).toBe(0);
    await button(page, 'Step epoch').click();
    await expect.poll(() => readEpoch(page)).toBe(1);

    await codeLanguage.selectOption('JavaScript');
    const code = await download(page, 'Export as code');
    expect(code, shape).toContain('function predict(weightKg, heightCm) {');
    expect(code, shape).toContain(`Trained on ${loss.toLowerCase()}`);
    const exported = await runJavaScript(scratch, code, kg, cm);
    await expect.poll(() => predictedExactly(page), { message: shape }).toBe(exported);

    if (hasPython) {
      await codeLanguage.selectOption('Python');
      const python = await download(page, 'Export as code');
      expect(python, shape).toContain('def predict(weight_kg, height_cm):');
      // python3's libm may round exp and tanh differently in the last digit.
      expect(Math.abs(runPython(python, kg, cm) - exported), shape).toBeLessThanOrEqual(1e-12);
    }
  }

  const weights = JSON.parse(await download(page, 'Export weights')) as Record<string, unknown>;
  expect(weights).toMatchObject({
    hidden: 8,
    activation: 'relu',
    loss: 'Binary cross-entropy',
    inputs: [
      { name: 'weight', unit: 'kg' },
      { name: 'height', unit: 'cm' },
    ],
    classes: { '1': 'Female', '0': 'Male' },
  });
  expect(Object.keys(weights.params as object)).toHaveLength(33);
});
