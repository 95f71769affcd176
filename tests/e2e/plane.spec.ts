/** The Decision boundary figure, in real Chromium: dragging a person edits the table. */
import type { Page } from '@playwright/test';
import { expect, test, trainingStatus } from './fixtures';

const weightOf = (page: Page, name: string) =>
  page
    .getByRole('table', { name: 'Dataset' })
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `Remove ${name}`, exact: true }) })
    .getByRole('textbox', { name: 'Weight (lb)', exact: true });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('dragging Bob to the right on the plane makes him heavier in the table; undo takes it back', async ({
  page,
}, testInfo) => {
  const plane = page.getByRole('figure', { name: 'Decision boundary' });
  const bob = plane.getByRole('button', { name: /^Bob, 160 lb, 72 in/ });
  await bob.scrollIntoViewIfNeeded();
  const box = (await bob.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 40, start.y, { steps: 6 });
  await page.mouse.up();
  const weight = Number(await weightOf(page, 'Bob').inputValue());
  expect(weight).toBeGreaterThan(160);
  await expect(plane.getByRole('button', { name: new RegExp(`^Bob, ${weight} lb, 72 in`) })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('plane-drag.png'), fullPage: true });

  await weightOf(page, 'Bob').focus();
  await page.keyboard.press('Control+z');
  await expect(weightOf(page, 'Bob')).toHaveValue('160');
});

test('arrow keys on a focused person move them by one pound', async ({ page }) => {
  const alice = page
    .getByRole('figure', { name: 'Decision boundary' })
    .getByRole('button', { name: /^Alice, / });
  await alice.focus();
  await page.keyboard.press('ArrowRight');
  await expect(weightOf(page, 'Alice')).toHaveValue('134');
});
