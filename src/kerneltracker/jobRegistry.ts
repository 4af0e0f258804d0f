/**
 * The job registry: the jobs, which job each tracked cgroup belongs to
 * (jobByCgroup), and every cgroup of a job (cgroupsByJob), so a job's end
 * untracks them all without a scan. A removed cgroup keeps attributing the
 * job's late records for a grace period before it leaves.
 */
import type { ContainerInfo, EventRecord, JobIdentity } from '../events/eventRecord.js';
import type { CgroupSample } from '../kernel/decode.js';
import type { TargetLookup } from './accessEvents.js';
import { JobDomains } from './domains.js';
import type { KernelMaps } from './kernelMaps.js';

/** How long a removed cgroup still attributes late records to its job. */
export const REMOVED_GRACE_MS = 5_000;

export interface JobCgroup {
  id: bigint;
  /** Absolute cgroupfs path, when known: lets reconcile notice a missed rmdir. */
  path?: string;
}

export interface JobSink {
  write(event: EventRecord): void;
  /** After write: the event's unix connect reached dockerd's own socket (by inode), around the proxy. */
  reachedDockerDaemon?(event: EventRecord): void;
}

export interface JobState {
  id: string;
  /** Shared by every event of the job and logged once: frozen (eventBuilder.ts). */
  identity: Readonly<JobIdentity>;
  sink: JobSink;
  /** Events of every kind delivered to this job; the next one's seq. */
  delivered: number;
  /** Runner.Worker (or the CLI): its direct children are the job's steps. */
  workerPid?: number;
  /** The egress policy installed for the job (src/policy/enforce.ts); 0: none. */
  policyId: number;
  registeredAt: number;
  domains: JobDomains;
  /** What the job's events say of other processes (KernelTracker, on first use): a field, not a map lookup per event. */
  targets?: TargetLookup;
}

export class JobRegistry {
  readonly jobs = new Map<string, JobState>();
  readonly jobByCgroup = new Map<number, string>();
  readonly cgroupsByJob = new Map<string, Set<number>>();
  private readonly removedAt = new Map<number, number>();
  private readonly cgroupPath = new Map<number, string>();
  private readonly containerByCgroup = new Map<number, ContainerInfo>();

  constructor(
    private readonly maps: Pick<KernelMaps, 'trackCgroup' | 'untrackCgroup'>,
    private readonly now: () => number,
    /**
     * Whether the cgroup with this id still exists, judged by id (reconcile).
     * Never by path: a mount over the cgroup fs or a rename hides a path
     * whose cgroup is alive and still running the job.
     */
    private readonly alive: (id: number) => boolean = () => true,
  ) {}

  register(identity: JobIdentity, cgroups: JobCgroup[], sink: JobSink, workerPid?: number, policyId = 0): JobState {
    if (this.jobs.has(identity.id)) throw new Error(`job ${identity.id} is already registered`);
    for (const c of cgroups) {
      const owner = this.jobByCgroup.get(Number(c.id));
      if (owner !== undefined) throw new Error(`cgroup ${c.path ?? c.id} already belongs to job ${owner}`);
    }
    const job: JobState = {
      id: identity.id,
      identity: Object.freeze({ ...identity }),
      sink,
      delivered: 0,
      workerPid,
      policyId,
      registeredAt: this.now(),
      domains: new JobDomains(this.now),
    };
    this.jobs.set(identity.id, job);
    this.cgroupsByJob.set(identity.id, new Set());
    for (const c of cgroups) {
      this.maps.trackCgroup(c.id, policyId);
      this.own(identity.id, Number(c.id));
      if (c.path) this.cgroupPath.set(Number(c.id), c.path);
    }
    return job;
  }

  get(jobId: string): JobState | undefined {
    return this.jobs.get(jobId);
  }

  jobOfCgroup(id: number): string | undefined {
    return this.jobByCgroup.get(id);
  }

  containerOf(cgroupId: number): ContainerInfo | undefined {
    return this.containerByCgroup.get(cgroupId);
  }

  private own(jobId: string, id: number): void {
    this.jobByCgroup.set(id, jobId);
    this.cgroupsByJob.get(jobId)?.add(id);
  }

  /**
   * A cgroup the kernel tracked joins a job: made inside one of its cgroups
   * (it inherits the parent's container and path), a process of the job
   * moved into it, or a staged container's (with that container).
   */
  adopt(jobId: string, s: CgroupSample, container?: ContainerInfo): void {
    if (s.op === 'mkdir') {
      container ??= this.containerByCgroup.get(s.parentId);
      const parentPath = this.cgroupPath.get(s.parentId);
      if (parentPath) this.cgroupPath.set(s.id, `${parentPath}/${s.name}`);
    }
    if (container) this.containerByCgroup.set(s.id, container);
    this.own(jobId, s.id);
  }

  /** The kernel saw the cgroup removed: late records still find their job for a while. */
  removed(id: number): void {
    if (this.jobByCgroup.has(id)) this.removedAt.set(id, this.now());
  }

  /** Forgets removed cgroups whose grace period is over. */
  expireRemoved(): void {
    const limit = this.now() - REMOVED_GRACE_MS;
    for (const [id, at] of this.removedAt) {
      if (at > limit) continue;
      const jobId = this.jobByCgroup.get(id);
      this.jobByCgroup.delete(id);
      if (jobId !== undefined) this.cgroupsByJob.get(jobId)?.delete(id);
      this.forgetCgroup(id);
    }
  }

  private forgetCgroup(id: number): void {
    this.removedAt.delete(id);
    this.cgroupPath.delete(id);
    this.containerByCgroup.delete(id);
  }

  /**
   * Catches a removal whose record the kernel could not send (the ring
   * buffer was full): a cgroup that no longer exists by id leaves the
   * mirror after the grace period. The kernel map is left alone: its rmdir
   * hook removed the entry itself, and untracking on anything but the
   * kernel's word would let a job hide its cgroup's path (a mount over the
   * cgroup fs) and go unobserved.
   */
  reconcile(): void {
    for (const id of this.jobByCgroup.keys()) {
      if (!this.removedAt.has(id) && !this.alive(id)) this.removedAt.set(id, this.now());
    }
  }

  /** Every cgroup of a job not yet removed: what tracked_cgroups must hold. */
  *liveCgroups(): Generator<{ id: number; jobId: string; path?: string }> {
    for (const [id, jobId] of this.jobByCgroup) {
      if (!this.removedAt.has(id)) yield { id, jobId, path: this.cgroupPath.get(id) };
    }
  }

  /** Removes the job and untracks every cgroup it has; returns its state. */
  remove(jobId: string): JobState | undefined {
    for (const id of this.cgroupsByJob.get(jobId) ?? []) {
      this.maps.untrackCgroup(BigInt(id));
      this.jobByCgroup.delete(id);
      this.forgetCgroup(id);
    }
    this.cgroupsByJob.delete(jobId);
    const job = this.jobs.get(jobId);
    this.jobs.delete(jobId);
    return job;
  }

  /** Jobs registered longer ago than maxAgeMs (never unregistered: the runner died). */
  staleJobs(maxAgeMs: number): string[] {
    const limit = this.now() - maxAgeMs;
    return [...this.jobs.values()].filter((j) => j.registeredAt < limit).map((j) => j.id);
  }

  sizes(): Record<string, number> {
    return {
      jobs: this.jobs.size,
      jobByCgroup: this.jobByCgroup.size,
      cgroupsByJob: this.cgroupsByJob.size,
      containerByCgroup: this.containerByCgroup.size,
      domainProcesses: [...this.jobs.values()].reduce((n, j) => n + j.domains.processes, 0),
    };
  }
}
