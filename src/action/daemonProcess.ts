/** The daemon as post sees it: the same process as at registration, with all its programs? */
import { readProcStat } from '../platform/procStat.js';

/** /proc start time in ticks, or undefined when the process is gone. */
export function processStart(pid: number): number | undefined {
  return readProcStat(pid)?.startTicks;
}

export interface TamperCheck {
  /** Problems found; empty when the sensor ran undisturbed. */
  problems: string[];
}

export function checkTamper(
  saved: { daemonPid?: number; daemonStart?: number; linksAlive?: number },
  stats: { pid?: unknown; linksAlive?: unknown } | undefined,
): TamperCheck {
  const problems: string[] = [];
  if (saved.daemonPid === undefined) return { problems };
  const start = processStart(saved.daemonPid);
  if (start === undefined) problems.push(`the sensor daemon (pid ${saved.daemonPid}) is gone`);
  else if (start !== saved.daemonStart) problems.push(`pid ${saved.daemonPid} is now another process: the sensor daemon was replaced`);
  if (stats && stats.pid !== saved.daemonPid) problems.push(`a different sensor daemon (pid ${String(stats.pid)}) answers now`);
  if (stats && typeof stats.linksAlive === 'number' && saved.linksAlive !== undefined && stats.linksAlive < saved.linksAlive) {
    problems.push(`${saved.linksAlive - stats.linksAlive} of the sensor's ${saved.linksAlive} kernel programs were detached`);
  }
  return { problems };
}
