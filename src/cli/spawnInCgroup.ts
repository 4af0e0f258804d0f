/**
 * Starts a command inside a cgroup. Node cannot clone straight into a
 * cgroup, so a shell moves itself in and then execs the command: the
 * command's exec is the first thing the sensor sees, and if the move fails
 * the command never runs unwatched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';

const osSignals = constants.signals as Record<string, number>;

const TRAMPOLINE = 'echo 0 > "$0" || { echo "cicd-sensor: cannot enter cgroup $0" >&2; exit 125; }; exec "$@"';

export function spawnInCgroup(cgroupPath: string, command: string[], env?: NodeJS.ProcessEnv): ChildProcess {
  return spawn('/bin/sh', ['-c', TRAMPOLINE, join(cgroupPath, 'cgroup.procs'), ...command], {
    stdio: 'inherit',
    env: env ?? process.env,
  });
}

/** Resolves with the shell convention: exit code, or 128 + signal number. */
export function exitCodeOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.on('error', () => resolve(127));
    child.on('exit', (code, signal) => {
      if (code !== null) resolve(code);
      else resolve(128 + (signal ? (osSignals[signal] ?? 0) : 0));
    });
  });
}

/** Passes SIGINT/SIGTERM on to the command so the report is still written. */
export function forwardSignals(pid: number | undefined): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    if (pid) process.kill(pid, signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
