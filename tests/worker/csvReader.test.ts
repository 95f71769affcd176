import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { readCsv, type CsvReading } from '../../src/core/csvRead';
import type { Person } from '../../src/core/dataset';
import { startCsvRead, type CsvReaderMessage, type CsvReaderRequest } from '../../src/worker/csvReader';

function rowsOf(count: number): string {
  const lines = ['name,weight,height,gender'];
  for (let i = 0; i < count; i++) lines.push(`P${i},${100 + (i % 90)},${60 + (i % 9)},${i % 2 ? 'F' : 'M'}`);
  return lines.join('\n');
}

/** A reading in the real worker module: every progress fraction, then its answer. */
function readInWorker(request: CsvReaderRequest): Promise<{ progress: number[]; reading: CsvReading }> {
  return new Promise((resolve, reject) => {
    const progress: number[] = [];
    startCsvRead(request, {
      onProgress: (fraction) => progress.push(fraction),
      onDone: (reading) => resolve({ progress, reading }),
      onFailure: (message) => reject(new Error(message)),
    });
  });
}

const visible = (people: readonly Person[]) => people.map(({ id: _id, ...person }) => person);

describe('the CSV reader worker', () => {
  it('reads 100,000 pasted rows to the same people as in this thread, saying how far it has got', async () => {
    const text = rowsOf(100_000);
    const { progress, reading } = await readInWorker({ source: { text }, what: 'The pasted text' });
    const here = readCsv({ text }, 'The pasted text');
    expect(reading.result.kind).toBe('people');
    expect(here.result.kind).toBe('people');
    if (reading.result.kind !== 'people' || here.result.kind !== 'people') return;
    expect(visible(reading.result.people)).toEqual(visible(here.result.people));
    expect(reading.result.people).toHaveLength(100_000);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((fraction) => fraction >= 0 && fraction <= 1)).toBe(true);
  });

  it('decodes a file’s bytes there, falling back to Windows-1252', async () => {
    const bytes = Uint8Array.of(
      ...new TextEncoder().encode('name,weight,height,gender\nJos'),
      0xe9,
      0x2c,
      0x31,
      0x2c,
      0x32,
      0x2c,
      0x46,
    );
    const { reading } = await readInWorker({ source: { bytes: bytes.buffer }, what: 'The file a.csv' });
    expect(reading.encoding).toBe('windows-1252');
    expect(reading.result.kind === 'people' && reading.result.people[0]?.name).toBe('José');
  });

  it('refuses 1,000,000 rows before parsing, with the file’s message', async () => {
    const text = `weight,height,gender\n${'150,66,F\n'.repeat(1_000_000)}`;
    const { progress, reading } = await readInWorker({ source: { text }, what: 'The pasted text' });
    expect(reading.result).toEqual({
      kind: 'error',
      message: 'The pasted text has 1,000,000 rows; the lab reads up to 100,000.',
    });
    expect(progress).toEqual([]);
  });

  it('ends the worker and says nothing more once cancelled', async () => {
    const fake = {
      terminated: false,
      onmessage: null as ((event: MessageEvent<CsvReaderMessage>) => void) | null,
      postMessage() {},
      terminate() {
        this.terminated = true;
      },
    };
    let answered = false;
    const cancel = startCsvRead(
      { source: { text: 'a,b,c\n1,2,3' }, what: 'The pasted text' },
      {
        onProgress: () => (answered = true),
        onDone: () => (answered = true),
        onFailure: () => (answered = true),
      },
      () => fake as unknown as Worker,
    );
    cancel();
    expect(fake.terminated).toBe(true);
    fake.onmessage?.(new MessageEvent('message', { data: { type: 'progress', fraction: 0.5 } }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
  });
});
