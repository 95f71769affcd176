/**
 * Optimizers in real Chromium: Adam picked in `Optimizer` shows its options at PyTorch's defaults, an edit
 * is kept across a reload (autosave), and after training the Math view shows Adam's rule and the moments
 * of every parameter with the number of steps taken.
 */
import type { Page } from '@playwright/test';
import { expect, readEpoch, setFullSpeed, test } from './fixtures';

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const math = (page: Page) => page.getByRole('region', { name: 'Math' });

test('Adam: Beta 1, Beta 2 and Epsilon, training, and the Math view’s moments', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/');

  const optimizer = page.getByRole('combobox', { name: 'Optimizer', exact: true });
  await optimizer.selectOption({ label: 'Adam' });
  await expect(field(page, 'Beta 1')).toHaveValue('0.9');
  await expect(field(page, 'Beta 2')).toHaveValue('0.999');
  await expect(field(page, 'Epsilon')).toHaveValue('1e-8');
  await expect(field(page, 'Momentum')).toHaveCount(0);
  await field(page, 'Beta 2').fill('0.99');
  await field(page, 'Beta 2').press('Enter');

  // The choice and the edit survive a reload.
  await page.reload();
  await expect(optimizer).toHaveValue('adam');
  await expect(field(page, 'Beta 2')).toHaveValue('0.99');

  await page.getByRole('spinbutton', { name: 'Stop at epoch', exact: true }).fill('50');
  await setFullSpeed(page);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => readEpoch(page), { timeout: 30_000 }).toBe(50);

  const view = math(page);
  await view.scrollIntoViewIfNeeded();
  await expect(view.getByRole('heading', { name: 'Per-sample Adam update' })).toBeVisible();
  const state = view.getByRole('table', { name: 'Optimizer state' });
  await expect(state.getByRole('columnheader')).toHaveText([
    'Parameter',
    'm (first moment)',
    'v (second moment)',
    'm̂ (m / (1 − β1ᵗ))',
    'v̂ (v / (1 − β2ᵗ))',
    'Last step (−η m̂ / (√v̂ + ε))',
  ]);
  await expect(state.getByRole('row')).toHaveCount(10);
  // 50 epochs of the article's four people, one step each: t = 200.
  await expect(view.getByText(/^Adam after t = 200 steps/)).toBeVisible();
  await view.screenshot({ path: test.info().outputPath('adam-math-view.png') });
});
