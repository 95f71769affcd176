/**
 * Autosave never loses a lab silently, in real Chromium: two tabs of one browser, a full storage, and a
 * saved value that is not a lab.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, setFullSpeed, test, trainingStatus } from './fixtures';

const KEY = 'backprop-lab';
/** Lets the lab's once-a-second autosave happen. */
const SAVE_SETTLE_MS = 1500;

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const table = (page: Page) => page.getByRole('table', { name: 'Dataset' });
const names = (page: Page) =>
  table(page)
    .getByRole('textbox', { name: 'Name', exact: true })
    .evaluateAll((cells) => cells.map((cell) => (cell as HTMLInputElement).value));
const weightOf = (page: Page, name: string) =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `Remove ${name}`, exact: true }) })
    .getByRole('textbox', { name: 'Weight (lb)', exact: true });
const savingNotice = (page: Page) => page.getByRole('alert', { name: 'Saving' });

/** The names in the saved lab, as the next page to open would read them. */
const savedNames = (page: Page) =>
  page.evaluate((key) => {
    const text = localStorage.getItem(key);
    if (text === null) return null;
    return (JSON.parse(text) as { state: { people: { name: string }[] } }).state.people.map((p) => p.name);
  }, KEY);

function csv(people: readonly string[]): string {
  return `name,weight,height,gender\n${people.map((name, i) => `${name},${120 + (i % 50)},64,F`).join('\n')}\n`;
}

async function importCsv(page: Page, text: string, count: string): Promise<void> {
  await page.getByLabel('CSV file').setInputFiles({
    name: 'people.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  const status = page.getByRole('region', { name: 'Import and export' }).getByRole('status');
  await expect(status).toContainText(`Imported ${count} people`);
}

async function openFresh(page: Page): Promise<void> {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
  // A tab that only opens saves nothing: the next visit opens as new (the page's own first screen).
  await page.waitForTimeout(SAVE_SETTLE_MS);
  expect(await savedNames(page)).toBeNull();
});

test('a training tab does not overwrite another tab’s import: it says so and loads it on request', async ({
  page,
  context,
}) => {
  const other = await context.newPage();
  await openFresh(other);
  await importCsv(other, csv(['Ines', 'Jon', 'Kai']), '3');
  await expect.poll(() => savedNames(other)).toEqual(['Ines', 'Jon', 'Kai']);

  await expect(savingNotice(page)).toContainText('Another tab saved a newer lab');
  // Training in this tab moves the run every frame; autosave would write it every second.
  await setFullSpeed(page);
  await button(page, 'Play').click();
  await page.waitForTimeout(2 * SAVE_SETTLE_MS);
  await button(page, 'Pause').click();
  await page.waitForTimeout(SAVE_SETTLE_MS);
  expect(await savedNames(page)).toEqual(['Ines', 'Jon', 'Kai']);

  await button(page, 'Load the newer lab').click();
  await expect.poll(() => names(page)).toEqual(['Ines', 'Jon', 'Kai']);
  await expect(savingNotice(page)).toHaveCount(0);
  await other.close();
});

test('keeping this tab’s lab saves it over the other tab’s, and the other tab is told', async ({
  page,
  context,
}) => {
  const other = await context.newPage();
  await openFresh(other);
  await importCsv(other, csv(['Ines', 'Jon', 'Kai']), '3');
  await expect(savingNotice(page)).toContainText('Another tab saved a newer lab');

  await weightOf(page, 'Bob').fill('171');
  await button(page, 'Keep this one').click();
  await expect(savingNotice(page)).toHaveCount(0);
  await expect.poll(() => savedNames(page)).toEqual(['Alice', 'Bob', 'Charlie', 'Diana']);
  await expect(savingNotice(other)).toContainText('Another tab saved a newer lab');

  await page.reload();
  await expect(weightOf(page, 'Bob')).toHaveValue('171');
  await other.close();
});

test('a full storage keeps the last good save, says what is not saved and offers Export CSV', async ({
  page,
}) => {
  await weightOf(page, 'Bob').fill('171');
  await page.waitForTimeout(SAVE_SETTLE_MS);
  // Fill the rest of the origin's storage, leaving the lab's save in place.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0;) {
      try {
        localStorage.setItem(`filler-${i}`, chunk);
        i += 1;
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });

  const people = Array.from({ length: 2000 }, (_, i) => `Person ${i}`);
  await importCsv(page, csv(people), '2,000');
  const notice = savingNotice(page);
  await expect(notice).toContainText('storage is full');
  await expect(notice).toContainText('2,000 people');
  await expect(notice).toContainText('The last save stays');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    notice.getByRole('button', { name: 'Export CSV', exact: true }).click(),
  ]);
  const exported = (await readFile(await download.path())).toString('utf8').trim().split('\n');
  expect(exported).toHaveLength(2001);
  expect(exported[2000]).toBe('Person 1999,169,64,F');

  await page.reload();
  await expect.poll(() => names(page)).toEqual(['Alice', 'Bob', 'Charlie', 'Diana']);
  await expect(weightOf(page, 'Bob')).toHaveValue('171');
});

for (const text of ['42', '[]']) {
  test(`a saved ${text} is reported, and its text is kept when the lab saves again`, async ({ page }) => {
    await page.waitForTimeout(SAVE_SETTLE_MS);
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, text]);
    await page.reload();
    const notice = page.getByRole('alert').filter({ hasText: 'could not be restored' });
    await expect(notice).toContainText('it is not a saved lab');
    await expect(notice).toContainText('backprop-lab-unreadable');
    await expect(weightOf(page, 'Bob')).toHaveValue('160');

    await weightOf(page, 'Bob').fill('171');
    await page.waitForTimeout(SAVE_SETTLE_MS);
    await page.reload();
    await expect(weightOf(page, 'Bob')).toHaveValue('171');
    expect(await page.evaluate(() => localStorage.getItem('backprop-lab-unreadable'))).toBe(text);
  });
}
