/**
 * The lab in the three rooms it is used in, in real Chromium: a laptop (1440×900) sees the run
 * controls and the three figures of a run at once; a projector (1280×720, presenter mode) sees the
 * Network and the Loss curve at once with labels that grew with the type; a touch phone (375×812)
 * keeps a compact run bar in view and switches views instead of scrolling one long page. In each,
 * Play moves nothing, nothing scrolls the page sideways, and axe finds nothing. Screenshots are kept
 * with the test's results.
 */
import type { Locator, Page, TestInfo } from '@playwright/test';
import { axeScan, axeViolations, expect, readEpoch, test, trainingStatus } from './fixtures';

type Box = { x: number; y: number; width: number; height: number };

const button = (within: Page | Locator, name: string) => within.getByRole('button', { name, exact: true });
const figure = (page: Page, name: string) => page.getByRole('figure', { name, exact: true });
const slider = (page: Page, name: string) => page.getByRole('slider', { name, exact: true });

// A full-page axe scan and a run take a while on a busy two-core machine.
const ROOM_TEST_TIMEOUT_MS = 120_000;

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} has no box: it is not rendered`);
  return box;
}

/** The whole of `locator` is inside the viewport, with nothing to scroll to. */
async function expectInView(page: Page, locator: Locator, what: string): Promise<Box> {
  const box = await boxOf(locator);
  const { width, height } = page.viewportSize()!;
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(width + 0.5);
  expect(box.y + box.height, `${what}: bottom edge`).toBeLessThanOrEqual(height + 0.5);
  return box;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function expectApart(boxes: Record<string, Box>): void {
  const names = Object.keys(boxes);
  for (const [i, a] of names.entries()) {
    for (const b of names.slice(i + 1)) {
      expect(overlaps(boxes[a]!, boxes[b]!), `${a} and ${b} overlap`).toBe(false);
    }
  }
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.scrollingElement!.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(axeScan(page))).toEqual([]);
}

async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The controls a hand or an eye goes back to while a run plays. */
function runControls(page: Page): Record<string, Locator> {
  return {
    Play: button(page, 'Play'),
    'Step sample': button(page, 'Step sample'),
    'Step epoch': button(page, 'Step epoch'),
    Reset: button(page, 'Reset'),
    'Learning rate': slider(page, 'Learning rate'),
    Speed: slider(page, 'Speed'),
    'Training status': trainingStatus(page),
  };
}

async function boxesOf(controls: Record<string, Locator>): Promise<Record<string, Box>> {
  const boxes: Record<string, Box> = {};
  for (const [name, locator] of Object.entries(controls)) boxes[name] = await boxOf(locator);
  return boxes;
}

function expectSameBoxes(before: Record<string, Box>, after: Record<string, Box>, when: string): void {
  for (const [name, box] of Object.entries(before)) {
    const moved = after[name]!;
    for (const side of ['x', 'y', 'width', 'height'] as const) {
      expect(Math.abs(moved[side] - box[side]), `${name} ${side} changed ${when}`).toBeLessThanOrEqual(1);
    }
  }
}

/**
 * Play (once the worker reports a rate, and the status shows it) and Pause move none of the run
 * controls, and neither does an epoch count in the millions.
 */
async function expectPlayMovesNothing(page: Page): Promise<void> {
  const controls = runControls(page);
  const before = await boxesOf(controls);
  await button(page, 'Play').click();
  await expect(trainingStatus(page)).toContainText(/[\d,]+ epochs\/s/, { timeout: 15_000 });
  const playing = await boxesOf({ ...controls, Play: button(page, 'Pause') });
  expectSameBoxes(before, playing, 'by Play');
  await button(page, 'Pause').click();
  await expect(trainingStatus(page)).toContainText('Paused');
  expect(await readEpoch(page)).toBeGreaterThan(0);
  expectSameBoxes(before, await boxesOf(controls), 'by Pause');
  // Paused, nothing re-renders the status: the epoch a long run reaches is written in where it shows.
  await trainingStatus(page)
    .locator('.status-epoch .status-value')
    .evaluate((value) => (value.textContent = '1,234,567'));
  expect(await readEpoch(page)).toBe(1_234_567);
  expectSameBoxes(before, await boxesOf(controls), 'by an epoch count of 1,234,567');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(figure(page, 'Loss curve')).toBeVisible();
});

test.describe('a laptop at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('shows the run controls, Network, Loss curve and Decision boundary at once, apart', async ({
    page,
  }, testInfo) => {
    test.setTimeout(ROOM_TEST_TIMEOUT_MS);
    const inView: Record<string, Box> = {};
    for (const [name, locator] of Object.entries(runControls(page)))
      inView[name] = await expectInView(page, locator, name);
    for (const name of ['Network', 'Loss curve', 'Decision boundary'])
      inView[name] = await expectInView(page, figure(page, name), name);
    expectApart({
      'Run group': await boxOf(page.getByRole('group', { name: 'Run', exact: true })),
      'Training status': inView['Training status']!,
      'Learning rate': inView['Learning rate']!,
      Speed: inView.Speed!,
      Network: inView.Network!,
      'Loss curve': inView['Loss curve']!,
      'Decision boundary': inView['Decision boundary']!,
    });
    // Every figure is named by a visible heading; the rest of the lab is below, on the same page.
    for (const name of ['Network', 'Loss curve', 'Decision boundary', 'Loss landscape', 'Math', 'Predict'])
      await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Dataset' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'View', exact: true })).toBeHidden();
    await expectNoSidewaysScroll(page);
    await keepScreenshot(page, testInfo, 'laptop');
    await expectNoAxeViolations(page);
  });

  test('Play, the rate appearing and a long run move none of the controls', async ({ page }) => {
    await expectPlayMovesNothing(page);
  });
});

test.describe('a projector at 1280×720 in presenter mode', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test.beforeEach(async ({ page }) => {
    await button(page, 'Presenter mode').click();
    await expect(button(page, 'Presenter mode')).toHaveAttribute('aria-pressed', 'true');
  });

  test('shows the Network and the Loss curve at once, with labels that grew with the type', async ({
    page,
  }, testInfo) => {
    test.setTimeout(ROOM_TEST_TIMEOUT_MS);
    await expectInView(page, button(page, 'Play'), 'Play');
    await expectInView(page, trainingStatus(page), 'Training status');
    const network = await expectInView(page, figure(page, 'Network'), 'Network');
    const loss = await expectInView(page, figure(page, 'Loss curve'), 'Loss curve');
    expectApart({ Network: network, 'Loss curve': loss });
    const bodyText = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(bodyText).toBe(20);
    // What each label measures on the screen: its font size times how much its SVG is scaled.
    for (const name of ['Network', 'Loss curve']) {
      const smallest = await figure(page, name).evaluate((element) => {
        const sizes = [...element.querySelectorAll('svg text')]
          .filter((text) => text.getClientRects().length > 0 && text.textContent?.trim())
          .map((text) => {
            const svg = text.closest('svg')!;
            const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
            return parseFloat(getComputedStyle(text).fontSize) * scale;
          });
        return sizes.length === 0 ? Number.NaN : Math.min(...sizes);
      });
      expect(smallest, `the smallest label in ${name}`).toBeGreaterThanOrEqual(13);
    }
    await expectNoSidewaysScroll(page);
    await keepScreenshot(page, testInfo, 'projector');
    await expectNoAxeViolations(page);
  });

  test('the Feedforward lines fit their panel, and Play moves nothing', async ({ page }, testInfo) => {
    test.setTimeout(ROOM_TEST_TIMEOUT_MS);
    await button(page, 'Step sample').click();
    const feedforward = page.getByRole('region', { name: 'Math' }).locator('.math-formula', {
      has: page.getByRole('heading', { name: 'Feedforward', exact: true }),
    });
    await feedforward.scrollIntoViewIfNeeded();
    const body = feedforward.locator('.math-formula-body');
    await expect(body.locator('.katex').first()).toBeVisible();
    const cut = await body.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(cut, 'the Feedforward lines are wider than their panel').toBeLessThanOrEqual(0);
    await keepScreenshot(page, testInfo, 'projector-math');
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectPlayMovesNothing(page);
  });
});

test.describe('a touch phone at 375×812', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test('keeps the run bar in view while scrolling, with the results right under it', async ({
    page,
  }, testInfo) => {
    test.setTimeout(ROOM_TEST_TIMEOUT_MS);
    const view = page.getByRole('group', { name: 'View', exact: true });
    await expect(button(view, 'Train')).toHaveAttribute('aria-pressed', 'true');
    await expectInView(page, page.getByRole('heading', { name: 'Loss curve', exact: true }), 'Loss curve');
    await expectNoSidewaysScroll(page);
    await keepScreenshot(page, testInfo, 'phone-train');

    await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    const bar = {
      Play: await expectInView(page, button(page, 'Play'), 'Play after scrolling'),
      'Training status': await expectInView(page, trainingStatus(page), 'Training status after scrolling'),
      View: await expectInView(page, view, 'View switcher after scrolling'),
    };
    expect(bar.View.y + bar.View.height, 'the stuck run bar is compact').toBeLessThan(812 / 4);
    await expect(trainingStatus(page)).toContainText(/Epoch\s+\d/);
    await expect(trainingStatus(page)).toContainText(/Loss\s+\d/);
    await keepScreenshot(page, testInfo, 'phone-scrolled');

    await button(page, 'Play').tap();
    await expect.poll(() => readEpoch(page), { timeout: 15_000 }).toBeGreaterThan(0);
    await button(page, 'Pause').tap();
    await expect(trainingStatus(page)).toContainText('Paused');
    await expectNoAxeViolations(page);
  });

  test('switches views: each one starts right under the run bar, and wide content scrolls inside its panel', async ({
    page,
  }, testInfo) => {
    test.setTimeout(ROOM_TEST_TIMEOUT_MS);
    const view = page.getByRole('group', { name: 'View', exact: true });

    await button(view, 'Network').tap();
    await expect(figure(page, 'Network')).toBeVisible();
    await expect(figure(page, 'Loss curve')).toBeHidden();
    expect((await boxOf(figure(page, 'Network'))).y, 'the Network starts on the first screen').toBeLessThan(
      812,
    );
    await expectNoSidewaysScroll(page);
    await keepScreenshot(page, testInfo, 'phone-network');

    await button(view, 'Data').tap();
    const table = page.getByRole('table', { name: 'Dataset' });
    await expect(table).toBeVisible();
    await expect(figure(page, 'Network')).toBeHidden();
    await expectNoSidewaysScroll(page);
    await keepScreenshot(page, testInfo, 'phone-data');

    await button(view, 'Math').tap();
    await button(page, 'Step sample').tap();
    const math = page.getByRole('region', { name: 'Math' });
    await expect(math).toBeVisible();
    await expect(table).toBeHidden();
    const gradient = page.getByRole('group', { name: 'Gradient table', exact: true });
    await gradient.scrollIntoViewIfNeeded();
    // The table is wider than the phone: it scrolls inside its box, which shows a shadow at the cut
    // edge, and no number is broken over two lines.
    const scroller = await gradient.evaluate((element) => ({
      wider: element.scrollWidth > element.clientWidth,
      cue: getComputedStyle(element).backgroundImage,
      splitNumbers: [...element.querySelectorAll('td')].filter((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
      }).length,
    }));
    expect(scroller.wider).toBe(true);
    expect(scroller.cue).toContain('radial-gradient');
    expect(scroller.splitNumbers).toBe(0);
    await expectNoSidewaysScroll(page);
    await keepScreenshot(page, testInfo, 'phone-math');
    await expectNoAxeViolations(page);
  });

  test('Play, the rate appearing and a long run move none of the controls', async ({ page }) => {
    await expectPlayMovesNothing(page);
  });
});
