/** `cicd-sensor run`: one command, watched from its first exec to its exit. */
import { spawn } from 'node:child_process';
import { EnvVar } from '../action/constants.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { JobIdentity } from '../events/eventRecord.js';
import { failingFindings } from '../findings/severity.js';
import { findingsText } from '../findings/text.js';
import { cgroupId, createCgroup, removeCgroup, removeIfUnused } from '../platform/cgroup.js';
import type { EventStage } from '../recording/eventStage.js';
import { Recorder } from '../recording/recorder.js';
import { renderText } from '../report/text.js';
import { ruleStageOf } from '../rules/jobRules.js';
import { RuleLoadError } from '../rules/specs.js';
import { startSensor } from '../kerneltracker/sensorStart.js';
import type { RunOptions } from './args.js';
import { exitCodeOf, spawnInCgroup } from './spawnInCgroup.js';
import { join } from 'node:path';
import { SensorError } from '../native/sensor.js';
import { PolicyError } from '../policy/endpoints.js';
import { enforcePolicy } from '../policy/enforce.js';
import { jobGuard } from '../recording/docker.js';
import { PolicyIds } from '../policy/kernelPolicy.js';
import { capYoungGeneration } from '../platform/youngGeneration.js';

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
async function runRecorded(recorder: Recorder, opts: RunOptions, cgroup: string, stages: EventStage[], policyId?: number): Promise<number> {
  // The CLI stands in for Runner.Worker: its one command is the job's one step.
  const recording = recorder.begin({
    identity: LOCAL_JOB,
    dir: opts.outDir,
    cgroups: [{ id: cgroupId(cgroup), path: cgroup }],
    workerPid: process.pid,
    policyId,
    protectPids: opts.protect ? [process.pid] : [],
    workspace: process.cwd(),
    rowLimit: opts.summaryRows,
    stages,
    // Not by its pid: the CLI is node, and node's install is no runner's.
    ...(opts.egress ? { containerGuard: jobGuard(opts.egress) } : {}),
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

/** The rules stage, or undefined with the problems printed (exit 2: nothing ran). */
function loadRules(opts: RunOptions): { stages: EventStage[] } | undefined {
  try {
    const stage = ruleStageOf({ files: opts.rules, monitorMode: opts.monitorMode, builtin: opts.builtinRules });
    return { stages: stage ? [stage] : [] };
  } catch (err) {
    if (!(err instanceof RuleLoadError)) throw err;
    process.stderr.write(`${err.message}\n`);
    say(`the rule files have ${err.problems.length} problem(s); nothing was run`);
    return undefined;
  }
}

export async function runCommand(opts: RunOptions): Promise<number> {
  // Before the rules load: their garbage would grow the young generation first (youngGeneration.ts).
  capYoungGeneration();
  const rules = loadRules(opts);
  if (!rules) return 2;
  const started = startSensor(opts.ringbufBytes, opts.noFunctionHooks);
  if (!started.ok) {
    say(`cannot monitor: ${started.reason}`);
    if (started.detail && process.env[EnvVar.Debug]) process.stderr.write(`${started.detail}\n`);
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
  const recorder = new Recorder(sensor, plan, cgroupRoot);
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
    code = await runRecorded(recorder, opts, cgroup, rules.stages, policyId);
  } finally {
    removeCgroup(cgroup);
    removeIfUnused(join(cgroup, '..'));
    recorder.closeDocker();
    rmSync(socketDir, { recursive: true, force: true });
  }
  const done = recorder.finish(LOCAL_JOB.id);
  sensor.close();
  const findings = done.model.findings;
  if (findings) process.stderr.write(`\n${findingsText(findings)}\n`);
  process.stderr.write(`\n${renderText(done.model)}\n`);
  say(`events: ${done.events}, summary: ${done.summary}, page: ${done.html}`);
  // The command's own failure is the more useful exit code; fail-on only turns a success into 1.
  const failing = findings ? failingFindings(findings, opts.failOn) : [];
  if (code === 0 && failing.length > 0) {
    say(`${failing.length} finding(s) at or above --fail-on ${opts.failOn}: exiting 1`);
    return 1;
  }
  return code;
}
