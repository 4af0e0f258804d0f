/**
 * Process fat nodes. Each node carries its own ancestor chain, copied from
 * its parent when it is born, so an event's process context is read off one
 * node and never walked at event time (a chain walk would find ancestors that already exited), and a node can leave the table the
 * moment its process exits: no descendant refers back to it.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import type { AncestorRef, ProcessContext } from '../events/eventRecord.js';
import { splitNul } from '../kernel/text.js';
import { readProcStat } from '../platform/procStat.js';
import type { StepRef } from './steps.js';

/** How many ancestors an event carries; deeper chains are cut and flagged. */
export const ANCESTOR_DEPTH = 16;

/** /proc/PID/stat counts start time in USER_HZ (100) ticks since boot. */
const NS_PER_TICK = 10_000_000;

export const startTicks = (startNs: number): number => Math.floor(startNs / NS_PER_TICK);

export interface ProcessNode {
  pid: number;
  /** Start time in ticks: with pid, names the process across pid reuse. */
  startTicks: number;
  startNs: number;
  ppid: number;
  uid?: number;
  execPath: string;
  argv: string[];
  argvTruncated: boolean;
  cwd?: string;
  ancestors: AncestorRef[];
  ancestorsTruncated: boolean;
  /** This process as its children's ancestor entry (shared, never copied). */
  asAncestor: AncestorRef;
  /** The workflow step it belongs to, shared by the whole step's subtree. */
  step?: StepRef;
  /** Its events' process context, built on first use; exec clears it. */
  context?: ProcessContext;
}

export interface ProcSnapshot {
  ppid: number;
  startTicks: number;
  execPath: string;
  argv: string[];
}

/** Reads what /proc still knows of a process; undefined once it is gone. */
export function readProc(pid: number, procRoot = '/proc'): ProcSnapshot | undefined {
  const stat = readProcStat(pid, procRoot);
  if (!stat) return undefined;
  try {
    let execPath = '';
    try {
      execPath = readlinkSync(`${procRoot}/${pid}/exe`);
    } catch {
      /* kernel threads and exited processes have no exe */
    }
    const cmdline = readFileSync(`${procRoot}/${pid}/cmdline`);
    const argv = splitNul(cmdline, 0, cmdline.length);
    return { ppid: stat.ppid, startTicks: stat.startTicks, execPath, argv };
  } catch {
    return undefined;
  }
}

function chainFrom(parent: ProcessNode | undefined): { ancestors: AncestorRef[]; truncated: boolean } {
  if (!parent) return { ancestors: [], truncated: false };
  const full = [parent.asAncestor, ...parent.ancestors];
  const truncated = parent.ancestorsTruncated || full.length > ANCESTOR_DEPTH;
  return { ancestors: full.slice(0, ANCESTOR_DEPTH), truncated };
}

export class ProcessTable {
  private readonly byPid = new Map<number, ProcessNode>();

  get size(): number {
    return this.byPid.size;
  }

  /** The live node for (pid, start); start 0 means "whichever process has pid now". */
  get(pid: number, startNs: number): ProcessNode | undefined {
    const node = this.byPid.get(pid);
    if (!node) return undefined;
    if (startNs && node.startTicks !== startTicks(startNs)) return undefined;
    return node;
  }

  private put(
    pid: number,
    startNs: number,
    ppid: number,
    parent: ProcessNode | undefined,
    fields: Partial<ProcessNode>,
  ): ProcessNode {
    const { ancestors, truncated } = chainFrom(parent);
    const execPath = fields.execPath ?? parent?.execPath ?? '';
    const argv = fields.argv ?? parent?.argv ?? [];
    const node: ProcessNode = {
      pid,
      startTicks: fields.startTicks ?? startTicks(startNs),
      startNs,
      ppid,
      uid: fields.uid ?? parent?.uid,
      execPath,
      argv,
      argvTruncated: fields.argvTruncated ?? parent?.argvTruncated ?? false,
      cwd: fields.cwd ?? parent?.cwd,
      ancestors,
      ancestorsTruncated: truncated,
      asAncestor: { pid, exec_path: execPath, argv },
      step: fields.step ?? parent?.step,
    };
    this.byPid.set(pid, node);
    return node;
  }

  /** A new process: it starts as a copy of its parent's image. */
  fork(pid: number, startNs: number, ppid: number, parentStartNs: number, uid: number): ProcessNode {
    return this.put(pid, startNs, ppid, this.get(ppid, parentStartNs), { uid });
  }

  /** A new image in an existing (or unseen) process. */
  exec(
    pid: number,
    startNs: number,
    ppid: number,
    parentStartNs: number,
    image: { execPath: string; argv: string[]; argvTruncated: boolean; cwd: string; uid: number },
  ): ProcessNode {
    const existing = this.get(pid, startNs);
    if (!existing) return this.put(pid, startNs, ppid, this.get(ppid, parentStartNs), image);
    Object.assign(existing, image);
    existing.context = undefined;
    existing.asAncestor = { pid, exec_path: image.execPath, argv: image.argv };
    return existing;
  }

  /**
   * The node for an event's process. A process never seen forking or
   * exec'ing (it predates tracking) is read from /proc once and kept.
   */
  resolve(pid: number, startNs: number): ProcessNode {
    const known = this.get(pid, startNs);
    if (known) return known;
    const proc = readProc(pid);
    const sameProcess = proc && (!startNs || proc.startTicks === startTicks(startNs));
    if (proc && sameProcess) {
      return this.put(pid, startNs || proc.startTicks * NS_PER_TICK, proc.ppid, this.get(proc.ppid, 0), {
        startTicks: proc.startTicks,
        execPath: proc.execPath,
        argv: proc.argv,
      });
    }
    return this.put(pid, startNs, 0, undefined, { execPath: '', argv: [] });
  }

  /**
   * The node for pid as it is now, without keeping what it reads: a process
   * a userspace source names (the docker proxy's client by SO_PEERCRED) may
   * not have reached the tracker through the ring buffer yet, and its own
   * records will still arrive and claim it.
   */
  peek(pid: number): ProcessNode {
    const known = this.get(pid, 0);
    if (known) return known;
    const proc = readProc(pid);
    const parent = proc ? this.get(proc.ppid, 0) : undefined;
    const { ancestors, truncated } = chainFrom(parent);
    const execPath = proc?.execPath ?? '';
    const argv = proc?.argv ?? [];
    return {
      pid,
      startTicks: proc?.startTicks ?? 0,
      startNs: (proc?.startTicks ?? 0) * NS_PER_TICK,
      ppid: proc?.ppid ?? 0,
      uid: parent?.uid,
      execPath,
      argv,
      argvTruncated: false,
      cwd: parent?.cwd,
      ancestors,
      ancestorsTruncated: truncated,
      asAncestor: { pid, exec_path: execPath, argv },
      step: parent?.step,
    };
  }

  /** Removes the node of an exited process and returns it for the exit event. */
  exit(pid: number, startNs: number): ProcessNode | undefined {
    const node = this.get(pid, startNs);
    if (node) this.byPid.delete(pid);
    return node;
  }

  /** Drops every node whose pid is in the set (a job's end). */
  forget(pids: Iterable<number>): void {
    for (const pid of pids) this.byPid.delete(pid);
  }

  pids(): IterableIterator<number> {
    return this.byPid.keys();
  }
}
