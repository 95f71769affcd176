/**
 * What the browser bench records inside the page (an init script and a wrapper around the app's
 * training worker) and how it turns the records into numbers. See browser.bench-run.ts.
 */
import { plainTrain } from './plainLoop';
import { percentile } from './report';

/**
 * Installed before the app loads. Records, with wall-clock times: every animation frame, every long task,
 * the `Training status` text every 100 ms, when the run button first reads "Pause", and every time the
 * Decision boundary paints its heatmap (putImageData on a canvas inside that figure). It also wraps
 * `Worker` so the app's training worker starts behind a small module that notes each frame it posts
 * (epoch, its own epochs/s) in `self.__bench` and then imports the real worker unchanged.
 */
export const PAGE_PROBE = `
(() => {
  const clock = () => performance.timeOrigin + performance.now();
  const state = { frames: [], long: [], samples: [], planeDraws: [], pauseShownAt: 0, longtaskSupported: true };
  const putImageData = CanvasRenderingContext2D.prototype.putImageData;
  CanvasRenderingContext2D.prototype.putImageData = function (...args) {
    const inPlane = this.canvas.closest && this.canvas.closest('[aria-label="Decision boundary"]');
    if (inPlane && state.planeDraws.length < 100000) state.planeDraws.push(clock());
    return putImageData.apply(this, args);
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.long.push({ at: performance.timeOrigin + e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    state.longtaskSupported = false;
  }
  const onFrame = (t) => {
    if (state.frames.length < 200000) state.frames.push(performance.timeOrigin + t);
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  // text nodes joined by spaces: textContent would glue "Loss 0.00123" to "1,234 epochs/s"
  const statusText = () => {
    const region = document.querySelector('[aria-label="Training status"]');
    if (!region) return '';
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    const parts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue);
    return parts.join(' ');
  };
  setInterval(() => {
    if (state.samples.length < 100000) state.samples.push({ at: clock(), text: statusText() });
  }, 100);
  new MutationObserver(() => {
    if (state.pauseShownAt) return;
    for (const b of document.querySelectorAll('button')) {
      if (b.textContent.trim() === 'Pause') { state.pauseShownAt = clock(); return; }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      const href = new URL(String(url), location.href).href;
      if (options && options.type === 'module' && /training\\.worker/.test(href)) {
        const wrapper = [
          'self.__bench = { frames: [] };',
          'const post = self.postMessage.bind(self);',
          'self.postMessage = (message, transfer) => {',
          '  if (message && message.type === "frame") {',
          '    self.__bench.frames.push([performance.timeOrigin + performance.now(), message.live.epoch,',
          '      message.live.epochsPerSecond, message.count, message.status === "running" ? 1 : 0]);',
          '  }',
          '  return post(message, transfer);',
          '};',
          // Commands the page sends while the real worker is still loading would find no handler
          // (this wrapper's top-level await lets them through first): keep them and hand them on.
          'const early = [];',
          'self.onmessage = (event) => early.push(event);',
          'await import(' + JSON.stringify(href) + ');',
          'for (const event of early) self.onmessage(event);',
        ].join('\\n');
        super(URL.createObjectURL(new Blob([wrapper], { type: 'text/javascript' })), options);
      } else {
        super(url, options);
      }
    }
  };
  window.__bench = {
    read: () => ({ frames: state.frames, long: state.long, samples: state.samples, pauseShownAt: state.pauseShownAt,
                   planeDraws: state.planeDraws, longtaskSupported: state.longtaskSupported }),
    heap() {
      const m = performance.memory;
      return m ? { used: m.usedJSHeapSize, total: m.totalJSHeapSize } : null;
    },
    statusText,
  };
})();
`;

/** The Blob worker: plainTrain verbatim, a bit-exactness run, a warm-up, then timed chunks. */
export function plainWorkerSource(): string {
  return `${plainTrain.toString()}
self.onmessage = (event) => {
  const { inputs, targets, count, rate, start, verifyEpochs, warmupMs, measureMs } = event.data;
  const verifyParams = Float64Array.from(start);
  const verifyLossSum = plainTrain(verifyParams, inputs, targets, count, rate, verifyEpochs);
  const params = Float64Array.from(start);
  let chunk = 20000;
  let t = performance.now();
  const warmEnd = t + warmupMs;
  while (performance.now() < warmEnd) plainTrain(params, inputs, targets, count, rate, chunk);
  // chunks of ~50 ms, so the clock is read rarely
  t = performance.now();
  plainTrain(params, inputs, targets, count, rate, chunk);
  chunk = Math.max(1000, Math.round(chunk * 50 / Math.max(1, performance.now() - t)));
  const chunkRates = [];
  let epochs = 0;
  let sink = 0;
  const begin = performance.now();
  let now = begin;
  while (now - begin < measureMs) {
    const c0 = now;
    sink += plainTrain(params, inputs, targets, count, rate, chunk);
    now = performance.now();
    epochs += chunk;
    chunkRates.push(chunk * 1000 / (now - c0));
  }
  self.postMessage({ epochs, ms: now - begin, chunk, chunkRates, sink, verifyParams, verifyLossSum });
};`;
}

export interface PlainResult {
  epochs: number;
  ms: number;
  chunk: number;
  chunkRates: number[];
  sink: number;
  verifyParams: Float64Array;
  verifyLossSum: number;
}

export interface PageRecord {
  planeDraws: number[];
  frames: number[];
  long: { at: number; duration: number }[];
  samples: { at: number; text: string }[];
  pauseShownAt: number;
  longtaskSupported: boolean;
}

/** [wall-clock ms, epoch, worker's own epochs/s, epochs in the frame, running 1/0] per posted frame */
export type WorkerFrame = [number, number, number, number, number];

export function parseStatus(text: string): { epoch: number; rate: number } {
  const epoch = /Epoch\s*:?\s*(\d[\d,]*)/.exec(text);
  const rate = /(\d[\d,]*)\s*epochs\/s/.exec(text);
  return {
    epoch: epoch?.[1] ? Number(epoch[1].replaceAll(',', '')) : Number.NaN,
    rate: rate?.[1] ? Number(rate[1].replaceAll(',', '')) : Number.NaN,
  };
}

/** Animation-frame deltas of the frames that fell inside [from, to]. */
export function frameStats(stamps: readonly number[], from: number, to: number) {
  const inside = stamps.filter((t) => t >= from && t <= to);
  const deltas = inside.slice(1).map((t, i) => t - inside[i]!);
  const mean = deltas.reduce((s, d) => s + d, 0) / Math.max(1, deltas.length);
  return {
    count: deltas.length,
    fps: (inside.length * 1000) / (to - from),
    meanMs: mean,
    p50Ms: percentile(deltas, 50),
    p95Ms: percentile(deltas, 95),
    maxMs: deltas.length ? Math.max(...deltas) : Number.NaN,
    over20Ms: deltas.filter((d) => d > 20).length,
    /** the longest stretch inside the window with no frame at all (start or end gaps included) */
    longestGapMs: Math.max(0, ...[from, ...inside, to].slice(1).map((t, i) => t - [from, ...inside][i]!)),
  };
}

export function longTaskStats(long: readonly { at: number; duration: number }[], from: number, to: number) {
  const inside = long.filter((l) => l.at >= from && l.at <= to);
  const durations = inside.map((l) => l.duration);
  return {
    count: inside.length,
    maxMs: durations.length ? Math.max(...durations) : 0,
    totalMs: durations.reduce((s, d) => s + d, 0),
    share: durations.reduce((s, d) => s + d, 0) / (to - from),
  };
}

/**
 * How often something redrew inside [from, to] (the Decision boundary's heatmap): redraws per second,
 * and the p95 and longest gap between two redraws (edges of the window included).
 */
export function redrawStats(stamps: readonly number[], from: number, to: number) {
  const inside = stamps.filter((t) => t >= from && t <= to);
  const edges = [from, ...inside, to];
  const gaps = edges.slice(1).map((t, i) => t - edges[i]!);
  return {
    count: inside.length,
    perSecond: (inside.length * 1000) / (to - from),
    p95GapMs: percentile(gaps, 95),
    longestGapMs: Math.max(...gaps),
  };
}
