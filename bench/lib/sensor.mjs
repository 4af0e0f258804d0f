// `cicd-sensor run` as the bench drives it: always under procwatch (peak
// RSS, CPU time, time to sensor.json), from the committed dist/ as it is.
import { closeSync, existsSync, openSync, readFileSync, readSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { startChild } from './proc.mjs';

export const REPO = new URL('../../', import.meta.url).pathname;
export const CLI = join(REPO, 'dist', 'cli.js');

const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined);
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Last resort when the sensor does not stop: kill it, then the command it
 * ran (found through the cgroup it made for it), and remove that cgroup.
 * Also after a sensor died on its own (a crash leaves its cgroup behind):
 * then `sensorAlive` is false and its pid, perhaps reused already, is left alone.
 */
function forceStop(outDir, sensorAlive = true) {
  const info = readJson(join(outDir, 'sensor.json'));
  if (!info) return;
  if (sensorAlive) {
    try {
      process.kill(info.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  if (!info.cgroup || !existsSync(info.cgroup)) return;
  const procs = readFileSync(join(info.cgroup, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean);
  for (const pid of procs) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      /* exited meanwhile */
    }
  }
  for (let i = 0; i < 50 && readFileSync(join(info.cgroup, 'cgroup.procs'), 'utf8').trim(); i++) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  rmdirSync(info.cgroup);
}

/** What one sensor run cost and recorded. */
function summarize(outDir, watch, stderr) {
  const report = readJson(join(outDir, 'report.json'));
  const status = report?.status;
  return {
    exit: watch?.status,
    readyMs: watch && watch.readyNs >= 0 ? watch.readyNs / 1e6 : undefined,
    sensorWallMs: watch ? watch.wallNs / 1e6 : undefined,
    sensorCpuMs: watch?.cpuMs,
    sensorPeakRssMb: watch && watch.vmHwmKb > 0 ? watch.vmHwmKb / 1024 : undefined,
    // The peak's split: heap (anon) and file-backed pages, which include the ring buffers' data (mapped once since issue 18, all of it at mmap time).
    sensorPeakRssAnonMb: watch && watch.rssAnonMaxKb > 0 ? watch.rssAnonMaxKb / 1024 : undefined,
    sensorPeakRssFileMb: watch && watch.rssFileMaxKb > 0 ? watch.rssFileMaxKb / 1024 : undefined,
    events: report?.events?.total,
    lostRecords: status?.lostRecords,
    undecodable: status?.undecodable,
    hooks: status?.hooks?.filter((h) => h.sent || h.lost || h.suppressed),
    rings: status?.rings,
    lostByProcess: status?.lostByProcess,
    plan: status?.plan,
    failure: report ? undefined : describeFailure(watch, stderr),
  };
}

/** Why a run left no report.json: how it ended, and the end of what it said. */
function describeFailure(watch, stderr) {
  const status = watch?.status;
  const how =
    status === undefined ? 'procwatch wrote no result'
    : (status & 0x7f) !== 0 ? `killed by signal ${status & 0x7f}`
    : `exit code ${(status >> 8) & 0xff}`;
  const tail = stderr.trim().split('\n').slice(-5).join(' | ');
  return tail ? `${how}: ${tail}` : `${how}, nothing on stderr`;
}

/**
 * Starts `cicd-sensor run --out outDir [flags] -- command` under procwatch.
 * Returns { ready: Promise<boolean>, done: Promise<summary>, stop() }.
 */
export function startSensor(tools, outDir, command, flags = [], cwd = join(outDir, '..'), env = process.env) {
  const watchPath = join(outDir, '..', `${outDir.split('/').pop()}.procwatch.json`);
  const sensorJson = join(outDir, 'sensor.json');
  const args = [watchPath, '--ready', sensorJson, '--', process.execPath, CLI, 'run', '--out', outDir, ...flags, '--', ...command];
  const proc = startChild(`cicd-sensor (${outDir})`, tools.procwatch, args, { cwd, env });
  const forced = onCleanup(`force-stop sensor ${outDir}`, () => forceStop(outDir));
  const done = proc.exited.then(() => {
    forced.drop();
    const summary = summarize(outDir, readJson(watchPath), proc.stderr.text);
    if (summary.failure !== undefined) {
      try {
        forceStop(outDir, false);
      } catch (err) {
        summary.failure += ` (and its cgroup could not be removed: ${err.message})`;
      }
    }
    return summary;
  });
  const ready = (async () => {
    for (let waited = 0; waited < 120_000; waited += 5) {
      if (existsSync(sensorJson)) return true;
      if (proc.child.exitCode !== null || proc.child.signalCode !== null) return false;
      await sleep(5);
    }
    return false;
  })();
  const stop = async () => {
    await proc.stop(15_000);
    if (existsSync(sensorJson) && !existsSync(join(outDir, 'report.json'))) forceStop(outDir);
    return done;
  };
  return { ready, done, stop, pid: proc.pid };
}

/** Runs a command tracked to completion. */
export function runTracked(tools, outDir, command, flags = []) {
  return startSensor(tools, outDir, command, flags).done;
}

/** Counts newline bytes: the number of events.ndjson lines, without parsing them. */
export function countLines(path) {
  if (!existsSync(path)) return 0;
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(4 << 20);
  let lines = 0;
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      for (let i = buf.indexOf(10, 0); i >= 0 && i < n; i = buf.indexOf(10, i + 1)) lines++;
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}

/** The first line of a file, parsed (the first event of a log). */
export function firstJsonLine(path) {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf);
    const end = buf.subarray(0, n).indexOf(10);
    return end > 0 ? JSON.parse(buf.subarray(0, end).toString('utf8')) : undefined;
  } finally {
    closeSync(fd);
  }
}

export { readJson };

/** Whether this dist/ has the long-lived tracker (`cicd-sensor daemon`). */
export function hasDaemon() {
  try {
    return readFileSync(CLI, 'utf8').includes('cicd-sensor daemon');
  } catch {
    return false;
  }
}

/**
 * Starts `cicd-sensor daemon --state-dir DIR` in the foreground under
 * procwatch, waits for DIR/ready (written once BPF is attached and the
 * control socket listens), then stops it with SIGTERM. Returns its summary.
 */
export async function daemonReadyRun(tools, stateDir) {
  const watchPath = `${stateDir}.procwatch.json`;
  const readyPath = join(stateDir, 'ready');
  const args = [watchPath, '--ready', readyPath, '--', process.execPath, CLI, 'daemon', '--state-dir', stateDir];
  const proc = startChild(`cicd-sensor daemon (${stateDir})`, tools.procwatch, args, { cwd: join(stateDir, '..') });
  const forced = onCleanup(`force-stop daemon ${stateDir}`, () => {
    const info = readJson(readyPath);
    if (info?.pid) process.kill(info.pid, 'SIGKILL');
  });
  let ready = false;
  for (let waited = 0; waited < 120_000 && !ready; waited += 5) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) break;
    ready = existsSync(readyPath);
    if (!ready) await sleep(5);
  }
  await proc.stop(15_000);
  if (existsSync(readyPath)) forced.run();
  else forced.drop();
  const watch = readJson(watchPath);
  if (!ready || !watch) throw new Error(`the daemon did not become ready: ${describeFailure(watch, proc.stderr.text)}`);
  return {
    readyMs: watch.readyNs / 1e6,
    peakRssMb: watch.vmHwmKb / 1024,
    peakRssAnonMb: watch.rssAnonMaxKb / 1024,
    peakRssFileMb: watch.rssFileMaxKb / 1024,
    cpuMs: watch.cpuMs,
  };
}
