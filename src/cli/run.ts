/** `cicd-sensor run`: one command, watched from its first exec to its exit. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startDocker } from '../daemon/docker.js';
import { spawn } from 'node:child_process';
import type { EventRecord, JobIdentity } from '../events/eventRecord.js';
import { EventLogWriter } from '../events/logWriter.js';
import { Sensor, SensorError } from '../native/sensor.js';
import { cgroupId, createCgroup, removeCgroup, removeIfUnused } from '../platform/cgroup.js';
import { ReportBuilder } from '../report/model.js';
import { renderText } from '../report/text.js';
import { KernelTracker } from '../tracker/kernelTracker.js';
import { Pump } from '../tracker/pump.js';
import { sensorStatus } from '../tracker/status.js';
import type { RunOptions } from './args.js';
import { writeReportFiles } from '../report/files.js';
import { startSensor } from '../tracker/sensorStart.js';
import { exitCodeOf, spawnInCgroup } from './spawnInCgroup.js';
import { join } from 'node:path';
import { PolicyError } from '../policy/endpoints.js';
import { enforcePolicy } from '../policy/enforce.js';
import { PolicyIds } from '../policy/kernelPolicy.js';

const LOCAL_JOB: JobIdentity = { id: 'local', name: 'local' };

function say(line: string): void {
  process.stderr.write(`cicd-sensor: ${line}\n`);
}

async function runUnmonitored(command: string[]): Promise<number> {
  const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit' });
  const code = await exitCodeOf(child);
  say('COMMAND RAN UNMONITORED: no events were recorded');
  return code;
}

/** Passes SIGINT/SIGTERM on to the command so the report is still written. */
function forwardSignals(pid: number | undefined): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    if (pid) process.kill(pid, signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

export async function runCommand(opts: RunOptions): Promise<number> {
  const started = startSensor(opts.ringbufBytes, opts.noFunctionHooks);
  if (!started.ok) {
    say(`cannot monitor: ${started.reason}`);
    if (started.detail && process.env.CICD_SENSOR_DEBUG) process.stderr.write(`${started.detail}\n`);
    if (!opts.allowUnmonitored) return 3;
    say('--allow-unmonitored: running the command anyway');
    return runUnmonitored(opts.command);
  }
  const { sensor, plan, cgroupRoot } = started;
  let policyId: number | undefined;
  try {
    policyId = opts.egress ? enforcePolicy(sensor, plan, opts.egress, new PolicyIds()) : undefined;
  } catch (err) {
    if (!(err instanceof PolicyError || err instanceof SensorError)) throw err;
    // Fail closed: a policy asked for and not enforceable never degrades to watching only.
    say(`cannot enforce the egress policy: ${err.message}`);
    sensor.close();
    return 3;
  }
  mkdirSync(opts.outDir, { recursive: true });
  const eventsPath = join(opts.outDir, 'events.ndjson');
  rmSync(eventsPath, { force: true });
  const tracker = new KernelTracker(sensor, Sensor.bootToRealtimeNs());
  const notes = new Set<string>();
  // Containers the command starts through the proxy are part of its job.
  const socketDir = mkdtempSync(join(tmpdir(), 'cicd-sensor-run-'));
  const docker = !opts.dockerProxy ? undefined : await startDocker({
    socketDir,
    interpose: false,
    cgroupRoot,
    tracker,
    log: { info: () => undefined, warn: (m) => say(m), error: (m) => say(m) },
    note: (_job, message) => notes.add(message),
  });
  const report = new ReportBuilder({ rowLimit: opts.summaryRows, workspace: process.cwd(), dockerSockets: docker?.bypassPaths });
  const writer = new EventLogWriter(eventsPath, (e: EventRecord) => report.add(e));
  const cgroup = createCgroup(cgroupRoot, `cicd-sensor/run-${process.pid}`);
  writeFileSync(
    join(opts.outDir, 'sensor.json'),
    JSON.stringify({ pid: process.pid, cgroup, maps: sensor.mapIds(), plan }, null, 2) + '\n',
  );
  const startedAt = new Date().toISOString();
  let code: number;
  try {
    // The CLI stands in for Runner.Worker: its one command is the job's one step.
    tracker.registerJob(LOCAL_JOB, [{ id: cgroupId(cgroup), path: cgroup }], writer, { workerPid: process.pid, policyId });
    const pump = new Pump(sensor, tracker, { afterBatch: () => writer.flush() });
    pump.start();
    const env = docker ? { ...process.env, DOCKER_HOST: `unix://${docker.proxyPath}` } : process.env;
    const child = spawnInCgroup(cgroup, opts.command, env);
    const unforward = forwardSignals(child.pid);
    code = await exitCodeOf(child);
    unforward();
    await pump.stop();
  } finally {
    tracker.unregisterJob(LOCAL_JOB.id);
    writer.close();
    removeCgroup(cgroup);
    removeIfUnused(join(cgroup, '..'));
    docker?.close();
    rmSync(socketDir, { recursive: true, force: true });
  }
  const status = sensorStatus(plan, sensor.counters(), tracker.counts, opts.ringbufBytes);
  sensor.close();
  const model = report.build(status, {
    job: LOCAL_JOB,
    startedAt,
    endedAt: new Date().toISOString(),
    workspace: process.cwd(),
    notes: [...notes],
  });
  const paths = writeReportFiles(opts.outDir, model);
  process.stderr.write(`\n${renderText(model)}\n`);
  say(`events: ${paths.events}, summary: ${paths.summary}`);
  return code;
}
