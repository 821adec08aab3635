// What every bench prints around its figures: the machine (cores, load at start and end, since
// the machine may be shared) and the date, and each figure beside its goal with ✔ or ✘.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const load = () => os.loadavg().map((value) => value.toFixed(2)).join(' / ');

/** Where each bench's last run is kept (its whole output), for `npm run bench:readme`. */
export const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

/**
 * Prints the bench's heading and keeps a transcript of everything the bench prints from here on in
 * bench/results/<script>.txt (the last run of each bench; `npm run bench:readme` lists their
 * figures in the README). Call the returned function at the end for the closing load; the
 * transcript is kept only when the bench gets there (a run that failed half-way replaces nothing).
 */
export function benchHeader(name: string, script = path.basename(process.argv[1] ?? 'bench', '.ts')): () => void {
  const lines: string[] = [];
  const print = console.log.bind(console);
  console.log = (...args: unknown[]) => {
    lines.push(format(...args));
    print(...args);
  };
  console.log(`# ${name}`);
  console.log(`日期 ${new Date().toISOString().slice(0, 10)}, CPU 核数 ${os.cpus().length}, 开始时负载 (1/5/15 分钟) ${load()}`);
  console.log(`参数: ${process.argv.slice(2).join(' ') || '(默认)'}`);
  return () => {
    console.log(`结束时负载 (1/5/15 分钟) ${load()}`);
    console.log = print;
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, `${script}.txt`), `${lines.join('\n')}\n`);
  };
}

/** "figure (目标 goal) ✔" — the goal met when `met` is true. */
export function goal(figure: string, target: string, met: boolean): string {
  return `${figure} (目标 ${target}) ${met ? '✔' : '✘'}`;
}

/** The p-th percentile of the values (nearest rank), in their unit. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * CPU seconds used so far by this process and every process it started (the engine's JVM, the
 * embedded PostgreSQL and its backends), by program name: on a shared machine, what the bench
 * itself cost, whatever the others ran meanwhile. Linux only (reads /proc); empty elsewhere.
 */
export function cpuByProgram(root = process.pid): Map<string, number> {
  const ticks = 100; // USER_HZ on Linux
  const stats = new Map<number, { parent: number; name: string; cpu: number }>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return new Map();
  }
  for (const pid of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // from the state (3rd field of the line) on: ppid 4th, utime 14th, stime 15th, and the
      // ended children's cutime 16th, cstime 17th (a PostgreSQL backend that closed)
      const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as [number, number, number, number];
      stats.set(Number(pid), { parent: Number(fields[1]), name, cpu: (utime + stime + cutime + cstime) / ticks });
    } catch {
      // the process ended while we looked
    }
  }
  const ours = new Set([root]);
  for (let grown = true; grown;) {
    grown = false;
    for (const [pid, stat] of stats) if (!ours.has(pid) && ours.has(stat.parent)) { ours.add(pid); grown = true; }
  }
  const byName = new Map<string, number>();
  for (const pid of ours) {
    const stat = stats.get(pid);
    if (stat) byName.set(stat.name, (byName.get(stat.name) ?? 0) + stat.cpu);
  }
  return byName;
}

/** The CPU seconds all programs used between two readings. */
export function cpuTotal(before: Map<string, number>, after = cpuByProgram()): number {
  return [...after].reduce((sum, [name, cpu]) => sum + Math.max(0, cpu - (before.get(name) ?? 0)), 0);
}

/** "node 12.3 s, postgres 8.1 s, java 20.0 s": the CPU each program used between two readings. */
export function cpuSince(before: Map<string, number>, after = cpuByProgram()): string {
  return [...after].map(([name, cpu]) => [name, cpu - (before.get(name) ?? 0)] as const).filter(([, cpu]) => cpu >= 0.05)
    .sort((a, b) => b[1] - a[1]).map(([name, cpu]) => `${name} ${cpu.toFixed(1)} s`).join(', ');
}
