/**
 * A lesson run to its check in real Chromium: "Why a hidden layer" sets up XOR with one tanh neuron,
 * which stalls; with four neurons the card says the check passed.
 */
import type { Page } from '@playwright/test';
import { expect, readEpoch, test } from './fixtures';

async function trainToStop(page: Page): Promise<void> {
  await expect.poll(() => readEpoch(page)).toBe(0);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => readEpoch(page), { timeout: 30_000 }).toBe(400);
}

test('Why a hidden layer: one neuron fails XOR, four pass the lesson’s check', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');

  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page
    .getByRole('list', { name: 'Lessons' })
    .getByRole('button', { name: 'Why a hidden layer' })
    .click();
  const card = page.getByRole('dialog', { name: 'Why a hidden layer' });
  await expect(card).toBeVisible();
  const result = card.getByRole('status');
  await expect(result).toHaveText('Your result: Press Play to train.');

  await trainToStop(page);
  await expect(result).toContainText(/One neuron: accuracy \d+ %/);
  await expect(result).not.toContainText('Done');

  await page.getByRole('combobox', { name: 'Hidden neurons', exact: true }).selectOption('4');
  await trainToStop(page);
  await expect(result).toHaveText(/^Done: Accuracy reached (9[5-9]|100) % with 4 hidden neurons/);
  await page.screenshot({ path: test.info().outputPath('lesson-hidden-layer-done.png') });

  await card.getByRole('button', { name: 'Close lesson' }).click();
  await expect(card).toHaveCount(0);
});
