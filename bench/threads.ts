/**
 * Per-thread CPU time of this process's Chromium (Linux /proc only), so the browser bench can tell a
 * worker that is slow from a worker that did not get a core: the training worker's thread should be
 * busy ~100 % of the measured wall time at full speed. Also the machine's overall busy share, because
 * other jobs on a shared machine take cores too, and the share the hypervisor gave to other guests
 * (steal): on the 2-core virtual machine of 2026-12-03 a page load saw 39 % of the machine's time stolen,
 * and every wall-clock figure (fps, Lighthouse's TBT) moved with it.
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

/** The machine's CPU time so far in jiffies, all cores, from /proc/stat. */
export interface MachineTimes {
  /** run by this machine's own processes (user, nice, system, interrupts) */
  busy: number;
  /** taken by the hypervisor for other guests while this machine had work (steal) */
  steal: number;
  total: number;
}

export interface CpuSnapshot {
  at: number;
  threads: ThreadTime[];
  machine: MachineTimes;
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
  return { at: Date.now(), threads, machine: machineTimes() ?? { busy: 0, steal: 0, total: 0 } };
}

export function machineTimes(): MachineTimes | null {
  const line = read('/proc/stat')?.split('\n')[0];
  if (!line) return null;
  // user nice system idle iowait irq softirq steal
  const cpu = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = cpu;
  return {
    busy: user + nice + system + irq + softirq,
    steal,
    total: user + nice + system + idle + iowait + irq + softirq + steal,
  };
}

/** The share of the machine's time stolen by the hypervisor between two readings (0..1; NaN without /proc). */
export function stealShare(from: MachineTimes | null, to: MachineTimes | null): number {
  if (!from || !to || to.total <= from.total) return Number.NaN;
  return (to.steal - from.steal) / (to.total - from.total);
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
  /** the share of the machine's time the hypervisor gave to other guests (0..1) */
  machineSteal: number;
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
    machineBusy: (to.machine.busy - from.machine.busy) / Math.max(1, to.machine.total - from.machine.total),
    machineSteal: stealShare(from.machine, to.machine),
  };
}
