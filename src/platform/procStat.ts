/** /proc/PID/stat, read in one place: the fields cicd-sensor uses. */
import { readFileSync } from 'node:fs';

export interface ProcStat {
  ppid: number;
  /** Process group id. */
  pgid: number;
  /** Start time in clock ticks (USER_HZ, 100) since boot: with pid, names a process across pid reuse. */
  startTicks: number;
}

/** The process's stat fields, or undefined once it is gone. */
export function readProcStat(pid: number, procRoot = '/proc'): ProcStat | undefined {
  let stat: string;
  try {
    stat = readFileSync(`${procRoot}/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  // comm may hold spaces and parentheses: the fields resume after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), pgid: Number(fields[2]), startTicks: Number(fields[19]) };
}
