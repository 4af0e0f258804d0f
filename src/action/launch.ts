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

async function waitReady(stateDir: string, timeoutMs: number): Promise<number> {
  const path = join(stateDir, 'ready');
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (existsSync(path)) return (JSON.parse(readFileSync(path, 'utf8')) as { pid: number }).pid;
    await new Promise((r) => setTimeout(r, 50));
  }
  const log = existsSync(join(stateDir, 'daemon.log')) ? readFileSync(join(stateDir, 'daemon.log'), 'utf8').trim().split('\n').slice(-3).join('\n') : '';
  throw new LaunchError(`the sensor daemon did not become ready within ${timeoutMs / 1000} s${log ? `:\n${log}` : ''}`);
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
      const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
      throw new LaunchError(`${what}: ${stderr || (err as Error).message}`);
    }
  };
  if (platform.systemd) {
    const unit = `cicd-sensor-${process.pid}`;
    const props = ['--collect', '--property=OOMScoreAdjust=-1000', '--property=RefuseManualStop=yes'];
    run(['systemd-run', `--unit=${unit}`, ...props, ...owner.map((o) => `--setenv=${o}`), process.execPath, tracker, ...daemonArgs], 'systemd-run refused to start the sensor', 30_000);
  } else {
    run(['env', ...owner, process.execPath, join(distDir, 'cli.js'), 'daemon', '--detach', ...daemonArgs], 'the sensor daemon did not start', timeoutMs + 5000);
  }
  return { pid: await waitReady(stateDir, timeoutMs) };
}
