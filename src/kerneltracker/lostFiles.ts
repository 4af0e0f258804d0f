/**
 * Attributes file records lost to a full bulk ring. The kernel counts them
 * per process (lost_files, bpf/common.bpf.h); this names each process as
 * the tracker knows it and keeps a job's own, most first, so a report says
 * who flooded and how much of it is missing.
 */
import type { ProcessLoss } from '../events/sensorStatus.js';
import type { LostFilesEntry } from './kernelMaps.js';
import type { ProcessNode } from './processTable.js';

export function processLosses(
  entries: LostFilesEntry[],
  ofJob: (e: LostFilesEntry) => boolean,
  nodeOf: (e: LostFilesEntry) => ProcessNode | undefined,
): ProcessLoss[] {
  return entries
    .filter((e) => e.opens + e.ops > 0 && ofJob(e))
    .map((e) => ({ pid: e.pid, name: nodeOf(e)?.execPath || e.comm, fileOpens: e.opens, fileOps: e.ops }))
    .sort((a, b) => b.fileOpens + b.fileOps - (a.fileOpens + a.fileOps) || a.pid - b.pid);
}
