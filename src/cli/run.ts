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
import { startSensor, type StartedSensor } from '../kerneltracker/sensorStart.js';
import type { RunOptions } from './args.js';
import { exitCodeOf, forwardSignals, spawnInCgroup } from './spawnInCgroup.js';
import { join } from 'node:path';
import { SensorError } from '../native/sensor.js';
import { PolicyError } from '../policy/endpoints.js';
import { enforcePolicy } from '../policy/enforce.js';
import { jobGuard } from '../recording/docker.js';
import { PolicyIds } from '../policy/kernelPolicy.js';
import type { ReportModel } from '../report/model.js';
import type { ReportView } from '../report/view/types.js';
import { Phases } from './phases.js';
import { runViaDaemon } from './runViaDaemon.js';
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

/** Runs the command in a cgroup of its own as the recording's one job; its exit code. */
async function runRecorded(recorder: Recorder, opts: RunOptions, cgroup: string, stages: EventStage[], phases: Phases, policyId?: number): Promise<number> {
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
    phases.mark('the command');
    await recorder.stop();
    phases.mark('drain');
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

/**
 * What `run` prints and exits with once the report is written, whichever
 * sensor recorded it. `view`: the model's view when the report files were
 * rendered from it here.
 */
export function finishRun(model: ReportModel, paths: { events: string; summary: string; html: string }, code: number, opts: RunOptions, view?: ReportView): number {
  const findings = model.findings;
  if (findings) process.stderr.write(`\n${findingsText(findings)}\n`);
  process.stderr.write(`\n${renderText(model, view)}\n`);
  say(`events: ${paths.events}, summary: ${paths.summary}, page: ${paths.html}`);
  // The command's own failure is the more useful exit code; fail-on only turns a success into 1.
  const failing = findings ? failingFindings(findings, opts.failOn) : [];
  if (code === 0 && failing.length > 0) {
    say(`${failing.length} finding(s) at or above --fail-on ${opts.failOn}: exiting 1`);
    return 1;
  }
  return code;
}

export function printPhases(phases: Phases): void {
  if (process.env[EnvVar.DebugTiming]) process.stderr.write(`cicd-sensor: where the time went:\n${phases.text()}\n`);
}

/**
 * The run through a daemon, finished, or undefined when no daemon took it.
 * Its rules are compiled there, not here too: a daemon refuses a job whose
 * rules do not load, and then this run's own sensor path names every problem.
 */
async function runThroughDaemon(opts: RunOptions, phases: Phases): Promise<number | undefined> {
  const r = opts.daemonStateDir ? await runViaDaemon(opts, opts.daemonStateDir, phases, say) : undefined;
  if (!r) return undefined;
  printPhases(phases);
  return finishRun(r.model, r.paths, r.code, opts);
}

/**
 * The sensor, its programs loading on worker threads while this thread
 * compiles the rules; or the exit code when either cannot be had (or the
 * command's, run unmonitored as --allow-unmonitored asks).
 */
async function startWithRules(opts: RunOptions, phases: Phases): Promise<{ rules: { stages: EventStage[] }; started: StartedSensor } | number> {
  const starting = startSensor(opts);
  const rules = loadRules(opts);
  phases.mark('rules (the sensor loading meanwhile)');
  const started = await starting;
  if (!rules) {
    if (started.ok) started.sensor.close({ inBackground: true });
    return 2;
  }
  if (!started.ok) {
    say(`cannot monitor: ${started.reason}`);
    if (started.detail && process.env[EnvVar.Debug]) process.stderr.write(`${started.detail}\n`);
    if (!opts.allowUnmonitored) return 3;
    say('--allow-unmonitored: running the command anyway');
    return runUnmonitored(opts.command);
  }
  phases.mark('sensor: the rest of open, load, attach');
  return { rules, started };
}

export async function runCommand(opts: RunOptions): Promise<number> {
  const phases = new Phases();
  // Before the rules load: their garbage would grow the young generation first (youngGeneration.ts).
  capYoungGeneration();
  const viaDaemon = await runThroughDaemon(opts, phases);
  if (viaDaemon !== undefined) return viaDaemon;
  const ready = await startWithRules(opts, phases);
  if (typeof ready === 'number') return ready;
  const { rules, started: { sensor, plan, cgroupRoot } } = ready;
  phases.setNative(sensor.timings());
  let policyId: number | undefined;
  try {
    policyId = opts.egress ? enforcePolicy(sensor, plan, opts.egress, new PolicyIds()) : undefined;
  } catch (err) {
    if (!(err instanceof PolicyError || err instanceof SensorError)) throw err;
    // Fail closed: a policy asked for and not enforceable never degrades to watching only.
    say(`cannot enforce the egress policy: ${err.message}`);
    sensor.close({ inBackground: true });
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
  phases.mark('recorder, docker proxy, cgroup');
  let code: number;
  try {
    code = await runRecorded(recorder, opts, cgroup, rules.stages, phases, policyId);
  } finally {
    removeCgroup(cgroup);
    removeIfUnused(join(cgroup, '..'));
    recorder.closeDocker();
    rmSync(socketDir, { recursive: true, force: true });
  }
  const done = recorder.finish(LOCAL_JOB.id);
  phases.mark('report');
  // The report is written: the links' detach (over a second of RCU grace periods) goes on in the background.
  sensor.close({ inBackground: true });
  phases.mark('close (detach handed to a child process)');
  printPhases(phases);
  return finishRun(done.model, done, code, opts, done.view);
}
