import { vi } from 'vitest';

export interface CapturedDownload {
  readonly name: string | undefined;
  readonly type: string | undefined;
  readonly text: string;
}

/**
 * Catches the files the page saves through an object URL and a clicked <a download> (jsdom has no
 * object URLs and cannot navigate, so both are stubbed). Returns the last download's name, type and
 * text; `count()` says how many there were.
 */
export function captureDownloads(): (() => Promise<CapturedDownload>) & { count: () => number } {
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  const last = async (): Promise<CapturedDownload> => ({
    name: names.at(-1),
    type: blobs.at(-1)?.type,
    text: (await blobs.at(-1)?.text()) ?? '',
  });
  return Object.assign(last, { count: () => blobs.length });
}
