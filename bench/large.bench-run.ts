/**
 * Large-table bench ("stays responsive with 100,000 rows; training and the figures keep their
 * budgets"): system Chromium against `vite preview` of dist/, a 100,000-row CSV imported through the
 * file picker, then, recorded inside the page (requestAnimationFrame and long-task observers):
 *
 * (a) the import: from choosing the file to "Imported 100,000 people", and its longest task;
 * (b) one keystroke in a Weight cell (paused): the longest task in the 2 s after it;
 * (c) training at full speed, top of the page and with the table in view: fps, p95 frame, long tasks;
 * (d) wheel-scrolling the table (80 steps of 120 px), training and paused;
 * (e) a Pause click: from the click event to the Play button in the DOM.
 *
 * Needs `vite build` first (npm run bench does). Nothing is asserted about speed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { APP_URL, startPreview, stopServer } from './browserPage';
import { FRAME_PROBE, measureFor, pageNow, windowStats, type FrameWindow } from './pageFrames';
import { count, fixed, ROOT_DIR, saveResult, table } from './report';

const ROWS = 100_000;
const WHEEL_STEPS = 80;

/** 100,000 people, women and men around the article's, in a fixed pseudo-random order. */
function bigCsv(): string {
  const lines = ['name,weight,height,gender'];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < ROWS; i++) {
    const female = random() < 0.5;
    const weight = Math.round((female ? 125 : 165) + 20 * (random() - 0.5));
    const height = Math.round((female ? 64 : 70) + 6 * (random() - 0.5));
    lines.push(`P${i},${weight},${height},${female ? 'F' : 'M'}`);
  }
  return `${lines.join('\n')}\n`;
}

async function wheelTable(page: Page): Promise<FrameWindow> {
  await page.evaluate(() =>
    document.querySelector('table.dataset-table')?.scrollIntoView({ block: 'center' }),
  );
  const box = await page.locator('.dataset-scroll').boundingBox();
  if (!box) throw new Error('the Dataset table has no scroll box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(800);
  const from = await pageNow(page);
  for (let step = 0; step < WHEEL_STEPS; step++) {
    await page.mouse.wheel(0, step % 40 < 20 ? 120 : -120);
    await page.waitForTimeout(16);
  }
  return windowStats(page, from, await pageNow(page));
}

const row = (what: string, w: FrameWindow, note = '') => [
  what,
  `${fixed(w.fps, 1)} / ${fixed(w.p95Ms, 1)} ms / ${w.longTasks} / ${fixed(w.longestMs, 0)} ms`,
  note,
];

test('a 100,000-row table in Chromium: import, an edit, training, scrolling, Pause', async () => {
  if (!existsSync(resolve(ROOT_DIR, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `npx vite build` first (npm run bench does).');
  }
  const server = await startPreview(ROOT_DIR);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(FRAME_PROBE);
    await page.goto(APP_URL);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await page.waitForTimeout(1000);

    // (a) import
    const importFrom = await pageNow(page);
    const chosenAt = Date.now();
    await page.getByLabel('CSV file').setInputFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bigCsv()),
    });
    await page.getByText(`Imported ${count(ROWS)} people`).waitFor({ timeout: 120_000 });
    const importMs = Date.now() - chosenAt;
    await page.waitForTimeout(2000);
    const imported = await windowStats(page, importFrom, await pageNow(page));

    // (b) one keystroke in a cell, paused
    const cell = page
      .getByRole('table', { name: 'Dataset' })
      .getByRole('textbox', { name: /^Weight/ })
      .first();
    await cell.click();
    await cell.press('End');
    await page.waitForTimeout(1000);
    const editFrom = await pageNow(page);
    await page.keyboard.type('1');
    await page.waitForTimeout(2000);
    const edit = await windowStats(page, editFrom, await pageNow(page));
    await page.keyboard.press('Control+z');
    const pausedScroll = await wheelTable(page);

    // (c) training at full speed
    await page.evaluate(() => window.scrollTo(0, 0));
    const speed = page.getByRole('slider', { name: 'Speed' });
    await speed.focus();
    await speed.press('End');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(1500);
    const top = await measureFor(page, 5000);
    const status = (await page.getByRole('region', { name: 'Training status' }).innerText()).replace(
      /\s+/g,
      ' ',
    );
    await page.evaluate(() =>
      document.querySelector('table.dataset-table')?.scrollIntoView({ block: 'center' }),
    );
    await page.waitForTimeout(1000);
    const tableInView = await measureFor(page, 4000);
    // (d) scrolling while training
    const trainingScroll = await wheelTable(page);

    // (e) Pause
    await page.evaluate(() => {
      const record = (window as unknown as { __large: { clickAt: number; playAt: number } }).__large;
      document.addEventListener('click', () => (record.clickAt ||= performance.now()), { capture: true });
      new MutationObserver(() => {
        if (!record.clickAt || record.playAt) return;
        const play = [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Play');
        if (play) record.playAt = performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    const pauseMs = await page.evaluate(() => {
      const record = (window as unknown as { __large: { clickAt: number; playAt: number } }).__large;
      return record.playAt - record.clickAt;
    });

    console.log(
      table(`A ${count(ROWS)}-row table in Chromium ${browser.version()} (1440 x 900)`, [
        ['measure', 'fps / p95 frame / long tasks / longest', 'note'],
        row('import: 2 s from choosing the file', imported, `message after ${count(importMs)} ms`),
        row('one keystroke in a Weight cell (paused), 2 s', edit, 'budget: no task over 50 ms'),
        row('wheel-scrolling the table, paused', pausedScroll, `${WHEEL_STEPS} steps of 120 px`),
        row('training, full speed, top of the page', top, `budget >= 55 fps; ${status}`),
        row('training, the table in view', tableInView, ''),
        row('training, wheel-scrolling the table', trainingScroll, `${WHEEL_STEPS} steps of 120 px`),
        [
          'click Pause -> Play in the DOM',
          `${fixed(pauseMs, 0)} ms`,
          'in the page: click event to the button',
        ],
      ]),
    );
    if (problems.length) console.log(`page errors:\n  ${problems.join('\n  ')}`);
    saveResult('largeTable', {
      rows: ROWS,
      importMs,
      imported,
      edit,
      pausedScroll,
      top,
      tableInView,
      trainingScroll,
      pauseMs,
      status,
      problems,
    });
    expect(problems).toEqual([]);
    expect(top.fps).toBeGreaterThan(0);
  } finally {
    await browser?.close();
    await stopServer(server);
  }
}, 300_000);
