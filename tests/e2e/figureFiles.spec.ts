/**
 * Exported figures carry their title and legend, in real Chromium, and the Loss landscape exports like
 * the other figures. The files themselves are kept with the test's results, with a screenshot; axe
 * finds nothing.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { axeScan, axeViolations, expect, test, trainingStatus } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function saved(download: Download, keepAs: string): Promise<Buffer> {
  await download.saveAs(keepAs);
  return readFile(keepAs);
}

/** The texts the file draws itself (outside the figure's drawing), read by the browser's own parser. */
function ownTexts(page: Page, svgText: string): Promise<string[]> {
  return page.evaluate((text) => {
    const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    return Array.from(root.querySelectorAll('text'))
      .filter((t) => t.closest('svg') === (root as Element))
      .map((t) => t.textContent ?? '');
  }, svgText);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

for (const [figure, file, legendEntry] of [
  ['Loss landscape', 'loss-landscape', '.landscape-legend li'],
  ['Decision boundary', 'decision-boundary', '.boundary-legend li'],
] as const) {
  test(`the ${figure} exports as SVG and PNG with its title and its legend`, async ({ page }, testInfo) => {
    const group = page.getByRole('group', { name: `Export ${figure}`, exact: true });
    await group.scrollIntoViewIfNeeded();
    // The panel mounts as it comes near: export what a person sees drawn.
    await expect(page.getByRole('figure', { name: figure, exact: true })).toBeVisible();
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      button(page, `Export ${figure} as SVG`).click(),
    ]);
    expect(svgDownload.suggestedFilename()).toBe(`${file}.svg`);
    const svgText = (await saved(svgDownload, testInfo.outputPath(`${file}.svg`))).toString('utf8');
    const texts = await ownTexts(page, svgText);
    expect(texts[0]).toBe(figure);
    const legendCount = await page.locator(legendEntry).count();
    expect(legendCount).toBeGreaterThan(0);
    expect(texts.length).toBeGreaterThan(1); // the legend's words under the drawing
    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      button(page, `Export ${figure} as PNG`).click(),
    ]);
    const png = await saved(pngDownload, testInfo.outputPath(`${file}.png`));
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const height = await page.evaluate(
      (text) =>
        Number(new DOMParser().parseFromString(text, 'image/svg+xml').documentElement.getAttribute('height')),
      svgText,
    );
    expect(png.readUInt32BE(20)).toBe(2 * height); // the PNG has the title band and the legend too
    await page
      .getByRole('figure', { name: figure, exact: true })
      .screenshot({ path: testInfo.outputPath(`${file}-page.png`) });
    expect(await axeViolations(axeScan(page))).toEqual([]);
  });
}
