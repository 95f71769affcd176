/**
 * Why a hidden layer needs width: the generated XOR set, in real Chromium, cannot be separated by one tanh
 * hidden neuron (one line through the plane) but is by four.
 */
import type { Page } from '@playwright/test';
import { expect, readEpoch, setFullSpeed, test, trainingStatus } from './fixtures';

const select = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });

/** `Accuracy 97 %` in the status, as a fraction. */
async function readAccuracy(page: Page): Promise<number> {
  const text = await trainingStatus(page).innerText();
  const match = /(?:^|\n|\s)Accuracy\s*:?\s*(\d+)\s*%/.exec(text);
  if (!match?.[1]) throw new Error(`no "Accuracy <n> %" in the Training status: ${JSON.stringify(text)}`);
  return Number(match[1]) / 100;
}

async function trainXorWith(page: Page, hidden: number): Promise<number> {
  await select(page, 'Hidden neurons').selectOption(String(hidden));
  await expect.poll(() => readEpoch(page)).toBe(0);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => readEpoch(page), { timeout: 30_000 }).toBe(400);
  return readAccuracy(page);
}

test('XOR: one tanh hidden neuron cannot separate it, four can', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();

  await select(page, 'Example data').selectOption({ label: 'XOR' });
  const noise = page.getByRole('slider', { name: 'Noise', exact: true });
  await noise.focus();
  await noise.press('Home');
  await expect(page.getByText(/^Loaded XOR: 200 points, noise 0 %/)).toBeVisible();
  await select(page, 'Hidden activation').selectOption({ label: 'Tanh' });
  await page.getByRole('spinbutton', { name: 'Stop at epoch', exact: true }).fill('400');
  await setFullSpeed(page);

  const withOne = await trainXorWith(page, 1);
  expect(withOne).toBeLessThanOrEqual(0.8);
  const withFour = await trainXorWith(page, 4);
  expect(withFour).toBeGreaterThanOrEqual(0.95);
  await page.screenshot({ path: test.info().outputPath('xor-four-tanh.png') });
});
