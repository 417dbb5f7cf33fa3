// CPU time of processes read from /proc (Linux): the bench's server nodes are plain `node dist/server/main.js`
// processes (no IPC channel to ask process.cpuUsage()), and PostgreSQL and Redis are not ours to instrument.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of utime/stime in /proc/<pid>/stat (100 on every Linux we run on). */
const TICKS = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface Stat {
  ppid: number;
  /** user + system CPU of the process itself, in µs. */
  micros: number;
}

function stat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state ppid … utime(14th field overall) stime(15th).
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(rest[1]), micros: ((Number(rest[11]) + Number(rest[12])) * 1e6) / TICKS };
  } catch {
    return null;
  }
}

/** CPU µs used so far by one process (0 once it is gone). */
export function processMicros(pid: number): number {
  return stat(pid)?.micros ?? 0;
}

/** CPU µs of a process and its live children (PostgreSQL's postmaster and backends). */
export function treeMicros(rootPid: number): number {
  let total = processMicros(rootPid);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s && s.ppid === rootPid) total += s.micros;
  }
  return total;
}

/** The parent of a process (a PostgreSQL backend's postmaster). */
export function parentOf(pid: number): number {
  return stat(pid)?.ppid ?? 0;
}

/** The pid of the process whose command line contains every one of `parts` (redis-server shows "127.0.0.1:<port>"). */
export function findProcess(parts: string[]): number | null {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (parts.every((p) => cmd.includes(p))) return Number(name);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** Whole-machine CPU: busy and total jiffies from /proc/stat, to tell how much of the cores anything used. */
export function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: total - idle, total };
}
