/**
 * One daemon per state directory. The pidfile names the running instance;
 * a pidfile whose process is gone (or is no longer a cicd-sensor) is stale
 * and taken over, so a crash never blocks the next start.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const pidfilePath = (stateDir: string): string => join(stateDir, 'daemon.pid');

export class AlreadyRunning extends Error {}

export function isLiveDaemon(pid: number): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /cicd-sensor|tracker\.js|cli\.js/.test(cmdline);
  } catch {
    return false;
  }
}

/** The pid the pidfile names, if there is one. */
export function recordedPid(stateDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidfilePath(stateDir), 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function acquireInstance(stateDir: string): void {
  const path = pidfilePath(stateDir);
  const existing = recordedPid(stateDir);
  if (existing && existing !== process.pid && isLiveDaemon(existing)) {
    throw new AlreadyRunning(`a cicd-sensor daemon (pid ${existing}) already runs on ${stateDir}`);
  }
  // 'wx' after removing a stale file: two starting daemons cannot both win.
  rmSync(path, { force: true });
  writeFileSync(path, `${process.pid}\n`, { flag: 'wx', mode: 0o644 });
}

export function releaseInstance(stateDir: string): void {
  try {
    if (Number(readFileSync(pidfilePath(stateDir), 'utf8').trim()) === process.pid) rmSync(pidfilePath(stateDir));
  } catch {
    /* already gone */
  }
}
