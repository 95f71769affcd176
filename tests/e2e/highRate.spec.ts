/**
 * A learning rate too high, in real Chromium: the slider dragged to its top end makes the article's
 * people fail visibly, and the Training status says why in words.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, readLoss, test, trainingStatus } from './fixtures';

test('the Learning rate dragged to its top: Play, and the status says the output is saturated and why', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect.poll(() => readLoss(page)).toBeGreaterThan(0);
  const startLoss = await readLoss(page);

  const rate = page.getByRole('slider', { name: 'Learning rate', exact: true });
  const box = (await rate.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(rate).toHaveAttribute('aria-valuetext', '100');

  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const words = trainingStatus(page).getByText('The loss is stuck at 0.5: the output neuron is saturated.');
  await expect(words).toBeVisible();
  await expect(words).toContainText('It answers 1 for every person');
  await expect(words).toContainText('Steps at learning rate 100 are big enough to push it there.');
  await expect(words).toContainText('Try a lower learning rate');
  // Worse than where it started: the run visibly failed, and goes on failing.
  expect(await readLoss(page)).toBeGreaterThan(startLoss);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.screenshot({ path: testInfo.outputPath('high-rate-1440.png') });
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
