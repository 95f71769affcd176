/**
 * Deeper networks in real Chromium: three hidden layers set in the controls train with Play, the
 * Network figure draws them with neurons named by layer, and a share link reopens the same shape.
 */
import type { Page } from '@playwright/test';
import { expect, readEpoch, readLoss, setFullSpeed, test, trainingStatus } from './fixtures';

const select = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function setThreeLayers(page: Page): Promise<void> {
  await select(page, 'Hidden layers').selectOption('3');
  await select(page, 'Neurons in layer 2').selectOption('4');
  await select(page, 'Hidden activation').selectOption({ label: 'Tanh' });
  await select(page, 'Initialization').selectOption({ label: 'Xavier/Glorot' });
  await expect.poll(() => readEpoch(page)).toBe(0);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test.describe('at 1440 × 900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('three hidden layers train with Play, show in the figure, and travel in a share link', async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(90_000);
    await setThreeLayers(page);
    const network = page.getByRole('figure', { name: 'Network' });
    await expect(network.getByRole('img', { name: /^Layer 3, neuron 2: tanh output/ })).toBeVisible();
    await expect(network.getByRole('img', { name: /^Layer 2, neuron 4: / })).toBeVisible();
    await expect(network.getByRole('img', { name: /^Layer 4/ })).toHaveCount(0);

    const before = await readLoss(page);
    await page.getByRole('spinbutton', { name: 'Stop at epoch', exact: true }).fill('300');
    await setFullSpeed(page);
    await button(page, 'Play').click();
    await expect.poll(() => readEpoch(page), { timeout: 30_000 }).toBe(300);
    expect(await readLoss(page)).toBeLessThan(before);
    await expect(trainingStatus(page)).toContainText('Epoch');
    await page.screenshot({ path: testInfo.outputPath('layers-1440.png') });

    await button(page, 'Share').click();
    const link = await page.getByRole('textbox', { name: /link/i }).inputValue();
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByRole('status').filter({ hasText: 'shared lab' })).toBeVisible();
    await expect(select(other, 'Hidden layers')).toHaveValue('3');
    await expect(select(other, 'Neurons in layer 2')).toHaveValue('4');
    await expect(select(other, 'Initialization')).toHaveValue('xavier');
    await expect(
      other.getByRole('figure', { name: 'Network' }).getByRole('img', { name: /^Layer 3, neuron 2: / }),
    ).toBeVisible();
  });
});

test.describe('at 375 × 812 with touch', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test('the figure of three hidden layers fits the phone and names its neurons', async ({
    page,
  }, testInfo) => {
    await setThreeLayers(page);
    await page
      .getByRole('group', { name: 'View' })
      .getByRole('button', { name: 'Network', exact: true })
      .click();
    const network = page.getByRole('figure', { name: 'Network' });
    await expect(network.getByRole('img', { name: /^Layer 1, neuron 1: / })).toBeVisible();
    const svg = await network.locator('svg.network-svg').boundingBox();
    expect(svg!.x + svg!.width).toBeLessThanOrEqual(375);
    await network.screenshot({ path: testInfo.outputPath('layers-375.png') });
  });
});
