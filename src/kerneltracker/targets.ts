/**
 * The other processes events name (a ptrace target, a /proc/<pid>/ path):
 * a job's own processes from the process table, anything else (the runner,
 * the sensor, other jobs) from /proc as it is when the event arrives.
 */
import type { ProcessRef } from '../events/eventRecord.js';
import { readProc, startTicks, type ProcessTable } from './processTable.js';

/** How long a process read from /proc is reused: `ps` reads several files of every process at once. */
const CACHE_MS = 2_000;
const CACHE_MAX = 4096;

export class ProcessTargets {
  private readonly cache = new Map<number, { ref: ProcessRef; ticks: number; at: number }>();

  constructor(
    private readonly processes: ProcessTable,
    private readonly now: () => number = Date.now,
    private readonly procRoot = '/proc',
  ) {}

  describe(pid: number, startNs: number): ProcessRef {
    const node = this.processes.get(pid, startNs);
    if (node) return { pid, exec_path: node.execPath, argv: node.argv };
    const cached = this.cache.get(pid);
    const fresh = cached && this.now() - cached.at < CACHE_MS && (!startNs || cached.ticks === startTicks(startNs));
    if (fresh) return cached.ref;
    const proc = readProc(pid, this.procRoot);
    // A process that has gone, or whose pid now names another one, is known by its pid alone.
    if (!proc || (startNs && proc.startTicks !== startTicks(startNs))) return { pid };
    const ref: ProcessRef = { pid, exec_path: proc.execPath, argv: proc.argv };
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(pid, { ref, ticks: proc.startTicks, at: this.now() });
    return ref;
  }
}
