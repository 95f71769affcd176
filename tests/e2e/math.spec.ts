/**
 * The Math journey in real Chromium: the article's worked example (All ones, Alice), one SGD step
 * walked through in four phases in the `Math` view while the `Network` figure lights what each phase
 * touches. A screenshot per phase.
 */
import type { Page } from '@playwright/test';
import { expect, readEpoch, test } from './fixtures';

const network = (page: Page) => page.getByRole('figure', { name: 'Network' });
const math = (page: Page) => page.getByRole('region', { name: 'Math' });

/** w1's row of the Math view's `Gradient` table: before, dL/dw1, change, after. */
const w1Cells = (page: Page) =>
  math(page)
    .getByRole('table', { name: 'Gradient' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'w1', exact: true }) })
    .getByRole('cell');

/** The w1 edge of the figure, found by its accessible name (`w1 = <value>, …`). */
const w1Edge = (page: Page) => network(page).getByRole('button', { name: /^w1 = / });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(network(page)).toBeVisible();
  await expect(math(page)).toBeVisible();
});

test('All ones, Alice, Step sample: four phases read dL/dw1 = 0.0215 and w1 = 0.998', async ({
  page,
}, testInfo) => {
  await page
    .getByRole('combobox', { name: 'Initial weights', exact: true })
    .selectOption({ label: 'All ones' });
  await expect(w1Edge(page)).toHaveAccessibleName(/^w1 = 1, weight x1 → h1/);
  expect(await readEpoch(page)).toBe(0);

  const alice = page
    .getByRole('table', { name: 'Dataset' })
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: 'Remove Alice', exact: true }) });
  await alice.getByRole('textbox', { name: 'Name', exact: true }).click();
  await expect(network(page)).toContainText('Showing Alice (row 1)');

  await page.getByRole('button', { name: 'Step sample', exact: true }).click();
  await expect(math(page)).toContainText('The step just taken, on Alice');
  // No phase yet: the figure shows the live weights, already updated by the step.
  await expect(w1Edge(page)).toHaveAccessibleName(/^w1 = 0\.9979, /);

  const next = math(page).getByRole('button', { name: 'Next phase', exact: true });
  const shoot = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true, animations: 'disabled' });

  await next.click();
  await expect(math(page)).toContainText('Phase 1 of 4: Forward');
  // The step's own numbers: w1 before the update, and Alice's forward values.
  await expect(w1Edge(page)).toHaveAccessibleName(/^w1 = 1, /);
  await expect(w1Edge(page)).toHaveAttribute('data-phase-active', 'true');
  await expect(
    network(page).getByRole('img', { name: /^o1: output \(the prediction\) 0\.524/ }),
  ).toBeVisible();
  await shoot('phase-1-forward');

  await next.click();
  await expect(math(page)).toContainText('Phase 2 of 4: Loss');
  const badge = network(page).getByRole('note', { name: /^L = / });
  await expect(badge).toContainText('L = (1 − 0.524)² = 0.227');
  await expect(badge).toContainText('dL/dypred = −0.953');
  await expect(w1Edge(page)).not.toHaveAttribute('data-phase-active');
  await shoot('phase-2-loss');

  await next.click();
  await expect(math(page)).toContainText('Phase 3 of 4: Backward');
  await expect(w1Cells(page).nth(1)).toHaveText('0.0215');
  await expect(w1Edge(page)).toHaveAccessibleName(/gradient dL\/dw1 = 0\.0215/);
  await expect(w1Edge(page)).toContainText('dL/dw1 = 0.0215');
  await expect(w1Edge(page)).toHaveAttribute('data-phase-path', 'true');
  await expect(network(page).getByText('dypred/dh1 = 0.249')).toBeVisible();
  await shoot('phase-3-backward');

  await next.click();
  await expect(math(page)).toContainText('Phase 4 of 4: Update');
  await expect(w1Cells(page)).toHaveText(['1', '0.0215', '-0.00215', '0.998']);
  await expect(w1Edge(page)).toContainText('1 → 0.998 (−0.00215)');
  await expect(w1Edge(page)).toHaveAccessibleName(/^w1 = 0\.9979, .*updated 1 → 0\.998, change −0\.00215/);
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  await shoot('phase-4-update');
});
