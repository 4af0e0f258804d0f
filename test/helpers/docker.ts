/**
 * A real dockerd for the proxy tests: the one already running, or one the
 * tests start (and stop again), with an image made offline from
 * busybox-static, since no registry is reachable.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const IMAGE = 'cs-busybox:latest';
export const REAL_SOCKET = '/var/run/docker.sock';

let started: ChildProcess | undefined;

export function docker(args: string[], opts: { host?: string; input?: string | Buffer; timeoutMs?: number } = {}) {
  return spawnSync('docker', args, {
    encoding: 'utf8',
    input: opts.input,
    timeout: opts.timeoutMs ?? 60_000,
    env: { ...process.env, DOCKER_HOST: `unix://${opts.host ?? REAL_SOCKET}`, DOCKER_BUILDKIT: '0' },
  });
}

const answers = (): boolean => docker(['version'], { timeoutMs: 10_000 }).status === 0;

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts dockerd unless one answers already; BPF-style: never skipped, fails with the reason. */
export async function ensureDockerd(): Promise<void> {
  if (answers()) return;
  if (!existsSync('/usr/sbin/dockerd')) throw new Error('dockerd is not installed (apt-get install docker.io)');
  // No bridge or iptables: the sandbox has no network, and the tests use --network host.
  const log = openSync(join(tmpdir(), 'cicd-sensor-test-dockerd.log'), 'a');
  started = spawn('dockerd', ['--bridge=none', '--iptables=false', '--ip6tables=false'], { stdio: ['ignore', log, log], detached: true });
  await waitFor(answers, 60_000, 'dockerd');
}

/** Stops the dockerd the tests started; with force, also one that was running before. */
export async function stopDockerd(force = false): Promise<void> {
  let pid = started?.pid;
  if (!pid && force && existsSync('/var/run/docker.pid')) pid = Number(readFileSync('/var/run/docker.pid', 'utf8'));
  if (!pid) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* gone */
  }
  // Gone, not just silent: a dockerd still shutting down holds its pidfile and blocks the next.
  await waitFor(() => !existsSync(`/proc/${pid}`), 60_000, 'dockerd to exit');
  started = undefined;
}

/** Brings dockerd back after stopDockerd(true); the tests own it from then on. */
export async function restartDockerd(): Promise<void> {
  await ensureDockerd();
}

export const weStartedDockerd = (): boolean => started !== undefined;

export function ensureImage(): void {
  if (docker(['image', 'inspect', IMAGE]).status === 0) return;
  const root = mkdtempSync(join(tmpdir(), 'cs-rootfs-'));
  try {
    for (const d of ['bin', 'tmp', 'etc', 'proc', 'sys', 'dev']) mkdirSync(join(root, d));
    copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
    const applets = execFileSync('/bin/busybox', ['--list'], { encoding: 'utf8' }).split('\n').filter((a) => a && a !== 'busybox');
    for (const a of applets) symlinkSync('busybox', join(root, 'bin', a));
    const tar = execFileSync('tar', ['-C', root, '-c', '.'], { maxBuffer: 256 << 20 });
    const r = docker(['import', '-', IMAGE], { input: tar });
    if (r.status !== 0) throw new Error(`docker import failed: ${r.stderr}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
