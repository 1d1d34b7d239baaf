// Summarizes a V8 CPU profile (.cpuprofile, from node --cpu-prof or the inspector) into the functions that
// used the most time themselves, with their file and line: the evidence the report quotes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  /** functionName file:line (1-based), paths relative to the repository. */
  where: string;
  /** Share of all samples spent in this function itself. */
  selfShare: number;
  selfMs: number;
}

export interface HotFile {
  file: string;
  selfShare: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Share of samples where the process was idle (waiting on I/O). */
  idleShare: number;
  gcShare: number;
  top: HotFunction[];
  /** Self time grouped by source file (node_modules packages grouped by package). */
  files: HotFile[];
}

function fileOf(url: string, root: string): string {
  if (!url) return '(native)';
  const path = url.startsWith('file://') ? url.slice(7) : url;
  const nodeModules = path.lastIndexOf('/node_modules/');
  if (nodeModules !== -1) {
    const rest = path.slice(nodeModules + 14).split('/');
    return `node_modules/${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (path.startsWith('node:') || !path.startsWith('/')) return path;
  return relative(root, path);
}

/** Self time per function and per file; `root` makes paths relative (dist/… maps 1:1 to the sources). */
export function summarizeProfile(profile: CpuProfile, root: string, topN = 15): ProfileSummary {
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const selfUs = new Map<number, number>();
  if (profile.samples && profile.timeDeltas) {
    for (let i = 0; i < profile.samples.length; i++) {
      const delta = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
      selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + Math.max(0, delta));
    }
  } else {
    const hits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0) || 1;
    for (const node of profile.nodes) selfUs.set(node.id, ((node.hitCount ?? 0) / hits) * totalMs * 1000);
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0) || 1;
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let idle = 0;
  let gc = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') {
      idle += functionName === '(idle)' ? us : 0;
      if (functionName === '(idle)') continue;
    }
    if (functionName === '(garbage collector)') gc += us;
    const file = fileOf(url, root);
    const key = `${functionName || '(anonymous)'} ${file}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const busy = total - idle || 1;
  return {
    totalMs,
    idleShare: idle / total,
    gcShare: gc / busy,
    top: [...byFunction.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topN)
      .map(([where, us]) => ({ where, selfShare: us / busy, selfMs: us / 1000 })),
    files: [...byFile.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topN)
      .map(([file, us]) => ({ file, selfShare: us / busy })),
  };
}

/** The newest .cpuprofile files in dir (what node --cpu-prof wrote when the services exited). */
export function readProfiles(dir: string): Array<{ file: string; profile: CpuProfile }> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'));
  } catch {
    return [];
  }
  return files.map((file) => ({ file: join(dir, file), profile: JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile }));
}
