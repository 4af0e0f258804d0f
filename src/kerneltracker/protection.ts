/**
 * protect-runner's side of the mirror: which pids the jobs asked the kernel
 * to protect (their Runner.Worker, the sensor). The sensor is shared by
 * every job that asks, so each pid is counted and leaves the kernel's map
 * only when the last job that named it is gone.
 */
import type { KernelMaps } from './kernelMaps.js';

export class Protection {
  private readonly jobsOfPid = new Map<number, number>();
  private readonly pidsOfJob = new Map<string, number[]>();

  constructor(private readonly maps: Pick<KernelMaps, 'protect' | 'unprotect'>) {}

  protect(jobId: string, pids: number[]): void {
    const mine = [...new Set(pids)].filter((pid) => !this.pidsOfJob.get(jobId)?.includes(pid));
    for (const pid of mine) {
      const n = this.jobsOfPid.get(pid) ?? 0;
      if (n === 0) this.maps.protect(pid);
      this.jobsOfPid.set(pid, n + 1);
    }
    this.pidsOfJob.set(jobId, [...(this.pidsOfJob.get(jobId) ?? []), ...mine]);
  }

  /** The job is gone: its pids stay protected only while another job names them. */
  release(jobId: string): void {
    for (const pid of this.pidsOfJob.get(jobId) ?? []) {
      const n = (this.jobsOfPid.get(pid) ?? 1) - 1;
      if (n > 0) {
        this.jobsOfPid.set(pid, n);
        continue;
      }
      this.jobsOfPid.delete(pid);
      this.maps.unprotect(pid);
    }
    this.pidsOfJob.delete(jobId);
  }

  sizes(): Record<string, number> {
    return { protectedPids: this.jobsOfPid.size };
  }
}
