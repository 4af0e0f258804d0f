/**
 * The KernelTracker: the userspace mirror of which cgroups and processes
 * belong to which job, and the one place that decides which job receives
 * each EventRecord. Every sample goes through handle(), in ring buffer
 * order; the state lives in the parts named for the design's concepts: the
 * job registry (jobByCgroup, cgroupsByJob), staging (stagingByBasename,
 * stagingByJob), processes by job (process nodes, steps), and event
 * assembly (eventBuilder.ts).
 */
import type { ContainerInfo, EventRecord, JobIdentity, ProcessRef, ProxyRecord } from '../events/eventRecord.js';
import type { ProcessLoss } from '../events/sensorStatus.js';
import type { CgroupSample, DomainSample, Sample, TamperSample } from '../kernel/decode.js';
import type { TargetLookup } from './accessEvents.js';
import { buildEvent, domainEvent, proxyEvent, type EventContext } from './eventBuilder.js';
import { JobProcesses } from './jobProcesses.js';
import { JobRegistry, type JobCgroup, type JobSink, type JobState } from './jobRegistry.js';
import type { KernelMaps } from './kernelMaps.js';
import { processLosses } from './lostFiles.js';
import type { ProcessNode } from './processTable.js';
import { Protection } from './protection.js';
import { Staging } from './staging.js';
import { ProcessTargets } from './targets.js';

export type { KernelMaps } from './kernelMaps.js';
export type { JobCgroup, JobSink } from './jobRegistry.js';

export interface JobOptions {
  /** Runner.Worker (or the CLI): its direct children are the job's steps. */
  workerPid?: number;
  /** The egress policy installed for the job (src/policy/enforce.ts); its cgroups and containers are put under it. */
  policyId?: number;
  /** protect-runner: processes the job must not read or trace (Runner.Worker, the sensor) while it runs. */
  protectPids?: number[];
}

/** The socket file dockerd listens on (stat's dev and ino): a job connecting to it went around the proxy. */
export interface SocketFile {
  dev: number;
  ino: number;
}

/** A container create or exec between the proxy's verdict and its delivery (KernelTracker.snapshotProxyRecord). */
export interface PendingProxyRecord {
  jobId: string;
  cgroupId: number;
  record: ProxyRecord;
  /** The docker client at the create. */
  node: ProcessNode;
  timeNs: number;
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

export class KernelTracker {
  readonly registry: JobRegistry;
  readonly staging: Staging;
  readonly processes: JobProcesses;
  readonly protection: Protection;
  private readonly targets: ProcessTargets;
  /** Filled per event for the event builder; nothing keeps it. */
  private readonly ctx: EventContext;
  readonly counts: TrackerCounts = { unattributed: 0, otherProtocol: 0, malformed: 0, ownerless: 0 };
  /** What the kernel saw done to the sensor itself; no job's event (bpf/tamper.bpf.h). */
  onTamper: ((s: TamperSample) => void) | undefined;
  /** dockerd's own socket while the docker proxy runs. */
  dockerSocket: SocketFile | undefined;

  constructor(
    private readonly maps: KernelMaps,
    bootToRealNs: number,
    now: () => number = Date.now,
    /** Whether the cgroup with this id exists (reconcile); tests pass their own. */
    cgroupAlive?: (id: number) => boolean,
  ) {
    this.registry = new JobRegistry(maps, now, cgroupAlive ?? ((id) => maps.cgroupAlive?.(BigInt(id)) ?? true));
    this.staging = new Staging(maps, now);
    this.processes = new JobProcesses(maps);
    this.protection = new Protection(maps);
    this.targets = new ProcessTargets(this.processes.table, now);
    this.ctx = { job: { id: '' }, container: undefined, node: undefined as unknown as ProcessNode, bootToRealNs };
  }

  registerJob(identity: JobIdentity, cgroups: JobCgroup[], sink: JobSink, opts: JobOptions = {}): void {
    this.registry.register(identity, cgroups, sink, opts.workerPid, opts.policyId);
    if (opts.protectPids?.length) this.protection.protect(identity.id, opts.protectPids);
  }

  /** Processes already in the job when it registered (see JobProcesses.bootstrap). */
  bootstrap(jobId: string, pids: number[]): void {
    const job = this.registry.get(jobId);
    if (!job) throw new Error(`unknown job ${jobId}`);
    this.processes.bootstrap(job, pids);
  }

  /**
   * Removes every trace of the job from the kernel maps and the mirror,
   * after sending its DNS questions still held for an answer; returns how
   * many events the job got in all.
   */
  unregisterJob(jobId: string): number {
    this.releaseHeldDomains(jobId);
    this.staging.dropJob(jobId);
    this.processes.forgetJob(jobId);
    this.protection.release(jobId);
    return this.registry.remove(jobId)?.delivered ?? 0;
  }

  jobIds(): string[] {
    return [...this.registry.jobs.keys()];
  }

  delivered(jobId: string): number {
    return this.registry.get(jobId)?.delivered ?? 0;
  }

  /**
   * Staging promote, first half: a container the job is creating will get a
   * cgroup with this basename; when the kernel sees it made, it is the job's.
   */
  stage(jobId: string, basename: string, container: ContainerInfo): void {
    const job = this.registry.get(jobId);
    if (!job) throw new Error(`unknown job ${jobId}`);
    this.staging.stage(jobId, basename, container, job.policyId);
  }

  /**
   * A container create or exec the docker proxy saw from the job's process
   * pid (in cgroup cgroupId), as it is now: the time, and the client's
   * process while it surely lives (a refused client exits at once, and its
   * exit record may be handled before the event is delivered). Deliver it
   * with deliverProxyRecord once the records the kernel wrote before it are
   * handled, so that its line follows the client's exec.
   */
  snapshotProxyRecord(jobId: string, pid: number, cgroupId: number, record: ProxyRecord): PendingProxyRecord {
    // A node the table knows is kept by reference: an exec still in the ring fills it in place.
    return { jobId, cgroupId, record, node: this.processes.table.peek(pid), timeNs: Date.now() * 1e6 - this.ctx.bootToRealNs };
  }

  /** The request's event, numbered after everything the kernel wrote before it; the client's node as the table has it now, if it is still there. */
  deliverProxyRecord(p: PendingProxyRecord): void {
    const job = this.registry.get(p.jobId);
    if (!job) return;
    const node = this.processes.table.get(p.node.pid, p.node.startNs) ?? p.node;
    this.deliver(job, proxyEvent(p.record, { timeNs: p.timeNs, cgroupId: p.cgroupId }, this.contextFor(job, p.cgroupId, node)));
  }

  /** Drops staging entries never promoted (a create that was never started). */
  expireStaging(maxAgeMs: number): void {
    this.staging.expire(maxAgeMs);
  }

  /** The job whose tracked cgroup has this id, if any. */
  jobOfCgroup(id: number): string | undefined {
    return this.registry.jobOfCgroup(id);
  }

  /** Jobs registered longer ago than maxAgeMs (never unregistered: the runner died). */
  staleJobs(maxAgeMs: number): string[] {
    return this.registry.staleJobs(maxAgeMs);
  }

  processCount(): number {
    return this.processes.table.size;
  }

  /** Sizes of every mirror table: all zero once the last job is gone. */
  mirrorSizes(): Record<string, number> {
    return { ...this.registry.sizes(), ...this.staging.sizes(), ...this.processes.sizes(), ...this.protection.sizes() };
  }

  /**
   * The job's processes whose file records the bulk ring lost, read from
   * the kernel now: call before the job unregisters, while its cgroups and
   * processes still name it.
   */
  lostFilesOf(jobId: string): ProcessLoss[] {
    const entries = this.maps.lostFiles?.() ?? [];
    const nodeOf = (e: { pid: number; startNs: number }) => this.processes.table.get(e.pid, e.startNs);
    // By cgroup (ids are never reused); else by the process itself, if it is the one the tracker knows under that pid.
    const jobOf = (e: (typeof entries)[number]) => this.registry.jobOfCgroup(e.cgroupId) ?? (nodeOf(e) && this.processes.jobOf(e.pid));
    return processLosses(entries, (e) => jobOf(e) === jobId, nodeOf);
  }

  noteMalformed(): void {
    this.counts.malformed++;
  }

  handle(s: Sample): void {
    if (s.kind === 'cgroup') {
      this.handleCgroup(s);
      return;
    }
    if (s.kind === 'tamper') {
      this.onTamper?.(s);
      return;
    }
    const jobId = this.registry.jobOfCgroup(s.cgroupId) ?? this.processes.jobOf(s.pid);
    const job = jobId !== undefined ? this.registry.get(jobId) : undefined;
    if (!job) {
      this.counts.unattributed++;
      return;
    }
    if (s.kind === 'connect' && s.protocol === 'other') {
      this.counts.otherProtocol++;
      return;
    }
    if (s.kind === 'domain') {
      this.handleDomain(s, job);
      return;
    }
    const node = this.processes.nodeFor(s, job);
    const event = buildEvent(s, this.contextFor(job, s.cgroupId, node));
    if (s.kind === 'exit') {
      job.domains.forgetProcess(node);
      this.processes.exited(s.pid, s.startNs);
    }
    if (!event) return;
    // Before delivery: the rules judge the event as it is delivered (docker_daemon in the schema).
    const daemon = s.kind === 'unix_connect' && this.isDockerSocket(s.peer);
    if (daemon) event.unix_socket!.docker_daemon = true;
    this.deliver(job, event);
    if (daemon) job.sink.reachedDockerDaemon?.(event);
  }

  /** By the socket file the kernel connected to, whatever path the job named it by. */
  private isDockerSocket(peer: SocketFile | undefined): boolean {
    const d = this.dockerSocket;
    return d !== undefined && peer !== undefined && peer.dev === d.dev && peer.ino === d.ino;
  }

  /** A process as events name it, and its job if it is in one (tamper reports name senders and tracers). */
  describeProcess(pid: number, startNs: number): ProcessRef & { job?: string } {
    const job = this.processes.jobOf(pid);
    return { ...this.targets.describe(pid, startNs), ...(job === undefined ? {} : { job }) };
  }

  /** What a job's events say of other processes; its worker is the runner, not the job's own code. */
  private lookupFor(job: JobState): TargetLookup {
    return (job.targets ??= {
      describe: (pid, startNs) => this.targets.describe(pid, startNs),
      inJob: (pid) => pid !== job.workerPid && this.processes.jobOf(pid) === job.id,
    });
  }

  private contextFor(job: JobState, cgroupId: number, node: ProcessNode): EventContext {
    const ctx = this.ctx;
    ctx.job = job.identity;
    ctx.container = this.registry.containerOf(cgroupId);
    ctx.node = node;
    ctx.domainOf = job.domains;
    ctx.targets = this.lookupFor(job);
    return ctx;
  }

  /** Answers name addresses and complete held questions; names from processes go through JobDomains. */
  private handleDomain(s: DomainSample, job: JobState): void {
    if (s.source === 'dns_answer') {
      for (const e of job.domains.answered(s)) this.deliver(job, e);
      return;
    }
    if (s.pid === 0) {
      this.counts.ownerless++;
      return;
    }
    const node = this.processes.nodeFor(s, job);
    const e = job.domains.seenFrom(s, node, (d) => domainEvent(d, s, this.contextFor(job, s.cgroupId, node)));
    if (e) this.deliver(job, e);
  }

  /**
   * Delivers DNS questions whose answer did not come within ANSWER_WAIT_MS
   * (all of them when all is set: the records are drained and nothing more
   * will come). Called by the pump between batches.
   */
  releaseDueDomains(all = false): void {
    for (const job of this.registry.jobs.values()) this.releaseDomains(job, all);
  }

  /** Sends the job's DNS questions still waiting for an answer: the job is ending. */
  releaseHeldDomains(jobId: string): void {
    const job = this.registry.get(jobId);
    if (job) this.releaseDomains(job, true);
  }

  private releaseDomains(job: JobState, all: boolean): void {
    for (const e of job.domains.due(all)) this.deliver(job, e);
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
      this.registry.removed(s.id);
      return;
    }
    let jobId: string | undefined;
    let container: ContainerInfo | undefined;
    if (s.op === 'mkdir') jobId = this.registry.jobOfCgroup(s.parentId);
    else if (s.op === 'attach') jobId = this.processes.jobOf(s.pid) ?? this.registry.jobOfCgroup(s.cgroupId);
    else ({ jobId, container } = this.staging.promote(s.name) ?? {});
    if (jobId === undefined || !this.registry.get(jobId)) {
      // The kernel tracked it on its own evidence; with no job to give it to, stop.
      this.maps.untrackCgroup(BigInt(s.id));
      this.counts.unattributed++;
      return;
    }
    // A cgroup a job's task moved into: the kernel could not know the job's policy (its old cgroup is gone).
    const policy = this.registry.get(jobId)!.policyId;
    if (s.op === 'attach' && policy) this.maps.trackCgroup(BigInt(s.id), policy);
    this.registry.adopt(jobId, s, container);
  }

  /** Catches removals the kernel hook missed (JobRegistry.reconcile). */
  reconcile(): void {
    this.registry.reconcile();
  }

  /** Forgets removed cgroups whose grace period is over. */
  expireRemoved(): void {
    this.registry.expireRemoved();
  }
}
