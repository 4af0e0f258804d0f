/**
 * The docker proxy as the recorder runs it, for the daemon and `run` alike:
 * which daemon socket is upstream, the proxy's own socket (same group and
 * mode as the real one, so whoever could use Docker still can), optional
 * interposition on the default path, and the hooks that tie a create to the
 * caller's job.
 */
import { chmodSync, chownSync, existsSync, readlinkSync, realpathSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EgressPolicy } from '../policy/policy.js';
import { cgroupId, processCgroup } from '../platform/cgroup.js';
import { interpose, repairInterposition, type Interposition } from '../proxy/interpose.js';
import { DockerProxy } from '../proxy/server.js';
import type { KernelTracker, SocketFile } from '../kerneltracker/kernelTracker.js';
import type { JobGuard } from '../proxy/containerGuard.js';
import type { Logger } from '../daemon/log.js';

export interface DockerSetup {
  proxyPath: string;
  /** The real daemon socket the proxy forwards to. */
  upstream: string;
  interposition?: Interposition;
  /** Paths that reach the daemon around the proxy (for the bypass flag). */
  bypassPaths: string[];
  /** dockerd's socket file itself, stat'ed before interposition covers its path: reached by any path, a bypass. */
  daemonSocket: SocketFile;
  close(): void;
}

export interface DockerOptions {
  socketDir: string;
  upstream?: string;
  interpose: boolean;
  cgroupRoot: string;
  tracker: KernelTracker;
  log: Logger;
  note(jobId: string, message: string): void;
  /** The job's container guard, if its policy has one. */
  guardOf(jobId: string): JobGuard | undefined;
  /** Resolves once the kernel's records written before the call are handled (Pump.settle). */
  settle(): Promise<void>;
}

const isSocket = (path: string): boolean => {
  try {
    return statSync(path).isSocket();
  } catch {
    return false;
  }
};

/** --docker-upstream, else a unix:// DOCKER_HOST, else the default path if a daemon listens there. */
export function resolveUpstream(explicit?: string): string | undefined {
  if (explicit) return explicit;
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith('unix://')) return host.slice('unix://'.length);
  return isSocket('/var/run/docker.sock') ? '/var/run/docker.sock' : undefined;
}

const realpathOrSelf = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return path; // not there (yet): dockerd would create it, as the path it is
  }
};

/** Where the runner is installed (…/bin/Runner.Worker → …): its code and credentials are no container's business. */
function runnerInstall(workerPid: number | undefined): string[] {
  if (workerPid === undefined) return [];
  try {
    return [dirname(dirname(readlinkSync(`/proc/${workerPid}/exe`)))].filter((d) => d !== '/');
  } catch {
    return [];
  }
}

/** The container guard of a job's policy, bind sources resolved on the host as dockerd will resolve them. */
export function jobGuard(policy: EgressPolicy, workerPid?: number): JobGuard {
  return {
    mode: policy.containerPolicy,
    sensitivePaths: [...policy.containerHostPaths, ...runnerInstall(workerPid)],
    allowedPaths: policy.containerJobPaths,
    resolve: realpathOrSelf,
  };
}

/** The id of the cgroup pid is in now, if it can be read. */
function cgroupOfPid(pid: number, cgroupRoot: string): number | undefined {
  const rel = processCgroup(pid);
  if (rel === undefined) return undefined;
  try {
    return Number(cgroupId(join(cgroupRoot, rel)));
  } catch {
    return undefined;
  }
}

export function jobOfPid(pid: number, cgroupRoot: string, tracker: KernelTracker): string | undefined {
  const id = cgroupOfPid(pid, cgroupRoot);
  return id === undefined ? undefined : tracker.jobOfCgroup(id);
}

export async function startDocker(opts: DockerOptions): Promise<DockerSetup | undefined> {
  repairInterposition(opts.socketDir);
  const upstream = resolveUpstream(opts.upstream);
  if (!upstream || !existsSync(upstream)) {
    opts.log.info('docker proxy: no Docker daemon socket found; not started');
    return undefined;
  }
  const proxyPath = join(opts.socketDir, 'docker.sock');
  const interposed = opts.interpose;
  const forwardTo = interposed ? join(opts.socketDir, 'docker.upstream.sock') : upstream;
  const proxy = new DockerProxy(forwardTo, {
    jobOfPid: (pid) => jobOfPid(pid, opts.cgroupRoot, opts.tracker),
    stage: (jobId, basename, container) => {
      // A job's container started again after the job ended is no longer the job's.
      if (!opts.tracker.jobIds().includes(jobId)) return;
      opts.tracker.stage(jobId, basename, container);
      opts.log.info(`docker proxy: staged ${basename} (${container.image ?? '?'}) for job ${jobId}`);
    },
    note: opts.note,
    guardOf: opts.guardOf,
    recorded: (jobId, pid, record) => {
      // The client's exec may still be in the ring: the event is taken now
      // (the client may exit as soon as it has its answer) and delivered
      // once the kernel's earlier records are handled.
      const pending = opts.tracker.snapshotProxyRecord(jobId, pid, cgroupOfPid(pid, opts.cgroupRoot) ?? 0, record);
      opts
        .settle()
        .then(() => opts.tracker.deliverProxyRecord(pending))
        .catch((err: Error) => opts.log.warn(`docker proxy: the ${record.kind} event of job ${jobId} was lost: ${err.message}`));
    },
    log: (m) => opts.log.warn(m),
  });
  rmSync(proxyPath, { force: true }); // a crashed run's socket file blocks listen
  await proxy.listen(proxyPath);
  const real = statSync(upstream);
  chownSync(proxyPath, 0, real.gid);
  chmodSync(proxyPath, real.mode & 0o777);
  let interposition: Interposition | undefined;
  try {
    if (interposed) interposition = interpose(opts.socketDir, upstream, proxyPath);
  } catch (err) {
    proxy.close();
    throw new Error(`cannot put the docker proxy on ${upstream}: ${(err as Error).message}`);
  }
  opts.log.info(`docker proxy: ${proxyPath} -> ${forwardTo}${interposition ? ` (also on ${interposition.defaultPath})` : ''}`);
  return {
    proxyPath,
    upstream,
    interposition,
    bypassPaths: interposition ? [interposition.upstreamPath] : [upstream, '/var/run/docker.sock', '/run/docker.sock'],
    daemonSocket: { dev: real.dev, ino: real.ino },
    close: () => {
      if (interposition) repairInterposition(opts.socketDir);
      proxy.close();
    },
  };
}
