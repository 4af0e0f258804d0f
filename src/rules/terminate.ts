/**
 * Stops a process a `terminate` rule hit: SIGKILL to the process, then to
 * its process group when it leads one of its own (a daemonised miner and
 * what it forked). Only then: a step's processes share the process group of
 * Runner.Worker, which .NET starts them in, and killing that group would
 * kill the runner and the job with it. The pid is checked against the
 * event's process start time first, so a pid the kernel has reused since
 * is not killed in its place.
 */
import { readFileSync } from 'node:fs';
import { readProcStat } from '../platform/procStat.js';

export interface KillOutcome {
  readonly killed: boolean;
  readonly detail: string;
}

interface ProcStat {
  readonly pgid: number;
  /** clock ticks after boot */
  readonly startTicks: number;
}

const CLOCK_TICKS = 100;
/** start_time is from the tracker's clock, /proc's from btime (whole seconds): allow for both. */
const START_SLACK_MS = 1500;

const procStat = (pid: number): ProcStat | undefined => readProcStat(pid);

function bootTimeMs(): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'latin1').split('\n').find((l) => l.startsWith('btime '));
    return line ? Number(line.slice(6)) * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function sameProcess(stat: ProcStat, startTime: string | undefined): boolean {
  const boot = bootTimeMs();
  const expected = startTime ? Date.parse(startTime) : NaN;
  if (boot === undefined || Number.isNaN(expected)) return true; // nothing to compare with: the event is fresh
  return Math.abs(boot + (stat.startTicks * 1000) / CLOCK_TICKS - expected) <= START_SLACK_MS;
}

const ownGroup = (): number | undefined => procStat(process.pid)?.pgid;

export function killProcess(pid: number, startTime?: string): KillOutcome {
  const stat = procStat(pid);
  if (!stat) return { killed: false, detail: `pid ${pid} had already exited` };
  if (!sameProcess(stat, startTime)) return { killed: false, detail: `pid ${pid} had exited (its number is now another process's)` };
  try {
    process.kill(pid, 'SIGKILL');
  } catch (err) {
    return { killed: false, detail: `SIGKILL to pid ${pid} failed: ${(err as Error).message}` };
  }
  if (stat.pgid !== pid || stat.pgid === ownGroup()) return { killed: true, detail: `SIGKILL to pid ${pid}` };
  try {
    process.kill(-stat.pgid, 'SIGKILL');
    return { killed: true, detail: `SIGKILL to pid ${pid} and its process group` };
  } catch {
    return { killed: true, detail: `SIGKILL to pid ${pid} (its process group was already gone)` };
  }
}
