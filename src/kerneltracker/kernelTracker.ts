/**
 * The KernelTracker of seed 000: the userspace mirror of which cgroups
 * belong to which job, and the one place that decides which job receives
 * each EventRecord. Every sample goes through handle(), in ring buffer order.
 */
import { existsSync } from 'node:fs';
import type { EventRecord, JobIdentity } from '../events/eventRecord.js';
import type { CgroupSample, DomainSample, Sample } from '../kernel/decode.js';
import { JobDomains } from './domains.js';
import { buildEvent, domainEvent, type ContainerRef, type EventContext } from './eventBuilder.js';
import { ProcessTable, readProc, type ProcessNode } from './processTable.js';
import { firstScriptLine, stepLabel } from './steps.js';

/** The kernel map operations the mirror keeps in step with. */
export interface KernelMaps {
  trackCgroup(id: bigint): void;
  untrackCgroup(id: bigint): void;
  trackTask(tgid: number, startNs: bigint): void;
  untrackTask(tgid: number): void;
  stage(basename: string): void;
  unstage(basename: string): void;
}

export type { ContainerRef } from './eventBuilder.js';

export interface JobCgroup {
  id: bigint;
  /** Absolute cgroupfs path, when known: lets reconcile notice a missed rmdir. */
  path?: string;
}

export interface JobOptions {
  /** Runner.Worker (or the CLI): its direct children are the job's steps. */
  workerPid?: number;
}

export interface JobSink {
  write(event: EventRecord): void;
}

interface JobState {
  identity: JobIdentity;
  sink: JobSink;
  /** Events of every kind delivered to this job. */
  delivered: number;
  workerPid?: number;
  registeredAt: number;
  domains: JobDomains;
}

export interface TrackerCounts {
  /** Samples whose cgroup belonged to no job the mirror knows. */
  unattributed: number;
  /** Connects of protocols other than TCP and UDP (e.g. ICMP ping sockets), which the schema cannot carry. */
  otherProtocol: number;
  /** Records that did not decode. */
  malformed: number;
  /** Domain names sent on sockets whose process is not known (accepted, or older than the sensor). */
  ownerless: number;
}

/** How long a removed cgroup still attributes late records to its job. */
const REMOVED_GRACE_MS = 5_000;

export class KernelTracker {
  readonly jobByCgroup = new Map<number, string>();
  readonly cgroupsByJob = new Map<string, Set<number>>();
  readonly stagingByBasename = new Map<string, string>();
  readonly stagingByJob = new Map<string, Set<string>>();
  readonly processes = new ProcessTable();
  private readonly jobs = new Map<string, JobState>();
  private readonly jobOfPid = new Map<number, string>();
  private readonly removedAt = new Map<number, number>();
  private readonly cgroupPath = new Map<number, string>();
  private readonly containerByBasename = new Map<string, ContainerRef>();
  private readonly containerByCgroup = new Map<number, ContainerRef>();
  private readonly stagedAt = new Map<string, number>();
  /** Filled per event for the event builder; nothing keeps it. */
  private readonly ctx: EventContext;
  readonly counts: TrackerCounts = { unattributed: 0, otherProtocol: 0, malformed: 0, ownerless: 0 };

  constructor(
    private readonly maps: KernelMaps,
    bootToRealNs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.ctx = { job: { id: '' }, container: undefined, node: undefined as unknown as ProcessNode, bootToRealNs, domainOf: undefined };
  }

  registerJob(identity: JobIdentity, cgroups: JobCgroup[], sink: JobSink, opts: JobOptions = {}): void {
    if (this.jobs.has(identity.id)) throw new Error(`job ${identity.id} is already registered`);
    for (const c of cgroups) {
      const owner = this.jobByCgroup.get(Number(c.id));
      if (owner !== undefined) throw new Error(`cgroup ${c.path ?? c.id} already belongs to job ${owner}`);
    }
    this.jobs.set(identity.id, {
      // Shared by every event of the job, and logged once: frozen (eventBuilder.ts).
      identity: Object.freeze({ ...identity }),
      sink,
      delivered: 0,
      workerPid: opts.workerPid,
      registeredAt: this.now(),
      domains: new JobDomains(this.now),
    });
    this.cgroupsByJob.set(identity.id, new Set());
    this.stagingByJob.set(identity.id, new Set());
    for (const c of cgroups) this.addCgroup(identity.id, Number(c.id), c.path);
  }

  /**
   * Processes already in the job when it registered (the runner worker, the
   * step that registered it): read from /proc, parents first, so their
   * children get full ancestors, and marked in the kernel as the job's.
   */
  bootstrap(jobId: string, pids: number[]): void {
    const job = this.jobs.get(jobId);
    if (!job) throw new Error(`unknown job ${jobId}`);
    const parentsFirst = pids
      .map((pid) => ({ pid, proc: readProc(pid) }))
      .filter((p) => p.proc !== undefined)
      .sort((a, b) => a.proc!.startTicks - b.proc!.startTicks);
    for (const { pid } of parentsFirst) {
      const node = this.processes.resolve(pid, 0);
      this.jobOfPid.set(pid, jobId);
      this.assignStep(node, job);
      this.maps.trackTask(pid, BigInt(node.startNs));
    }
  }

  /**
   * Removes every trace of the job from the kernel maps and the mirror,
   * after sending its DNS questions still held for an answer; returns how
   * many events the job got in all.
   */
  unregisterJob(jobId: string): number {
    this.releaseHeldDomains(jobId);
    const delivered = this.delivered(jobId);
    for (const id of this.cgroupsByJob.get(jobId) ?? []) {
      this.maps.untrackCgroup(BigInt(id));
      this.jobByCgroup.delete(id);
      this.removedAt.delete(id);
      this.cgroupPath.delete(id);
      this.containerByCgroup.delete(id);
    }
    for (const name of [...(this.stagingByJob.get(jobId) ?? [])]) this.dropStaging(name);
    const pids = [...this.jobOfPid].filter(([, job]) => job === jobId).map(([pid]) => pid);
    this.processes.forget(pids);
    for (const pid of pids) {
      this.jobOfPid.delete(pid);
      // Else a job process moving cgroups later would drag a cgroup back in.
      this.maps.untrackTask(pid);
    }
    this.cgroupsByJob.delete(jobId);
    this.stagingByJob.delete(jobId);
    this.jobs.delete(jobId);
    return delivered;
  }

  jobIds(): string[] {
    return [...this.jobs.keys()];
  }

  delivered(jobId: string): number {
    return this.jobs.get(jobId)?.delivered ?? 0;
  }

  private addCgroup(jobId: string, id: number, path?: string): void {
    this.maps.trackCgroup(BigInt(id));
    this.jobByCgroup.set(id, jobId);
    this.cgroupsByJob.get(jobId)?.add(id);
    if (path) this.cgroupPath.set(id, path);
  }

  /**
   * Staging promote, first half: a container the job is creating will get a
   * cgroup with this basename; when the kernel sees it made, it is the job's.
   */
  stage(jobId: string, basename: string, container: ContainerRef): void {
    if (!this.jobs.has(jobId)) throw new Error(`unknown job ${jobId}`);
    this.maps.stage(basename);
    this.stagingByBasename.set(basename, jobId);
    this.stagingByJob.get(jobId)?.add(basename);
    this.containerByBasename.set(basename, Object.freeze({ ...container }));
    this.stagedAt.set(basename, this.now());
  }

  /** Drops staging entries never promoted (a create that was never started). */
  expireStaging(maxAgeMs: number): void {
    const limit = this.now() - maxAgeMs;
    for (const [name, at] of this.stagedAt) {
      if (at > limit) continue;
      this.dropStaging(name);
    }
  }

  private dropStaging(name: string): void {
    const jobId = this.stagingByBasename.get(name);
    this.maps.unstage(name);
    this.stagingByBasename.delete(name);
    if (jobId !== undefined) this.stagingByJob.get(jobId)?.delete(name);
    this.containerByBasename.delete(name);
    this.stagedAt.delete(name);
  }

  /** The job whose tracked cgroup has this id, if any. */
  jobOfCgroup(id: number): string | undefined {
    return this.jobByCgroup.get(id);
  }

  /** Jobs registered longer ago than maxAgeMs (never unregistered: the runner died). */
  staleJobs(maxAgeMs: number): string[] {
    const limit = this.now() - maxAgeMs;
    return [...this.jobs.values()].filter((j) => j.registeredAt < limit).map((j) => j.identity.id);
  }

  processCount(): number {
    return this.processes.size;
  }

  /** Sizes of every mirror table: all zero once the last job is gone. */
  mirrorSizes(): Record<string, number> {
    return {
      jobs: this.jobs.size,
      jobByCgroup: this.jobByCgroup.size,
      cgroupsByJob: this.cgroupsByJob.size,
      stagingByBasename: this.stagingByBasename.size,
      stagingByJob: this.stagingByJob.size,
      containerByBasename: this.containerByBasename.size,
      containerByCgroup: this.containerByCgroup.size,
      processes: this.processes.size,
      jobOfPid: this.jobOfPid.size,
      domainProcesses: [...this.jobs.values()].reduce((n, j) => n + j.domains.processes, 0),
    };
  }

  noteMalformed(): void {
    this.counts.malformed++;
  }

  handle(s: Sample): void {
    if (s.kind === 'cgroup') {
      this.handleCgroup(s);
      return;
    }
    const jobId = this.jobByCgroup.get(s.cgroupId) ?? this.jobOfPid.get(s.pid);
    const job = jobId !== undefined ? this.jobs.get(jobId) : undefined;
    if (!job || jobId === undefined) {
      this.counts.unattributed++;
      return;
    }
    if (s.kind === 'connect' && s.protocol === 'other') {
      this.counts.otherProtocol++;
      return;
    }
    if (s.kind === 'domain') {
      this.handleDomain(s, job, jobId);
      return;
    }
    const node = this.processFor(s, jobId);
    const event = buildEvent(s, this.contextFor(job, s.cgroupId, node));
    if (s.kind === 'exit') {
      job.domains.forgetProcess(node);
      this.processes.exit(s.pid, s.startNs);
      this.jobOfPid.delete(s.pid);
    }
    if (event) this.deliver(job, event);
  }

  private contextFor(job: JobState, cgroupId: number, node: ProcessNode): EventContext {
    const ctx = this.ctx;
    ctx.job = job.identity;
    ctx.container = this.containerByCgroup.get(cgroupId);
    ctx.node = node;
    ctx.domainOf = job.domains;
    return ctx;
  }

  /** Answers name addresses and complete held questions; names from processes go through JobDomains. */
  private handleDomain(s: DomainSample, job: JobState, jobId: string): void {
    if (s.source === 'dns_answer') {
      for (const e of job.domains.answered(s)) this.deliver(job, e);
      return;
    }
    if (s.pid === 0) {
      this.counts.ownerless++;
      return;
    }
    const node = this.processFor(s, jobId);
    const e = job.domains.seenFrom(s, node, (d) => domainEvent(d, s, this.contextFor(job, s.cgroupId, node)));
    if (e) this.deliver(job, e);
  }

  /**
   * Delivers DNS questions whose answer did not come within ANSWER_WAIT_MS
   * (all of them when all is set: the records are drained and nothing more
   * will come). Called by the pump between batches.
   */
  releaseDueDomains(all = false): void {
    for (const job of this.jobs.values()) this.releaseDomains(job, all);
  }

  /** Sends the job's DNS questions still waiting for an answer: the job is ending. */
  releaseHeldDomains(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (job) this.releaseDomains(job, true);
  }

  private releaseDomains(job: JobState, all: boolean): void {
    for (const e of job.domains.due(all)) this.deliver(job, e);
  }

  private processFor(s: Exclude<Sample, CgroupSample>, jobId: string): ProcessNode {
    const job = this.jobs.get(jobId)!;
    let node: ProcessNode;
    if (s.kind === 'fork') {
      node = this.processes.fork(s.pid, s.startNs, s.ppid, s.parentStartNs, s.uid);
    } else if (s.kind === 'exec') {
      node = this.processes.exec(s.pid, s.startNs, s.ppid, s.parentStartNs, {
        execPath: s.execPath,
        argv: s.argv,
        argvTruncated: s.argvTruncated === true,
        cwd: s.cwd,
        uid: s.uid,
      });
    } else {
      node = this.processes.resolve(s.pid, s.startNs);
    }
    if (s.kind !== 'exit' && !this.jobOfPid.has(s.pid)) this.assignStep(node, job);
    else if (s.kind === 'exec' && node.step?.pid === node.pid) this.assignStep(node, job);
    this.jobOfPid.set(s.pid, jobId);
    return node;
  }

  /** A direct child of the worker starts a step; its exec names it. */
  private assignStep(node: ProcessNode, job: JobState): void {
    if (job.workerPid === undefined || node.ppid !== job.workerPid) return;
    node.step = Object.freeze({ pid: node.pid, label: stepLabel(node.execPath, node.argv, (path) => firstScriptLine(path, node.uid)) });
  }

  /**
   * Numbers the event in its job's log order and hands it to the job: seq is
   * per job and gapless, so a gap in a log means events were lost.
   */
  private deliver(job: JobState, e: EventRecord): void {
    e.seq = job.delivered++;
    job.sink.write(e);
  }

  private handleCgroup(s: CgroupSample): void {
    if (s.op === 'rmdir') {
      // Late records from the removed cgroup still find their job for a while.
      if (this.jobByCgroup.has(s.id)) this.removedAt.set(s.id, this.now());
      return;
    }
    let jobId: string | undefined;
    if (s.op === 'mkdir') jobId = this.jobByCgroup.get(s.parentId);
    else if (s.op === 'attach') jobId = this.jobOfPid.get(s.pid) ?? this.jobByCgroup.get(s.cgroupId);
    else jobId = this.stagingByBasename.get(s.name);
    if (jobId === undefined || !this.jobs.has(jobId)) {
      // The kernel tracked it on its own evidence; with no job to give it to, stop.
      this.maps.untrackCgroup(BigInt(s.id));
      this.counts.unattributed++;
      return;
    }
    if (s.op === 'promote') {
      const container = this.containerByBasename.get(s.name);
      this.dropStaging(s.name);
      if (container) this.containerByCgroup.set(s.id, container);
    } else if (s.op === 'mkdir') {
      // Cgroups inside a container's belong to that container too.
      const container = this.containerByCgroup.get(s.parentId);
      if (container) this.containerByCgroup.set(s.id, container);
    }
    const parentPath = this.cgroupPath.get(s.parentId);
    this.jobByCgroup.set(s.id, jobId);
    this.cgroupsByJob.get(jobId)?.add(s.id);
    if (parentPath && s.op === 'mkdir') this.cgroupPath.set(s.id, `${parentPath}/${s.name}`);
  }

  /**
   * Catches a removal the kernel hook missed (for example while the ring
   * buffer was full): a registered cgroup whose directory is gone is treated
   * as removed.
   */
  reconcile(): void {
    for (const [id, path] of this.cgroupPath) {
      if (this.removedAt.has(id) || existsSync(path)) continue;
      this.maps.untrackCgroup(BigInt(id));
      this.removedAt.set(id, this.now());
    }
  }

  /** Forgets removed cgroups whose grace period is over. */
  expireRemoved(): void {
    const limit = this.now() - REMOVED_GRACE_MS;
    for (const [id, at] of this.removedAt) {
      if (at > limit) continue;
      const jobId = this.jobByCgroup.get(id);
      this.jobByCgroup.delete(id);
      if (jobId !== undefined) this.cgroupsByJob.get(jobId)?.delete(id);
      this.removedAt.delete(id);
      this.cgroupPath.delete(id);
    }
  }
}
