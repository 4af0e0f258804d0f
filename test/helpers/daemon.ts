/** Starting, asking and stopping real daemons from dist/, with cleanup that survives failures. */
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from '../../src/daemon/client.js';
import type { Request, Response } from '../../src/daemon/protocol.js';
import { cgroup2Root, cgroupProcs } from '../../src/platform/cgroup.js';
import { cliPath } from './paths.js';

const started: { stateDir: string; pid: number }[] = [];
const cgroups: string[] = [];

export function cli(args: string[], env?: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', env: env ?? process.env });
}

/** env: the daemon's environment (SUDO_UID/SUDO_GID make it start as through sudo). */
export function startDaemon(extra: string[] = [], dir?: string, env?: NodeJS.ProcessEnv): { stateDir: string; pid: number } {
  const stateDir = dir ?? mkdtempSync(join(tmpdir(), 'cs-daemon-'));
  const r = cli(['daemon', '--state-dir', stateDir, '--detach', ...extra], env);
  if (r.status !== 0) throw new Error(`daemon did not start: ${r.stderr}`);
  const pid = Number(/pid=(\d+)/.exec(r.stdout)?.[1]);
  const d = { stateDir, pid };
  started.push(d);
  return d;
}

export async function ask(stateDir: string, req: Request): Promise<Response & Record<string, unknown>> {
  return (await request(stateDir, req)) as Response & Record<string, unknown>;
}

export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export async function waitGone(pid: number, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** A cgroup for a test job, removed (with its members moved out) by cleanupDaemons. */
export function testCgroup(name: string): string {
  const path = join(cgroup2Root()!, `cs-test-${name}-${process.pid}`);
  mkdirSync(path, { recursive: true });
  cgroups.push(path);
  return path;
}

/** Runs argv inside a cgroup: the shell enters it, then execs, so nothing runs outside it first. */
export function spawnIn(cgroup: string, argv: string[], opts: { env?: NodeJS.ProcessEnv; stdio?: StdioOptions } = {}): ChildProcess {
  return spawn('/bin/sh', ['-c', 'echo 0 > "$0" && exec "$@"', join(cgroup, 'cgroup.procs'), ...argv], {
    stdio: opts.stdio ?? 'ignore',
    env: opts.env ?? process.env,
  });
}

/** The child's exit code (-1 when a signal ended it). */
export const exited = (child: ChildProcess): Promise<number> =>
  new Promise((resolve) => child.on('exit', (code) => resolve(code ?? -1)));

/**
 * Cgroups the daemons made under the root whose names match (job cgroups
 * left by a job whose worker outlived its unregister, a killed daemon's
 * own): removed by cleanupDaemons.
 */
export function adoptRootCgroups(name: RegExp): void {
  const root = cgroup2Root()!;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isDirectory() && name.test(entry.name)) cgroups.push(join(root, entry.name));
  }
}

export function writeExecutable(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o755 });
}

export async function cleanupDaemons(): Promise<void> {
  for (const d of started.splice(0)) {
    if (alive(d.pid)) {
      process.kill(d.pid, 'SIGKILL');
      await waitGone(d.pid);
    }
    // A killed daemon cannot remove its own cgroup.
    spawnSync('rmdir', [join(cgroup2Root()!, 'cicd-sensor', `daemon-${d.pid}`)]);
    rmSync(d.stateDir, { recursive: true, force: true });
  }
  for (const path of cgroups.splice(0).reverse()) removeTree(path);
  spawnSync('rmdir', [join(cgroup2Root()!, 'cicd-sensor')]); // fails, harmlessly, while another daemon uses it
}

/** Kills what is left in a test cgroup tree and removes it, children first. */
function removeTree(path: string): void {
  if (!existsSync(path)) return;
  const out = spawnSync('find', [path, '-mindepth', '1', '-type', 'd'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  for (const dir of [...out.sort().reverse(), path]) {
    for (const pid of cgroupProcs(dir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
  for (const dir of [...out.sort().reverse(), path]) {
    for (let i = 0; i < 50; i++) {
      spawnSync('rmdir', [dir]);
      if (!existsSync(dir)) break;
      spawnSync('sleep', ['0.05']);
    }
  }
}

export function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}
