import { describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE, parseMeasurement, type NumericField, type Person } from '../../src/core/dataset';
import { convertText } from '../../src/core/units';
import type { FrameMessage, RunConfig, WorkerMessage } from '../../src/worker/protocol';
import { TrainingSession } from '../../src/worker/session';

const CONFIG: RunConfig = {
  people: ARTICLE_PEOPLE,
  scaling: 'article',
  initialWeights: 'ones',
  seed: 7,
  sampleOrder: 'in-order',
  learningRate: 0.1,
};

function toMetric(people: readonly Person[]): Person[] {
  const convert = (text: string, field: NumericField) => {
    const parsed = parseMeasurement(text, field);
    return parsed.ok ? convertText(text, parsed.value, field, 'imperial', 'metric') : text;
  };
  return people.map((p) => ({
    ...p,
    weight: convert(p.weight, 'weight'),
    height: convert(p.height, 'height'),
  }));
}

/** A session driven by hand: every frame is kept and its buffers handed straight back. */
function session() {
  const frames: FrameMessage[] = [];
  const run = new TrainingSession({
    post: (message: WorkerMessage) => {
      if (message.type !== 'frame') return;
      frames.push(message);
      queueMicrotask(() =>
        run.handle({
          type: 'recycle',
          losses: message.losses,
          accuracies: message.accuracies,
          params: message.params,
        }),
      );
    },
    now: () => 0,
    yieldThen: () => {},
    after: () => {},
  });
  return {
    run,
    async epochs(count: number): Promise<number> {
      for (let i = 0; i < count; i++) {
        run.handle({ type: 'step-epoch' });
        await Promise.resolve();
      }
      return frames.at(-1)!.live.loss;
    },
  };
}

describe('the worker trains on lb and in whatever the table shows', () => {
  it('a run on the article’s people in kg/cm learns what the run in lb/in learns', async () => {
    const inPounds = session();
    inPounds.run.handle({ type: 'configure', config: CONFIG });
    const inKilograms = session();
    inKilograms.run.handle({
      type: 'configure',
      config: { ...CONFIG, people: toMetric(ARTICLE_PEOPLE), units: 'metric', dataLabels: null },
    });
    const lossLb = await inPounds.epochs(300);
    const lossKg = await inKilograms.epochs(300);
    expect(lossLb).toBeLessThan(0.05);
    // Within the conversion's rounding (0.05 kg, 0.5 cm), the same loss.
    expect(Math.abs(lossKg - lossLb)).toBeLessThan(0.01);
  });

  it('a switch mid-run (the table in kg/cm, with its measure) leaves the training set as it was', async () => {
    const run = session();
    run.run.handle({ type: 'configure', config: CONFIG });
    const before = await run.epochs(100);
    run.run.handle({
      type: 'set-data',
      people: toMetric(ARTICLE_PEOPLE),
      measure: { units: 'metric', dataLabels: null },
    });
    const after = await run.epochs(1);
    // One more epoch of the same data: the loss keeps falling smoothly, it does not jump.
    expect(after).toBeLessThan(before);
    expect(after).toBeGreaterThan(before * 0.9);

    // Read as lb and in, the same numbers are another table: 165 in is no height, so every row is left out.
    const wrong = session();
    wrong.run.handle({ type: 'configure', config: CONFIG });
    await wrong.epochs(100);
    wrong.run.handle({ type: 'set-data', people: toMetric(ARTICLE_PEOPLE) });
    expect(await wrong.epochs(1)).toBeNaN();
  });
});
