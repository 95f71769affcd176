/**
 * Lighthouse 12.2.3 on the built app (dist/, `npm run bench` builds first) served with gzip
 * (gzipServer.ts), in the system Chromium: the mobile preset (simulated slow 4G, 4x slower CPU) 5 times
 * and the desktop preset 3 times; the medians of performance, FCP, LCP, TBT, CLS, Speed Index, bytes,
 * DOM elements and unused JavaScript. Budget (mobile): performance >= 95, LCP < 1.5 s, TBT < 150 ms,
 * DOM < 1,500 elements.
 *
 * Simulated throttling scales the timings of a trace it records on this machine, so a loaded machine
 * inflates TBT: the load average is printed with the figures. To compare two builds under the same
 * load, set LIGHTHOUSE_BASELINE to another build's directory: runs then alternate between the two.
 * LIGHTHOUSE_RUNS and LIGHTHOUSE_DESKTOP_RUNS set the run counts. Nothing is asserted about speed.
 * Alone: `npx vitest run --config vitest.bench.config.ts bench/lighthouse.bench-run.ts`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Result } from 'lighthouse';
import { expect, test } from 'vitest';
import { serveGzipped, type StaticServer } from './gzipServer';
import {
  figuresOf,
  launchChromium,
  runLighthouse,
  type FormFactor,
  type LighthouseFigures,
} from './lighthouseRun';
import { count, fixed, median, RESULTS_DIR, ROOT_DIR, saveResult, table } from './report';
import { machineTimes, stealShare } from './threads';

const MOBILE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const DESKTOP_RUNS = Number(process.env.LIGHTHOUSE_DESKTOP_RUNS ?? 3);
const BASELINE_DIR = process.env.LIGHTHOUSE_BASELINE;
/** A run takes 20-60 s, longer on a loaded machine; the test waits for however many were asked. */
const TIMEOUT_MS = 120_000 * (MOBILE_RUNS + DESKTOP_RUNS) * (BASELINE_DIR ? 2 : 1);

interface Build {
  readonly name: string;
  readonly server: StaticServer;
  readonly runs: { form: FormFactor; figures: LighthouseFigures; result: Result }[];
}

const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');

function medianFigures(runs: readonly LighthouseFigures[]): LighthouseFigures {
  const of = (key: Exclude<keyof LighthouseFigures, 'lcpElement'>) => median(runs.map((run) => run[key]));
  return {
    performance: of('performance'),
    fcpMs: of('fcpMs'),
    lcpMs: of('lcpMs'),
    tbtMs: of('tbtMs'),
    cls: of('cls'),
    speedIndexMs: of('speedIndexMs'),
    interactiveMs: of('interactiveMs'),
    totalBytes: of('totalBytes'),
    domElements: of('domElements'),
    unusedJsBytes: of('unusedJsBytes'),
    mainThreadMs: of('mainThreadMs'),
    lcpElement: runs[0]?.lcpElement ?? '',
  };
}

const seconds = (ms: number) => `${fixed(ms / 1000, 2)} s`;
const kB = (bytes: number) => `${fixed(bytes / 1000, 1)} kB`;

function row(label: string, figures: LighthouseFigures): string[] {
  return [
    label,
    count(figures.performance),
    seconds(figures.fcpMs),
    seconds(figures.lcpMs),
    `${count(figures.tbtMs)} ms`,
    fixed(figures.cls, 3),
    seconds(figures.speedIndexMs),
    kB(figures.totalBytes),
    count(figures.domElements),
    kB(figures.unusedJsBytes),
    `${count(figures.mainThreadMs)} ms`,
  ];
}

const HEADER = ['run', 'perf', 'FCP', 'LCP', 'TBT', 'CLS', 'SI', 'bytes', 'DOM', 'unused JS', 'main thread'];

/** The audits that cost the most, from one run: what to work on next. */
function opportunities(result: Result): string[] {
  return Object.values(result.audits)
    .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative')
    .map((audit) => `${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ''}`);
}

test(
  'Lighthouse, mobile and desktop, the build served with gzip',
  async () => {
    const distDir = resolve(ROOT_DIR, 'dist');
    expect(existsSync(resolve(distDir, 'index.html')), 'run `vite build` first').toBe(true);
    const builds: Build[] = [{ name: 'dist', server: await serveGzipped(distDir), runs: [] }];
    if (BASELINE_DIR) builds.push({ name: 'baseline', server: await serveGzipped(BASELINE_DIR), runs: [] });
    const chromium = await launchChromium();
    const loadBefore = load();
    const machineBefore = machineTimes();
    try {
      // Alternating builds run by run, so both see the same load.
      const plan: FormFactor[] = [
        ...Array.from({ length: MOBILE_RUNS }, () => 'mobile' as const),
        ...Array.from({ length: DESKTOP_RUNS }, () => 'desktop' as const),
      ];
      for (const form of plan) {
        for (const build of builds) {
          const result = await runLighthouse(build.server.url, chromium.port, form);
          build.runs.push({ form, figures: figuresOf(result), result });
        }
      }
    } finally {
      await chromium.close();
      for (const build of builds) await build.server.close();
    }
    const loadAfter = load();
    const steal = stealShare(machineBefore, machineTimes());

    const summary: Record<string, unknown> = { loadBefore, loadAfter };
    const lines: string[][] = [HEADER];
    for (const form of ['mobile', 'desktop'] as const) {
      for (const build of builds) {
        const runs = build.runs.filter((run) => run.form === form);
        if (runs.length === 0) continue;
        runs.forEach((run, index) => lines.push(row(`${build.name} ${form} #${index + 1}`, run.figures)));
        const medians = medianFigures(runs.map((run) => run.figures));
        lines.push(row(`${build.name} ${form} median`, medians));
        summary[`${build.name}-${form}`] = { median: medians, runs: runs.map((run) => run.figures) };
      }
    }
    console.log(
      `\n${table(
        `Lighthouse ${builds[0]!.runs[0]!.result.lighthouseVersion}, served with gzip (load average 1/5/15 min: ${loadBefore} before, ${loadAfter} after; ${fixed(100 * steal, 0)} % of the machine's time stolen by the host meanwhile)`,
        lines,
      )}`,
    );
    const mobile = builds[0]!.runs.filter((run) => run.form === 'mobile');
    const medianRun = [...mobile].sort((a, b) => a.figures.performance - b.figures.performance)[
      mobile.length >> 1
    ]!;
    console.log(`mobile LCP element: ${medianRun.figures.lcpElement}`);
    console.log(`mobile audits under 0.9 (median run):\n  ${opportunities(medianRun.result).join('\n  ')}\n`);
    console.log('budget (mobile): performance >= 95, LCP < 1.5 s, TBT < 150 ms, DOM < 1,500 elements');
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(resolve(RESULTS_DIR, 'lighthouse-mobile.json'), JSON.stringify(medianRun.result, null, 1));
    saveResult('lighthouse', summary);
    expect(mobile.length).toBe(MOBILE_RUNS);
  },
  TIMEOUT_MS,
);
