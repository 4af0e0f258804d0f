/**
 * Jobs in the daemon: each has its own directory under DIR/jobs/<id> with
 * its events log, and at the end its report and a done marker (job.json).
 * A log without job.json is a job whose daemon ended before it did.
 */
import { existsSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JobIdentity } from '../events/eventRecord.js';
import { cgroupId, cgroupProcs, moveProcess } from '../platform/cgroup.js';
import type { ReportPaths } from '../report/files.js';
import type { Recorder } from '../recording/recorder.js';
import { makeDirectory, writeReplacing } from '../platform/noFollow.js';
import { chooseJobCgroup, type JobCgroupChoice } from './jobCgroup.js';

export interface RegisterResult {
  id: string;
  cgroup: string;
  isolated: boolean;
  note?: string;
  workerPid?: number;
  events: string;
}

export interface UnregisterResult extends ReportPaths {
  id: string;
  dir: string;
  delivered: number;
}

/** The daemon's side of its jobs: which cgroup is the job, their files in the state directory, the done marker. */
export class JobManager {
  private readonly choices = new Map<string, JobCgroupChoice>();

  constructor(
    private readonly stateDir: string,
    private readonly recorder: Recorder,
    /** The unprivileged user the job's steps run as: they read the job's files. */
    private readonly owner?: { uid: number; gid: number },
  ) {}

  ids(): string[] {
    return [...this.choices.keys()];
  }

  register(identity: JobIdentity, target: { pid?: number; cgroup?: string }, notes: string[] = []): RegisterResult {
    if (this.choices.has(identity.id)) throw new Error(`job ${identity.id} is already registered`);
    const dir = join(this.stateDir, 'jobs', identity.id);
    // A job's log is never replaced: registering a finished job's id again would wipe what it did.
    if (existsSync(dir)) throw new Error(`job id ${identity.id} was used before on this state directory; a job id is never reused`);
    const choice = chooseJobCgroup(target, this.recorder.cgroupRoot, identity.id);
    // Root's, in the runner's group, setgid (its files get that group: the runner reads them) and
    // sticky (the runner may add files of its own, e.g. post's, but never remove or replace root's).
    makeDirectory(dir, 0o3770, this.owner?.gid);
    const recording = this.recorder.begin({
      identity,
      dir,
      cgroups: [{ id: cgroupId(choice.path), path: choice.path }],
      workerPid: choice.workerPid,
      pids: choice.pids,
      workspace: process.env.GITHUB_WORKSPACE,
      notes: [...(choice.note ? [choice.note] : []), ...notes],
    });
    this.choices.set(identity.id, choice);
    return {
      id: identity.id,
      cgroup: choice.path,
      isolated: choice.isolated,
      note: choice.note,
      workerPid: choice.workerPid,
      events: recording.eventsPath,
    };
  }

  /** Call after the ring buffer is drained: nothing of the job is left in flight. */
  unregister(id: string, endedBy = 'unregister'): UnregisterResult {
    const choice = this.choices.get(id);
    if (!choice) throw new Error(`no job ${id} is registered`);
    this.choices.delete(id);
    const recording = this.recorder.get(id)!;
    recording.end();
    this.undoIsolation(choice);
    const done = this.recorder.finish(id);
    const marker = { job: recording.identity, startedAt: done.startedAt, endedAt: done.endedAt, endedBy, delivered: done.delivered, cgroup: choice.path };
    writeReplacing(join(recording.dir, 'job.json'), JSON.stringify(marker, null, 2) + '\n');
    return { id, dir: recording.dir, delivered: done.delivered, events: done.events, summary: done.summary, report: done.report };
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
