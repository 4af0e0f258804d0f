/**
 * Jobs in the daemon: each has its own directory under DIR/jobs/<id> with
 * its events log, and at the end its report and a done marker (job.json).
 * A log without job.json is a job whose daemon ended before it did.
 */
import { chownSync, existsSync, mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobIdentity } from '../events/eventRecord.js';
import { EventLogWriter } from '../events/logWriter.js';
import type { SensorStatus } from '../events/sensorStatus.js';
import { cgroupId, cgroupProcs, moveProcess } from '../platform/cgroup.js';
import { ReportBuilder } from '../report/model.js';
import { writeReportFiles, type ReportPaths } from '../report/files.js';
import type { KernelTracker } from '../tracker/kernelTracker.js';
import { chooseJobCgroup, type JobCgroupChoice } from './jobCgroup.js';

interface ActiveJob {
  identity: JobIdentity;
  notes: Set<string>;
  dir: string;
  writer: EventLogWriter;
  report: ReportBuilder;
  choice: JobCgroupChoice;
  startedAt: string;
}

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

export class JobManager {
  private readonly active = new Map<string, ActiveJob>();
  private dockerBypassPaths: string[] | undefined;

  constructor(
    private readonly stateDir: string,
    private readonly cgroupRoot: string,
    private readonly tracker: KernelTracker,
    /** The unprivileged user the job's steps run as: they read the job's files. */
    private readonly owner?: { uid: number; gid: number },
  ) {}

  private giveToOwner(...paths: string[]): void {
    if (!this.owner) return;
    for (const p of paths) if (existsSync(p)) chownSync(p, this.owner.uid, this.owner.gid);
  }

  /** Where the real docker socket can be reached around the proxy. */
  setDockerBypassPaths(paths: string[]): void {
    this.dockerBypassPaths = paths;
  }

  note(jobId: string, message: string): void {
    this.active.get(jobId)?.notes.add(message);
  }

  ids(): string[] {
    return [...this.active.keys()];
  }

  /** Events of a live job its log could not take (disk full, I/O error). */
  lostOnWrite(id: string): number {
    return this.active.get(id)?.writer.lostOnWrite ?? 0;
  }

  register(identity: JobIdentity, target: { pid?: number; cgroup?: string }): RegisterResult {
    if (this.active.has(identity.id)) throw new Error(`job ${identity.id} is already registered`);
    const dir = join(this.stateDir, 'jobs', identity.id);
    // A job's log is never replaced: registering a finished job's id again would wipe what it did.
    if (existsSync(dir)) throw new Error(`job id ${identity.id} was used before on this state directory; a job id is never reused`);
    const choice = chooseJobCgroup(target, this.cgroupRoot, identity.id);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const report = new ReportBuilder({ workspace: process.env.GITHUB_WORKSPACE, dockerSockets: this.dockerBypassPaths });
    const writer = new EventLogWriter(join(dir, 'events.ndjson'), (e) => report.add(e));
    this.giveToOwner(join(this.stateDir, 'jobs'), dir, writer.path);
    try {
      this.tracker.registerJob(identity, [{ id: cgroupId(choice.path), path: choice.path }], writer, {
        workerPid: choice.workerPid,
      });
      this.tracker.bootstrap(identity.id, choice.pids);
    } catch (err) {
      writer.close();
      if (this.tracker.jobIds().includes(identity.id)) this.tracker.unregisterJob(identity.id);
      throw err;
    }
    const notes = new Set<string>(choice.note ? [choice.note] : []);
    this.active.set(identity.id, { identity, notes, dir, writer, report, choice, startedAt: new Date().toISOString() });
    return {
      id: identity.id,
      cgroup: choice.path,
      isolated: choice.isolated,
      note: choice.note,
      workerPid: choice.workerPid,
      events: writer.path,
    };
  }

  /** Call after the ring buffer is drained: nothing of the job is left in flight. */
  unregister(id: string, status: SensorStatus, endedBy = 'unregister'): UnregisterResult {
    const job = this.active.get(id);
    if (!job) throw new Error(`no job ${id} is registered`);
    this.active.delete(id);
    const delivered = this.tracker.unregisterJob(id);
    job.writer.close();
    const lost = job.writer.lostOnWrite;
    if (lost > 0) job.notes.add(`${lost} events could not be written to the log (${job.writer.lastWriteError}); they are counted in the report but missing from events.ndjson.`);
    this.undoIsolation(job.choice);
    const endedAt = new Date().toISOString();
    const notes = [...job.notes];
    const model = job.report.build(status, {
      job: job.identity,
      startedAt: job.startedAt,
      endedAt,
      workspace: process.env.GITHUB_WORKSPACE,
      notes,
    });
    const paths = writeReportFiles(job.dir, model);
    const marker = { job: job.identity, startedAt: job.startedAt, endedAt, endedBy, delivered, cgroup: job.choice.path };
    writeFileSync(join(job.dir, 'job.json'), JSON.stringify(marker, null, 2) + '\n');
    this.giveToOwner(paths.summary, paths.report, join(job.dir, 'job.json'));
    return { id, dir: job.dir, delivered, ...paths };
  }

  /** Flushes every job's log (after each batch). */
  flush(): void {
    for (const job of this.active.values()) job.writer.flush();
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
