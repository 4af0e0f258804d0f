// Child processes the bench starts: each is registered for cleanup while it
// runs and is stopped by its own pid (never by name).
import { spawn } from 'node:child_process';
import { isAborting, onCleanup } from './cleanup.mjs';

const MAX_CAPTURE = 64 * 1024;

/** Keeps the tail of a stream: enough to explain a failure, never unbounded. */
function capture(stream) {
  const box = { text: '' };
  stream?.on('data', (d) => {
    box.text = (box.text + d).slice(-MAX_CAPTURE);
  });
  return box;
}

const alive = (child) => child.exitCode === null && child.signalCode === null;

/**
 * SIGTERM, then SIGKILL after `graceMs`. Resolves when the child has exited.
 * Signals go to the child's pid only: it passes them on to what it started.
 */
export function stopChild(child, graceMs = 10_000) {
  if (!alive(child)) return Promise.resolve();
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  const timer = setTimeout(() => alive(child) && child.kill('SIGKILL'), graceMs);
  return exited.finally(() => clearTimeout(timer));
}

/**
 * Starts a long-running child (a daemon, a background sensor). `exited`
 * resolves with { code, signal }; `stop()` ends it and waits.
 */
export function startChild(label, cmd, args, opts = {}) {
  if (isAborting()) throw new Error(`not starting ${label}: the bench is stopping`);
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  const stdout = capture(child.stdout);
  const stderr = capture(child.stderr);
  const exited = new Promise((ok) => {
    child.on('error', (err) => ok({ code: 127, signal: null, error: err }));
    child.on('exit', (code, signal) => ok({ code, signal }));
  });
  // stopChild signals synchronously, so the last-resort 'exit' hook still stops it.
  const cleanup = onCleanup(`stop ${label} (pid ${child.pid})`, () => stopChild(child));
  exited.then(() => cleanup.drop());
  return {
    child,
    pid: child.pid,
    exited,
    stdout,
    stderr,
    stop: (graceMs) => stopChild(child, graceMs).then(() => exited),
  };
}

/** Runs a command to completion; rejects with its output when it fails (unless `allowFail`). */
export async function run(cmd, args, opts = {}) {
  const { allowFail = false, timeoutMs = 30 * 60_000, ...spawnOpts } = opts;
  const started = startChild(cmd, cmd, args, spawnOpts);
  const timer = setTimeout(() => started.stop(5_000), timeoutMs);
  const { code, signal, error } = await started.exited;
  clearTimeout(timer);
  const result = { code, signal, stdout: started.stdout.text, stderr: started.stderr.text };
  if (!allowFail && (code !== 0 || error)) {
    const why = error ? error.message : signal ? `signal ${signal}` : `exit code ${code}`;
    const tail = result.stderr.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${cmd} ${args.join(' ')}: ${why}${tail ? `\n${tail}` : ''}`);
  }
  return result;
}
