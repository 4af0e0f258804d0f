/**
 * `daemon --detach`: starts the tracker in a new session and returns only
 * when it says it is ready (BPF attached, socket listening), or with its
 * error. The handshake is a line on a pipe, never a sleep.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { logTail } from './log.js';
import { daemonArgv, type DaemonOptions } from './options.js';

export interface DetachResult {
  ok: boolean;
  pid?: number;
  message: string;
}

const READY_TIMEOUT_MS = 30_000;

export function trackerEntry(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'tracker.js');
}

export function startDetached(opts: DaemonOptions, entry = trackerEntry()): Promise<DetachResult> {
  mkdirSync(opts.stateDir, { recursive: true, mode: 0o700 });
  const logPath = join(opts.stateDir, 'daemon.log');
  const args = [entry, ...daemonArgv(opts)];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', openSync(logPath, 'a')],
  });
  return new Promise((resolve) => {
    let out = '';
    const finish = (result: DetachResult): void => {
      clearTimeout(timer);
      child.stdout?.destroy();
      child.unref();
      resolve(result);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ ok: false, message: `the daemon did not become ready within ${READY_TIMEOUT_MS / 1000} s\n${logTail(logPath, 5)}` });
    }, READY_TIMEOUT_MS);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n')[0] ?? '';
      if (!out.includes('\n')) return;
      if (line.startsWith('ready')) finish({ ok: true, pid: child.pid, message: line });
      else finish({ ok: false, message: line.replace(/^error:\s*/, '') });
    });
    child.on('exit', (code) => {
      finish({ ok: false, message: `the daemon exited (code ${code}) before it was ready\n${logTail(logPath, 5)}` });
    });
  });
}
