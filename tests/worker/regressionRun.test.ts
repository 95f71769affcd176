import { afterEach, describe, expect, it } from 'vitest';
import type { Person } from '../../src/core/dataset';
import { ARTICLE_CONFIG, startWorker, type WorkerHarness } from './harness';

let harness: WorkerHarness;
afterEach(() => harness?.close());

const NUMBERS: Person[] = [
  { id: 'a', name: '', weight: '1', height: '2', gender: 'M', target: '3.5' },
  { id: 'b', name: '', weight: '-1', height: '0', gender: 'M', target: '-2' },
  { id: 'c', name: '', weight: '0', height: '1', gender: 'M', target: '10' },
];
const LABELS = { x1: 'x1', x2: 'x2', positive: '', negative: '', target: 'y' };

describe('the worker and a numeric target', () => {
  it('starts a run with a linear output when the table predicts a number, and goes back for classes', async () => {
    harness = startWorker();
    harness.send({ type: 'configure', config: ARTICLE_CONFIG });
    await harness.waitForFrame((f) => f.runId === 1);
    expect(harness.last().live.architecture.output).toBeUndefined();

    let from = harness.frames.length;
    harness.send({ type: 'set-data', people: NUMBERS, measure: { dataLabels: LABELS } });
    const numeric = await harness.waitForFrame((f) => f.live.architecture.output === 'linear', from);
    expect(numeric.runId).toBe(2);
    expect(numeric.live.architecture.loss).toBe('mse');
    expect(numeric.live.epoch).toBe(0);

    from = harness.frames.length;
    harness.send({ type: 'set-data', people: ARTICLE_CONFIG.people, measure: { dataLabels: null } });
    const classes = await harness.waitForFrame((f) => f.runId === 3, from);
    expect(classes.live.architecture.output).toBeUndefined();
  });
});
