/**
 * Who may ask the daemon what. The control socket belongs to the runner's
 * user, and everything that user runs (a compromised dependency included)
 * can connect to it; so every request is judged by the credentials the
 * kernel recorded at connect (SO_PEERCRED), never by what the request says.
 *
 * Root may do everything. Another uid may register a job only for a process
 * it owns, under a Runner.Worker it owns and that it runs under itself (a
 * step registers its own job, never another user's processes or the host),
 * may unregister (and fetch the report of) only the jobs it registered, and
 * may never stop the daemon.
 * A job id is used once in a daemon's life, so "unregister, do the bad
 * thing, register again" cannot wipe a log. Every register and unregister,
 * and every refusal aimed at a job, is written to the daemon's log and to
 * the job's report with its time and peer.
 */
import { readFileSync } from 'node:fs';
import { findRunnerWorker } from './jobCgroup.js';
import type { Logger } from './log.js';
import type { ReplyTo, Request } from './protocol.js';

export interface Peer {
  pid: number;
  uid: number;
  gid: number;
}

/** What /proc says about the processes a register request names. */
export interface ProcessFacts {
  /** Real, effective and saved uid of the target pid; undefined when it is gone. */
  targetUids?: number[];
  /** The Runner.Worker the target runs under. */
  targetWorker?: number;
  /** The Runner.Worker the asking process runs under. */
  peerWorker?: number;
  /** Real, effective and saved uid of targetWorker. */
  workerUids?: number[];
}

export interface AccessContext {
  /** The job id of a register was used before in this daemon's life. */
  usedBefore: boolean;
  /** The uid that registered the job an unregister names (undefined: no such job). */
  registrant?: number;
  facts?: ProcessFacts;
}

export type Verdict = { allowed: true } | { allowed: false; reason: string };

const allow: Verdict = { allowed: true };
const deny = (reason: string): Verdict => ({ allowed: false, reason });
const ownedBy = (uids: number[] | undefined, uid: number): boolean => uids !== undefined && uids.length > 0 && uids.every((u) => u === uid);

function authorizeRegister(pid: number | undefined, peer: Peer, facts: ProcessFacts): Verdict {
  if (pid === undefined) return deny('only root may register a cgroup path; register your job by pid');
  if (!ownedBy(facts.targetUids, peer.uid)) return deny(`process ${pid} does not exist or is not yours`);
  if (facts.targetWorker === undefined) return deny(`process ${pid} does not run under a Runner.Worker`);
  if (facts.peerWorker !== facts.targetWorker) return deny(`process ${pid} does not run under your own Runner.Worker`);
  if (!ownedBy(facts.workerUids, peer.uid)) return deny(`the Runner.Worker (pid ${facts.targetWorker}) above process ${pid} is not yours`);
  return allow;
}

/** The rule itself, pure: every fact it needs is gathered before. */
export function authorize(req: Request, peer: Peer | undefined, ctx: AccessContext): Verdict {
  if (!peer) return deny('the daemon cannot tell who is asking (no peer credentials)');
  if (req.op === 'register' && ctx.usedBefore) return deny(`job id ${req.job.id} was used before; a job id is never reused`);
  if (peer.uid === 0 || req.op === 'stats') return allow;
  switch (req.op) {
    case 'stop':
      return deny('only root may stop the daemon');
    case 'register':
      return authorizeRegister(req.pid, peer, ctx.facts ?? {});
    case 'sudo':
      if (req.user !== undefined) return deny('only root may name the user whose sudo is removed');
      return registrantOnly(req.id, ctx.registrant, peer.uid);
    case 'unregister':
    case 'rules':
    case 'report':
      return registrantOnly(req.id, ctx.registrant, peer.uid);
  }
}

function registrantOnly(id: string, registrant: number | undefined, uid: number): Verdict {
  // An id nobody registered gets the job manager's own "no such job" answer.
  if (registrant === undefined || registrant === uid) return allow;
  return deny(`job ${id} was registered by another user`);
}

function uids(pid: number): number[] | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Uid:'));
    return line?.slice(4).trim().split(/\s+/).slice(0, 3).map(Number);
  } catch {
    return undefined;
  }
}

export function processFacts(targetPid: number, peerPid: number): ProcessFacts {
  const targetWorker = findRunnerWorker(targetPid);
  return {
    targetUids: uids(targetPid),
    targetWorker,
    peerWorker: findRunnerWorker(peerPid),
    workerUids: targetWorker === undefined ? undefined : uids(targetWorker),
  };
}

export const describePeer = (peer: Peer | undefined): string => (peer ? `uid ${peer.uid} (pid ${peer.pid})` : 'an unknown peer');

type Notify = (jobId: string, message: string) => void;

export class AccessControl {
  private readonly used = new Set<string>();
  private readonly registrants = new Map<string, number>();

  constructor(
    private readonly log: Logger,
    /** Adds a line to a live job's report. */
    private readonly note: Notify,
    private readonly facts: typeof processFacts = processFacts,
  ) {}

  /** Runs handle only for an allowed request, and records what happened. */
  async guard(req: Request, peer: Peer | undefined, handle: (req: Request, peer: Peer) => Promise<ReplyTo<Request>>): Promise<ReplyTo<Request>> {
    const jobId = req.op === 'register' ? req.job.id : req.op === 'stats' || req.op === 'stop' ? undefined : req.id;
    const verdict = authorize(req, peer, {
      usedBefore: jobId !== undefined && this.used.has(jobId),
      registrant: jobId === undefined ? undefined : this.registrants.get(jobId),
      facts: req.op === 'register' && req.pid !== undefined && peer && peer.uid !== 0 ? this.facts(req.pid, peer.pid) : undefined,
    });
    const at = new Date().toISOString();
    if (!verdict.allowed) {
      this.log.warn(`control: refused ${req.op}${jobId ? ` ${jobId}` : ''} from ${describePeer(peer)}: ${verdict.reason}`);
      if (jobId !== undefined) this.note(jobId, `At ${at} ${describePeer(peer)} was refused ${req.op} of this job: ${verdict.reason}.`);
      return { ok: false, error: verdict.reason };
    }
    if (req.op === 'unregister' && this.registrants.has(req.id)) {
      this.note(req.id, `Recording ended at ${at}: unregistered by ${describePeer(peer)}.`);
    }
    const res = await handle(req, peer!);
    this.record(req, peer, res, at);
    return res;
  }

  private record(req: Request, peer: Peer | undefined, res: ReplyTo<Request>, at: string): void {
    if (!res.ok) return;
    if (req.op === 'register') {
      this.used.add(req.job.id);
      this.registrants.set(req.job.id, peer!.uid);
      this.log.info(`control: ${describePeer(peer)} registered job ${req.job.id}`);
      this.note(req.job.id, `Recording started at ${at}: registered by ${describePeer(peer)}.`);
    } else if (req.op === 'unregister') {
      // Kept: the registrant (and root) may still ask for the finished job's report.
      this.log.info(`control: ${describePeer(peer)} unregistered job ${req.id}`);
    }
  }
}
