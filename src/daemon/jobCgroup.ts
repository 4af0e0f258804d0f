/**
 * Which cgroup is the job. On a GitHub runner the steps are children of
 * Runner.Worker, which shares its cgroup with Runner.Listener and other
 * service processes; tracking that cgroup would record them too. So the
 * worker (with the processes under it) moves into a child cgroup of its
 * own, and that is the job. Where the move fails the worker's cgroup is
 * tracked as it is, and the report says so.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { cgroupProcs, createCgroup, moveProcess, processCgroup } from '../platform/cgroup.js';
import { readProcStat } from '../platform/procStat.js';

export interface JobCgroupChoice {
  /** Absolute cgroupfs path to track. */
  path: string;
  workerPid?: number;
  /** The worker was moved into a cgroup of its own. */
  isolated: boolean;
  /** Why isolation was not possible, for the report. */
  note?: string;
  /** Processes already in the job: bootstrapped from /proc. */
  pids: number[];
}

export class JobCgroupError extends Error {}

const comm = (pid: number): string | undefined => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
};

export const parentPid = (pid: number): number | undefined => readProcStat(pid)?.ppid;

/** The nearest ancestor (or the process itself) named Runner.Worker. */
export function findRunnerWorker(pid: number): number | undefined {
  for (let p: number | undefined = pid, depth = 0; p && p > 1 && depth < 64; p = parentPid(p), depth++) {
    if (comm(p) === 'Runner.Worker') return p;
  }
  return undefined;
}

/**
 * pid and every live descendant, found through /proc's parent links. Linear
 * in the number of processes: each child list grows in place and the walk
 * reads its queue by index (a job that forks thousands of children must not
 * make registration quadratic).
 */
export function subtree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentPid(Number(name));
    if (ppid === undefined) continue;
    const list = children.get(ppid);
    if (list) list.push(Number(name));
    else children.set(ppid, [Number(name)]);
  }
  const out = [pid];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) {
    for (const child of children.get(out[i]!) ?? []) {
      // pid reuse between two reads of /proc could make a cycle; never walk one.
      if (!seen.has(child)) {
        seen.add(child);
        out.push(child);
      }
    }
  }
  return out;
}

function cgroupOf(pid: number, root: string): string {
  const rel = processCgroup(pid);
  if (rel === undefined) throw new JobCgroupError(`process ${pid} does not exist or has no cgroup v2 membership`);
  if (rel === '/') {
    // Tracking the root cgroup would record the whole host.
    throw new JobCgroupError(`process ${pid} is in the root cgroup; refusing to track the whole host`);
  }
  return join(root, rel);
}

/** Moves the worker and its subtree into <its cgroup>/cicd-sensor-<job>. */
function isolateWorker(worker: number, root: string, jobId: string): JobCgroupChoice {
  const rel = processCgroup(worker);
  if (rel === undefined) throw new JobCgroupError(`Runner.Worker (pid ${worker}) has no cgroup v2 membership`);
  // Even a worker in the root cgroup can be isolated; only falling back to its cgroup is refused there.
  const current = join(root, rel);
  const pids = subtree(worker).filter((p) => processCgroup(p) === processCgroup(worker));
  let target: string | undefined;
  try {
    target = createCgroup(current, `cicd-sensor-${jobId}`);
    // The worker first, so anything it forks meanwhile is born inside.
    for (const pid of pids) {
      try {
        moveProcess(target, pid);
      } catch (err) {
        if (pid === worker) throw err;
      }
    }
    return { path: target, workerPid: worker, isolated: true, pids };
  } catch (err) {
    if (target) {
      try {
        rmdirSync(target);
      } catch {
        /* the worker may be inside after all; leave it */
      }
    }
    const why = err instanceof Error ? err.message : String(err);
    if (rel === '/') throw new JobCgroupError(`Runner.Worker could not be moved out of the root cgroup (${why}); refusing to track the whole host`);
    return {
      path: current,
      workerPid: worker,
      isolated: false,
      note: `Runner.Worker could not be moved into a cgroup of its own (${why}); its whole cgroup is tracked, so other runner processes in it are recorded too`,
      pids: subtree(worker),
    };
  }
}

/**
 * A cgroup path as given (absolute, or relative to the root), resolved the
 * way the kernel will: `<root>/.`, `a/../..` and symlinks all lead
 * somewhere, and only a directory strictly below the cgroup v2 root is a
 * job (the root is the whole host; anything outside it is not a cgroup).
 */
export function cgroupBelowRoot(given: string, root: string): string {
  // Relative to the root unless it already names a path inside it (as /proc/<pid>/cgroup gives them).
  const joined = given.startsWith(`${root}/`) ? given : join(root, given);
  let path: string;
  try {
    path = realpathSync(joined);
  } catch {
    throw new JobCgroupError(`${joined} does not exist`);
  }
  const realRoot = realpathSync(root);
  if (path === realRoot) throw new JobCgroupError('refusing to track the root cgroup (the whole host)');
  if (!path.startsWith(`${realRoot}/`)) throw new JobCgroupError(`${joined} is not below the cgroup v2 root ${root}`);
  if (!existsSync(join(path, 'cgroup.procs'))) throw new JobCgroupError(`${path} is not a cgroup v2 directory`);
  return path;
}

export function chooseJobCgroup(req: { pid?: number; cgroup?: string; worker?: number }, root: string, jobId: string): JobCgroupChoice {
  if (req.cgroup !== undefined) {
    const path = cgroupBelowRoot(req.cgroup, root);
    return { path, isolated: false, pids: cgroupProcs(path), ...(req.worker !== undefined ? { workerPid: req.worker } : {}) };
  }
  const pid = req.pid!;
  const worker = findRunnerWorker(pid);
  if (worker !== undefined) return isolateWorker(worker, root, jobId);
  const path = cgroupOf(pid, root);
  return { path, isolated: false, pids: cgroupProcs(path) };
}
