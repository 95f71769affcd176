/**
 * Compare runs and travel through training, in real Chromium through the UI contract's
 * names: keep two runs with different learning rates and see two ghosts, then scrub the Timeline and
 * read the loss at the viewed epoch, on the Timeline and on the Loss curve alike.
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
const lossCurve = (page: Page) => page.getByRole('figure', { name: 'Loss curve' });

/** Plays from the current state until the run pauses itself at `Stop at epoch`. */
async function playTo(page: Page, epoch: number): Promise<void> {
  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page), { timeout: 20_000 }).toBe(epoch);
  await expect(button(page, 'Play')).toBeVisible(); // paused itself: the button reads Play again
}

/** `0.0123` out of text like `loss 0.0123` or `Loss 1.23e-5`. */
function lossIn(text: string, label: RegExp): number {
  const match = label.exec(text);
  if (!match?.[1]) throw new Error(`no loss in ${JSON.stringify(text)}`);
  return Number(match[1]);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
  await expect(lossCurve(page)).toBeVisible();
});

test('keep two runs with different learning rates, then scrub the Timeline and read the loss', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000); // two runs, a scrub and screenshots: a long journey on a shared 2-core machine
  // Reading the curve at the viewed epoch needs a pixel per epoch: 300 epochs need a curve wider than the
  // laptop's third of the screen gives it (there a pixel holds more than one epoch and reads its latest).
  await page.setViewportSize({ width: 1920, height: 1080 });
  const curve = lossCurve(page);
  const keep = curve.getByRole('button', { name: 'Keep run', exact: true });
  await expect(keep).toBeDisabled();
  await setFullSpeed(page);
  await page.getByRole('spinbutton', { name: 'Stop at epoch', exact: true }).fill('300');

  await playTo(page, 300);
  const firstFinal = await readLoss(page);
  await keep.click();

  const rate = page.getByRole('slider', { name: 'Learning rate', exact: true });
  await rate.fill('1'); // the slider's position is log10 of the rate
  await expect(rate).toHaveAttribute('aria-valuetext', '10');
  await button(page, 'Reset').click();
  await expect.poll(() => readEpoch(page)).toBe(0);
  // Reset empties the live curve, not the kept one.
  await expect(curve.getByTestId('loss-ghost')).toHaveCount(1);
  await playTo(page, 300);
  await keep.click();

  const ghosts = curve.getByTestId('loss-ghost');
  await expect(ghosts).toHaveCount(2);
  for (const ghost of await ghosts.all()) {
    await expect(ghost).toBeVisible();
    await expect(ghost).toHaveAttribute('d', /^M\d/);
  }
  const kept = curve.getByRole('list', { name: 'Kept runs' });
  await expect(kept.getByRole('listitem')).toHaveCount(2);
  await expect(kept.getByRole('listitem').nth(0)).toContainText('rate 0.1, seed 42');
  await expect(kept.getByRole('listitem').nth(0)).toContainText(`at epoch 300`);
  await expect(kept.getByRole('listitem').nth(1)).toContainText('rate 10, seed 42');
  await expect(curve.getByRole('button', { name: 'Remove rate 0.1, seed 42', exact: true })).toBeVisible();
  await expect(curve.getByRole('button', { name: 'Remove rate 10, seed 42', exact: true })).toBeVisible();
  const firstText = await kept.getByRole('listitem').nth(0).innerText();
  expect(lossIn(firstText, /final loss (\S+)/)).toBeCloseTo(firstFinal, 2);
  expect(await axeViolations(axeScan(page).include('figure[aria-label="Loss curve"]'))).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('compare-two-ghosts.png'), fullPage: true });

  // Scrub: Home goes to the first recorded epoch, each ArrowRight to the next one.
  const timeline = page.getByRole('slider', { name: 'Timeline', exact: true });
  await timeline.focus();
  await timeline.press('Home');
  for (let i = 0; i < 4; i++) await timeline.press('ArrowRight');
  const viewing = page.getByText(/^Viewing epoch \d/);
  await expect(viewing).toBeVisible();
  const viewingText = await viewing.innerText();
  const viewedEpoch = Number(/Viewing epoch ([\d,]+)/.exec(viewingText)![1]!.replaceAll(',', ''));
  expect(viewedEpoch).toBeGreaterThan(0);
  expect(viewedEpoch).toBeLessThan(10);
  const viewedLoss = lossIn(viewingText, /\(loss (\S+)\)/);
  expect(viewedLoss).toBeGreaterThan(0);
  // The Training status at the top says the same epoch and loss, and that this is the past.
  const lossText = /\(loss (\S+)\)/.exec(viewingText)![1]!;
  await expect(trainingStatus(page)).toHaveText(new RegExp(`Epoch\\s*${viewedEpoch}(?!\\d)`));
  await expect(trainingStatus(page)).toHaveText(new RegExp(`Loss\\s*${lossText.replaceAll('.', '\\.')}`));
  await expect(trainingStatus(page)).toContainText('Viewing the past');

  // The Loss curve marks the viewed epoch, and reading the curve there gives the same epoch and loss.
  const rule = curve.getByTestId('loss-viewing');
  await expect(rule).toBeVisible();
  await expect(rule).toContainText('viewing');
  const line = (await rule.locator('line').boundingBox())!;
  await page.mouse.move(line.x + line.width / 2, line.y + line.height / 2);
  const readout = curve.getByText(/^Epoch [\d,]+ · Loss/);
  await expect(readout).toHaveText(new RegExp(`^Epoch ${viewedEpoch} · Loss `));
  expect(lossIn(await readout.innerText(), /Loss (\S+)/)).toBe(viewedLoss);
  await page.screenshot({ path: testInfo.outputPath('compare-viewing.png'), fullPage: true });

  await curve.getByRole('button', { name: 'Remove rate 0.1, seed 42', exact: true }).click();
  await expect(ghosts).toHaveCount(1);
  await expect(kept.getByRole('listitem')).toHaveCount(1);
});
