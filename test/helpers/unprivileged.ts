/**
 * The attacker's side of the hardening tests: an unprivileged user made for
 * the test (the runner's user on a self-hosted runner without sudo), a
 * daemon started the way `sudo` starts it for that user (SUDO_UID/SUDO_GID),
 * and commands run as that user through setpriv. cleanupUsers() kills the
 * user's processes, removes the files it owns under the paths it was given,
 * and deletes the user, even after a failed test.
 */
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startDaemon } from './daemon.js';

export interface TestUser {
  name: string;
  uid: number;
  gid: number;
}

const users: { user: TestUser; paths: string[] }[] = [];

/** A fresh system user with a group of its own and no home. */
export function createUser(tag: string): TestUser {
  const name = `cs${tag}${process.pid}`.slice(0, 31);
  const r = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/bin/sh', name], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`useradd ${name}: ${r.stderr}`);
  const user: TestUser = { name, uid: Number(idOf(name, '-u')), gid: Number(idOf(name, '-g')) };
  users.push({ user, paths: [] });
  return user;
}

function idOf(name: string, flag: string): string {
  return spawnSync('id', [flag, name], { encoding: 'utf8' }).stdout.trim();
}

/** Paths the user may have left files in: removed with the user. */
export function ownedBy(user: TestUser, ...paths: string[]): void {
  users.find((u) => u.user === user)?.paths.push(...paths);
}

/** The environment sudo gives a root process started by this user. */
export function sudoEnv(user: TestUser): NodeJS.ProcessEnv {
  return { ...process.env, SUDO_USER: user.name, SUDO_UID: String(user.uid), SUDO_GID: String(user.gid) };
}

/** A daemon started as `sudo cicd-sensor daemon --detach` by the user would start it. */
export function startDaemonFor(user: TestUser, extra: string[] = []): { stateDir: string; pid: number } {
  return startDaemon(extra, undefined, sudoEnv(user));
}

/** argv prefixed so that it runs as the user (no supplementary groups, no capabilities). */
export function asUser(user: TestUser, argv: string[]): string[] {
  return ['setpriv', `--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--reset-env', '--', ...argv];
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs argv as the user and waits for it. */
export function runAs(user: TestUser, argv: string[], timeoutMs = 30_000): Promise<RunResult> {
  const child = spawnAs(user, argv, ['ignore', 'pipe', 'pipe']);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Starts argv as the user in the background. */
export function spawnAs(user: TestUser, argv: string[], stdio: StdioOptions = 'ignore'): ChildProcess {
  const full = asUser(user, argv);
  return spawn(full[0]!, full.slice(1), { stdio });
}

/** Every process whose real uid is the user's. */
function processesOf(uid: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const line = readFileSync(join('/proc', name, 'status'), 'utf8')
        .split('\n')
        .find((l) => l.startsWith('Uid:'));
      if (line && Number(line.slice(4).trim().split(/\s+/)[0]) === uid) pids.push(Number(name));
    } catch {
      /* exited */
    }
  }
  return pids;
}

export function cleanupUsers(): void {
  for (const { user, paths } of users.splice(0)) {
    for (let round = 0; round < 20; round++) {
      const pids = processesOf(user.uid);
      if (pids.length === 0) break;
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      spawnSync('sleep', ['0.05']);
    }
    for (const path of paths) rmSync(path, { recursive: true, force: true });
    spawnSync('userdel', [user.name]);
    spawnSync('groupdel', [user.name]);
  }
}
