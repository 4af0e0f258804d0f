/**
 * Staging promote: the docker proxy stages the basename of the cgroup a
 * job's container will get (stagingByBasename, and the kernel's staging_map),
 * and when the kernel sees that cgroup made, promote() says whose it is and
 * which container. stagingByJob lets a job's end drop its entries at once.
 */
import type { ContainerInfo } from '../events/eventRecord.js';
import type { KernelMaps } from './kernelMaps.js';

export interface Staged {
  jobId: string;
  container?: ContainerInfo;
}

export class Staging {
  readonly stagingByBasename = new Map<string, string>();
  readonly stagingByJob = new Map<string, Set<string>>();
  private readonly containerByBasename = new Map<string, ContainerInfo>();
  private readonly stagedAt = new Map<string, number>();

  constructor(
    private readonly maps: Pick<KernelMaps, 'stage' | 'unstage'>,
    private readonly now: () => number,
  ) {}

  /** The job is creating a container whose cgroup will have this basename. */
  stage(jobId: string, basename: string, container: ContainerInfo, policyId = 0): void {
    this.maps.stage(basename, policyId);
    this.stagingByBasename.set(basename, jobId);
    let names = this.stagingByJob.get(jobId);
    if (!names) this.stagingByJob.set(jobId, (names = new Set()));
    names.add(basename);
    // Shared by every event of the container, and logged once: frozen (eventBuilder.ts).
    this.containerByBasename.set(basename, Object.freeze({ ...container }));
    this.stagedAt.set(basename, this.now());
  }

  /** The staged cgroup was made: whose it is (the entry is used up); undefined if nobody staged it. */
  promote(basename: string): Staged | undefined {
    const jobId = this.stagingByBasename.get(basename);
    const container = this.containerByBasename.get(basename);
    if (jobId === undefined) return undefined;
    this.drop(basename);
    return { jobId, container };
  }

  /** Drops entries never promoted (a create that was never started). */
  expire(maxAgeMs: number): void {
    const limit = this.now() - maxAgeMs;
    for (const [name, at] of this.stagedAt) if (at <= limit) this.drop(name);
  }

  dropJob(jobId: string): void {
    for (const name of [...(this.stagingByJob.get(jobId) ?? [])]) this.drop(name);
    this.stagingByJob.delete(jobId);
  }

  private drop(name: string): void {
    const jobId = this.stagingByBasename.get(name);
    this.maps.unstage(name);
    this.stagingByBasename.delete(name);
    if (jobId !== undefined) {
      const names = this.stagingByJob.get(jobId);
      names?.delete(name);
      if (names?.size === 0) this.stagingByJob.delete(jobId);
    }
    this.containerByBasename.delete(name);
    this.stagedAt.delete(name);
  }

  sizes(): Record<string, number> {
    return {
      stagingByBasename: this.stagingByBasename.size,
      stagingByJob: this.stagingByJob.size,
      containerByBasename: this.containerByBasename.size,
    };
  }
}
