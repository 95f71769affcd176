import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_ARCHITECTURE,
  MAX_HIDDEN,
  type Architecture,
  type HiddenActivation,
  type LossKind,
} from '../../src/core/architecture';
import { networkOf, predictRaw, type Network } from '../../src/core/engine';
import { exportAsCode, exportWeightsJson, type ExportTerms } from '../../src/core/exportCode';
import { exportInputs, identifierFor } from '../../src/core/exportTerms';
import { initialParams } from '../../src/core/init';
import { ARTICLE_SHIFT, type Scaling } from '../../src/core/scaling';
import { toModel, type Measure } from '../../src/core/units';

type Predict = (first: number, second: number) => number;

function loadJavaScript(code: string): Predict {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the exported text is the test
  return (new Function(`${code}\nreturn predict;`) as () => Predict)();
}

const METRIC: ExportTerms = { measure: 'metric', labels: null, scaling: 'article' };
const PENGUINS: ExportTerms = {
  measure: 'plain',
  labels: { x1: 'body_mass_g', x2: 'Flipper length (mm)', positive: 'FEMALE', negative: 'MALE' },
  scaling: 'standardize',
};
const STANDARDIZED: Scaling = { offset: [4200, 200.9], scale: [801.9, 14.06] };

/** What the lab's Predict computes for inputs typed in the table's measure. */
function labPredict(net: Network, measure: Measure, first: number, second: number): number {
  return predictRaw(net, toModel(measure, 'weight', first), toModel(measure, 'height', second));
}

const ACTIVATIONS: readonly HiddenActivation[] = ['sigmoid', 'tanh', 'relu'];
const LOSSES: readonly LossKind[] = ['mse', 'bce'];
/** Every architecture the lab offers (the update mode and momentum do not change a prediction). */
const EVERY_ARCHITECTURE: Architecture[] = Array.from({ length: MAX_HIDDEN }, (_, i) => i + 1).flatMap(
  (hidden) =>
    ACTIVATIONS.flatMap((activation) =>
      LOSSES.map((loss) => ({ ...ARTICLE_ARCHITECTURE, hidden, activation, loss })),
    ),
);
const networkFor = (architecture: Architecture, scaling: Scaling, seed = 7) =>
  networkOf(architecture, initialParams('random', seed, architecture.hidden), scaling);

describe('exports take the inputs as Predict takes them', () => {
  it('in kg and cm: predict(weightKg, heightCm) gives exactly Predict’s output, for every architecture', () => {
    for (const architecture of EVERY_ARCHITECTURE) {
      const net = networkFor(architecture, ARTICLE_SHIFT);
      const code = exportAsCode(net, 'javascript', METRIC);
      expect(code).toContain('function predict(weightKg, heightCm) {');
      const predict = loadJavaScript(code);
      for (const [kg, cm] of [
        [60.3, 165.1],
        [72.6, 182.9],
        [45, 150],
      ] as const)
        expect(predict(kg, cm)).toBe(labPredict(net, 'metric', kg, cm));
    }
  });

  it('with a file’s own columns: parameters, comments and classes use the file’s names', () => {
    const net = networkFor({ ...ARTICLE_ARCHITECTURE, hidden: 8, activation: 'tanh' }, STANDARDIZED);
    const code = exportAsCode(net, 'javascript', PENGUINS);
    expect(code).toContain('function predict(bodyMassG, flipperLengthMm) {');
    expect(code).toContain(
      '// predict(bodyMassG, flipperLengthMm) takes body_mass_g and Flipper length (mm)',
    );
    expect(code).toContain('above 0.5 means FEMALE (1), otherwise MALE (0).');
    expect(code).toContain('Trained on mean squared error, inputs scaled by Standardize.');
    expect(code).not.toMatch(/Female|\bweight\b|height/);
    expect(loadJavaScript(code)(3750, 181)).toBe(labPredict(net, 'plain', 3750, 181));
    const python = exportAsCode(net, 'python', PENGUINS);
    expect(python).toContain('def predict(body_mass_g, flipper_length_mm):');
    expect(python).toContain('# above 0.5 means FEMALE (1), otherwise MALE (0).');
  });

  it('any column names give working code whose comments stay comments', () => {
    const name = fc.string({ unit: 'grapheme', maxLength: 20 });
    const tricky = fc.constantFrom(
      'predict',
      'x1',
      'w3',
      'class',
      'def',
      '2nd',
      '',
      '\u2028alert(1)',
      '*/\n1',
    );
    fc.assert(
      fc.property(fc.oneof(name, tricky), fc.oneof(name, tricky), (x1, x2) => {
        const terms: ExportTerms = {
          measure: 'plain',
          labels: { x1, x2, positive: 'yes\nno', negative: 'n\u2029o' },
          scaling: 'none',
        };
        const net = networkFor(ARTICLE_ARCHITECTURE, { offset: [0, 0], scale: [1, 1] });
        expect(loadJavaScript(exportAsCode(net, 'javascript', terms))(1, 2)).toBe(
          labPredict(net, 'plain', 1, 2),
        );
        const [first, second] = exportInputs(terms);
        expect(first.identifier.python).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(first.identifier.python).not.toBe(second.identifier.python);
      }),
      { numRuns: 300 },
    );
  });

  it('identifiers never shadow the code’s own names or a language’s words', () => {
    expect(identifierFor('predict', 'javascript', 'input1')).toBe('predictInput');
    expect(identifierFor('w1', 'python', 'input_1')).toBe('w1_input');
    expect(identifierFor('class', 'python', 'input_1')).toBe('class_input');
    expect(identifierFor('2nd size', 'javascript', 'input1')).toBe('input2ndSize');
    expect(identifierFor('Crème brûlée', 'python', 'input_1')).toBe('creme_brulee');
    expect(identifierFor('日本', 'javascript', 'input1')).toBe('input1');
  });

  it('two columns named alike are numbered without taking the code’s own names (Ŵ and Ẁ: not w1, w2)', () => {
    const terms: ExportTerms = {
      measure: 'plain',
      labels: { x1: 'Ŵ', x2: 'Ẁ', positive: 'yes', negative: 'no' },
      scaling: 'none',
    };
    const [first, second] = exportInputs(terms);
    expect([first.identifier.javascript, second.identifier.javascript]).toEqual(['w1Input', 'w2Input']);
    expect([first.identifier.python, second.identifier.python]).toEqual(['w_1', 'w_2']);
    const net = networkFor(ARTICLE_ARCHITECTURE, { offset: [0, 0], scale: [1, 1] });
    expect(loadJavaScript(exportAsCode(net, 'javascript', terms))(1, 2)).toBe(labPredict(net, 'plain', 1, 2));
  });

  it('the weights JSON names the loss, the inputs with their units, the classes and the scaling', () => {
    const net = networkFor({ ...ARTICLE_ARCHITECTURE, loss: 'bce' }, ARTICLE_SHIFT);
    const json = JSON.parse(exportWeightsJson(net, METRIC)) as Record<string, unknown>;
    expect(json).toMatchObject({
      loss: 'Binary cross-entropy',
      inputs: [
        { name: 'weight', unit: 'kg', toTrainedUnits: 1 / 0.45359237 },
        { name: 'height', unit: 'cm', toTrainedUnits: 1 / 2.54 },
      ],
      classes: { '1': 'Female', '0': 'Male' },
      inputScaling: 'Article shift',
    });
    expect(json.note).toContain('x1 = (weight in kg * 2.2046226218487757 - offset[0]) / scale[0]');
    const plain = JSON.parse(exportWeightsJson(net, PENGUINS)) as Record<string, unknown>;
    expect(plain).toMatchObject({
      inputs: [{ name: 'body_mass_g' }, { name: 'Flipper length (mm)' }],
      classes: { '1': 'FEMALE', '0': 'MALE' },
      inputScaling: 'Standardize',
    });
  });
});

/** Node's spawnSync, reached without Node's global types (they would leak into src's checks). */
interface ChildProcess {
  spawnSync: (
    command: string,
    args: readonly string[],
    options?: { input?: string; encoding?: 'utf8' },
  ) => { status: number | null; stdout: string; stderr: string; error?: Error };
}
const { spawnSync } = (
  globalThis as unknown as { process: { getBuiltinModule(name: 'node:child_process'): ChildProcess } }
).process.getBuiltinModule('node:child_process');

const hasPython = spawnSync('python3', ['--version'], { encoding: 'utf8' }).status === 0;

/** Runs each exported Python text in its own namespace and returns predict's answers, as Python's repr. */
function runPython(cases: readonly { code: string; inputs: readonly (readonly [number, number])[] }[]) {
  const driver = [
    'import json, sys',
    'out = []',
    'for case in json.load(sys.stdin):',
    '    ns = {}',
    "    exec(case['code'], ns)",
    "    out.append([ns['predict'](*pair) for pair in case['inputs']])",
    'print(json.dumps(out))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', driver], { input: JSON.stringify(cases), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as number[][];
}

describe.runIf(hasPython)('the exported Python, run by python3', () => {
  it('agrees with Predict for every architecture, in lb/in, kg/cm and a file’s columns', () => {
    const inputs: Record<Measure, (readonly [number, number])[]> = {
      imperial: [
        [133, 65],
        [160, 72],
      ],
      metric: [
        [60.3, 165.1],
        [72.6, 182.9],
      ],
      plain: [
        [3750, 181],
        [5700, 220],
      ],
    };
    const terms: ExportTerms[] = [
      { measure: 'imperial', labels: null, scaling: 'article' },
      METRIC,
      PENGUINS,
    ];
    const cases = EVERY_ARCHITECTURE.flatMap((architecture, i) =>
      terms.map((term) => {
        const net = networkFor(architecture, term.measure === 'plain' ? STANDARDIZED : ARTICLE_SHIFT, i + 1);
        return { net, term, code: exportAsCode(net, 'python', term), inputs: inputs[term.measure] };
      }),
    );
    const answers = runPython(cases);
    cases.forEach(({ net, term, inputs: pairs }, i) => {
      pairs.forEach(([first, second], j) => {
        // Python's libm and V8 may round exp and tanh differently in the last digit.
        const expected = labPredict(net, term.measure, first, second);
        expect(Math.abs(answers[i]![j]! - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, expected));
      });
    });
    expect(answers).toHaveLength(EVERY_ARCHITECTURE.length * terms.length);
  });
});
