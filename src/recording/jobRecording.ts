/**
 * One job's recording (the seed's job event worker): its registration in the
 * tracker, its events log, the report built as events come, the stages that
 * see each event after it is logged, and its end (files and counts). The
 * daemon holds one per registered job; `cicd-sensor run` holds one for its
 * command. Everything a job's events go through is assembled here, once.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AccessInfo, EventRecord, JobIdentity } from '../events/eventRecord.js';
import { EventLogWriter } from '../events/logWriter.js';
import type { ProcessLoss, SensorStatus } from '../events/sensorStatus.js';
import { writeReportFiles, type ReportPaths } from '../report/files.js';
import { ReportBuilder, type ReportModel } from '../report/model.js';
import { buildView } from '../report/view/build.js';
import type { ReportView } from '../report/view/types.js';
import type { JobCgroup, JobSink, KernelTracker } from '../kerneltracker/kernelTracker.js';
import type { JobGuard } from '../proxy/containerGuard.js';
import { addFindings, type EventStage } from './eventStage.js';

export interface JobRecordingOptions {
  identity: JobIdentity;
  /** An existing directory: events.ndjson now, report.json and summary.md at the end. */
  dir: string;
  /** The job's cgroups at registration. */
  cgroups: JobCgroup[];
  /** Runner.Worker (or the CLI): its direct children are the job's steps. */
  workerPid?: number;
  /** The egress policy installed for the job (src/policy/enforce.ts): its cgroups and containers go under it. */
  policyId?: number;
  /** protect-runner: processes the job may not read or trace (Runner.Worker, the sensor). */
  protectPids?: number[];
  /** Processes already in the job, read from /proc so their children get full ancestry. */
  pids?: number[];
  /** Files under it are grouped as the workspace in the report. */
  workspace?: string;
  /** Rows per summary table. */
  rowLimit?: number;
  /** Paths that reach dockerd around the proxy (the report's bypass flag). */
  dockerSockets?: string[];
  /** Notes known at registration (how the job's cgroup was chosen, a missing pre step). */
  notes?: string[];
  /** Per-event stages after the report, in order. */
  stages?: EventStage[];
  /** The container guard the docker proxy applies to the job's creates (its container-policy). */
  containerGuard?: JobGuard;
}

/** Tamper alerts a report lists one by one; past this they are counted. */
const MAX_TAMPER_ALERTS = 50;

export interface FinishedRecording extends ReportPaths {
  model: ReportModel;
  /** The model's view, built once for every rendering of it (summary.md, report.html, the terminal's text). */
  view: ReportView;
  /** Events the job got in all. */
  delivered: number;
  startedAt: string;
  endedAt: string;
}

export class JobRecording implements JobSink {
  readonly identity: JobIdentity;
  readonly dir: string;
  readonly startedAt = new Date().toISOString();
  readonly containerGuard: JobGuard | undefined;
  private readonly writer: EventLogWriter;
  private readonly report: ReportBuilder;
  private readonly stages: EventStage[];
  private readonly notes: Set<string>;
  /** Tamper signals for this job's report, each once. */
  private readonly tampered = new Set<string>();
  private tamperedMore = 0;
  /** Processes already reported for reaching dockerd's socket, by path and program. */
  private readonly dockerBypasses = new Set<string>();
  /** Accesses to the sensor's process already reported, by process and operation. */
  private readonly sensorReaches = new Set<string>();
  private readonly workspace: string | undefined;
  private delivered: number | undefined;
  /** Read from the kernel as the job ends (KernelTracker.lostFilesOf). */
  private lostByProcess: ProcessLoss[] = [];

  /** Registers the job in the tracker with a fresh log; on failure nothing of it is left there. */
  constructor(
    private readonly tracker: KernelTracker,
    opts: JobRecordingOptions,
  ) {
    this.identity = opts.identity;
    this.dir = opts.dir;
    this.workspace = opts.workspace;
    this.containerGuard = opts.containerGuard;
    this.notes = new Set(opts.notes);
    this.stages = opts.stages ?? [];
    this.report = new ReportBuilder({ rowLimit: opts.rowLimit, workspace: opts.workspace, dockerSockets: opts.dockerSockets });
    // A job id used again (a re-run) starts a fresh log.
    rmSync(this.eventsPath, { force: true });
    this.writer = new EventLogWriter(this.eventsPath);
    try {
      tracker.registerJob(opts.identity, opts.cgroups, this, { workerPid: opts.workerPid, policyId: opts.policyId, protectPids: opts.protectPids });
      if (opts.pids) tracker.bootstrap(opts.identity.id, opts.pids);
    } catch (err) {
      this.writer.close();
      if (tracker.jobIds().includes(opts.identity.id)) tracker.unregisterJob(opts.identity.id);
      throw err;
    }
  }

  get eventsPath(): string {
    return join(this.dir, 'events.ndjson');
  }

  /** The tracker's sink: the line first, then the report, then the stages. */
  write(event: EventRecord): void {
    this.writer.write(event);
    this.report.add(event);
    for (const stage of this.stages) stage.onEvent(event);
    if (event.access?.target.pid === process.pid) this.reachedSensor(event, event.access);
  }

  /** A job process reaching into the sensor's own process (this one: the daemon, or `run`). */
  private reachedSensor(event: EventRecord, access: AccessInfo): void {
    const what = [access.operation, access.request, access.proc_file].filter((w) => w !== undefined).join(' ');
    const outcome = access.prevented === true ? ' (prevented)' : '';
    const key = `${event.process.pid}\0${what}`;
    if (this.sensorReaches.has(key)) return;
    this.sensorReaches.add(key);
    this.tamper(`pid ${event.process.pid} (${event.process.exec_path}) reached into the sensor (pid ${process.pid}) with ${what}${outcome}, first at ${event.time}.`);
  }

  /** Writes the buffered lines (after each batch). */
  flush(): void {
    this.writer.flush();
  }

  note(message: string): void {
    this.notes.add(message);
  }

  /** A tamper signal (src/recording/tamper.ts): an alert at the top of the report. */
  tamper(message: string): void {
    if (this.tampered.size < MAX_TAMPER_ALERTS || this.tampered.has(message)) this.tampered.add(message);
    else this.tamperedMore++;
  }

  /** The tracker's word that event's unix connect reached dockerd's own socket (by inode). */
  reachedDockerDaemon(event: EventRecord): void {
    this.report.markDockerBypass(event);
    const path = event.unix_socket?.path ?? '';
    const key = `${path}\0${event.process.exec_path}`;
    if (this.dockerBypasses.has(key)) return;
    this.dockerBypasses.add(key);
    this.tamper(
      `pid ${event.process.pid} (${event.process.exec_path}) connected to dockerd's own socket as ${JSON.stringify(path)} at ${event.time}, around the docker proxy (the same socket by inode): containers started this way are not the job's, and nothing in them is recorded.`,
    );
  }

  /** Events the log could not take (disk full, I/O error); the report still counts them. */
  get lostOnWrite(): number {
    return this.writer.lostOnWrite;
  }

  /**
   * Leaves the tracker (its held DNS questions are logged first) and closes
   * the log; call once the ring buffer is drained. Idempotent, so a caller
   * can end the job in a finally and finish it afterwards.
   */
  end(): number {
    if (this.delivered === undefined) {
      this.lostByProcess = this.tracker.lostFilesOf(this.identity.id);
      this.delivered = this.tracker.unregisterJob(this.identity.id);
      this.writer.close();
      const lost = this.writer.lostOnWrite;
      if (lost > 0) this.note(`${lost} events could not be written to events.ndjson (${this.writer.lastWriteError}); the report counts them, the log lacks them.`);
    }
    return this.delivered;
  }

  /** Ends the job if needed, lets each stage finish, and writes report.json and summary.md (with every note). */
  finish(status: SensorStatus): FinishedRecording {
    const delivered = this.end();
    for (const stage of this.stages) stage.finish?.({ dir: this.dir, note: (m) => this.note(m) });
    const endedAt = new Date().toISOString();
    const model = this.report.build({ ...status, lostByProcess: this.lostByProcess }, {
      job: this.identity,
      startedAt: this.startedAt,
      endedAt,
      workspace: this.workspace,
      notes: [...this.notes],
    });
    if (this.tamperedMore > 0) this.tampered.add(`${this.tamperedMore} more tamper signals like these (a tracer stops the sensor at every system call).`);
    if (this.tampered.size > 0) model.alerts = [...[...this.tampered].map((message) => ({ kind: 'tamper' as const, message })), ...(model.alerts ?? [])];
    addFindings(model, this.stages);
    const view = buildView(model);
    return { model, view, delivered, startedAt: this.startedAt, endedAt, ...writeReportFiles(this.dir, model, view) };
  }
}
