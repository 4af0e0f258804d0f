/** Samples to EventRecords (seq and job are filled in by the caller). */
import type { DomainInfo, EventRecord, FileAccess, FileInfo, ProcessContext } from '../events/eventRecord.js';
import type {
  ConnectSample,
  ExitSample,
  FileOpenSample,
  FileOpSample,
  Sample,
  UnixConnectSample,
} from '../kernel/decode.js';
import { Access, Flag } from '../kernel/layout.js';
import { openFlagNames } from '../kernel/openFlags.js';
import { resolvePath } from '../kernel/text.js';
import type { ProcessNode } from './processTable.js';

export type PartialEvent = Omit<EventRecord, 'seq' | 'job' | 'time'>;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** RFC 3339 UTC with microseconds, from wall-clock nanoseconds. */
export function rfc3339Micros(wallNs: number): string {
  const ms = Math.floor(wallNs / 1e6);
  const micros = Math.floor(wallNs / 1e3) % 1000;
  const iso = new Date(ms).toISOString(); // ...SS.mmmZ
  return `${iso.slice(0, 23)}${pad(micros, 3)}Z`;
}

export function processContext(node: ProcessNode, bootToRealNs: number): ProcessContext {
  const ctx: ProcessContext = {
    pid: node.pid,
    ppid: node.ppid,
    exec_path: node.execPath,
    argv: node.argv,
    ancestors: node.ancestors,
  };
  if (node.uid !== undefined) ctx.uid = node.uid;
  if (node.argvTruncated) ctx.argv_truncated = true;
  if (node.cwd) ctx.cwd = node.cwd;
  if (node.startNs) ctx.start_time = rfc3339Micros(node.startNs + bootToRealNs);
  if (node.ancestorsTruncated) ctx.ancestors_truncated = true;
  return ctx;
}

/** Wait status → the shell's convention: the exit code, or 128 + signal. */
export function exitFields(status: number): { exit_code: number; exit_signal?: number } {
  const signal = status & 0x7f;
  if (signal === 0) return { exit_code: (status >> 8) & 0xff };
  return { exit_code: 128 + signal, exit_signal: signal };
}

const ACCESS: Record<number, FileAccess> = {
  [Access.READ]: 'read',
  [Access.WRITE]: 'write',
  [Access.READ_WRITE]: 'read_write',
  [Access.EXEC]: 'exec',
};

function fileOpen(s: FileOpenSample): FileInfo {
  const info: FileInfo = { path: s.path, access: ACCESS[s.access] ?? 'read', flags: openFlagNames(s.openFlags) };
  if (s.flags & Flag.PATH_TRUNCATED) info.path_truncated = true;
  return info;
}

function fileOp(s: FileOpSample): { kind: EventRecord['kind']; file: FileInfo } {
  const first = resolvePath(s.path.raw, s.path.base);
  const second = s.path2 ? resolvePath(s.path2.raw, s.path2.base) : undefined;
  const truncated = (s.flags & (Flag.PATH_TRUNCATED | Flag.PATH2_TRUNCATED)) !== 0;
  const extra = truncated ? { path_truncated: true } : {};
  switch (s.op) {
    case 'unlink':
      return { kind: 'file_remove', file: { path: first, ...extra } };
    case 'rmdir':
      return { kind: 'file_remove', file: { path: first, directory: true, ...extra } };
    case 'rename':
      return { kind: 'file_move', file: { path: first, target_path: second ?? '', ...extra } };
    case 'link':
      return { kind: 'file_link', file: { path: first, target_path: second ?? '', link_type: 'hard', ...extra } };
    case 'symlink': {
      // A relative symlink target is relative to the link's own directory.
      const linkDir = second ? second.slice(0, second.lastIndexOf('/')) || '/' : '/';
      const target = resolvePath(s.path.raw, linkDir);
      return { kind: 'file_link', file: { path: target, target_path: second ?? '', link_type: 'symbolic', ...extra } };
    }
  }
}

/** The name a job resolved to an address earlier, if any (see JobDomains). */
export type DomainOf = (address: string) => string | undefined;

function network(s: ConnectSample, domainOf?: DomainOf): PartialEvent['network'] {
  const domain = domainOf?.(s.address);
  return {
    protocol: s.protocol === 'udp' ? 'udp' : 'tcp',
    family: s.family,
    address: s.address,
    port: s.port,
    ...(domain !== undefined ? { domain } : {}),
  };
}

function baseEvent(kind: EventRecord['kind'], cgroupId: number, node: ProcessNode, bootToRealNs: number): PartialEvent {
  return {
    kind,
    cgroup_id: cgroupId,
    ...(node.step ? { step: node.step } : {}),
    process: processContext(node, bootToRealNs),
  };
}

/** A domain event for node, its process snapshot taken now. */
export function domainEvent(
  domain: DomainInfo,
  cgroupId: number,
  node: ProcessNode,
  bootToRealNs: number,
): PartialEvent & { domain: DomainInfo } {
  return { ...baseEvent('domain', cgroupId, node, bootToRealNs), domain };
}

/**
 * The rule-facing event for a sample, or undefined for internal samples and
 * domain samples (the tracker's JobDomains decides those).
 */
export function buildEvent(s: Sample, node: ProcessNode, bootToRealNs: number, domainOf?: DomainOf): PartialEvent | undefined {
  const base = (kind: EventRecord['kind']): PartialEvent => baseEvent(kind, s.cgroupId, node, bootToRealNs);
  switch (s.kind) {
    case 'exec':
      return base('process_exec');
    case 'exit': {
      const e = base('process_exit');
      Object.assign(e.process, exitFields((s as ExitSample).status));
      return e;
    }
    case 'connect':
      return { ...base('network_connect'), network: network(s, domainOf) };
    case 'file_open':
      return { ...base('file_open'), file: fileOpen(s) };
    case 'file_op': {
      const { kind, file } = fileOp(s);
      return { ...base(kind), file };
    }
    case 'unix_connect':
      return { ...base('unix_socket_connect'), unix_socket: { path: (s as UnixConnectSample).path } };
    default:
      return undefined;
  }
}
