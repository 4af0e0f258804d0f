/**
 * Processes by job: the process fat nodes (a ProcessTable by pid, as pids
 * are host-wide) and which job each process belongs to, kept both ways
 * (jobByPid, processesByJob) so a job's end forgets its processes without
 * a scan. Steps are assigned here too: a direct child of the job's worker
 * starts a step, and its exec names it.
 */
import type { CgroupSample, Sample } from '../kernel/decode.js';
import type { KernelMaps } from './kernelMaps.js';
import { ProcessTable, readProc, type ProcessNode } from './processTable.js';
import { firstScriptLine, stepLabel } from './steps.js';

/** What step attribution needs of a job. */
export interface StepOwner {
  id: string;
  /** Runner.Worker (or the CLI); without it the job has no steps. */
  workerPid?: number;
}

export class JobProcesses {
  readonly table = new ProcessTable();
  private readonly jobByPid = new Map<number, string>();
  private readonly processesByJob = new Map<string, Set<number>>();

  constructor(private readonly maps: Pick<KernelMaps, 'trackTask' | 'untrackTask'>) {}

  /** The job a process was last seen in, if any (a process can outlive its cgroup's attribution). */
  jobOf(pid: number): string | undefined {
    return this.jobByPid.get(pid);
  }

  private claim(pid: number, jobId: string): void {
    const previous = this.jobByPid.get(pid);
    if (previous === jobId) return;
    if (previous !== undefined) this.processesByJob.get(previous)?.delete(pid);
    this.jobByPid.set(pid, jobId);
    let pids = this.processesByJob.get(jobId);
    if (!pids) this.processesByJob.set(jobId, (pids = new Set()));
    pids.add(pid);
  }

  /**
   * Processes already in the job when it registered (the runner worker, the
   * step that registered it): read from /proc, parents first, so their
   * children get full ancestors, and marked in the kernel as the job's.
   */
  bootstrap(job: StepOwner, pids: number[]): void {
    const parentsFirst = pids
      .map((pid) => ({ pid, proc: readProc(pid) }))
      .filter((p) => p.proc !== undefined)
      .sort((a, b) => a.proc!.startTicks - b.proc!.startTicks);
    for (const { pid } of parentsFirst) {
      const node = this.table.resolve(pid, 0);
      this.claim(pid, job.id);
      assignStep(node, job);
      this.maps.trackTask(pid, BigInt(node.startNs));
    }
  }

  /** The node of a sample's process, updated by a fork or exec, and claimed for the job. */
  nodeFor(s: Exclude<Sample, CgroupSample>, job: StepOwner): ProcessNode {
    let node: ProcessNode;
    if (s.kind === 'fork') {
      node = this.table.fork(s.pid, s.startNs, s.ppid, s.parentStartNs, s.uid);
    } else if (s.kind === 'exec') {
      node = this.table.exec(s.pid, s.startNs, s.ppid, s.parentStartNs, {
        execPath: s.execPath,
        argv: s.argv,
        argvTruncated: s.argvTruncated === true,
        cwd: s.cwd,
        uid: s.uid,
      });
    } else {
      node = this.table.resolve(s.pid, s.startNs);
    }
    // A process new to the job may start a step; a step's root that execs renames it.
    if (s.kind !== 'exit' && !this.jobByPid.has(s.pid)) assignStep(node, job);
    else if (s.kind === 'exec' && node.step?.pid === node.pid) assignStep(node, job);
    this.claim(s.pid, job.id);
    return node;
  }

  /** The process exited: its node leaves the table and its job. */
  exited(pid: number, startNs: number): void {
    this.table.exit(pid, startNs);
    const jobId = this.jobByPid.get(pid);
    if (jobId !== undefined) this.processesByJob.get(jobId)?.delete(pid);
    this.jobByPid.delete(pid);
  }

  /** Forgets every process of the job, here and in the kernel (else one moving cgroups later would drag a cgroup back in). */
  forgetJob(jobId: string): void {
    const pids = this.processesByJob.get(jobId) ?? new Set<number>();
    this.table.forget(pids);
    for (const pid of pids) {
      this.jobByPid.delete(pid);
      this.maps.untrackTask(pid);
    }
    this.processesByJob.delete(jobId);
  }

  sizes(): Record<string, number> {
    return { processes: this.table.size, jobByPid: this.jobByPid.size, processesByJob: this.processesByJob.size };
  }
}

/** A direct child of the worker starts a step; its exec names it. Steps are shared by the subtree: frozen. */
function assignStep(node: ProcessNode, job: StepOwner): void {
  if (job.workerPid === undefined || node.ppid !== job.workerPid) return;
  node.step = Object.freeze({ pid: node.pid, label: stepLabel(node.execPath, node.argv, (path) => firstScriptLine(path, node.uid)) });
}
