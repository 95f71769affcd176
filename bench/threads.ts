/**
 * Per-thread CPU time of this process's Chromium (Linux /proc only), so the browser bench can tell a
 * worker that is slow from a worker that did not get a core: the training worker's thread should be
 * busy ~100 % of the measured wall time at full speed. Also the machine's overall busy share, because
 * other jobs on a shared machine take cores too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Linux reports thread times in clock ticks; 100 per second on every common configuration. */
const TICKS_PER_SECOND = 100;

export interface ThreadTime {
  pid: number;
  tid: number;
  name: string;
  /** user + system CPU seconds so far */
  seconds: number;
}

export interface CpuSnapshot {
  at: number;
  threads: ThreadTime[];
  /** machine-wide busy and total jiffies (all cores), from /proc/stat */
  machineBusy: number;
  machineTotal: number;
}

export const cpuTimesAvailable = existsSync('/proc/self/task') && existsSync('/proc/stat');

function fieldsAfterName(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process or thread ended meanwhile
  }
}

/** Every process descended from `root` (Playwright's Chromium is a child of this Node process). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (stat) parentOf.set(Number(entry), Number(fieldsAfterName(stat)[1]));
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [pid, ppid] of parentOf) {
      if (ppid === parent) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

export function cpuSnapshot(): CpuSnapshot | null {
  if (!cpuTimesAvailable) return null;
  const threads: ThreadTime[] = [];
  for (const pid of descendants(process.pid)) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // it ended meanwhile
    }
    for (const tid of tids) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      const name = read(`/proc/${pid}/task/${tid}/comm`);
      if (!stat || name === null) continue;
      const fields = fieldsAfterName(stat);
      const ticks = Number(fields[11]) + Number(fields[12]);
      threads.push({ pid, tid: Number(tid), name: name.trim(), seconds: ticks / TICKS_PER_SECOND });
    }
  }
  const cpu = (read('/proc/stat') ?? '').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.slice(0, 8).reduce((s, v) => s + v, 0);
  return { at: Date.now(), threads, machineBusy: total - idle, machineTotal: total };
}

export interface CpuShares {
  /** the renderer's DedicatedWorker threads that ran (share of one core, 1 = 100 %) */
  workers: number[];
  /** the renderer's main thread */
  rendererMain: number;
  /** all of this Chromium's threads together, in cores */
  chromiumCores: number;
  /** the whole machine's busy share, all cores (0..1) */
  machineBusy: number;
}

/** CPU shares between two snapshots. The renderer is the process that has DedicatedWorker threads. */
export function cpuShares(from: CpuSnapshot | null, to: CpuSnapshot | null): CpuShares | null {
  if (!from || !to) return null;
  const wall = (to.at - from.at) / 1000;
  const before = new Map(from.threads.map((t) => [t.tid, t.seconds]));
  const used = to.threads.map((t) => ({ ...t, used: t.seconds - (before.get(t.tid) ?? t.seconds) }));
  const workerThreads = used.filter((t) => t.name.startsWith('DedicatedWorker'));
  const renderer = workerThreads[0]?.pid;
  return {
    workers: workerThreads.map((t) => t.used / wall).sort((a, b) => b - a),
    rendererMain: (used.find((t) => t.tid === renderer)?.used ?? Number.NaN) / wall,
    chromiumCores: used.reduce((s, t) => s + t.used, 0) / wall,
    machineBusy: (to.machineBusy - from.machineBusy) / Math.max(1, to.machineTotal - from.machineTotal),
  };
}
