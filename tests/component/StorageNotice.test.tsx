// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StorageNotice } from '../../src/app/StorageNotice';
import { useLab } from '../../src/store/labStore';
import { setStorageNotice, storageNoticeStore } from '../../src/store/storageNotice';
import { resetLab, setLab } from '../helpers/resetLab';

const notice = () => within(screen.getByRole('alert', { name: 'Saving' }));

/** The text of the next download (jsdom has no object URLs, so they are stubbed). */
function captureDownloads() {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return () => blobs.at(-1)!.text();
}

beforeEach(() => {
  resetLab();
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the storage notice', () => {
  it('shows nothing while autosave works', () => {
    render(<StorageNotice />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a full storage names what is lost on reload and exports the table as CSV', async () => {
    const user = userEvent.setup();
    const download = captureDownloads();
    // Storage really is full: an autosave firing mid-test (a slow machine) fails as the notice says,
    // instead of succeeding and taking the notice, and its button, away before the click.
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    setLab({
      people: Array.from({ length: 2000 }, (_, i) => ({
        id: `p${i}`,
        name: `P${i}`,
        weight: '150',
        height: '66',
        gender: 'M' as const,
      })),
    });
    render(<StorageNotice />);
    act(() => setStorageNotice({ kind: 'full', people: 2000 }));
    expect(notice().getByText(/storage is full.*2,000 people.*The last save stays/)).toBeTruthy();
    await user.click(notice().getByRole('button', { name: 'Export CSV' }));
    // The CSV writer loads on that click (it is not part of the first load).
    const lines = (await vi.waitFor(download)).trim().split('\n');
    expect(lines).toHaveLength(2001);
    expect(lines[2000]).toBe('P1999,150,66,M');
    await user.click(notice().getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('another tab’s newer save offers to load it or keep this lab; keeping saves this lab at once', async () => {
    const user = userEvent.setup();
    render(<StorageNotice />);
    act(() => setStorageNotice({ kind: 'newer-elsewhere' }));
    expect(notice().getByText(/Another tab saved a newer lab/)).toBeTruthy();
    expect(notice().getByRole('button', { name: 'Load the newer lab' })).toBeTruthy();
    setLab({ settings: { ...useLab.getState().settings, seed: 77 } });
    await user.click(notice().getByRole('button', { name: 'Keep this one' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(localStorage.getItem('backprop-lab')).toContain('"seed":77');
  });

  it('an unreadable save that could not be set aside is saved over only when asked', async () => {
    const user = userEvent.setup();
    render(<StorageNotice />);
    act(() => setStorageNotice({ kind: 'unreadable-kept', why: 'it is not a saved lab' }));
    expect(
      notice().getByText(/could not be restored \(it is not a saved lab\).*nothing is saved over it/),
    ).toBeTruthy();
    setLab({ settings: { ...useLab.getState().settings, seed: 78 } });
    await user.click(notice().getByRole('button', { name: 'Save this lab over it' }));
    expect(storageNoticeStore.getState().notice).toBeNull();
    expect(localStorage.getItem('backprop-lab')).toContain('"seed":78');
  });
});
