/**
 * Starts the daemon as root so it outlives the step: a transient systemd
 * unit where systemd runs (a cgroup of its own, OOM-protected, refusing a
 * manual stop), else a new session through `daemon --detach`. Either way the
 * step waits for the daemon's own readiness signal, with a bounded timeout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { logTail } from '../daemon/log.js';
import { daemonArgv, type DaemonOptions } from '../daemon/options.js';
import type { CodeCopy } from './codeCopy.js';
import { CommandTimeout, runWaited } from './command.js';
import { DAEMON_ENV_VARS } from './constants.js';
import type { ActionPlatform } from './platform.js';

export interface Launched {
  pid: number;
}

export class LaunchError extends Error {}


const notReady = (stateDir: string, timeoutMs: number): LaunchError => {
  const log = logTail(join(stateDir, 'daemon.log'), 3);
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

/** Runs argv as root and waits for it; a refusal or a timeout is a LaunchError. */
async function runAsRoot(platform: ActionPlatform, argv: string[], what: string, timeoutMs: number, onTimeout: () => LaunchError): Promise<void> {
  let result;
  try {
    result = await runWaited([...platform.elevate, ...argv], timeoutMs);
  } catch (err) {
    if (err instanceof CommandTimeout) throw onTimeout();
    throw new LaunchError(`${what}: ${(err as Error).message}`);
  }
  if (result.exitCode !== 0) throw new LaunchError(`${what}: ${result.stderr.trim() || `exit code ${result.exitCode}`}`);
}

/** Debug and test switches set in the step's environment, for the daemon (sudo would drop them). */
const daemonEnv = (): string[] => DAEMON_ENV_VARS.filter((v) => process.env[v]).map((v) => `${v}=${process.env[v]}`);

/** The command that starts the daemon: a transient unit under systemd, else `daemon --detach`. */
function startCommand(platform: ActionPlatform, code: CodeCopy, daemon: DaemonOptions): string[] {
  const owner = [`SUDO_UID=${process.getuid?.() ?? 0}`, `SUDO_GID=${process.getgid?.() ?? 0}`, ...daemonEnv()];
  const args = daemonArgv(daemon);
  if (!platform.systemd) return ['env', ...owner, code.node, join(code.dir, 'cli.js'), 'daemon', '--detach', ...args];
  const props = ['--collect', '--property=OOMScoreAdjust=-1000', '--property=RefuseManualStop=yes'];
  const unit = `--unit=cicd-sensor-${process.pid}`;
  return ['systemd-run', unit, ...props, ...owner.map((o) => `--setenv=${o}`), code.node, join(code.dir, 'tracker.js'), ...args];
}

/** code: root's copy of the sensor (src/action/codeCopy.ts), never the runner's files. */
export async function launchDaemon(platform: ActionPlatform, code: CodeCopy, daemon: DaemonOptions, timeoutMs: number): Promise<Launched> {
  const { stateDir } = daemon;
  const until = Date.now() + timeoutMs;
  const timedOut = (): LaunchError => notReady(stateDir, timeoutMs);
  try {
    const what = platform.systemd ? 'systemd-run refused to start the sensor' : 'the sensor daemon did not start';
    await runAsRoot(platform, startCommand(platform, code, daemon), what, platform.systemd ? 30_000 : timeoutMs, timedOut);
    return { pid: await waitReady(stateDir, timeoutMs, until) };
  } catch (err) {
    // A daemon that comes up after pre gave up would watch nothing and hold the docker socket: stop it now.
    const kill = [code.node, join(code.dir, 'cli.js'), 'daemon', 'kill', '--state-dir', stateDir];
    try {
      await runAsRoot(platform, kill, 'daemon kill', 30_000, () => new LaunchError('daemon kill did not finish within 30 s'));
    } catch (killErr) {
      throw new LaunchError(`${(err as Error).message}\nstopping it failed too: ${(killErr as Error).message}`);
    }
    throw new LaunchError(`${(err as Error).message}\nit was stopped (daemon kill)`);
  }
}
