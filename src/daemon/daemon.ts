/**
 * The long-lived tracker: one sensor, any number of jobs, controlled over
 * DIR/control.sock. It lives in a cgroup of its own outside every job, so
 * it never observes itself, and reports ready only once BPF is attached.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:net';
import { memoryUsage } from 'node:process';
import { join } from 'node:path';
import type { AttachPlanEntry } from '../events/sensorStatus.js';
import type { Sensor } from '../native/sensor.js';
import { createCgroup, moveProcess, removeIfUnused } from '../platform/cgroup.js';
import { Recorder } from '../recording/recorder.js';
import { startSensor } from '../kerneltracker/sensorStart.js';
import { controlSocketPath } from './client.js';
import { listenControl } from './controlServer.js';
import { AccessControl } from './access.js';
import { ControlSlots } from './slots.js';
import { internalErrors } from './survive.js';
import { acquireInstance, isLiveDaemon, releaseInstance } from './instance.js';
import { JobManager } from './jobs.js';
import { FinishedReports } from './reportOp.js';
import type { Logger } from './log.js';
import type { DaemonOptions } from './options.js';
import { policyOf, type ReplyTo, type Request, type StatsReply } from './protocol.js';
import type { Peer } from './access.js';
import { answerSudo, SudoSwitch } from './sudo.js';

/** What the process running the daemon gives it besides its options. */
export interface DaemonHost {
  log: Logger;
  /** Called once BPF is attached and the control socket listens. */
  onReady(info: { pid: number; socket: string }): void;
}

type RunOptions = DaemonOptions & DaemonHost;

/** A job never unregistered (its runner died) is closed after this long. */
const JOB_MAX_AGE_MS = 24 * 3600 * 1000;
const TICK_MS = 1000;

export class DaemonStartError extends Error {}

function isolateSelf(cgroupRoot: string): string {
  removeDeadDaemonCgroups(join(cgroupRoot, 'cicd-sensor'));
  const own = createCgroup(cgroupRoot, `cicd-sensor/daemon-${process.pid}`);
  moveProcess(own, process.pid);
  return own;
}

/** The sudo caller owns the socket, so the unprivileged job steps can reach it. */
function socketOwner(): { uid: number; gid: number } | undefined {
  const uid = Number(process.env.SUDO_UID);
  const gid = Number(process.env.SUDO_GID);
  return Number.isInteger(uid) && Number.isInteger(gid) && process.env.SUDO_UID ? { uid, gid } : undefined;
}

class Daemon {
  private readonly recorder: Recorder;
  private readonly jobs: JobManager;
  private readonly access: AccessControl;
  private readonly reports = new FinishedReports();
  private readonly slots = new ControlSlots();
  /** disable-sudo: the users whose sudo the daemon removed, by job. */
  private readonly sudo: SudoSwitch;
  private readonly startedAt = new Date().toISOString();
  private server: Server | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private stopRequested!: () => void;
  readonly stopped = new Promise<void>((resolve) => (this.stopRequested = resolve));

  constructor(
    private readonly opts: RunOptions,
    sensor: Sensor,
    plan: AttachPlanEntry[],
    cgroupRoot: string,
  ) {
    this.recorder = new Recorder(sensor, plan, cgroupRoot);
    this.jobs = new JobManager(opts.stateDir, this.recorder, socketOwner(), this.reports);
    this.access = new AccessControl(opts.log, (id, message) => this.recorder.get(id)?.note(message));
    this.sudo = new SudoSwitch(opts.stateDir);
  }

  private get tracker() {
    return this.recorder.tracker;
  }

  private get docker() {
    return this.recorder.docker;
  }

  async start(): Promise<void> {
    const given = this.sudo.repair();
    if (given.length) this.opts.log.warn(`gave back the sudo a killed daemon had removed: ${given.join(', ')}`);
    const docker = { socketDir: this.opts.stateDir, upstream: this.opts.dockerUpstream, interpose: this.opts.interposeDocker, log: this.opts.log };
    await this.recorder.start(this.opts.dockerProxy ? docker : undefined);
    this.server = await listenControl({
      path: controlSocketPath(this.opts.stateDir),
      handler: (req, peer) => this.access.guard(req, peer, (r, p) => this.handle(r, p)),
      owner: socketOwner(),
      slots: this.slots,
      onError: (err) => this.opts.log.error(`control socket: ${err.message}`),
    });
    this.ticker = setInterval(() => this.tick(), TICK_MS);
  }

  private tick(): void {
    this.tracker.reconcile();
    for (const id of this.tracker.staleJobs(JOB_MAX_AGE_MS)) {
      this.opts.log.warn(`job ${id} was never unregistered; closing it after 24 h`);
      this.endJob(id, 'expired after 24 h');
    }
  }

  /** Closes a job; the sudo removed for it comes back whatever ended it. */
  private endJob(id: string, reason?: string): ReturnType<JobManager['unregister']> {
    try {
      if (this.sudo.restore(id)) this.opts.log.info(`job ${id}: sudo given back`);
    } catch (err) {
      this.opts.log.error(`job ${id}: giving sudo back failed: ${(err as Error).message}`);
    }
    return this.jobs.unregister(id, reason);
  }

  async handle(req: Request, peer?: Peer): Promise<ReplyTo<Request>> {
    switch (req.op) {
      case 'register': {
        const result = this.jobs.register(req.job, { pid: req.pid, cgroup: req.cgroup, worker: req.worker }, {
          notes: req.notes,
          protect: req.protect === true,
          rules: req.rules,
          egress: req.egress && policyOf(req.egress),
          summaryRows: req.summaryRows,
        });
        this.opts.log.info(`registered job ${req.job.id} on ${result.cgroup}`);
        if (peer) this.slots.noteWorker(peer.uid, result.workerPid);
        const docker = this.docker ? { dockerHost: `unix://${this.docker.proxyPath}` } : {};
        return { ok: true, ...result, ...docker };
      }
      case 'unregister': {
        await this.recorder.pump.settle();
        const result = this.endJob(req.id);
        this.opts.log.info(`unregistered job ${req.id} (${result.delivered} events)`);
        return { ok: true, ...result };
      }
      case 'rules': {
        // Events of the job still in the ring buffer are judged by the new rules as they come.
        const findings = this.jobs.setRules(req.id, req.rules);
        this.opts.log.info(`job ${req.id}: ${req.rules.sources.length} rule file(s) loaded, ${findings} finding(s) so far`);
        return { ok: true, findings };
      }
      case 'report':
        return { ok: true, ...(await this.reports.report(req)) };
      case 'sudo': {
        const reply = answerSudo(this.sudo, req, peer?.uid ?? -1, this.jobs.ids().includes(req.id));
        this.opts.log.info(`job ${req.id}: sudo ${req.disable ? `removed (${reply.file})` : reply.restored ? 'given back' : 'was not removed'}`);
        this.recorder.get(req.id)?.note(req.disable ? 'disable-sudo: the runner user\'s sudo was removed for the rest of the job.' : 'disable-sudo: the runner user\'s sudo was given back.');
        return reply;
      }
      case 'stats':
        return { ok: true, ...this.stats() };
      case 'stop':
        setImmediate(() => this.stopRequested());
        return { ok: true, stopping: true };
    }
  }

  stats(): Omit<StatsReply, 'ok'> {
    const status = this.recorder.status();
    return {
      pid: process.pid,
      startedAt: this.startedAt,
      plan: status.plan,
      hooks: status.hooks,
      lostRecords: status.lostRecords,
      rings: status.rings ?? [],
      undecodable: status.undecodable,
      unattributed: this.tracker.counts.unattributed,
      ownerless: this.tracker.counts.ownerless,
      linksAlive: this.recorder.sensor.linksAlive(),
      links: this.recorder.sensor.links(),
      processes: this.tracker.processCount(),
      mirror: this.tracker.mirrorSizes(),
      maps: this.recorder.sensor.mapIds(),
      jobs: this.jobs.ids().map((id) => ({ id, delivered: this.tracker.delivered(id), lostOnWrite: this.recorder.get(id)?.lostOnWrite ?? 0 })),
      internalErrors: internalErrors(),
      connections: this.slots.inUse(),
      memory: memoryUsage(),
      docker: this.docker
        ? { proxy: this.docker.proxyPath, upstream: this.docker.upstream, interposed: this.docker.interposition?.defaultPath ?? null }
        : null,
    };
  }

  requestStop(): void {
    this.stopRequested();
  }

  /** Drains the kernel and closes every job with its report; the caller detaches (runDaemon). */
  async shutdown(reason: string): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.server?.close();
    await this.recorder.stop();
    for (const id of this.jobs.ids()) {
      try {
        this.endJob(id, reason);
      } catch (err) {
        this.opts.log.error(`closing job ${id}: ${(err as Error).message}`);
      }
    }
    rmSync(controlSocketPath(this.opts.stateDir), { force: true });
  }
}

/**
 * The cgroups of daemons that were killed (they cannot remove their own).
 * By pid, not by emptiness: a daemon starting beside us has an empty one
 * for a moment, before it moves in.
 */
function removeDeadDaemonCgroups(parent: string): void {
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return; // no parent yet
  }
  for (const name of entries) {
    const pid = /^daemon-(\d+)$/.exec(name)?.[1];
    if (pid !== undefined && !isLiveDaemon(Number(pid))) removeIfUnused(join(parent, name));
  }
}

/**
 * Leaves <root>/cicd-sensor/daemon-<pid> for the root and removes it, and
 * cicd-sensor too when no other daemon is in it, so nothing is left behind.
 */
function leaveOwnCgroup(own: string): void {
  try {
    moveProcess(join(own, '..', '..'), process.pid);
    rmdirSync(own);
    removeIfUnused(join(own, '..'));
  } catch {
    /* best effort: an empty leftover cgroup is harmless, and another daemon may still use the parent */
  }
}

/** A state directory someone else could write in would let them plant links where root writes. */
function requireRootsDirectory(path: string): void {
  const st = lstatSync(path);
  if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0) {
    throw new DaemonStartError(`${path} must be a directory owned by root and writable by root alone`);
  }
}

export async function runDaemon(opts: RunOptions): Promise<number> {
  mkdirSync(join(opts.stateDir, 'jobs'), { recursive: true, mode: 0o700 });
  // Steps running as the runner's user reach their socket and job files through these, and list nothing;
  // both stay root's, so no job can plant a link where root will write.
  requireRootsDirectory(opts.stateDir);
  requireRootsDirectory(join(opts.stateDir, 'jobs'));
  chmodSync(opts.stateDir, 0o711);
  chmodSync(join(opts.stateDir, 'jobs'), 0o711);
  acquireInstance(opts.stateDir);
  let ownCgroup: string | undefined;
  let detach: Sensor | undefined;
  try {
    const sensorFrom = performance.now();
    const started = await startSensor(opts);
    const sensorMs = performance.now() - sensorFrom;
    if (!started.ok) throw new DaemonStartError(`cannot monitor: ${started.reason}`);
    ownCgroup = isolateSelf(started.cgroupRoot);
    const daemon = new Daemon(opts, started.sensor, started.plan, started.cgroupRoot);
    await daemon.start();
    let reason = 'daemon stopped';
    const onSignal = (signal: NodeJS.Signals): void => {
      reason = `daemon stopped by ${signal}`;
      daemon.requestStop();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    writeFileSync(join(opts.stateDir, 'ready'), JSON.stringify({ pid: process.pid, cgroup: ownCgroup }) + '\n');
    // performance.now() counts from the process's start: node's own start and the bundle's load included.
    opts.log.info(`ready: pid ${process.pid}, cgroup ${ownCgroup}, ${performance.now().toFixed(0)} ms after start (the sensor ${sensorMs.toFixed(0)} ms)`);
    opts.onReady({ pid: process.pid, socket: controlSocketPath(opts.stateDir) });
    await daemon.stopped;
    opts.log.info(`stopping: ${reason}`);
    await daemon.shutdown(reason);
    detach = started.sensor;
    opts.log.info('stopped');
    return 0;
  } finally {
    rmSync(join(opts.stateDir, 'ready'), { force: true });
    if (ownCgroup) leaveOwnCgroup(ownCgroup);
    // As run does: a child process detaches the links (a second of RCU grace periods) after the stop.
    // Forked only now, out of the daemon's cgroup, which it would otherwise keep from being removed.
    detach?.close({ inBackground: true });
    releaseInstance(opts.stateDir);
  }
}
