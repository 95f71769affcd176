/**
 * The layers hold because lint says so: the project's own ESLint config (the one `npm run lint` runs)
 * lints a few imports as if they were written in real files, and its boundaries rule must name the
 * wrong ones and leave the right ones alone.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LINT_TIMEOUT = 120_000;

let eslint: ESLint;
beforeAll(() => {
  // Only the boundaries rule is asked about, and it needs no types: without the type-aware parse (a
  // TypeScript program of the whole project, 10 s of a 2-core machine) the config is otherwise the project's.
  eslint = new ESLint({
    cwd: ROOT,
    ruleFilter: ({ ruleId }) => ruleId.startsWith('boundaries/'),
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  });
});

/** The boundary messages ESLint reports for `code` written in `filePath` (an existing file of the repo). */
async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((message) => message.ruleId?.startsWith('boundaries/'))
    .map((m) => m.message);
}

describe('the layers rule', () => {
  it(
    'fails core importing the store',
    async () => {
      const messages = await boundaryMessages(
        'src/core/settings.ts',
        "import { useLab } from '../store/labStore';\nexport const lab = useLab;\n",
      );
      expect(messages).toEqual([expect.stringContaining('core may import only the layers below it')]);
    },
    LINT_TIMEOUT,
  );

  it(
    'fails a figure importing another figure, and shared UI importing a figure',
    async () => {
      const fromFigure = await boundaryMessages(
        'src/components/LossLandscape/LossLandscape.tsx',
        "import { fillOutputGrid } from '../DecisionBoundary/grid';\nexport const grid = fillOutputGrid;\n",
      );
      expect(fromFigure).toEqual([expect.stringContaining('never another figure')]);
      const fromShared = await boundaryMessages(
        'src/components/common/usePlaneWords.ts',
        "import { fillOutputGrid } from '../DecisionBoundary/grid';\nexport const grid = fillOutputGrid;\n",
      );
      expect(fromShared).toEqual([expect.stringContaining('shared-ui may import only the layers below it')]);
    },
    LINT_TIMEOUT,
  );

  it(
    'fails viz importing components, and the store importing viz',
    async () => {
      const fromViz = await boundaryMessages(
        'src/viz/countWord.ts',
        "import { formatLoss } from '../components/format';\nexport const format = formatLoss;\n",
      );
      expect(fromViz).toEqual([expect.stringContaining('viz may import only the layers below it')]);
      const fromStore = await boundaryMessages(
        'src/store/derived.ts',
        "import { countWord } from '../viz/countWord';\nexport const words = countWord;\n",
      );
      expect(fromStore).toEqual([expect.stringContaining('store may import only the layers below it')]);
    },
    LINT_TIMEOUT,
  );

  it(
    'lets a figure import its own folder, shared UI, viz, the store and core',
    async () => {
      const messages = await boundaryMessages(
        'src/components/LossLandscape/LossLandscape.tsx',
        [
          "import { landscapeLayout } from './layout';",
          "import { usePlaneWords } from '../common/usePlaneWords';",
          "import { Term } from '../Glossary/Term';",
          "import { formatLoss } from '../format';",
          "import { countWord } from '../../viz/countWord';",
          "import { useLab } from '../../store/labStore';",
          "import { DEFAULT_SETTINGS } from '../../core/settings';",
          'export const all = [landscapeLayout, usePlaneWords, Term, formatLoss, countWord, useLab, DEFAULT_SETTINGS];',
          '',
        ].join('\n'),
      );
      expect(messages).toEqual([]);
    },
    LINT_TIMEOUT,
  );

  it(
    'lets the store import the worker protocol and core',
    async () => {
      const messages = await boundaryMessages(
        'src/store/derived.ts',
        [
          "import type { RunStatus } from '../worker/protocol';",
          "import { DEFAULT_SETTINGS } from '../core/settings';",
          'export const status: RunStatus | null = null;',
          'export const settings = DEFAULT_SETTINGS;',
          '',
        ].join('\n'),
      );
      expect(messages).toEqual([]);
    },
    LINT_TIMEOUT,
  );
});
