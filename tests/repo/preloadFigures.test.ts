/**
 * The built page starts fetching the first screen's figures with its own scripts (their chunks are
 * split off, so without a hint the fetch would start only after the entry has run), and a phone,
 * whose first screen is the Loss curve, is not asked to fetch the other figures' code early.
 */
import type { IndexHtmlTransformContext, IndexHtmlTransformHook, HtmlTagDescriptor } from 'vite';
import { describe, expect, it } from 'vitest';
import { preloadFirstScreenFigures } from '../../vite.config';

function chunk(fileName: string, facadeModuleId: string | null, imports: string[] = [], css: string[] = []) {
  return {
    type: 'chunk' as const,
    fileName,
    facadeModuleId,
    imports,
    viteMetadata: { importedCss: new Set(css), importedAssets: new Set<string>() },
  };
}

const BUNDLE = Object.fromEntries(
  [
    chunk('assets/index-1.js', '/lab/src/main.tsx', ['assets/react-1.js']),
    chunk('assets/react-1.js', null),
    chunk('assets/scale-1.js', null),
    chunk(
      'assets/LossChart-1.js',
      '/lab/src/components/LossChart/LossChart.tsx',
      ['assets/scale-1.js'],
      ['assets/LossChart-1.css'],
    ),
    chunk('assets/DecisionBoundary-1.js', '/lab/src/components/DecisionBoundary/DecisionBoundary.tsx', [
      'assets/scale-1.js',
      'assets/react-1.js',
    ]),
    chunk('assets/NetworkDiagram-1.js', '/lab/src/components/NetworkDiagram/NetworkDiagram.tsx'),
    chunk('assets/MathView-1.js', '/lab/src/components/MathView/MathView.tsx'),
  ].map((output) => [output.fileName, output]),
);

const HTML =
  '<script type="module" src="/assets/index-1.js"></script><link rel="modulepreload" href="/assets/react-1.js">';

function tags(): HtmlTagDescriptor[] {
  const hook = preloadFirstScreenFigures().transformIndexHtml as { handler: IndexHtmlTransformHook };
  const context = {
    path: '/index.html',
    filename: 'index.html',
    bundle: BUNDLE,
  } as unknown as IndexHtmlTransformContext;
  return hook.handler.call({} as never, HTML, context) as HtmlTagDescriptor[];
}

const linkTo = (file: string) => tags().find((tag) => tag.attrs?.['href'] === `/${file}`);

describe('the first screen figures are preloaded from the page', () => {
  it('links the Loss curve and the Decision boundary with the chunks and stylesheets they import', () => {
    expect(linkTo('assets/LossChart-1.js')?.attrs).toMatchObject({ rel: 'modulepreload' });
    expect(linkTo('assets/DecisionBoundary-1.js')?.attrs).toMatchObject({ rel: 'modulepreload' });
    expect(linkTo('assets/scale-1.js')?.attrs).toMatchObject({ rel: 'modulepreload' });
    expect(linkTo('assets/LossChart-1.css')?.attrs).toMatchObject({ rel: 'preload', as: 'style' });
  });

  it('links the Network and the Decision boundary only for screens wider than a phone', () => {
    expect(linkTo('assets/NetworkDiagram-1.js')?.attrs?.['media']).toBe('(min-width: 700px)');
    expect(linkTo('assets/DecisionBoundary-1.js')?.attrs?.['media']).toBe('(min-width: 700px)');
    expect(linkTo('assets/LossChart-1.js')?.attrs?.['media']).toBeUndefined();
    // What the Loss curve needs too is linked for every screen.
    expect(linkTo('assets/scale-1.js')?.attrs?.['media']).toBeUndefined();
  });

  it('leaves out what the page loads already and what the first screen does not show', () => {
    expect(linkTo('assets/react-1.js')).toBeUndefined();
    expect(linkTo('assets/MathView-1.js')).toBeUndefined();
    expect(tags().filter((tag) => tag.attrs?.['href'] === '/assets/scale-1.js')).toHaveLength(1);
  });
});
