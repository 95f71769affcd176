import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers, lowest first: each may import only those below it. Shared UI (components/common, the
 * Glossary and components/*.ts) sits under the figures; a figure's folder never imports another's.
 */
const LAYERS = ['core', 'worker', 'store', 'viz', 'shared-ui', 'figure', 'app'];
const above = (layer) => LAYERS.slice(LAYERS.indexOf(layer) + 1);

const layerBoundaries = {
  files: ['src/**/*.{ts,tsx}'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    // First match wins: the shared UI folders before the figure pattern that would also match them.
    'boundaries/elements': [
      { type: 'core', pattern: 'src/core/**', partialMatch: false },
      { type: 'worker', pattern: 'src/worker/**', partialMatch: false },
      { type: 'store', pattern: 'src/store/**', partialMatch: false },
      { type: 'viz', pattern: 'src/viz/**', partialMatch: false },
      {
        type: 'shared-ui',
        pattern: ['src/components/common/**', 'src/components/Glossary/**'],
        partialMatch: false,
      },
      { type: 'figure', pattern: 'src/components/*/**', partialMatch: false, capture: ['figure'] },
      { type: 'shared-ui', pattern: 'src/components', partialMatch: false },
      { type: 'app', pattern: 'src/app/**', partialMatch: false },
    ],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'allow',
        policies: [
          ...LAYERS.map((layer) => ({
            from: { element: { type: layer } },
            disallow: { to: { element: { types: { anyOf: above(layer) } } } },
            message: `${layer} may import only the layers below it (${LAYERS.join(' <- ')})`,
          })),
          {
            from: { element: { type: 'figure' } },
            disallow: {
              to: { element: { type: 'figure', captured: { figure: '!{{ from.captured.figure }}' } } },
            },
            message:
              'a figure imports lower layers and shared UI only, never another figure: move the shared part to src/viz or src/components/common',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'test-results', 'playwright-report', 'eslint.config.js'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // A file does one thing: past 400 lines it is doing several; split it by what they are.
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
  layerBoundaries,
  {
    files: ['bench/**', 'scripts/**', 'tests/e2e/**'],
    rules: { 'no-console': 'off' },
  },
);
