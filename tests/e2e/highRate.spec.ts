/**
 * A learning rate too high, in real Chromium: the slider dragged to its top end makes the article's
 * people fail visibly, and the Training status says why in words.
 */
import type { Page } from '@playwright/test';
import { axeScan, axeViolations, expect, readLoss, test, trainingStatus } from './fixtures';

async function openFresh(page: Page): Promise<void> {
  await page.goto('/');
  await expect.poll(() => readLoss(page)).toBeGreaterThan(0);
}

const saturatedWords = (page: Page) =>
  trainingStatus(page).getByText('The loss is stuck at 0.5: the output neuron is saturated.');

test('the Learning rate dragged to its top: Play, and the status says the output is saturated and why', async ({
  page,
}, testInfo) => {
  await openFresh(page);
  const startLoss = await readLoss(page);

  const rate = page.getByRole('slider', { name: 'Learning rate', exact: true });
  const box = (await rate.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(rate).toHaveAttribute('aria-valuetext', '100');

  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const words = saturatedWords(page);
  await expect(words).toBeVisible();
  await expect(words).toContainText('It answers 1 for every person');
  await expect(words).toContainText('Steps at learning rate 100 are big enough to push it there.');
  await expect(words).toContainText('Try a lower learning rate');
  // Worse than where it started: the run visibly failed, and goes on failing.
  expect(await readLoss(page)).toBeGreaterThan(startLoss);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.screenshot({ path: testInfo.outputPath('high-rate-1440.png') });
  expect(await axeViolations(axeScan(page))).toEqual([]);
});

test.describe('on a projector', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('in presenter mode the words fit the status, unclipped, beside the run controls', async ({
    page,
  }, testInfo) => {
    await openFresh(page);
    await page.getByRole('button', { name: 'Presenter mode', exact: true }).click();
    const rate = page.getByRole('slider', { name: 'Learning rate', exact: true });
    await rate.fill('2'); // the slider's position is log10 of the rate: its top, 100
    await expect(rate).toHaveAttribute('aria-valuetext', '100');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const words = saturatedWords(page);
    await expect(words).toBeVisible();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    // Nothing of the sentence is cut: the paragraph is as wide as its text needs, inside the page.
    const clipped = await words.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(clipped).toBe(false);
    const box = (await words.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: testInfo.outputPath('high-rate-presenter-1280.png') });
    expect(await axeViolations(axeScan(page).include('[aria-label="Controls"]'))).toEqual([]);
  });
});
