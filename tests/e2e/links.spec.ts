/**
 * A link never costs the saved lab, in real Chromium: a linked lab opens beside the saved one (on load or
 * pasted into an open tab), `Keep this lab` and `Back to my lab` choose between them, and a bad or odd
 * link says what it is while the saved lab stays as it was, byte for byte.
 */
import type { Page } from '@playwright/test';
import LZString from 'lz-string';
import { expect, readEpoch, test, trainingStatus } from './fixtures';

const STORAGE_KEY = 'backprop-lab';
/** Lets the lab's once-a-second autosave happen (or not, when it must not). */
const SAVE_SETTLE_MS = 1500;

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const seed = (page: Page) => page.getByRole('spinbutton', { name: 'Seed', exact: true });
const firstName = (page: Page) =>
  page.getByRole('table', { name: 'Dataset' }).getByRole('textbox', { name: 'Name', exact: true }).first();
const banner = (page: Page) => page.getByRole('region', { name: 'Shared link' });
const saved = (page: Page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

/**
 * What the saved lab holds, without the table's ids and where the run was: a page that loads the lab
 * gives its rows fresh ids and saves it again as it runs, the same lab.
 */
async function savedLab(page: Page): Promise<unknown> {
  const text = await saved(page);
  const { state } = JSON.parse(text!) as { state: { people: { id?: string }[]; resume?: unknown } };
  return { ...state, people: state.people.map(({ id: _id, ...person }) => person), resume: undefined };
}

/** The `#lab=...` part of a link made with the Share button from a lab with seed 7. */
async function linkWithSeed7(page: Page): Promise<string> {
  await seed(page).fill('7');
  await button(page, 'Share').click();
  const link = await page.getByRole('textbox', { name: /link/i }).inputValue();
  return link.slice(link.indexOf('#'));
}

/** The user's own lab, saved: seed 99 and Alice renamed Alicia. Returns the saved text. */
async function saveOwnLab(page: Page): Promise<string> {
  await seed(page).fill('99');
  await firstName(page).fill('Alicia');
  await page.waitForTimeout(SAVE_SETTLE_MS);
  const text = await saved(page);
  expect(text).toContain('Alicia');
  return text!;
}

/** The user's own lab, saved, as `savedLab` reads it. */
async function saveOwnLabContent(page: Page): Promise<unknown> {
  await saveOwnLab(page);
  return savedLab(page);
}

/** A fresh page load of the lab at this hash (a hash-only `goto` would not reload the app). */
async function openFresh(page: Page, hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await expect(trainingStatus(page)).toBeVisible();
}

async function expectOwnLab(page: Page): Promise<void> {
  await expect(seed(page)).toHaveValue('99');
  await expect(firstName(page)).toHaveValue('Alicia');
}

/** A link's state changed by `edit`, packed again as a hash. */
function editedLink(hash: string, edit: (state: Record<string, unknown>) => void): string {
  const state = JSON.parse(LZString.decompressFromEncodedURIComponent(hash.slice('#lab='.length))) as Record<
    string,
    unknown
  >;
  edit(state);
  return `#lab=${LZString.compressToEncodedURIComponent(JSON.stringify(state))}`;
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('a link opens beside the saved lab, which stays saved while the linked lab runs', async ({ page }) => {
  const link = await linkWithSeed7(page);
  const own = await saveOwnLab(page);
  await openFresh(page, link);
  await expect(banner(page).getByRole('status')).toContainText('You opened a shared lab');
  await expect(button(page, 'Keep this lab')).toBeVisible();
  await expect(button(page, 'Back to my lab')).toBeVisible();
  await expect(seed(page)).toHaveValue('7');
  await expect(firstName(page)).toHaveValue('Alice');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
  await button(page, 'Step epoch').click();
  await expect.poll(() => readEpoch(page)).toBe(1);
  await page.waitForTimeout(SAVE_SETTLE_MS);
  expect(await saved(page)).toBe(own);
  await page.reload();
  await expectOwnLab(page);
  await expect(banner(page)).toHaveCount(0);
});

test('Back to my lab returns to the own lab and saves nothing of the linked one', async ({ page }) => {
  const link = await linkWithSeed7(page);
  const own = await saveOwnLabContent(page);
  await openFresh(page, link);
  await firstName(page).fill('Edited in the linked lab');
  await button(page, 'Back to my lab').click();
  await expectOwnLab(page);
  await expect(banner(page).getByRole('status')).toContainText('Your own lab is back');
  await page.waitForTimeout(SAVE_SETTLE_MS);
  expect(await savedLab(page)).toEqual(own);
});

test('Keep this lab makes the linked lab the saved one', async ({ page }) => {
  const link = await linkWithSeed7(page);
  await saveOwnLab(page);
  await openFresh(page, link);
  await button(page, 'Keep this lab').click();
  await expect(banner(page).getByRole('status')).toContainText('now your saved lab');
  await page.waitForTimeout(SAVE_SETTLE_MS);
  await page.reload();
  await expect(seed(page)).toHaveValue('7');
  await expect(firstName(page)).toHaveValue('Alice');
});

test('Back to my lab after keeping undoes the keep, once', async ({ page }) => {
  const link = await linkWithSeed7(page);
  await saveOwnLab(page);
  await openFresh(page, link);
  await button(page, 'Keep this lab').click();
  await page.waitForTimeout(SAVE_SETTLE_MS);
  await button(page, 'Back to my lab').click();
  await expectOwnLab(page);
  await expect(button(page, 'Back to my lab')).toHaveCount(0);
  await page.waitForTimeout(SAVE_SETTLE_MS);
  await page.reload();
  await expectOwnLab(page);
});

test('a link pasted into an open tab opens at once, and a reload returns to the own lab', async ({
  page,
}) => {
  const link = await linkWithSeed7(page);
  const own = await saveOwnLabContent(page);
  await button(page, 'Play').click();
  await page.evaluate((hash) => {
    location.hash = hash;
  }, link);
  await expect(button(page, 'Keep this lab')).toBeVisible();
  await expect(seed(page)).toHaveValue('7');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
  await page.waitForTimeout(SAVE_SETTLE_MS);
  expect(await savedLab(page)).toEqual(own);
  await page.reload();
  await expectOwnLab(page);
  await expect(banner(page)).toHaveCount(0);
});

test('a bad link shows why and touches nothing saved', async ({ page }) => {
  const own = await saveOwnLabContent(page);
  await openFresh(page, '#lab=not-a-real-link');
  await expect(banner(page).getByRole('alert')).toHaveText(
    'This link is damaged or incomplete: it could not be decompressed. Nothing in your lab was changed.',
  );
  await expectOwnLab(page);
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
  await page.waitForTimeout(SAVE_SETTLE_MS);
  expect(await savedLab(page)).toEqual(own);
});

test("a link's learning rate outside the slider's range is brought into it, with a word", async ({
  page,
}) => {
  const link = editedLink(await linkWithSeed7(page), (state) => {
    (state.settings as Record<string, unknown>).learningRate = 1e6;
  });
  await openFresh(page, link);
  await expect(banner(page).getByRole('status')).toContainText(
    "The link's learning rate, 1000000, is outside the slider's range (0.001 to 100), so the lab uses 100.",
  );
  const rate = page.getByRole('slider', { name: 'Learning rate', exact: true });
  await expect(rate).toHaveAttribute('aria-valuetext', '100');
});

test('a link without a version says so, without "undefined"', async ({ page }) => {
  const link = editedLink(await linkWithSeed7(page), (state) => {
    delete state.v;
  });
  await openFresh(page, link);
  const alert = banner(page).getByRole('alert');
  await expect(alert).toContainText('it has no version number, and this lab reads version 1');
  await expect(alert).not.toContainText('undefined');
});
