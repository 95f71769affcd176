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

test('in presenter mode, a lesson shows the Advanced settings it asks the class to change', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Presenter mode', exact: true }).click();
  const optimizer = page.getByRole('combobox', { name: 'Optimizer', exact: true });
  await expect(optimizer).toBeHidden();

  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByRole('list', { name: 'Lessons' }).getByRole('button', { name: 'Optimizers race' }).click();
  const card = page.getByRole('dialog', { name: 'Optimizers race' });
  await expect(card).toBeVisible();
  // The card says "Choose Momentum in Optimizer": the class can, and the card moves off the control.
  await optimizer.focus();
  await expect
    .poll(async () => {
      const [cardBox, fieldBox] = [await card.boundingBox(), await optimizer.boundingBox()];
      if (!cardBox || !fieldBox) return 'no box';
      const apart =
        cardBox.x >= fieldBox.x + fieldBox.width ||
        fieldBox.x >= cardBox.x + cardBox.width ||
        cardBox.y >= fieldBox.y + fieldBox.height ||
        fieldBox.y >= cardBox.y + cardBox.height;
      return apart ? 'apart' : 'covered';
    })
    .toBe('apart');
  await optimizer.click();
  await optimizer.selectOption({ label: 'Momentum' });
  await expect(optimizer).toHaveValue('momentum');
  // Only the settings come back: what a class does not need stays hidden.
  await expect(page.getByRole('figure', { name: 'Loss landscape' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Import and export' })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('presenter-lesson-settings.png') });

  await card.getByRole('button', { name: 'Close lesson' }).click();
  await expect(optimizer).toBeHidden();
});
