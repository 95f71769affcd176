/**
 * Nothing lost, nothing broken, in real Chromium: autosave across a reload, a corrupt
 * save, a worker that dies, and a storm of random cell edits (2,000, each a real input event).
 */
import type { Page } from '@playwright/test';
import { expect, readEpoch, setFullSpeed, test, trainingStatus } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const table = (page: Page) => page.getByRole('table', { name: 'Dataset' });
const weightOf = (page: Page, name: string) =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `Remove ${name}`, exact: true }) })
    .getByRole('textbox', { name: 'Weight (lb)', exact: true });

/** Lets the lab's once-a-second autosave happen. */
const SAVE_SETTLE_MS = 1500;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(trainingStatus(page)).toBeVisible();
});

test('a reload brings back an edited dataset and the run, paused', async ({ page }) => {
  await weightOf(page, 'Bob').fill('abc');
  await page
    .getByRole('combobox', { name: 'Initial weights', exact: true })
    .selectOption({ label: 'All ones' });
  for (let i = 1; i <= 3; i++) {
    await button(page, 'Step epoch').click();
    await expect.poll(() => readEpoch(page)).toBe(i);
  }
  await page.waitForTimeout(SAVE_SETTLE_MS);
  await page.reload();
  await expect(weightOf(page, 'Bob')).toHaveValue('abc');
  await expect(weightOf(page, 'Bob')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('combobox', { name: 'Initial weights', exact: true })).toHaveValue('ones');
  await expect.poll(() => readEpoch(page)).toBe(3);
  await expect(button(page, 'Play')).toBeVisible();
});

test('a corrupt saved state is reported once and the defaults load', async ({ page }) => {
  await page.waitForTimeout(SAVE_SETTLE_MS);
  await page.evaluate(() => localStorage.setItem('backprop-lab', '{"state": {"settings": '));
  await page.reload();
  const notice = page.getByRole('alert').filter({ hasText: 'could not be restored' });
  await expect(notice).toBeVisible();
  await expect(weightOf(page, 'Bob')).toHaveValue('160');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('a training worker that dies is replaced and the run goes on from where it was', async ({ page }) => {
  test.setTimeout(60_000); // the page notices a silent worker after about 4 s
  for (let i = 1; i <= 3; i++) {
    await button(page, 'Step epoch').click();
    await expect.poll(() => readEpoch(page)).toBe(i);
  }
  const [worker] = page.workers();
  expect(worker, 'the training worker is running').toBeDefined();
  // A worker that closes itself raises no error: the page notices its silence.
  await worker!.evaluate(() => (self as unknown as { close(): void }).close());
  await expect(page.getByRole('alert').filter({ hasText: 'training worker stopped' })).toBeVisible({
    timeout: 15_000,
  });
  await expect.poll(() => readEpoch(page)).toBe(3);
  await setFullSpeed(page);
  await button(page, 'Play').click();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(100);
  await button(page, 'Pause').click();
});

test('2,000 random cell edits leave the lab alive and the table as typed', async ({ page }) => {
  test.setTimeout(120_000); // each edit is a real input event, re-rendering the table
  // The table mounts once the page is idle: the storm starts when a person could start typing.
  await expect(weightOf(page, 'Bob')).toBeVisible();
  const finalValues = await page.evaluate(() => {
    let seed = 20261128;
    const random = (): number => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const samples = [
      '',
      'abc',
      '1e308',
      '-5',
      '0',
      '150',
      '65.5',
      ' 72 ',
      'Infinity',
      'ẞ',
      '12abc',
      '1,5',
      '99999',
    ];
    // React tracks an input's value; the native setter plus an input event is what typing does.
    const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    const setValue = (input: HTMLInputElement, text: string): void => descriptor.set!.call(input, text);
    const table = document.querySelector('table')!;
    const started = performance.now();
    for (let i = 0; i < 2_000; i++) {
      const inputs = table.querySelectorAll<HTMLInputElement>('input[type="text"], input:not([type])');
      const input = inputs[Math.floor(random() * inputs.length)]!;
      const text = samples[Math.floor(random() * samples.length)]! + (random() < 0.2 ? String(i) : '');
      setValue(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    (window as unknown as { stormMs: number }).stormMs = performance.now() - started;
    return Array.from(
      table.querySelectorAll<HTMLInputElement>('input[type="text"], input:not([type])'),
      (i) => i.value,
    );
  });
  expect(finalValues.length).toBe(12); // four people, three text cells each
  test.info().annotations.push({
    type: 'storm',
    description: `2,000 edits took ${Math.round(await page.evaluate(() => (window as unknown as { stormMs: number }).stormMs))} ms`,
  });
  await page.waitForTimeout(500);
  const shown = await table(page)
    .locator('input[type="text"], input:not([type])')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  expect(shown).toEqual(finalValues);
  // Make every row valid again and train: the lab is alive and trains on all four.
  const rows: [string, string][] = [
    ['133', '65'],
    ['160', '72'],
    ['152', '70'],
    ['120', '60'],
  ];
  for (const [i, [weight, height]] of rows.entries()) {
    await table(page).getByRole('textbox', { name: 'Weight (lb)', exact: true }).nth(i).fill(weight);
    await table(page).getByRole('textbox', { name: 'Height (in)', exact: true }).nth(i).fill(height);
  }
  await expect(table(page).getByText('left out of training')).toHaveCount(0);
  const before = await readEpoch(page);
  await button(page, 'Step epoch').click();
  await expect.poll(() => readEpoch(page)).toBe(before + 1);
});
