/**
 * The training worker under stress, in real Chromium: a run that blows up, a busy page, a malformed
 * frame, a worker that keeps failing, and an advanced setting changed while training.
 */
import type { Page } from '@playwright/test';
import { PING_EVERY_MS, SILENT_PINGS } from '../../src/worker/client';
import { expect, readEpoch, readLoss, setFullSpeed, test, trainingStatus } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const select = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });
const stoppedAlert = (page: Page) => page.getByRole('alert').filter({ hasText: 'training worker stopped' });

/** Long enough for the watchdog to give up on a silent worker: its unanswered pings, and one more tick. */
const SILENT_PINGS_MS = (SILENT_PINGS + 1) * PING_EVERY_MS;

/** The training worker the page runs now (a replaced one is gone from the list). */
const trainingWorker = (page: Page) => page.workers().at(-1)!;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
  await expect.poll(() => readLoss(page)).toBeGreaterThan(0);
});

test('ReLU, cross-entropy, rate 10 and raw inputs: the lab pauses, goes back and says what to try', async ({
  page,
}) => {
  await select(page, 'Hidden activation').selectOption({ label: 'ReLU' });
  await select(page, 'Loss').selectOption({ label: 'Binary cross-entropy' });
  await select(page, 'Input scaling').selectOption({ label: 'None' });
  const rate = page.getByRole('slider', { name: 'Learning rate', exact: true });
  await rate.fill('1'); // the slider's position is log10 of the rate
  await expect(rate).toHaveAttribute('aria-valuetext', '10');
  await expect.poll(() => readEpoch(page)).toBe(0);
  const startLoss = await readLoss(page);
  await setFullSpeed(page);
  await button(page, 'Play').click();

  const notice = trainingStatus(page).getByText('Training blew up at epoch 10');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('the loss rose to 2.4');
  await expect(notice).toContainText('The parameters are back at epoch 0');
  await expect(notice).toContainText('Try a lower learning rate or Standardize in Input scaling');
  await expect(button(page, 'Play')).toBeVisible();
  expect(await readEpoch(page)).toBe(0);
  expect(await readLoss(page)).toBe(startLoss);
  // No advice to raise the rate anywhere on the page.
  await expect(page.getByText('higher learning rate')).toHaveCount(0);
});

test('a 6 s script on the page does not report a healthy worker as stopped', async ({ page }) => {
  test.setTimeout(60_000);
  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(100);
  const worker = trainingWorker(page);
  await page.evaluate(() => {
    const end = performance.now() + 6000;
    while (performance.now() < end) {
      // the page's own thread is busy; the worker trains on
    }
  });
  // Longer than the watchdog's whole patience, counted after the page listens again.
  await page.waitForTimeout(6000);
  await expect(stoppedAlert(page)).toHaveCount(0);
  expect(trainingWorker(page)).toBe(worker);
  const before = await readEpoch(page);
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(before);
  await button(page, 'Pause').click();
});

test('a malformed frame from the worker is refused with a word, and a new worker goes on', async ({
  page,
}) => {
  test.setTimeout(45_000);
  for (let i = 1; i <= 2; i++) {
    await button(page, 'Step epoch').click();
    await expect.poll(() => readEpoch(page)).toBe(i);
  }
  await trainingWorker(page).evaluate(() => self.postMessage({ type: 'frame', runId: 99 }));
  await expect(stoppedAlert(page)).toContainText('it sent a frame the page could not read');
  await expect.poll(() => readEpoch(page)).toBe(2);
  await button(page, 'Step epoch').click();
  await expect.poll(() => readEpoch(page)).toBe(3);
});

test('after repeated failures the banner and the status agree, and Play says why it does nothing', async ({
  page,
}) => {
  // The page's clock runs forward through each silence (about 4 s of the watchdog's pings), so the real
  // watchdog notices each dead worker at once instead of after 4 s of waiting; the app's path is the same.
  await page.clock.install();
  await page.reload();
  await expect(trainingStatus(page)).toBeVisible();
  for (let failure = 1; failure <= 4; failure++) {
    // The next worker starts once the page has noticed the last one's silence.
    await expect.poll(() => page.workers().length).toBeGreaterThan(0);
    const worker = trainingWorker(page);
    await worker.evaluate(() => (self as unknown as { close(): void }).close());
    await page.clock.runFor(SILENT_PINGS_MS);
    await expect.poll(() => page.workers().includes(worker)).toBe(false);
  }
  const status = trainingStatus(page).getByRole('alert');
  await expect(status).toContainText('and it keeps failing');
  const banner = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Dismiss' }) });
  await expect(banner.getByRole('paragraph')).toHaveText((await status.textContent())!);
  const play = button(page, 'Play');
  await expect(play).toHaveAttribute('aria-disabled', 'true');
  await expect(play).toHaveAccessibleDescription(/The training worker failed: .*keeps failing/);
  await play.click({ force: true }); // aria-disabled: a real click still reaches it, and does nothing
  await page.waitForTimeout(500);
  expect(await readEpoch(page)).toBe(0);
});

test('an advanced setting changed while training starts the run again and trains on, as its hint says', async ({
  page,
}) => {
  await expect(page.getByText('Changing these starts the run again from its initial weights')).toBeVisible();
  // The default 200 epochs/s: at full speed the restarted run passes any threshold between two polls.
  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(400);
  await select(page, 'Hidden activation').selectOption({ label: 'Tanh' });
  await expect.poll(() => readEpoch(page)).toBeLessThan(400);
  await expect(button(page, 'Pause')).toBeVisible();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(100);
  await expect(button(page, 'Pause')).toBeVisible();
  await button(page, 'Pause').click();
});
