/**
 * `cicd-sensor run` through a daemon already running on the host: the
 * command's cgroup is registered with it as a job, so nothing is loaded
 * into the kernel for this run (the daemon's hooks are attached already,
 * and the register reply comes after the cgroup is tracked: the command's
 * first exec is seen). The daemon writes the job's files; they are copied
 * to --out, and the report printed from its report.json (the model), so
 * what the user gets is what run's own sensor would have given.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { controlSocketPath, DaemonUnavailable, request } from '../daemon/client.js';
import type { RegisterReply, Request } from '../daemon/protocol.js';
import { cgroupId, createCgroup, removeCgroup, removeIfUnused } from '../platform/cgroup.js';
import { checkPlatform } from '../platform/checks.js';
import type { ReportModel } from '../report/model.js';
import { readRuleSources } from '../rules/sources.js';
import { RuleLoadError } from '../rules/specs.js';
import type { RunOptions } from './args.js';
import type { Phases } from './phases.js';
import { exitCodeOf, forwardSignals, spawnInCgroup } from './spawnInCgroup.js';

/** How long a daemon has to answer the register request before run loads its own sensor. */
const REGISTER_TIMEOUT_MS = 5_000;

export interface DaemonRun {
  code: number;
  model: ReportModel;
  paths: { events: string; summary: string; html: string };
}

type Say = (line: string) => void;

/** The register request for the command's cgroup; this process stands in for Runner.Worker (its one child is the one step). */
function registerRequest(opts: RunOptions, id: string, cgroup: string): Request {
  return {
    op: 'register',
    job: { id, name: 'local' },
    cgroup,
    worker: process.pid,
    summaryRows: opts.summaryRows,
    ...(opts.protect ? { protect: true } : {}),
    // Always sent: the built-in set is on or off as for run's own sensor.
    rules: { sources: readRuleSources(opts.rules), monitorMode: opts.monitorMode, builtin: opts.builtinRules },
  };
}

/**
 * Registers the cgroup; undefined (and nothing left behind) when no daemon
 * answers or it refuses, or the rule files cannot be read (the caller's own
 * sensor path then names every problem with them).
 */
async function register(opts: RunOptions, stateDir: string, id: string, cgroup: string, say: Say): Promise<RegisterReply | undefined> {
  try {
    const reply = await request(stateDir, registerRequest(opts, id, cgroup), REGISTER_TIMEOUT_MS);
    if (reply.ok) return reply as RegisterReply;
    if (!/rule/i.test(reply.error)) say(`the daemon at ${stateDir} refused the job (${reply.error}): loading this run's own sensor`);
  } catch (err) {
    if (err instanceof RuleLoadError) return undefined;
    if (!(err instanceof DaemonUnavailable)) throw err;
    if (!/ENOENT|ECONNREFUSED/.test(err.message)) say(`${err.message}: loading this run's own sensor`);
  }
  return undefined;
}

async function runChild(cgroup: string, opts: RunOptions, dockerHost: string | undefined): Promise<number> {
  const env = dockerHost && opts.dockerProxy ? { ...process.env, DOCKER_HOST: dockerHost } : process.env;
  const child = spawnInCgroup(cgroup, opts.command, env);
  const unforward = forwardSignals(child.pid);
  try {
    return await exitCodeOf(child);
  } finally {
    unforward();
  }
}

/** The job's files (events, findings, report, summary, page, allowed endpoints) into --out; the daemon's copy goes. */
function collect(jobDir: string, outDir: string): { model: ReportModel; paths: DaemonRun['paths'] } {
  for (const name of readdirSync(jobDir)) {
    if (name !== 'job.json') copyFileSync(join(jobDir, name), join(outDir, name));
  }
  rmSync(jobDir, { recursive: true, force: true });
  const model = JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')) as ReportModel;
  return { model, paths: { events: join(outDir, 'events.ndjson'), summary: join(outDir, 'summary.md'), html: join(outDir, 'report.html') } };
}

/**
 * Runs the command as a job of the daemon at stateDir. Undefined when no
 * daemon answers there (or it refused the job): the caller loads its own
 * sensor. A daemon that fails after accepting the job is an error.
 */
export async function runViaDaemon(opts: RunOptions, stateDir: string, phases: Phases, say: Say): Promise<DaemonRun | undefined> {
  if (!existsSync(controlSocketPath(stateDir))) return undefined;
  const platform = checkPlatform();
  if (!platform.ok || !platform.cgroupRoot) return undefined;
  const cgroup = createCgroup(platform.cgroupRoot, `cicd-sensor/run-${process.pid}`);
  const id = `local-${process.pid}-${Date.now()}`;
  let code: number;
  try {
    const reply = await register(opts, stateDir, id, cgroup, say);
    if (!reply) return undefined;
    say(`recording through the daemon at ${stateDir}: no BPF loaded for this run`);
    mkdirSync(opts.outDir, { recursive: true });
    const info = { pid: process.pid, cgroup, cgroupId: String(cgroupId(cgroup)), daemon: stateDir, job: id };
    writeFileSync(join(opts.outDir, 'sensor.json'), JSON.stringify(info, null, 2) + '\n');
    phases.mark('register with the daemon');
    code = await runChild(cgroup, opts, reply.dockerHost);
    phases.mark('the command');
  } finally {
    removeCgroup(cgroup);
    removeIfUnused(join(cgroup, '..'));
  }
  // The daemon drains the kernel before it answers: every event of the job is in the log.
  const done = await request(stateDir, { op: 'unregister', id });
  if (!done.ok) throw new Error(`the daemon at ${stateDir} could not close the job: ${done.error}`);
  phases.mark('drain and report (the daemon)');
  return { code, ...collect(done.dir, opts.outDir) };
}
