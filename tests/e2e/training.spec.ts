/**
 * End-to-end checks in real Chromium, through the accessible names of the UI contract
 * (docs/reference.md, "The UI contract") only.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  axeScan,
  axeViolations,
  expect,
  expectEpochSteady,
  readEpoch,
  readLoss,
  setFullSpeed,
  test,
  trainingStatus,
} from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** A frame or message already on its way when Pause is pressed may still land; then nothing more. */
const SETTLE_MS = 250;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('Play trains (epochs rise, loss falls) and Pause stops it', async ({ page }, testInfo) => {
  const play = button(page, 'Play');
  const pause = button(page, 'Pause');
  await expect.poll(() => readEpoch(page)).toBe(0);

  // The loss at the start; a page that shows `Loss —` before any training gets one epoch first.
  let startLoss = await readLoss(page);
  if (Number.isNaN(startLoss)) {
    await button(page, 'Step epoch').click();
    await expect.poll(() => readEpoch(page)).toBe(1);
    startLoss = await readLoss(page);
  }
  expect(startLoss, 'loss at the start is a number').toBeGreaterThan(0);

  await setFullSpeed(page);
  await play.click();
  await expect(pause).toBeVisible();
  await expect(play).toHaveCount(0);

  await expect.poll(() => readEpoch(page), { timeout: 15_000 }).toBeGreaterThan(100);
  const epochWhilePlaying = await readEpoch(page);
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(epochWhilePlaying);
  await expect.poll(() => readLoss(page)).toBeLessThan(startLoss);

  await pause.click();
  await expect(play).toBeVisible();
  await expect(pause).toHaveCount(0);
  await page.waitForTimeout(SETTLE_MS);
  await expectEpochSteady(page, 500);
  expect(await readLoss(page)).toBeLessThan(startLoss);

  const shot = path.join(testInfo.project.outputDir, 'lab-trained.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('lab-trained', { path: shot, contentType: 'image/png' });
});

test('Step epoch adds exactly one epoch after Reset', async ({ page }) => {
  const stepEpoch = button(page, 'Step epoch');
  const status = trainingStatus(page);

  // Move away from the start so Reset has something to undo.
  for (let i = 0; i < 3; i++) await stepEpoch.click();
  await expect.poll(() => readEpoch(page)).toBe(3);

  await button(page, 'Reset').click();
  await expect.poll(() => readEpoch(page)).toBe(0);

  await stepEpoch.click();
  await expect(status).toContainText(/Epoch\s*1(?![\d,])/);
  await expectEpochSteady(page, 300);
  expect(Number.isFinite(await readLoss(page)), 'a loss is shown after one epoch').toBe(true);

  await stepEpoch.click();
  await expect(status).toContainText(/Epoch\s*2(?![\d,])/);
  await expectEpochSteady(page, 300);
});

test('training runs in a worker; the main thread keeps drawing frames and Pause works', async ({
  page,
}, testInfo) => {
  const play = button(page, 'Play');
  const pause = button(page, 'Pause');

  await setFullSpeed(page);
  await play.click();
  await expect(pause).toBeVisible();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(0);
  expect(page.workers().length, 'a Web Worker exists while training').toBeGreaterThan(0);

  const epochBefore = await readEpoch(page);
  // Count animation frames for one second. Not a benchmark: a main thread busy with the
  // training loop would deliver a handful at most; CI machines are noisy, so the bar is low.
  const { frames, longestGapMs } = await page.evaluate(
    () =>
      new Promise<{ frames: number; longestGapMs: number }>((resolve) => {
        let frames = 0;
        let longestGapMs = 0;
        let start = -1;
        let last = -1;
        const tick = (now: number) => {
          if (start < 0) start = now;
          else {
            frames += 1;
            longestGapMs = Math.max(longestGapMs, now - last);
          }
          last = now;
          if (now - start >= 1000) resolve({ frames, longestGapMs });
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
  testInfo.annotations.push({
    type: 'frames',
    description: `${frames} frames in 1 s, longest gap ${longestGapMs.toFixed(1)} ms`,
  });
  // Not a frame-rate budget (that is `npm run bench`'s job; CI machines are shared and noisy): only
  // that the page keeps drawing at all while the worker trains flat out. Training on the main thread
  // would leave it no frame in that second.
  expect(frames, 'animation frames in 1 s while training at full speed').toBeGreaterThanOrEqual(5);
  expect(await readEpoch(page), 'training went on while frames were counted').toBeGreaterThan(epochBefore);

  await pause.click();
  await expect(play).toBeVisible({ timeout: 2_000 });
  await page.waitForTimeout(SETTLE_MS);
  await expectEpochSteady(page, 500);
});

test('the opened page has no axe violations', async ({ page }) => {
  await expect(page.getByRole('figure', { name: 'Network' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Loss curve' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Dataset' })).toBeVisible();

  expect(await axeViolations(axeScan(page))).toEqual([]);
});
