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
  /** The processes whose file records the bulk ring could not take (absent in tests that need none). */
  lostFiles?(): LostFilesEntry[];
}

/** One entry of the kernel's lost_files map (struct cs_lost_key + struct cs_lost_files). */
export interface LostFilesEntry {
  pid: number;
  startNs: number;
  /** The process's cgroup when its first record was lost. */
  cgroupId: number;
  /** The kernel's task name (16 bytes at most), for a process gone by report time. */
  comm: string;
  /** file_open records lost. */
  opens: number;
  /** file_remove, file_move and file_link records lost. */
  ops: number;
}
