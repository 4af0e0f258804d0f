/**
 * Starts the daemon as root so it outlives the step: a transient systemd
 * unit where systemd runs (a cgroup of its own, OOM-protected, refusing a
 * manual stop), else a new session through `daemon --detach`. Either way the
 * step waits for the daemon's own readiness signal, with a bounded timeout.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionPlatform } from './platform.js';

export interface Launched {
  pid: number;
}

export class LaunchError extends Error {}

function logTail(stateDir: string): string {
  const path = join(stateDir, 'daemon.log');
  return existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').slice(-3).join('\n') : '';
}

const notReady = (stateDir: string, timeoutMs: number): LaunchError => {
  const log = logTail(stateDir);
  return new LaunchError(`the sensor daemon did not become ready within ${timeoutMs / 1000} s${log ? `:\n${log}` : ''}`);
};

async function waitReady(stateDir: string, timeoutMs: number, until: number): Promise<number> {
  const path = join(stateDir, 'ready');
  while (Date.now() < until) {
    if (existsSync(path)) return (JSON.parse(readFileSync(path, 'utf8')) as { pid: number }).pid;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw notReady(stateDir, timeoutMs);
}

export async function launchDaemon(
  platform: ActionPlatform,
  distDir: string,
  stateDir: string,
  daemonArgs: string[],
  timeoutMs: number,
): Promise<Launched> {
  const owner = [`SUDO_UID=${process.getuid?.() ?? 0}`, `SUDO_GID=${process.getgid?.() ?? 0}`];
  const tracker = join(distDir, 'tracker.js');
  const run = (argv: string[], what: string, ms: number): void => {
    const full = [...platform.elevate, ...argv];
    try {
      execFileSync(full[0]!, full.slice(1), { stdio: 'pipe', timeout: ms });
    } catch (err) {
      if ((err as { code?: string }).code === 'ETIMEDOUT') throw notReady(stateDir, timeoutMs);
      const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
      throw new LaunchError(`${what}: ${stderr || (err as Error).message}`);
    }
  };
  const until = Date.now() + timeoutMs;
  try {
    if (platform.systemd) {
      const unit = `cicd-sensor-${process.pid}`;
      const props = ['--collect', '--property=OOMScoreAdjust=-1000', '--property=RefuseManualStop=yes'];
      run(['systemd-run', `--unit=${unit}`, ...props, ...owner.map((o) => `--setenv=${o}`), process.execPath, tracker, ...daemonArgs], 'systemd-run refused to start the sensor', 30_000);
    } else {
      run(['env', ...owner, process.execPath, join(distDir, 'cli.js'), 'daemon', '--detach', ...daemonArgs], 'the sensor daemon did not start', timeoutMs);
    }
    return { pid: await waitReady(stateDir, timeoutMs, until) };
  } catch (err) {
    // A daemon that comes up after pre gave up would watch nothing and hold the docker socket: stop it now.
    try {
      run([process.execPath, join(distDir, 'cli.js'), 'daemon', 'kill', '--state-dir', stateDir], 'daemon kill', 30_000);
    } catch (killErr) {
      throw new LaunchError(`${(err as Error).message}\nstopping it failed too: ${(killErr as Error).message}`);
    }
    throw new LaunchError(`${(err as Error).message}\nit was stopped (daemon kill)`);
  }
}
