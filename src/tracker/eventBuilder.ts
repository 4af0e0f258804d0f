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

// Events come in bursts within one second: its date part is formatted once.
let lastSecond = NaN;
let lastSecondText = '';

/** RFC 3339 UTC with microseconds, from wall-clock nanoseconds. */
export function rfc3339Micros(wallNs: number): string {
  const micros = Math.floor(wallNs / 1e3);
  const second = Math.floor(micros / 1e6);
  if (second !== lastSecond) {
    lastSecond = second;
    lastSecondText = new Date(second * 1000).toISOString().slice(0, 20); // ...SS.
  }
  return `${lastSecondText}${pad(micros - second * 1e6, 6)}Z`;
}

/**
 * The node's context, built once per image and shared by its events (and
 * their cached JSON): exec replaces it, nothing mutates it.
 */
export function processContext(node: ProcessNode, bootToRealNs: number): ProcessContext {
  if (node.context) return node.context;
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
  node.context = ctx;
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

/** Names a job resolved to addresses earlier (JobDomains). */
export interface DomainOf {
  nameOf(address: string): string | undefined;
}

/** The egress policy's verdict on a connect, datagram or DNS question, as event fields. */
export function policyVerdict(flags: number): { outside_policy?: true; blocked?: true } {
  if (!(flags & Flag.EGRESS_DENIED)) return {};
  return flags & Flag.EGRESS_BLOCKED ? { outside_policy: true, blocked: true } : { outside_policy: true };
}

function network(s: ConnectSample, domainOf?: DomainOf): PartialEvent['network'] {
  const domain = domainOf?.nameOf(s.address);
  return {
    protocol: s.protocol === 'udp' ? 'udp' : 'tcp',
    family: s.family,
    address: s.address,
    port: s.port,
    ...(domain !== undefined ? { domain } : {}),
    ...policyVerdict(s.flags),
  };
}

function baseEvent(
  kind: EventRecord['kind'],
  cgroupId: number,
  node: ProcessNode,
  bootToRealNs: number,
  process = processContext(node, bootToRealNs),
): PartialEvent {
  const e: PartialEvent = { kind, cgroup_id: cgroupId, process };
  if (node.step) e.step = node.step;
  return e;
}

/** A domain event for node, its process snapshot taken now. */
export function domainEvent(
  domain: DomainInfo,
  cgroupId: number,
  node: ProcessNode,
  bootToRealNs: number,
): PartialEvent & { domain: DomainInfo } {
  const e = baseEvent('domain', cgroupId, node, bootToRealNs);
  e.domain = domain;
  return e as PartialEvent & { domain: DomainInfo };
}

/**
 * The rule-facing event for a sample, or undefined for internal samples and
 * domain samples (the tracker's JobDomains decides those).
 */
export function buildEvent(s: Sample, node: ProcessNode, bootToRealNs: number, domainOf?: DomainOf): PartialEvent | undefined {
  const base = (kind: EventRecord['kind'], process?: ProcessContext): PartialEvent =>
    baseEvent(kind, s.cgroupId, node, bootToRealNs, process);
  let e: PartialEvent;
  switch (s.kind) {
    case 'exec':
      return base('process_exec');
    case 'exit':
      // A copy: the shared context must not change under other events.
      return base('process_exit', { ...processContext(node, bootToRealNs), ...exitFields((s as ExitSample).status) });
    case 'connect':
      e = base('network_connect');
      e.network = network(s, domainOf);
      return e;
    case 'file_open':
      e = base('file_open');
      e.file = fileOpen(s);
      return e;
    case 'file_op': {
      const { kind, file } = fileOp(s);
      e = base(kind);
      e.file = file;
      return e;
    }
    case 'unix_connect':
      e = base('unix_socket_connect');
      e.unix_socket = { path: (s as UnixConnectSample).path };
      return e;
    default:
      return undefined;
  }
}
