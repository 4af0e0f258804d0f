/**
 * The payloads of process_access and mount events, and the other process a
 * /proc/<pid>/ path names (file.target_process). Pure: the processes behind
 * pids come from a TargetLookup the tracker provides.
 */
import type { AccessInfo, MountInfo, ProcessRef } from '../events/eventRecord.js';
import type { AccessSample, MountSample } from '../kernel/decode.js';
import { resolvePath } from '../kernel/text.js';

/** What the tracker knows of a process an event names. */
export interface TargetLookup {
  /** The process as the tracker knew it (a job's), else as /proc shows it now; startNs 0: whichever has pid. */
  describe(pid: number, startNs: number): ProcessRef;
  /** Whether pid is a process of the job the event belongs to. */
  inJob(pid: number): boolean;
}

const PTRACE_REQUESTS: Record<number, string> = {
  1: 'PTRACE_PEEKTEXT',
  2: 'PTRACE_PEEKDATA',
  3: 'PTRACE_PEEKUSER',
  4: 'PTRACE_POKETEXT',
  5: 'PTRACE_POKEDATA',
  6: 'PTRACE_POKEUSER',
  12: 'PTRACE_GETREGS',
  13: 'PTRACE_SETREGS',
  16: 'PTRACE_ATTACH',
  0x4204: 'PTRACE_GETREGSET',
  0x4205: 'PTRACE_SETREGSET',
  0x4206: 'PTRACE_SEIZE',
};

export function accessInfo(s: AccessSample, targets: TargetLookup): AccessInfo {
  // A pid of the caller's own pid namespace names nothing the host's tables know.
  const target: AccessInfo['target'] = s.targetInCallerNs
    ? { pid: s.targetPid }
    : { ...targets.describe(s.targetPid, s.targetStartNs), in_job: targets.inJob(s.targetPid) };
  const info: AccessInfo = { operation: s.op, target };
  if (s.op === 'ptrace') info.request = PTRACE_REQUESTS[s.request] ?? `PTRACE_${s.request}`;
  if (s.procFile) info.proc_file = s.procFile;
  if (s.write) info.write = true;
  if (s.prevented) info.prevented = true;
  return info;
}

const MS_FLAGS: [number, string][] = [
  [1, 'MS_RDONLY'],
  [2, 'MS_NOSUID'],
  [4, 'MS_NODEV'],
  [8, 'MS_NOEXEC'],
  [16, 'MS_SYNCHRONOUS'],
  [32, 'MS_REMOUNT'],
  [64, 'MS_MANDLOCK'],
  [128, 'MS_DIRSYNC'],
  [256, 'MS_NOSYMFOLLOW'],
  [1024, 'MS_NOATIME'],
  [2048, 'MS_NODIRATIME'],
  [4096, 'MS_BIND'],
  [8192, 'MS_MOVE'],
  [16384, 'MS_REC'],
  [32768, 'MS_SILENT'],
  [1 << 16, 'MS_POSIXACL'],
  [1 << 17, 'MS_UNBINDABLE'],
  [1 << 18, 'MS_PRIVATE'],
  [1 << 19, 'MS_SLAVE'],
  [1 << 20, 'MS_SHARED'],
  [1 << 21, 'MS_RELATIME'],
  [1 << 24, 'MS_STRICTATIME'],
  [1 << 25, 'MS_LAZYTIME'],
];

const MOVE_MOUNT_FLAGS: [number, string][] = [
  [0x01, 'MOVE_MOUNT_F_SYMLINKS'],
  [0x02, 'MOVE_MOUNT_F_AUTOMOUNTS'],
  [0x04, 'MOVE_MOUNT_F_EMPTY_PATH'],
  [0x10, 'MOVE_MOUNT_T_SYMLINKS'],
  [0x20, 'MOVE_MOUNT_T_AUTOMOUNTS'],
  [0x40, 'MOVE_MOUNT_T_EMPTY_PATH'],
  [0x100, 'MOVE_MOUNT_SET_GROUP'],
  [0x200, 'MOVE_MOUNT_BENEATH'],
];

function flagNames(flags: number, table: [number, string][]): string[] {
  // The MS_MGC_VAL magic some callers still put in the top 16 bits is no flag.
  const bits = flags >>> 0 >= 0xc0ed0000 ? flags & 0xffff : flags;
  return table.filter(([bit]) => (bits & bit) !== 0).map(([, name]) => name);
}

export function mountInfo(s: MountSample): MountInfo {
  const source = s.source.raw || s.source.base ? resolvePath(s.source.raw, s.source.base) : undefined;
  const info: MountInfo = {
    target: resolvePath(s.target.raw, s.target.base),
    flags: flagNames(s.mountFlags, s.op === 'mount' ? MS_FLAGS : MOVE_MOUNT_FLAGS),
    operation: s.op,
  };
  if (source !== undefined) info.source = source;
  return info;
}

const PROC_PID_PATH = /^\/proc\/(\d+)(?:\/|$)/;

/** The other process a path under /proc/<pid>/ names; undefined for other paths and the process's own. */
export function procTarget(path: string, selfPid: number, targets: TargetLookup): ProcessRef | undefined {
  // Every file_open asks: the common answer without the regex.
  if (!path.startsWith('/proc/')) return undefined;
  const m = PROC_PID_PATH.exec(path);
  if (!m) return undefined;
  const pid = Number(m[1]);
  return pid === selfPid ? undefined : targets.describe(pid, 0);
}
