/**
 * Who gets one of the control socket's connections. Each costs the daemon
 * a descriptor and up to a request's worth of buffer, so their number is
 * bounded; but a bound everyone shares is one a hostile job fills (it runs
 * as the runner's user, and can open connections and keep them busy), and
 * then post, asking as that same user, finds no room and has to rebuild the
 * report from files the job could rewrite. So the connections are counted
 * in separate pools, by what the kernel says about the peer (SO_PEERCRED,
 * taken at connect), never by what it sends:
 *
 * - root has a pool of its own, which no other uid can take from;
 * - every other uid shares a pool, in which no uid may hold more than half;
 * - the step a job's Runner.Worker is running right now (a direct child of
 *   the worker of a job its uid registered: pre, post, the action's own
 *   steps) has a few more of its own. While post runs, post is that step: the
 *   job's other processes have left their steps' process trees (orphans go
 *   to init), so whatever they hold counts against the uid's pool. A step
 *   that handed its connections to a child before it ended loses them when a
 *   later step needs the room: a holder is the step only while that very
 *   process (pid and start time) is still the worker's child.
 */
import type { Socket } from 'node:net';
import type { PeerCred } from '../native/peer.js';
import { readProcStat } from '../platform/procStat.js';

/** Connections of all users but root at once. */
export const MAX_CLIENTS = 256;
/** Of those, one uid's. */
export const MAX_CLIENTS_PER_UID = MAX_CLIENTS / 2;
/** Root's own, beside them. */
export const ROOT_CLIENTS = 32;
/** Each job's running step's own, beside the uid's. */
export const STEP_CLIENTS = 4;
/** Workers remembered (post asks for a finished job's report, so they outlive the job). */
const MAX_WORKERS = 64;

interface Seat {
  pool: string;
  pid: number;
  startTicks?: number;
  /** The worker whose step this is (step pools only). */
  worker?: number;
}

interface Worker {
  uid: number;
  startTicks: number;
}

export class ControlSlots {
  private readonly seats = new Map<Socket, Seat>();
  private readonly counts = new Map<string, number>();
  private usersTotal = 0;
  /** The Runner.Worker of each job registered by a uid other than root, by pid. */
  private readonly workers = new Map<number, Worker>();

  constructor(private readonly stat = readProcStat) {}

  /** A job registered by uid runs under workerPid: its running step gets room of its own. */
  noteWorker(uid: number, workerPid: number | undefined): void {
    const startTicks = workerPid === undefined ? undefined : this.stat(workerPid)?.startTicks;
    if (uid === 0 || workerPid === undefined || startTicks === undefined) return;
    this.workers.delete(workerPid);
    this.workers.set(workerPid, { uid, startTicks });
    if (this.workers.size > MAX_WORKERS) this.workers.delete(this.workers.keys().next().value!);
  }

  /** Takes a seat for sock, or says why there is none (the caller then closes it). */
  admit(sock: Socket, peer: PeerCred | undefined): string | undefined {
    if (peer?.uid === 0) return this.take(sock, { pool: 'root', pid: peer.pid }, ROOT_CLIENTS) ? undefined : "root's connections are all taken";
    const uid = peer?.uid ?? -1;
    const worker = peer && this.stepOf(peer);
    if (worker && this.takeStep(sock, peer, worker)) return undefined;
    const pool = `uid ${uid}`;
    if (this.usersTotal >= MAX_CLIENTS) return `the daemon has ${MAX_CLIENTS} connections open; try again later`;
    if (!this.take(sock, { pool, pid: peer?.pid ?? 0 }, MAX_CLIENTS_PER_UID)) return `uid ${uid} has ${MAX_CLIENTS_PER_UID} connections open; close some first`;
    this.usersTotal++;
    return undefined;
  }

  release(sock: Socket): void {
    const seat = this.seats.get(sock);
    if (!seat) return;
    this.seats.delete(sock);
    this.counts.set(seat.pool, this.counts.get(seat.pool)! - 1);
    if (seat.pool.startsWith('uid ')) this.usersTotal--;
  }

  /** Open connections by pool, for stats. */
  inUse(): Record<string, number> {
    return Object.fromEntries([...this.counts].filter(([, n]) => n > 0));
  }

  private take(sock: Socket, seat: Seat, limit: number): boolean {
    const n = this.counts.get(seat.pool) ?? 0;
    if (n >= limit) return false;
    this.seats.set(sock, seat);
    this.counts.set(seat.pool, n + 1);
    return true;
  }

  private takeStep(sock: Socket, peer: PeerCred, worker: number): boolean {
    const seat = { pool: `step ${worker}`, pid: peer.pid, startTicks: this.stat(peer.pid)?.startTicks, worker };
    if (this.take(sock, seat, STEP_CLIENTS)) return true;
    this.evictFormerSteps(seat.pool);
    return this.take(sock, seat, STEP_CLIENTS);
  }

  /** The worker of a job of the peer's uid when the peer is the step it runs now. */
  private stepOf(peer: PeerCred): number | undefined {
    const ppid = this.stat(peer.pid)?.ppid;
    const worker = ppid === undefined ? undefined : this.workers.get(ppid);
    if (!worker || worker.uid !== peer.uid || this.stat(ppid!)?.startTicks !== worker.startTicks) return undefined;
    return ppid;
  }

  /** Closes the pool's connections whose process is no longer the worker's running step. */
  private evictFormerSteps(pool: string): void {
    for (const [sock, seat] of this.seats) {
      if (seat.pool !== pool) continue;
      const now = this.stat(seat.pid);
      if (now && now.startTicks === seat.startTicks && now.ppid === seat.worker) continue;
      this.release(sock);
      sock.destroy();
    }
  }
}
