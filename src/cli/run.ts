/** `cicd-sensor run`: one command, watched from its first exec to its exit. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { JobIdentity } from '../events/eventRecord.js';
import { cgroupId, createCgroup, removeCgroup, removeIfUnused } from '../platform/cgroup.js';
import { Recorder } from '../recording/recorder.js';
import { renderText } from '../report/text.js';
import { startSensor } from '../kerneltracker/sensorStart.js';
import type { RunOptions } from './args.js';
import { exitCodeOf, spawnInCgroup } from './spawnInCgroup.js';
import { join } from 'node:path';

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

/** Runs the command in a cgroup of its own as the recording's one job; its exit code. */
async function runRecorded(recorder: Recorder, opts: RunOptions, cgroup: string): Promise<number> {
  // The CLI stands in for Runner.Worker: its one command is the job's one step.
  const recording = recorder.begin({
    identity: LOCAL_JOB,
    dir: opts.outDir,
    cgroups: [{ id: cgroupId(cgroup), path: cgroup }],
    workerPid: process.pid,
    workspace: process.cwd(),
    rowLimit: opts.summaryRows,
  });
  try {
    const docker = recorder.docker;
    const env = docker ? { ...process.env, DOCKER_HOST: `unix://${docker.proxyPath}` } : process.env;
    const child = spawnInCgroup(cgroup, opts.command, env);
    const unforward = forwardSignals(child.pid);
    const code = await exitCodeOf(child);
    unforward();
    await recorder.stop();
    return code;
  } finally {
    recording.end();
  }
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
  mkdirSync(opts.outDir, { recursive: true });
  const recorder = new Recorder(sensor, plan, cgroupRoot, opts.ringbufBytes);
  // Containers the command starts through the proxy are part of its job.
  const socketDir = mkdtempSync(join(tmpdir(), 'cicd-sensor-run-'));
  const log = { info: () => undefined, warn: say, error: say };
  await recorder.start(opts.dockerProxy ? { socketDir, interpose: false, log } : undefined);
  const cgroup = createCgroup(cgroupRoot, `cicd-sensor/run-${process.pid}`);
  writeFileSync(
    join(opts.outDir, 'sensor.json'),
    JSON.stringify({ pid: process.pid, cgroup, maps: sensor.mapIds(), plan }, null, 2) + '\n',
  );
  let code: number;
  try {
    code = await runRecorded(recorder, opts, cgroup);
  } finally {
    removeCgroup(cgroup);
    removeIfUnused(join(cgroup, '..'));
    recorder.closeDocker();
    rmSync(socketDir, { recursive: true, force: true });
  }
  const done = recorder.finish(LOCAL_JOB.id);
  sensor.close();
  process.stderr.write(`\n${renderText(done.model)}\n`);
  say(`events: ${done.events}, summary: ${done.summary}`);
  return code;
}
