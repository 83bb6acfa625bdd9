import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Peak resident memory of a process tree, sampled from /proc (Linux). */
export interface MemoryPeak {
  /** The largest single process at any sample, and what it was. */
  largest: { bytes: number; name: string };
  /** Each process name's largest RSS (node, pagefind, …). */
  byName: Map<string, number>;
  /** The whole tree at its largest instant. */
  tree: number;
}

/** How often the tree is sampled; a peak shorter than this can be missed (the README says so). */
export const SAMPLE_MS = 100;

interface ProcessInfo {
  ppid: number;
  rss: number;
  name: string;
}

function processTable(): Map<number, ProcessInfo> {
  const table = new Map<number, ProcessInfo>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), { ppid: Number(fields[1]), rss: Number(fields[21]) * 4096, name });
    } catch {
      // The process ended while we looked: it no longer uses memory.
    }
  }
  return table;
}

/** Samples the tree under `pid` every SAMPLE_MS until `stop()`; returns the peaks. */
export function sampleMemory(pid: number): { stop(): MemoryPeak } {
  const peak: MemoryPeak = { largest: { bytes: 0, name: '' }, byName: new Map(), tree: 0 };
  const sample = () => {
    const table = processTable();
    const children = new Map<number, number[]>();
    for (const [child, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), child]);
    let tree = 0;
    const stack = [pid];
    while (stack.length) {
      const current = stack.pop()!;
      const info = table.get(current);
      if (info) {
        tree += info.rss;
        if (info.rss > peak.largest.bytes) peak.largest = { bytes: info.rss, name: info.name };
        peak.byName.set(info.name, Math.max(peak.byName.get(info.name) ?? 0, info.rss));
      }
      stack.push(...(children.get(current) ?? []));
    }
    peak.tree = Math.max(peak.tree, tree);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * The largest RSS of processes whose name starts with `prefix`: /proc truncates names to 15
 * characters, so Pagefind's `pagefind_extended` binary shows as `pagefind_extend`.
 */
export function peakOf(peak: MemoryPeak, prefix: string): number {
  let bytes = 0;
  for (const [name, rss] of peak.byName) if (name.startsWith(prefix)) bytes = Math.max(bytes, rss);
  return bytes;
}

/** Combines the peaks of steps that ran one after the other (the tree peak is the larger one). */
export function sequentialPeak(...peaks: MemoryPeak[]): MemoryPeak {
  const byName = new Map<string, number>();
  for (const p of peaks) for (const [name, bytes] of p.byName) byName.set(name, Math.max(byName.get(name) ?? 0, bytes));
  const largest = peaks.reduce((a, b) => (b.largest.bytes > a.largest.bytes ? b : a)).largest;
  return { largest, byName, tree: Math.max(...peaks.map((p) => p.tree)) };
}

export interface Run {
  seconds: number;
  peak: MemoryPeak;
  ok: boolean;
  /** The end of stderr and stdout, for a failure message. */
  output: string;
}

/** Runs a command to its end, timing it and sampling its process tree; `onOutput` sees all it prints. */
export async function measure(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
  onOutput?: (text: string) => void,
): Promise<Run> {
  const started = performance.now();
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    onOutput?.(chunk.toString());
    output = (output + chunk.toString()).slice(-6000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const sampler = sampleMemory(child.pid!);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { seconds: (performance.now() - started) / 1000, peak: sampler.stop(), ok: code === 0, output };
}

/** Ends a process started with `detached: true`, and everything it started. */
export function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('close', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      resolve();
    }
  });
}

export interface DirSize {
  bytes: number;
  files: number;
  html: number;
}

export function dirSize(dir: string): DirSize {
  const size: DirSize = { bytes: 0, files: 0, html: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    size.bytes += statSync(join(entry.parentPath, entry.name)).size;
    size.files++;
    if (entry.name.endsWith('.html')) size.html++;
  }
  return size;
}
