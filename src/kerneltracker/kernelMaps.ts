/**
 * The kernel map operations the tracker's mirror keeps in step with. Cgroup
 * ids are bigint here (u64 in the kernel) and numbers everywhere in the
 * mirror, as the decoded samples carry them: converted at this boundary only.
 */
export interface KernelMaps {
  /** policy: the job's egress policy id (0: none); the kernel gives the cgroup's new children the same. */
  trackCgroup(id: bigint, policy?: number): void;
  untrackCgroup(id: bigint): void;
  trackTask(tgid: number, startNs: bigint): void;
  untrackTask(tgid: number): void;
  /** policy: the job's egress policy id, which the container's cgroup gets when it is made. */
  stage(basename: string, policy?: number): void;
  unstage(basename: string): void;
  /** protect-runner: the jobs' memory accesses to tgid are stopped in the kernel. */
  protect(tgid: number): void;
  unprotect(tgid: number): void;
  /** Whether the cgroup with this id exists, by id (absent in fakes: always). */
  cgroupAlive?(id: bigint): boolean;
}
