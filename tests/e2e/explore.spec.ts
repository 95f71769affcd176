/**
 * A place to explore, in real Chromium through the controls' accessible names: a weight penalty and
 * feature inputs, as a learner tries them.
 */
import type { Page } from '@playwright/test';
import { expect, readEpoch, readLoss, setFullSpeed, test, trainingStatus } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const network = (page: Page) => page.getByRole('figure', { name: 'Network' });

/** Plays from the current state until the run pauses itself at `Stop at epoch`. */
async function playTo(page: Page, epoch: number): Promise<void> {
  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page), { timeout: 20_000 }).toBe(epoch);
  await expect(button(page, 'Play')).toBeVisible();
}

/** The sum of squared weights as the Network figure names them (`w3 = -0.512, weight x2 → h1. …`). */
async function sumOfSquaredWeights(page: Page): Promise<number> {
  const labels = await network(page)
    .getByRole('button', { name: /^w\d+ = / })
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
  expect(labels.length).toBeGreaterThan(0);
  return labels.reduce((sum, label) => sum + Number(/^w\d+ = (\S+),/.exec(label)![1]) ** 2, 0);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
  await expect.poll(() => readLoss(page)).toBeGreaterThan(0);
});

test('L2 shrinks the weights against the same run without it', async ({ page }) => {
  test.setTimeout(60_000);
  await setFullSpeed(page);
  await page.getByRole('spinbutton', { name: 'Stop at epoch', exact: true }).fill('300');
  await playTo(page, 300);
  const plain = await sumOfSquaredWeights(page);

  await page.getByRole('combobox', { name: 'Regularization', exact: true }).selectOption({ label: 'L2' });
  const rate = page.getByRole('slider', { name: 'Regularization rate', exact: true });
  await expect(rate).toHaveAttribute('aria-valuetext', '0.001');
  await rate.fill('-1.5'); // 10^-1.5: a strong pull, so the difference is plain to see
  await expect(rate).toHaveAttribute('aria-valuetext', '0.032');
  // The change started the same run again (same seed, same initial weights), now with the penalty.
  await expect.poll(() => readEpoch(page)).toBe(0);
  await playTo(page, 300);
  const penalized = await sumOfSquaredWeights(page);
  expect(penalized).toBeLessThan(0.8 * plain);
});

test('checking x1 squared adds an input neuron to the Network figure and a term to the Math view', async ({
  page,
}) => {
  const inputs = page.getByRole('group', { name: 'Inputs', exact: true });
  await expect(inputs.getByRole('checkbox', { name: 'x1', exact: true })).toBeChecked();
  await expect(network(page).getByRole('img', { name: /^x1² / })).toHaveCount(0);

  await inputs.getByRole('checkbox', { name: 'x1 squared', exact: true }).check();
  await expect(network(page).getByRole('img', { name: /^x1² \(from the scaled inputs\)/ })).toBeVisible();
  await expect(network(page).getByRole('button', { name: /^w3 = .*, weight x1² → h1/ })).toBeVisible();
  const math = page.getByRole('region', { name: 'Math', exact: true });
  await expect(math.getByText(/^h1 = f\(w1·x1 \+ w2·x2 \+ w3·x1² \+ b1\)/).first()).toBeAttached();
  await expect(math.getByRole('table', { name: 'Gradient' }).getByRole('rowheader')).toHaveCount(11);

  // The network with x1² trains like any other.
  await setFullSpeed(page);
  await page.getByRole('spinbutton', { name: 'Stop at epoch', exact: true }).fill('50');
  await playTo(page, 50);
  expect(await readLoss(page)).toBeGreaterThan(0);
});
