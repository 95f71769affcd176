/**
 * Frames and long tasks recorded inside a page, by page-clock time, for the benches that measure the page
 * while it trains (large.bench-run.ts, throttled.bench-run.ts): an init script, and the numbers of a window.
 */
import type { CDPSession, Page } from 'playwright-core';
import { percentile } from './report';

/** Every animation frame and long task, page-clock times; and when a click lands and Play shows. */
export const FRAME_PROBE = `
window.__large = { frames: [], long: [], clickAt: 0, playAt: 0 };
(function onFrame(t) { window.__large.frames.push(t); requestAnimationFrame(onFrame); })(0);
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__large.long.push([e.startTime, e.duration]);
}).observe({ type: 'longtask', buffered: true });
`;

export interface FrameWindow {
  fps: number;
  p95Ms: number;
  longTasks: number;
  longestMs: number;
  /**
   * The page's main thread per frame painted: CPU time (CDP ThreadTime, which other processes' load
   * hardly moves) and task time (TaskDuration). Only windows measured with a CDP session have them.
   */
  cpuMsPerFrame?: number;
  taskMsPerFrame?: number;
  frames?: number;
}

export const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** Frames and long tasks between two page-clock times. */
export async function windowStats(page: Page, from: number, to: number): Promise<FrameWindow> {
  const { frames, long } = await page.evaluate(
    ({ a, b }) => {
      const record = (window as unknown as { __large: { frames: number[]; long: [number, number][] } })
        .__large;
      return {
        frames: record.frames.filter((t) => t >= a && t <= b),
        long: record.long.filter(([at]) => at >= a && at <= b).map(([, d]) => d),
      };
    },
    { a: from, b: to },
  );
  const deltas = frames.slice(1).map((t, i) => t - frames[i]!);
  return {
    frames: frames.length,
    fps: (frames.length * 1000) / (to - from),
    p95Ms: percentile(deltas, 95),
    longTasks: long.length,
    longestMs: Math.max(0, ...long),
  };
}

export async function measureFor(page: Page, ms: number): Promise<FrameWindow> {
  const from = await pageNow(page);
  await page.waitForTimeout(ms);
  return windowStats(page, from, await pageNow(page));
}

/** The main thread's CPU and task time so far, seconds (CDP Performance metrics). */
async function threadTimes(cdp: CDPSession): Promise<{ cpu: number; task: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { cpu: metric('ThreadTime'), task: metric('TaskDuration') };
}

/** measureFor, with the main thread's CPU and task time per frame (Performance.enable sent on `cdp`). */
export async function measureWithCpu(page: Page, cdp: CDPSession, ms: number): Promise<FrameWindow> {
  const before = await threadTimes(cdp);
  const window = await measureFor(page, ms);
  const after = await threadTimes(cdp);
  const frames = Math.max(1, window.frames ?? 0);
  return {
    ...window,
    cpuMsPerFrame: ((after.cpu - before.cpu) * 1000) / frames,
    taskMsPerFrame: ((after.task - before.task) * 1000) / frames,
  };
}
