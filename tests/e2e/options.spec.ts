/**
 * The network and training options, and Stop at loss, in real Chromium: through the controls' accessible
 * names and the Training status, as a person uses them.
 */
import type { Page } from '@playwright/test';
import { expect, readEpoch, readLoss, setFullSpeed, test, trainingStatus } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const select = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
  await expect.poll(() => readLoss(page)).toBeGreaterThan(0);
});

test('4 tanh hidden neurons: the run restarts with them, and Play brings the loss under 0.01', async ({
  page,
}) => {
  await button(page, 'Step epoch').click();
  await expect.poll(() => readEpoch(page)).toBe(1);
  const articleLoss = await readLoss(page);

  await select(page, 'Hidden neurons').selectOption('4');
  await select(page, 'Hidden activation').selectOption({ label: 'Tanh' });
  await expect(select(page, 'Hidden neurons')).toHaveValue('4');
  await expect(select(page, 'Hidden activation')).toHaveValue('tanh');
  // Each change started the run again from its initial weights: epoch 0, another network's loss.
  await expect.poll(() => readEpoch(page)).toBe(0);
  const startLoss = await readLoss(page);
  expect(startLoss).not.toBe(articleLoss);

  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readLoss(page), { timeout: 15_000 }).toBeLessThan(0.01);
  expect(await readEpoch(page)).toBeGreaterThan(0);
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeVisible();
});

test('Stop at loss 0.05 pauses the run there, and the status says so', async ({ page }) => {
  const field = page.getByRole('spinbutton', { name: 'Stop at loss', exact: true });
  await field.fill('0.05');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');

  await button(page, 'Play').click();
  const status = trainingStatus(page);
  await expect(status).toContainText(
    /Paused at epoch [\d,]+: the loss [\d.]+ reached 0\.05, as set in Stop at loss\./,
    {
      timeout: 15_000,
    },
  );
  await expect(button(page, 'Play')).toBeVisible();
  const loss = await readLoss(page);
  expect(loss).toBeLessThanOrEqual(0.05);
  expect(loss).toBeGreaterThan(0.04); // it stopped at the first epoch under the limit, not long after
  const epoch = await readEpoch(page);
  expect(await status.innerText()).toContain(`Paused at epoch ${epoch.toLocaleString('en-US')}:`);
});
