/**
 * The kernel map operations the tracker's mirror keeps in step with. Cgroup
 * ids are bigint here (u64 in the kernel) and numbers everywhere in the
 * mirror, as the decoded samples carry them: converted at this boundary only.
 */
export interface KernelMaps {
  trackCgroup(id: bigint): void;
  untrackCgroup(id: bigint): void;
  trackTask(tgid: number, startNs: bigint): void;
  untrackTask(tgid: number): void;
  stage(basename: string): void;
  unstage(basename: string): void;
  /** protect-runner: the jobs' memory accesses to tgid are stopped in the kernel. */
  protect(tgid: number): void;
  unprotect(tgid: number): void;
}
