/**
 * Jobs in the daemon: each has its own directory under DIR/jobs/<id> with
 * its events log, and at the end its report and a done marker (job.json).
 * A log without job.json is a job whose daemon ended before it did.
 */
import { existsSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JobIdentity } from '../events/eventRecord.js';
import { cgroupId, cgroupProcs, moveProcess } from '../platform/cgroup.js';
import type { Recorder } from '../recording/recorder.js';
import { makeDirectory, writeReplacing } from '../platform/noFollow.js';
import { jobGuard } from '../recording/docker.js';
import { enforcePolicy, releasePolicy } from '../policy/enforce.js';
import { PolicyIds } from '../policy/kernelPolicy.js';
import type { EgressPolicy } from '../policy/policy.js';
import { BUILTIN_ONLY, engineFromPayload, type RulesPayload } from '../rules/jobRules.js';
import { replayLog } from '../rules/replay.js';
import { RuleStage } from '../rules/ruleStage.js';
import { chooseJobCgroup, type JobCgroupChoice } from './jobCgroup.js';
import type { RegisterReply, UnregisterReply } from './protocol.js';
import type { FinishedReports } from './reportOp.js';

/** The register reply, less what the daemon adds (the docker proxy's address). */
export type RegisterResult = Omit<RegisterReply, 'ok' | 'dockerHost'>;
export type UnregisterResult = Omit<UnregisterReply, 'ok'>;

/** The daemon's side of its jobs: which cgroup is the job, their files in the state directory, the done marker. */
/** What a register request asks for besides the job's identity and target. */
export interface JobOptions {
  /** Lines for the job's report from whoever registers it. */
  notes?: string[];
  /** protect-runner for this job. */
  protect?: boolean;
  /** The text of its rule files. */
  rules?: RulesPayload;
  egress?: EgressPolicy;
  /** Rows per table in its summary.md (the action's summary-rows). */
  summaryRows?: number;
}

/** A job's egress policy in the kernel: its id and the processes exempt from it. */
interface JobPolicy {
  id: number;
  exempt: number[];
}

export class JobManager {
  private readonly choices = new Map<string, JobCgroupChoice>();
  private readonly policies = new Map<string, JobPolicy>();
  private readonly policyIds = new PolicyIds();
  private readonly ruleStages = new Map<string, RuleStage>();

  constructor(
    private readonly stateDir: string,
    private readonly recorder: Recorder,
    /** The unprivileged user the job's steps run as: they read the job's files. */
    private readonly owner?: { uid: number; gid: number },
    /** Where a finished job's model is kept for post (the `report` op). */
    private readonly reports?: FinishedReports,
  ) {}

  ids(): string[] {
    return [...this.choices.keys()];
  }

  /**
   * The job's egress policy into the kernel before its cgroups are tracked.
   * Runner.Worker is exempt by pid: its job messages, logs, artifact and cache
   * traffic to GitHub must never be cut off, and the steps are its children,
   * not it. Fails (and the registration with it) when block cannot be enforced.
   */
  private enforce(jobId: string, egress: EgressPolicy, workerPid?: number): JobPolicy {
    const exempt = workerPid ? [workerPid] : [];
    const id = enforcePolicy(this.recorder.sensor, this.recorder.plan, egress, this.policyIds, { exempt });
    const policy = { id, exempt };
    this.policies.set(jobId, policy);
    return policy;
  }

  private release(jobId: string): void {
    const policy = this.policies.get(jobId);
    if (!policy) return;
    this.policies.delete(jobId);
    releasePolicy(this.recorder.sensor, policy.id, this.policyIds, policy.exempt);
  }

  /** protect: the job may not read or trace its Runner.Worker or the sensor (protect-runner); rules: the text of its rule files. */
  register(identity: JobIdentity, target: { pid?: number; cgroup?: string }, opts: JobOptions = {}): RegisterResult {
    const { notes = [], protect = false, rules, egress, summaryRows } = opts;
    if (this.choices.has(identity.id)) throw new Error(`job ${identity.id} is already registered`);
    // Rules first: a job whose rules do not load is refused before anything of it exists.
    // No rules in the request: the built-in set, as for every job unless it turned them off.
    const stage = new RuleStage(engineFromPayload(rules ?? BUILTIN_ONLY));
    // A job's log is never replaced: registering a finished job's id again would wipe what it did.
    if (existsSync(join(this.stateDir, 'jobs', identity.id))) {
      throw new Error(`job id ${identity.id} was used before on this state directory; a job id is never reused`);
    }
    const choice = chooseJobCgroup(target, this.recorder.cgroupRoot, identity.id);
    try {
      const policy = egress && this.enforce(identity.id, egress, choice.workerPid);
      return this.begin(identity, choice, { notes, protect, stage, policy, egress, summaryRows });
    } catch (err) {
      this.release(identity.id);
      throw err;
    }
  }

  private begin(
    identity: JobIdentity,
    choice: JobCgroupChoice,
    { notes, protect, stage, policy, egress, summaryRows }: { notes: string[]; protect: boolean; stage?: RuleStage; policy?: JobPolicy; egress?: EgressPolicy; summaryRows?: number },
  ): RegisterResult {
    const dir = join(this.stateDir, 'jobs', identity.id);
    // Root's, in the runner's group, setgid (its files get that group: the runner reads them) and
    // sticky (the runner may add files of its own, e.g. post's, but never remove or replace root's).
    makeDirectory(dir, 0o3770, this.owner?.gid);
    const recording = this.recorder.begin({
      identity,
      dir,
      cgroups: [{ id: cgroupId(choice.path), path: choice.path }],
      workerPid: choice.workerPid,
      ...(policy ? { policyId: policy.id } : {}),
      protectPids: protect ? [process.pid, ...(choice.workerPid !== undefined ? [choice.workerPid] : [])] : [],
      pids: choice.pids,
      workspace: process.env.GITHUB_WORKSPACE,
      notes: [...(choice.note ? [choice.note] : []), ...notes],
      stages: stage ? [stage] : [],
      ...(summaryRows !== undefined ? { rowLimit: summaryRows } : {}),
      ...(egress ? { containerGuard: jobGuard(egress, choice.workerPid) } : {}),
    });
    this.choices.set(identity.id, choice);
    if (stage) this.ruleStages.set(identity.id, stage);
    return {
      id: identity.id,
      cgroup: choice.path,
      isolated: choice.isolated,
      note: choice.note,
      workerPid: choice.workerPid,
      events: recording.eventsPath,
      ...(policy && egress ? { egress: { mode: egress.mode, exempt: policy.exempt } } : {}),
    };
  }

  /**
   * New rules for a registered job (the repository's, once its main step ran
   * after checkout): its events so far are replayed through them from its
   * log, and they judge the events to come. Returns the findings so far.
   */
  setRules(id: string, rules: RulesPayload): number {
    const stage = this.ruleStages.get(id);
    const recording = this.recorder.get(id);
    if (!stage || !recording) throw new Error(`job ${id} is not registered with rules`);
    const engine = engineFromPayload(rules);
    recording.flush();
    stage.reload(engine, (visit) => replayLog(recording.eventsPath, visit));
    return stage.findings.length;
  }

  /** Call after the ring buffer is drained: nothing of the job is left in flight. */
  unregister(id: string, endedBy = 'unregister'): UnregisterResult {
    const choice = this.choices.get(id);
    if (!choice) throw new Error(`no job ${id} is registered`);
    this.choices.delete(id);
    this.ruleStages.delete(id);
    const recording = this.recorder.get(id)!;
    recording.end();
    this.release(id);
    this.undoIsolation(choice);
    const done = this.recorder.finish(id);
    const marker = { job: recording.identity, startedAt: done.startedAt, endedAt: done.endedAt, endedBy, delivered: done.delivered, cgroup: choice.path };
    writeReplacing(join(recording.dir, 'job.json'), JSON.stringify(marker, null, 2) + '\n');
    this.reports?.add(id, recording.dir, done.model);
    return { id, dir: recording.dir, delivered: done.delivered, events: done.events, summary: done.summary, report: done.report, html: done.html };
  }

  /** Puts an isolated worker back where it was and removes the job's cgroup. */
  private undoIsolation(choice: JobCgroupChoice): void {
    if (!choice.isolated || !existsSync(choice.path)) return;
    const parent = join(choice.path, '..');
    for (const pid of cgroupProcs(choice.path)) {
      try {
        moveProcess(parent, pid);
      } catch {
        /* exited meanwhile */
      }
    }
    try {
      rmdirSync(choice.path);
    } catch {
      /* a process moved back in meanwhile; the cgroup is harmless empty or not */
    }
  }
}
