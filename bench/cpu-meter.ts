import { readFileSync } from 'node:fs';

/** Kernel clock ticks per second for /proc times (USER_HZ; 100 on Linux). */
const TICKS = 100;

function ticks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = fields[3]! + fields[4]!;
  return { busy: total - idle, total };
}

function processTicks(pid: number): number {
  // Fields after the command (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * CPU used during an interval, in cores (1 = one core fully busy): the whole machine's (so a
 * figure says whether the machine was the limit; other work on it counts too) and, for given
 * processes, their own.
 */
export function startCpuMeter(pids: Record<string, number> = {}) {
  const started = performance.now();
  const machine = ticks();
  const own = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processTicks(pid)]));
  return {
    stop(): { seconds: number; machineBusyCores: number; cores: number; processes: Record<string, number> } {
      const seconds = (performance.now() - started) / 1000;
      const now = ticks();
      const cores = (now.total - machine.total) / TICKS / seconds;
      return {
        seconds,
        machineBusyCores: (now.busy - machine.busy) / TICKS / seconds,
        cores,
        processes: Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, (processTicks(pid) - own[name]!) / TICKS / seconds])),
      };
    },
  };
}

export type CpuUse = ReturnType<ReturnType<typeof startCpuMeter>['stop']>;
