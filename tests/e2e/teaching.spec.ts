/**
 * The teaching flow tells the truth, in real Chromium: whom the `Network` figure and the `Math` view
 * announce as next is whom `Step sample` then trains (every order and update mode, after Play and Pause,
 * after a reset); the shortcuts work wherever focus is; the article's worked example is one click away.
 * At 1440x900 and, where it matters, 1280x720 in presenter mode; a screenshot of each, axe at 0.
 */
import type { Page, TestInfo } from '@playwright/test';
import { axeScan, axeViolations, expect, expectEpochSteady, readEpoch, test } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const network = (page: Page) => page.getByRole('figure', { name: 'Network' });
const math = (page: Page) => page.getByRole('region', { name: 'Math' });

const shoot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({ path: testInfo.outputPath(`${name}.png`), animations: 'disabled' });

/** The person the Network figure's caption names, and why (`trained next`, `just trained`). */
async function caption(page: Page): Promise<{ name: string; row: number; why: string }> {
  const text = await network(page).locator('figcaption').innerText();
  const match = /Showing (.+?) \(row (\d+)(?:, ([a-z ]+))?\)/.exec(text);
  if (!match) throw new Error(`no person in the Network caption: ${JSON.stringify(text)}`);
  return { name: match[1]!, row: Number(match[2]), why: match[3] ?? '' };
}

// Full-page axe scans take a while on a busy two-core machine.
const SLOW_MS = 120_000;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(network(page)).toBeVisible();
});

for (const order of ['In order', 'Shuffled'] as const) {
  for (const updates of ['Per sample', 'Mini-batch', 'Full batch'] as const) {
    test(`${order}, ${updates}: after Play then Pause, Step sample trains whom the views announced`, async ({
      page,
    }, testInfo) => {
      await page.getByRole('combobox', { name: 'Sample order', exact: true }).selectOption({ label: order });
      await page.getByRole('combobox', { name: 'Updates', exact: true }).selectOption({ label: updates });
      await expect(network(page)).toContainText('trained next');
      await button(page, 'Play').click();
      await expect.poll(() => readEpoch(page)).toBeGreaterThan(3);
      await button(page, 'Pause').click();
      // The last frames of the run may still be on their way: read the caption once the epoch is still.
      await expect(async () => {
        await expectEpochSteady(page);
      }).toPass({ timeout: 10_000 });
      await expect(network(page)).toContainText('trained next');
      const announced = await caption(page);
      await expect(math(page)).toContainText(`The next step for ${announced.name}:`);
      await shoot(page, testInfo, 'announced');

      await button(page, 'Step sample').click();
      await expect(network(page)).toContainText(
        `Showing ${announced.name} (row ${announced.row}, just trained)`,
      );
      await expect(math(page)).toContainText(`The step just taken, on ${announced.name}`);
      await shoot(page, testInfo, 'taken');

      // Reset: epoch 0, nothing trained yet, and the first of the epoch is announced as next.
      await button(page, 'Reset').click();
      await expect.poll(() => readEpoch(page)).toBe(0);
      await expect(network(page)).toContainText('trained next');
      const first = await caption(page);
      await expect(math(page)).toContainText(`The next step for ${first.name}:`);
      await button(page, 'Step sample').click();
      await expect(network(page)).toContainText(`Showing ${first.name} (row ${first.row}, just trained)`);
    });
  }
}

test('after clicking Play and Pause, R, Shift+→ and P work with focus on the button; Space presses a focused button once', async ({
  page,
}, testInfo) => {
  test.setTimeout(SLOW_MS);
  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(1);
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeFocused();
  await page.keyboard.press('r');
  await expect.poll(() => readEpoch(page)).toBe(0);
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => readEpoch(page)).toBe(1);
  await page.keyboard.press('p');
  await expect(button(page, 'Presenter mode')).toHaveAttribute('aria-pressed', 'true');

  // A focused button takes Space itself, once, and Play does not start as well.
  await button(page, 'Presenter mode').focus();
  await page.keyboard.press('Space');
  await expect(button(page, 'Presenter mode')).toHaveAttribute('aria-pressed', 'false');
  await expect(button(page, 'Play')).toBeVisible();
  expect(await readEpoch(page)).toBe(1);

  // In a text field, letters are typed, not shortcuts.
  const name = page.getByRole('table', { name: 'Dataset' }).getByRole('textbox', { name: 'Name' }).first();
  await name.fill('');
  await name.pressSequentially('Rp');
  await expect(name).toHaveValue('Rp');
  await expect(button(page, 'Presenter mode')).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: 'Backprop Lab' }).click();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toContainText('Space and Enter on a focused button press that button, once');
  await shoot(page, testInfo, 'shortcuts-dialog');
  expect(await axeViolations(axeScan(page))).toEqual([]);
});

for (const room of ['laptop', 'projector'] as const) {
  test(`${room}: Article's worked example is one click to All ones, Alice next, phases ready; Undo puts the lab back`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(SLOW_MS);
    await page
      .getByRole('combobox', { name: 'Sample order', exact: true })
      .selectOption({ label: 'Shuffled' });
    if (room === 'projector') {
      await page.setViewportSize({ width: 1280, height: 720 });
      await button(page, 'Presenter mode').click();
    }
    await button(page, 'Play').click();
    await expect.poll(() => readEpoch(page)).toBeGreaterThan(2);

    await button(page, "Article's worked example").click();
    await expect(button(page, 'Play')).toBeVisible();
    await expect.poll(() => readEpoch(page)).toBe(0);
    await expect(network(page)).toContainText('Showing Alice (row 1, trained next)');
    await expect(network(page).getByRole('button', { name: /^w1 = 1, / })).toBeVisible();
    await expect(math(page)).toContainText('The next step for Alice:');
    await expect(math(page)).toContainText('Phase 1 of 4: Forward');
    await shoot(page, testInfo, 'worked-example');
    expect(await axeViolations(axeScan(page))).toEqual([]);

    await button(page, 'Step sample').click();
    await expect(math(page)).toContainText('The step just taken, on Alice');

    await button(page, 'Undo worked example').click();
    await expect(button(page, 'Undo worked example')).toBeHidden();
    if (room === 'laptop') {
      await expect(page.getByRole('combobox', { name: 'Sample order', exact: true })).toHaveValue('shuffled');
    }
  });
}

test('tour step 2 shows the article’s x = [2, 3] on the Network figure, as its text says; step 3 puts the four people back', async ({
  page,
}, testInfo) => {
  await button(page, 'Take the tour').click();
  const card = page.getByRole('dialog', { name: 'Guided tour' });
  await card.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(card).toContainText('Step 2 of 8');
  await expect(card).toContainText('h1 = 0.9526');
  await expect(network(page)).toContainText('Showing Example x = [2, 3]');
  await expect(network(page).getByRole('img', { name: /^h1: .*0\.953/ })).toBeVisible();
  await expect(network(page).getByRole('img', { name: /^o1: .*0\.722/ })).toBeVisible();
  await shoot(page, testInfo, 'tour-step-2');
  await card.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(card).toContainText('Step 3 of 8');
  await expect(
    page.getByRole('table', { name: 'Dataset' }).getByRole('button', { name: /^Remove / }),
  ).toHaveCount(4);
});
