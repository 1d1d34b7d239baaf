// CPU and memory of processes from /proc (Linux): utime+stime ticks and VmRSS, sampled on an interval.
// The benchmark samples every service replica, nats-server, FerretDB and itself (the scanner and observers).
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { slopeOf } from '../stats/percentile.util';

export interface WatchedProcess {
  name: string;
  pid: number;
}

export interface ProcessSample {
  /** ms since the sampler started */
  t: number;
  /** CPU seconds used since the previous sample, as a share of one core (1 = one core busy). */
  cpu: number;
  rssMb: number;
}

export interface ProcessUsage {
  name: string;
  pid: number;
  /** CPU seconds used while sampled. */
  cpuSeconds: number;
  /** Mean share of one core over the sampled window (1.0 = one full core). */
  cpuCores: number;
  rssStartMb: number;
  rssEndMb: number;
  rssPeakMb: number;
  /** RSS growth over the second half of the window, MB per minute (flat memory is ~0). */
  rssSlopeMbPerMin: number;
  samples: ProcessSample[];
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of a process in seconds, or undefined when it is gone. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm may contain spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return undefined;
  }
}

export function rssMbOf(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Busy and total CPU seconds of the whole machine since boot (all cores), from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: (total - idle) / clockTicks(), total: total / clockTicks() };
  } catch {
    return undefined;
  }
}

/** Child processes of `parent` whose command name is one of `names` (nats-server, ferretdb started by startInfra). */
export function childProcesses(parent: number, names: readonly string[]): WatchedProcess[] {
  const found: WatchedProcess[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && names.some((name) => comm.startsWith(name.slice(0, 15)))) found.push({ name: comm, pid: Number(entry) });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Samples processes every intervalMs until stop(); works for any process whose /proc entry is readable. */
/** Name of the pseudo-process for CPU used on the machine by anything not sampled (other users, the kernel). */
export const OTHER_LOAD = '(rest of machine)';

export class ProcessSampler {
  private machineStart?: { busy: number; total: number };
  private readonly series = new Map<WatchedProcess, ProcessSample[]>();
  private readonly first = new Map<WatchedProcess, number>();
  private readonly last = new Map<WatchedProcess, { t: number; cpu: number }>();
  private timer?: NodeJS.Timeout;
  private started = 0;

  constructor(
    private readonly processes: WatchedProcess[],
    private readonly intervalMs = 1_000,
  ) {}

  start(): this {
    this.started = Date.now();
    this.machineStart = machineCpuSeconds();
    for (const proc of this.processes) {
      const cpu = cpuSecondsOf(proc.pid);
      this.series.set(proc, []);
      if (cpu === undefined) continue;
      this.first.set(proc, cpu);
      this.last.set(proc, { t: this.started, cpu });
      const rss = rssMbOf(proc.pid);
      if (rss !== undefined) this.series.get(proc)?.push({ t: 0, cpu: 0, rssMb: rss });
    }
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  private sample(): void {
    const now = Date.now();
    for (const proc of this.processes) {
      const cpu = cpuSecondsOf(proc.pid);
      const rss = rssMbOf(proc.pid);
      const previous = this.last.get(proc);
      if (cpu === undefined || rss === undefined || !previous) continue;
      const share = now > previous.t ? (cpu - previous.cpu) / ((now - previous.t) / 1000) : 0;
      this.series.get(proc)?.push({ t: now - this.started, cpu: share, rssMb: rss });
      this.last.set(proc, { t: now, cpu });
    }
  }

  stop(): ProcessUsage[] {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const elapsed = (Date.now() - this.started) / 1000;
    const usages = this.processes.map((proc) => {
      const samples = this.series.get(proc) ?? [];
      const cpuSeconds = (this.last.get(proc)?.cpu ?? 0) - (this.first.get(proc) ?? 0);
      const rss = samples.map((s) => s.rssMb);
      const secondHalf = samples.filter((s) => s.t >= (samples.at(-1)?.t ?? 0) / 2);
      return {
        name: proc.name,
        pid: proc.pid,
        cpuSeconds,
        cpuCores: elapsed > 0 ? cpuSeconds / elapsed : 0,
        rssStartMb: rss[0] ?? Number.NaN,
        rssEndMb: rss.at(-1) ?? Number.NaN,
        rssPeakMb: rss.length ? Math.max(...rss) : Number.NaN,
        rssSlopeMbPerMin: slopeOf(secondHalf.map((s) => [s.t / 60_000, s.rssMb] as const)),
        samples,
      };
    });
    // CPU the machine spent on anything else meanwhile: other users' work skews every figure of this run.
    const machineEnd = machineCpuSeconds();
    if (this.machineStart && machineEnd) {
      const ours = usages.reduce((sum, usage) => sum + usage.cpuSeconds, 0);
      const rest = Math.max(0, machineEnd.busy - this.machineStart.busy - ours);
      usages.push({ name: OTHER_LOAD, pid: 0, cpuSeconds: rest, cpuCores: elapsed > 0 ? rest / elapsed : 0, rssStartMb: Number.NaN, rssEndMb: Number.NaN, rssPeakMb: Number.NaN, rssSlopeMbPerMin: Number.NaN, samples: [] });
    }
    return usages;
  }
}
