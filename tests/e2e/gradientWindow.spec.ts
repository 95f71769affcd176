/**
 * The Gradient table of the largest network (4 × 8, 249 parameters) in real Chromium: it renders a
 * window of rows in a scroll box that the keyboard scrolls, the last parameter's numbers are there at
 * the end of it, and the Math view passes axe, at 1440 × 900 and on a 375 × 812 phone.
 */
import type { Page } from '@playwright/test';
import { axeScan, axeViolations, expect, test, trainingStatus } from './fixtures';

const select = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });
const math = (page: Page) => page.getByRole('region', { name: 'Math' });

/**
 * Builds the 4 × 8 lab step by step, as a learner does. Every step changes the shape while the figures
 * still show the last run's parameters for a frame: the fixture fails the test on any console error,
 * so this also holds that no figure reads them with the new layout (it drew NaN paths once).
 */
async function openFourByEight(page: Page): Promise<void> {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
  await select(page, 'Hidden layers').selectOption('4');
  for (let layer = 1; layer <= 4; layer++) await select(page, `Neurons in layer ${layer}`).selectOption('8');
  await expect(select(page, `Neurons in layer 4`)).toHaveValue('8');
}

async function checkTable(page: Page): Promise<void> {
  const region = math(page).getByRole('group', { name: 'Gradient table', exact: true });
  const table = region.getByRole('table', { name: 'Gradient' });
  await expect(table).toHaveAttribute('aria-rowcount', '250');
  const rendered = await table.getByRole('rowheader').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);

  // The keyboard reaches the scroll box and scrolls it: End goes to the last parameter.
  await region.focus();
  await expect(region).toBeFocused();
  await page.keyboard.press('End');
  const last = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'b33', exact: true }) });
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-rowindex', '250');
  // Its numbers: value before, dL/db33 and the change are all numbers.
  const cells = last.getByRole('cell');
  await expect(cells).toHaveCount(4);
  for (const text of await cells.allTextContents()) expect(Number.isFinite(Number(text))).toBe(true);
  await expect(table.getByRole('rowheader', { name: 'w1', exact: true })).toHaveCount(0);
  // The header row stays in view at the top of the box.
  const header = await table.getByRole('columnheader', { name: /^Parameter/ }).boundingBox();
  const box = await region.boundingBox();
  expect(Math.abs(header!.y - box!.y)).toBeLessThan(2);

  expect(await axeViolations(axeScan(page).include('section[aria-label="Math"]'))).toEqual([]);
}

test.describe('at 1440 × 900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the 4 × 8 Gradient table scrolls by keyboard to its last parameter, axe clean', async ({ page }) => {
    test.setTimeout(90_000);
    await openFourByEight(page);
    // The first use mounts the Math view in place of its stand-in: scroll to the view itself.
    const table = math(page).getByRole('group', { name: 'Gradient table', exact: true });
    await table.scrollIntoViewIfNeeded();
    await checkTable(page);
  });
});

test.describe('at 375 × 812 with touch', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test('the 4 × 8 Gradient table scrolls by keyboard to its last parameter, axe clean', async ({ page }) => {
    test.setTimeout(90_000);
    await openFourByEight(page);
    await page
      .getByRole('group', { name: 'View' })
      .getByRole('button', { name: 'Math', exact: true })
      .click();
    await checkTable(page);
  });
});
