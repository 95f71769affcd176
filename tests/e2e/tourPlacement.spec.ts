/**
 * The tour's card never covers what its step shows, in real Chromium, in the three rooms: a laptop
 * (1440×900), a projector (1280×720 in presenter mode) and a touch phone (375×812), where a step about
 * a panel of another view switches the `View` to it. Screenshots of each step are kept; axe finds nothing.
 */
import type { Locator, Page, TestInfo } from '@playwright/test';
import { axeScan, axeViolations, expect, test, trainingStatus } from './fixtures';

type Box = { x: number; y: number; width: number; height: number };

const STEPS = 8;
const card = (page: Page) => page.getByRole('dialog', { name: 'Guided tour' });

/** The backpropagation step scrolls to a part of the (taller than a screen) Math view, and shows that. */
const BACKPROP_STEP = 5;

/** What the step shows: the outlined target, or the part of it the step scrolls to. */
function shownPart(page: Page, step: number): Locator {
  const target = page.locator('.tour-target');
  return step === BACKPROP_STEP ? target.locator('[aria-label="Backpropagation, with numbers"]') : target;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function boxes(page: Page, step: number): Promise<{ shown: Box; card: Box }> {
  const shown = await shownPart(page, step).boundingBox();
  const cardBox = await card(page).boundingBox();
  if (!shown || !cardBox) throw new Error('the step shows nothing, or the card is not on screen');
  return { shown, card: cardBox };
}

async function walkTheTour(page: Page, testInfo: TestInfo, room: string): Promise<Box[]> {
  await page.getByRole('button', { name: 'Take the tour', exact: true }).click();
  const shownBoxes: Box[] = [];
  for (let step = 1; step <= STEPS; step++) {
    await expect(card(page)).toContainText(`Step ${step} of ${STEPS}`);
    // The page may still be scrolling smoothly to the step.
    await expect
      .poll(
        async () => {
          const { shown, card: cardBox } = await boxes(page, step);
          return overlaps(shown, cardBox);
        },
        { message: `${room}, step ${step}: the card covers what the step shows` },
      )
      .toBe(false);
    const { shown } = await boxes(page, step);
    shownBoxes.push(shown);
    await page.screenshot({ path: testInfo.outputPath(`${room}-tour-step-${step}.png`) });
    if (step === 1) {
      expect(await axeViolations(axeScan(page))).toEqual([]);
    }
    await card(page)
      .getByRole('button', { name: step === STEPS ? 'Finish' : 'Next', exact: true })
      .click();
  }
  return shownBoxes;
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test.describe('laptop', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test('at 1440×900 the card sits beside or under every step’s target, never over it', async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    await walkTheTour(page, testInfo, 'laptop');
  });
});

test.describe('projector', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test('at 1280×720 in presenter mode the card never covers a step’s target', async ({ page }, testInfo) => {
    test.setTimeout(90_000);
    await page.getByRole('button', { name: 'Presenter mode', exact: true }).click();
    await walkTheTour(page, testInfo, 'projector');
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  test('on the phone each step shows its view, its target starting in sight above the bottom sheet', async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    const views = page.getByRole('group', { name: 'View' });
    await page.getByRole('button', { name: 'Take the tour', exact: true }).click();
    for (let step = 1; step <= STEPS; step++) {
      await expect(card(page)).toContainText(`Step ${step} of ${STEPS}`);
      await expect(shownPart(page, step)).toBeVisible();
      await expect
        .poll(
          async () => {
            const { shown, card: cardBox } = await boxes(page, step);
            return shown.y >= 0 && shown.y + 24 <= cardBox.y;
          },
          { message: `phone, step ${step}: the target's top is not in sight above the sheet` },
        )
        .toBe(true);
      await page.screenshot({ path: testInfo.outputPath(`phone-tour-step-${step}.png`) });
      if (step === 3)
        await expect(views.getByRole('button', { name: 'Data' })).toHaveAttribute('aria-pressed', 'true');
      if (step === 5)
        await expect(views.getByRole('button', { name: 'Math' })).toHaveAttribute('aria-pressed', 'true');
      await card(page)
        .getByRole('button', { name: step === STEPS ? 'Finish' : 'Next', exact: true })
        .click();
    }
    expect(await axeViolations(axeScan(page))).toEqual([]);
  });
});
