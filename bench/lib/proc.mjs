// Child processes the bench starts: each is registered for cleanup while it
// runs and is stopped by its own pid (never by name).
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

/** Pids of the processes, other than this one, whose command line names something under `dir`. */
export function processesUnder(dir) {
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let argv;
    try {
      argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // exited meanwhile
    }
    if (argv.some((a) => a.startsWith(dir))) pids.push(Number(name));
  }
  return pids;
}

/** How many of the sensor's BPF programs (named cs_*) are loaded, by anyone. */
export function sensorPrograms() {
  try {
    const progs = JSON.parse(execFileSync('bpftool', ['prog', 'show', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return progs.filter((p) => p.name?.startsWith('cs_')).length;
  } catch {
    return undefined;
  }
}

/**
 * Waits until what the previous run left behind is gone: no process of the
 * bench's own naming `dir` (the child that `cicd-sensor run` or a stopping
 * daemon leaves to close the links after it exits has its parent's command
 * line), and no more of the sensor's programs loaded than `programs` (the
 * kernel frees them once their last link and descriptor are closed).
 * Resolves with how long that took, in ms; after `timeoutMs` with
 * `{ waitedMs, left }` naming what is still there.
 */
export async function settle(dir, programs, timeoutMs = 10_000) {
  const start = Date.now();
  for (;;) {
    const pids = processesUnder(dir);
    const progs = pids.length === 0 && programs !== undefined ? sensorPrograms() : undefined;
    const waitedMs = Date.now() - start;
    if (pids.length === 0 && (progs === undefined || progs <= programs)) return { waitedMs };
    if (waitedMs > timeoutMs) return { waitedMs, left: pids.length ? `pids ${pids.join(' ')}` : `${progs - programs} cs_* programs` };
    await new Promise((ok) => setTimeout(ok, 20));
  }
}
