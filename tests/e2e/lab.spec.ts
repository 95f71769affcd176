/**
 * The visual lab's journeys, each in real Chromium through the UI contract's names,
 * each saving a screenshot, plus axe scans on a phone and a laptop width.
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
const table = (page: Page) => page.getByRole('table', { name: 'Dataset' });
const rowOf = (page: Page, name: string) =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `Remove ${name}`, exact: true }) });

async function sampleCountTrained(page: Page): Promise<number> {
  // The table marks rows left out of training; the rest are trained on.
  const rows = await table(page).getByRole('textbox', { name: 'Name', exact: true }).count();
  const leftOut = await table(page).getByText('left out of training').count();
  return rows - leftOut;
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Network' })).toBeVisible();
});

test('(a) Play: the loss falls below 0.01 and the figures update', async ({ page }, testInfo) => {
  const curve = page.getByRole('figure', { name: 'Loss curve' });
  const network = page.getByRole('figure', { name: 'Network' });
  const edgeBefore = await network.getByRole('button', { name: /^w1 = / }).getAttribute('aria-label');
  await button(page, 'Play').click();
  await expect.poll(() => readLoss(page), { timeout: 20_000 }).toBeLessThan(0.01);
  await button(page, 'Pause').click();
  // The live curve is drawn as path pieces; the first one starts at the first epoch.
  await expect(curve.getByTestId('loss-line').locator('path').first()).toHaveAttribute('d', /^M\d/);
  const edgeAfter = await network.getByRole('button', { name: /^w1 = / }).getAttribute('aria-label');
  expect(edgeAfter).not.toBe(edgeBefore);
  await page.screenshot({ path: testInfo.outputPath('a-trained.png'), fullPage: true });
});

test('(b) dragging Learning rate to 1 while training: no reset, and a marker appears', async ({
  page,
}, testInfo) => {
  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(50);
  const rate = page.getByRole('slider', { name: 'Learning rate', exact: true });
  const box = (await rate.boundingBox())!;
  // log10 scale from -3 to 2: rate 1 sits at 3/5 of the thumb's travel, about 0.65 of the box. Drag
  // there, then fine-tune by key.
  await page.mouse.move(box.x + 8, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.647, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  for (let i = 0; i < 40 && (await rate.getAttribute('aria-valuetext')) !== '1'; i++) {
    const value = Number(await rate.inputValue());
    await rate.press(value < 0 ? 'ArrowRight' : 'ArrowLeft');
  }
  await expect(rate).toHaveAttribute('aria-valuetext', '1');
  const epochAfter = await readEpoch(page);
  expect(epochAfter).toBeGreaterThan(50);
  await expect(
    page.getByRole('figure', { name: 'Loss curve' }).getByText('rate 1', { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Loss curve' }).getByText(/^rate /)).toHaveCount(1);
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(epochAfter);
  await page.screenshot({ path: testInfo.outputPath('b-rate-marker.png'), fullPage: true });
});

test('(c) Step epoch five times from a reset reads Epoch 5', async ({ page }, testInfo) => {
  await button(page, 'Step epoch').click();
  await button(page, 'Reset').click();
  await expect.poll(() => readEpoch(page)).toBe(0);
  for (let i = 1; i <= 5; i++) {
    await button(page, 'Step epoch').click();
    await expect.poll(() => readEpoch(page)).toBe(i);
  }
  await expect(trainingStatus(page)).toContainText('Epoch 5');
  await page.screenshot({ path: testInfo.outputPath('c-epoch-5.png'), fullPage: true });
});

test('(d) a bad weight explains itself, Bob is left out, and fixing it brings him back', async ({
  page,
}, testInfo) => {
  const bobWeight = rowOf(page, 'Bob').getByRole('textbox', { name: 'Weight (lb)', exact: true });
  await bobWeight.fill('abc');
  await expect(bobWeight).toHaveAttribute('aria-invalid', 'true');
  await expect(rowOf(page, 'Bob')).toContainText('“abc” is not a number.');
  await expect(bobWeight).toHaveValue('abc');
  expect(await sampleCountTrained(page)).toBe(3);
  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(100);
  await expect(rowOf(page, 'Bob')).toContainText('left out of training');
  await page.screenshot({ path: testInfo.outputPath('d-bad-cell.png'), fullPage: true });
  await bobWeight.fill('160');
  await expect(bobWeight).not.toHaveAttribute('aria-invalid', 'true');
  await expect(rowOf(page, 'Bob')).not.toContainText('left out of training');
  expect(await sampleCountTrained(page)).toBe(4);
  await button(page, 'Pause').click();
});

test('(e) Add person Emily 128 lb, 63 in, F: training includes her', async ({ page }, testInfo) => {
  await button(page, 'Add person').click();
  const names = table(page).getByRole('textbox', { name: 'Name', exact: true });
  await expect(names).toHaveCount(5);
  await names.nth(4).fill('Emily');
  const emily = rowOf(page, 'Emily');
  await emily.getByRole('textbox', { name: 'Weight (lb)', exact: true }).fill('128');
  await emily.getByRole('textbox', { name: 'Height (in)', exact: true }).fill('63');
  await emily.getByRole('combobox', { name: 'Gender', exact: true }).selectOption({ label: 'Female' });
  await expect(emily).not.toContainText('left out of training');
  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readLoss(page), { timeout: 20_000 }).toBeLessThan(0.01);
  await button(page, 'Pause').click();
  // Her own output is live in her row: trained, she is on the Female side. The table held still while
  // it was scrolled away during the run; paused, it catches up within a frame or two.
  await expect
    .poll(async () => Number(await emily.getByTestId('row-output').innerText()))
    .toBeGreaterThan(0.5);
  expect(await sampleCountTrained(page)).toBe(5);
  await page.screenshot({ path: testInfo.outputPath('e-emily-added.png'), fullPage: true });
});

test('(f) after training, Predict 128/63 gives about 0.95 and Female', async ({ page }, testInfo) => {
  await page
    .getByRole('combobox', { name: 'Initial weights', exact: true })
    .selectOption({ label: 'All ones' });
  await page.getByRole('spinbutton', { name: 'Stop at epoch', exact: true }).fill('1000');
  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page), { timeout: 20_000 }).toBe(1000);
  const predict = page.getByRole('region', { name: 'Predict' });
  await predict.getByRole('textbox', { name: 'Weight (lb)', exact: true }).fill('128');
  await predict.getByRole('textbox', { name: 'Height (in)', exact: true }).fill('63');
  // The article's run: Emily 0.946788 after 1000 epochs from all ones.
  await expect(predict).toContainText('0.947');
  await expect(predict).toContainText('Female');
  await page.screenshot({ path: testInfo.outputPath('f-predict.png'), fullPage: true });
});

test('the axe scan the suite uses names a violation in the lab: a button without a name, a low contrast', async ({
  page,
}) => {
  await page.evaluate(() => {
    const host = document.querySelector('main') ?? document.body;
    const unnamed = document.createElement('button');
    unnamed.id = 'unnamed-button';
    host.append(unnamed);
    const faint = document.createElement('p');
    faint.textContent = 'faint words';
    faint.id = 'faint-words';
    faint.style.color = '#eeeeee';
    faint.style.background = '#ffffff';
    host.append(faint);
  });
  // Each violation reads as its rule and the elements it found: exactly the two added ones, by their ids.
  const found = await axeViolations(axeScan(page));
  expect(found.sort()).toEqual(['button-name: #unnamed-button', 'color-contrast: #faint-words']);
});

for (const width of [375, 1440]) {
  test(`axe finds no violations at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await expect(page.getByRole('figure', { name: 'Loss curve' })).toBeVisible();
    await button(page, 'Step epoch').click();
    await expect.poll(() => readEpoch(page)).toBe(1);
    expect(await axeViolations(axeScan(page))).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'nothing overflows the page sideways').toBeLessThanOrEqual(0);
  });
}
