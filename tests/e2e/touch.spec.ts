/**
 * The phone, in real Chromium with touch at 375x812: a person on the Decision boundary moves with a
 * finger (a real touch drag through the DevTools protocol, where the browser may take the gesture for a
 * scroll and cancel the pointer). A screenshot and axe at 0.
 */
import type { Page } from '@playwright/test';
import { axeScan, axeViolations, expect, test, trainingStatus } from './fixtures';

test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

const weightOf = (page: Page, name: string) =>
  page
    .getByRole('table', { name: 'Dataset' })
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `Remove ${name}`, exact: true }) })
    .getByRole('textbox', { name: 'Weight (lb)', exact: true });

/** A one-finger drag from `from` by `dx`, `dy` CSS pixels, in small moves as a finger makes them. */
async function touchDrag(page: Page, from: { x: number; y: number }, dx: number, dy: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const point = (x: number, y: number) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from.x, from.y) });
  for (let i = 1; i <= 8; i++) {
    const at = point(from.x + (dx * i) / 8, from.y + (dy * i) / 8);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('a finger drags Bob to the right on the plane: heavier in the table, and the page did not scroll', async ({
  page,
}, testInfo) => {
  const plane = page.getByRole('figure', { name: 'Decision boundary' });
  const bob = plane.getByRole('button', { name: /^Bob, 160 lb, 72 in/ });
  await bob.scrollIntoViewIfNeeded();
  const box = (await bob.boundingBox())!;
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await touchDrag(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, 40, -4);
  const bobOnPlane = plane.getByRole('button', { name: /^Bob, / });
  const planeWeight = async () =>
    Number(/^Bob, ([\d.]+) lb/.exec((await bobOnPlane.getAttribute('aria-label')) ?? '')?.[1]);
  await expect.poll(planeWeight).toBeGreaterThan(165);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
  await plane.screenshot({ path: testInfo.outputPath('touch-drag.png') });
  expect(await axeViolations(axeScan(page).include('figure[aria-label="Decision boundary"]'))).toEqual([]);
  // The table (in the phone's Data view) took the new weight.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Data', exact: true }).click();
  await expect.poll(async () => Number(await weightOf(page, 'Bob').inputValue())).toBeGreaterThan(160);
});

test('the tour is a bottom sheet of at most 40 % of the phone on every step, ending with Finish', async ({
  page,
}, testInfo) => {
  await page.getByRole('button', { name: 'Take the tour', exact: true }).click();
  const card = page.getByRole('dialog', { name: 'Guided tour' });
  for (let step = 1; step <= 8; step++) {
    await expect(card).toContainText(`Step ${step} of 8`);
    const box = (await card.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(812 * 0.4 + 1);
    expect(box.y + box.height).toBeCloseTo(812, 0);
    if (step === 2) await page.screenshot({ path: testInfo.outputPath('tour-sheet.png') });
    const next = card.getByRole('button', { name: step === 8 ? 'Finish' : 'Next', exact: true });
    await next.click();
  }
});

test('w1..w6 are on the Network figure at 375 px by name, and a tap on one opens its editor', async ({
  page,
}, testInfo) => {
  await page
    .getByRole('group', { name: 'View' })
    .getByRole('button', { name: 'Network', exact: true })
    .click();
  const network = page.getByRole('figure', { name: 'Network' });
  await network.scrollIntoViewIfNeeded();
  const labels = network.locator('.edge-label');
  await expect(labels).toHaveText(['w1', 'w2', 'w3', 'w4', 'w5', 'w6']);
  for (const label of await labels.all()) {
    const box = (await label.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
  }
  await network.screenshot({ path: testInfo.outputPath('network-375.png') });
  await network.getByRole('button', { name: /^w5 = / }).tap();
  await expect(network.getByRole('textbox', { name: 'New value for w5' })).toBeVisible();
});
