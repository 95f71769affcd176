/**
 * One Lighthouse 12 run against a URL in the system Chromium (scripts/chromium.ts; nothing is
 * downloaded), and the figures the bench reports from its result.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { defaultConfig, desktopConfig, type Config, type Result } from 'lighthouse';
import TraceGatherer from 'lighthouse/core/gather/gatherers/trace.js';
import { CHROMIUM_PATH, DIRECT_CHROMIUM_ARGS } from '../scripts/chromium';

export type FormFactor = 'mobile' | 'desktop';

export interface LighthouseFigures {
  readonly performance: number;
  readonly fcpMs: number;
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
  readonly speedIndexMs: number;
  readonly interactiveMs: number;
  readonly totalBytes: number;
  readonly domElements: number;
  readonly unusedJsBytes: number;
  readonly mainThreadMs: number;
  /** The LCP element as Lighthouse names it (a selector and a snippet). */
  readonly lcpElement: string;
}

export interface Chromium {
  readonly port: number;
  readonly close: () => Promise<void>;
}

/** Starts Chromium with a remote-debugging port of its choosing and a throwaway profile. */
export async function launchChromium(): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'lighthouse-bench-'));
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [...DIRECT_CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolvePort, reject) => {
    let log = '';
    const timer = setTimeout(
      () => reject(new Error(`Chromium did not open a debugging port:\n${log}`)),
      30_000,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(log);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${log}`)));
  });
  return {
    port,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function numeric(result: Result, audit: string): number {
  return result.audits[audit]?.numericValue ?? Number.NaN;
}

function lcpElement(result: Result): string {
  const details = result.audits['largest-contentful-paint-element']?.details as
    { items?: { items?: { node?: { selector?: string; snippet?: string } }[] }[] } | undefined;
  const node = details?.items?.[0]?.items?.[0]?.node;
  return node ? `${node.selector ?? ''} ${node.snippet ?? ''}`.trim() : '';
}

export function figuresOf(result: Result): LighthouseFigures {
  const unused = result.audits['unused-javascript']?.details as { overallSavingsBytes?: number } | undefined;
  return {
    performance: Math.round((result.categories['performance']?.score ?? Number.NaN) * 100),
    fcpMs: numeric(result, 'first-contentful-paint'),
    lcpMs: numeric(result, 'largest-contentful-paint'),
    tbtMs: numeric(result, 'total-blocking-time'),
    cls: numeric(result, 'cumulative-layout-shift'),
    speedIndexMs: numeric(result, 'speed-index'),
    interactiveMs: numeric(result, 'interactive'),
    totalBytes: numeric(result, 'total-byte-weight'),
    domElements: numeric(result, 'dom-size'),
    unusedJsBytes: unused?.overallSavingsBytes ?? 0,
    mainThreadMs: numeric(result, 'mainthread-work-breakdown'),
    lcpElement: lcpElement(result),
  };
}

/**
 * Chromium 156's PipelineReporter begin events no longer carry `chrome_frame_reporter`, and the trace
 * engine bundled with Lighthouse 12.2.3 reads `frame_sequence` from it unguarded: the throw fails its
 * TraceElements gatherer, so the `largest-contentful-paint-element` audit (what the LCP is) comes back
 * as an error. Dropping those reporter pairs only loses the engine's screenshot-time correction, which
 * no metric uses (they come from Lantern and the raw screenshots).
 */
class TraceWithoutBareFrameReporters extends TraceGatherer {
  override getArtifact(): ReturnType<TraceGatherer['getArtifact']> {
    const trace = super.getArtifact();
    const isReporter = (event: (typeof trace.traceEvents)[number]) => event.name === 'PipelineReporter';
    const bare = new Set(
      trace.traceEvents
        .filter((event) => isReporter(event) && event.ph === 'b' && !('chrome_frame_reporter' in event.args))
        .map((event) => event.id),
    );
    return {
      ...trace,
      traceEvents: trace.traceEvents.filter((event) => !(isReporter(event) && bare.has(event.id))),
    };
  }
}

/**
 * The preset's whole config (no `extends`: a merge cannot put a class where the default names a
 * gatherer by string) with that Trace gatherer in place of the default one.
 */
const withWorkingTraceElements = (preset: Config): Config => ({
  ...defaultConfig,
  ...preset,
  extends: undefined,
  settings: { ...defaultConfig.settings, ...preset.settings },
  artifacts: defaultConfig.artifacts?.map((artifact) =>
    artifact.id === 'Trace'
      ? { id: 'Trace', gatherer: { implementation: TraceWithoutBareFrameReporters } }
      : artifact,
  ),
});

/**
 * Lighthouse's performance category on `url`: mobile is its default (a mid-range phone, simulated
 * slow 4G and a 4x slower CPU); desktop is its desktop preset.
 */
export async function runLighthouse(url: string, port: number, form: FormFactor): Promise<Result> {
  const runner = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
    withWorkingTraceElements(form === 'desktop' ? desktopConfig : {}),
  );
  if (!runner) throw new Error(`Lighthouse returned no result for ${url}`);
  if (runner.lhr.runtimeError) throw new Error(`Lighthouse: ${runner.lhr.runtimeError.message}`);
  return runner.lhr;
}
