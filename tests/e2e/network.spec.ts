/**
 * Bigger networks in real Chromium: pick the hidden neurons in the controls, see them on the
 * `Network` figure, train, and read one step of all their parameters in the `Math` view. Screenshots of
 * the figure with 8 hidden neurons in the light and the dark theme.
 */
import type { Page } from '@playwright/test';
import {
  axeScan,
  axeViolations,
  expect,
  readEpoch,
  readLoss,
  setFullSpeed,
  test,
  trainingStatus,
} from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const hiddenNeurons = (page: Page) => page.getByRole('combobox', { name: 'Hidden neurons', exact: true });
const network = (page: Page) => page.getByRole('figure', { name: 'Network' });
const math = (page: Page) => page.getByRole('region', { name: 'Math' });

// Each test restarts the run with a bigger network, trains or scans the page: three times the usual time.
test.slow();

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
  await expect.poll(() => readLoss(page)).toBeGreaterThan(0);
});

test('5 hidden neurons: on the figure, trained by Play, and a step of all 21 parameters in the Math view', async ({
  page,
}, testInfo) => {
  await hiddenNeurons(page).selectOption('5');
  await expect(hiddenNeurons(page)).toHaveValue('5');
  for (let j = 1; j <= 5; j++) {
    await expect(
      network(page).getByRole('img', { name: new RegExp(`^h${j}: sigmoid output `) }),
    ).toBeVisible();
    await expect(
      network(page).getByRole('img', { name: new RegExp(`^Map of h${j}'s output`) }),
    ).toBeVisible();
  }
  await expect(network(page).getByRole('img', { name: /^h6: / })).toHaveCount(0);
  await expect(network(page).getByRole('button', { name: /Press Enter to edit$/ })).toHaveCount(21);
  await expect.poll(() => readEpoch(page)).toBe(0);
  const startLoss = await readLoss(page);

  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page), { timeout: 15_000 }).toBeGreaterThan(100);
  await expect.poll(() => readLoss(page), { timeout: 15_000 }).toBeLessThan(startLoss);
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeVisible();

  await button(page, 'Step sample').click();
  await expect(math(page)).toContainText('The step just taken, on');
  const table = math(page).getByRole('table', { name: 'Gradient' });
  await expect(table.getByRole('rowheader')).toHaveCount(21);
  await expect(table.getByRole('rowheader', { name: 'w15', exact: true })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'b6', exact: true })).toBeVisible();
  await expect(math(page)).toContainText(
    /h1 = f\(w1·x1 \+ w2·x2 \+ b1\).*…; h5 = f\(w9·x1 \+ w10·x2 \+ b5\)/,
  );

  await math(page).getByRole('button', { name: 'Next phase', exact: true }).click();
  await expect(math(page)).toContainText('Phase 1 of 4: Forward');
  await page.screenshot({ path: testInfo.outputPath('network-5-forward.png'), fullPage: true });

  expect(await axeViolations(axeScan(page))).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`8 hidden neurons fit the figure in the ${colorScheme} theme, axe-clean`, async ({
    page,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme });
    await hiddenNeurons(page).selectOption('8');
    await expect(network(page).getByRole('img', { name: /^h8: sigmoid output / })).toBeVisible();
    await expect(network(page).getByRole('button', { name: /Press Enter to edit$/ })).toHaveCount(33);
    // Everything the figure draws stays inside it: no neuron or map spills out of its box.
    const figure = await network(page).locator('svg.network-svg').boundingBox();
    for (const map of await network(page)
      .getByRole('img', { name: /^Map of h/ })
      .all()) {
      const box = (await map.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(figure!.x + figure!.width + 1);
      expect(box.y + box.height).toBeLessThanOrEqual(figure!.y + figure!.height + 1);
    }
    await network(page).screenshot({ path: testInfo.outputPath(`network-8-${colorScheme}.png`) });
    expect(await axeViolations(axeScan(page).include('figure[aria-label="Network"]'))).toEqual([]);
  });
}
