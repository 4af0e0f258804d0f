/**
 * The one place an EventRecord is shaped: from a decoded sample and what the
 * tracker knows around it (job, container, process node and its step). Only
 * seq is left to delivery, which numbers a job's events in log order. The
 * parts shared between events (job, container, step, process context) are
 * frozen: the log writer caches their JSON, so they are replaced, never
 * changed.
 */
import {
  OpenedFile,
  TrackedEvent,
  type ContainerInfo,
  type DomainInfo,
  type EventRecord,
  type FileAccess,
  type FileInfo,
  type JobIdentity,
  type ProcessContext,
  type ProxyRecord,
} from '../events/eventRecord.js';
import { rfc3339Micros, wallMicros } from '../events/eventTime.js';
import type { ConnectSample, FileOpenSample, FileOpSample, Sample, SampleBase } from '../kernel/decode.js';
import { Access, Flag } from '../kernel/layout.js';
import { openFlagNames } from '../kernel/openFlags.js';
import { resolvePath } from '../kernel/text.js';
import { accessInfo, mountInfo, procTarget, type TargetLookup } from './accessEvents.js';
import type { ProcessNode } from './processTable.js';

/** Names a job resolved to addresses earlier (JobDomains). */
export interface DomainOf {
  nameOf(address: string): string | undefined;
}

/**
 * What the tracker knows of a sample beyond the sample itself. The tracker
 * fills one of these per event and reuses it: nothing keeps a reference.
 */
export interface EventContext {
  job: JobIdentity;
  /** The container of the sample's cgroup, if one was staged. */
  container: ContainerInfo | undefined;
  node: ProcessNode;
  /** Wall clock minus CLOCK_BOOTTIME, ns. */
  bootToRealNs: number;
  /** The job's names for addresses, for network.domain. */
  domainOf?: DomainOf;
  /** The other processes its events name (process_access targets, /proc/<pid>/ paths). */
  targets?: TargetLookup;
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
  node.context = Object.freeze(ctx);
  return node.context;
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

function fileOpen(s: FileOpenSample, targets?: TargetLookup): FileInfo {
  const target = targets && procTarget(s.path, s.pid, targets);
  return new OpenedFile(s.path, ACCESS[s.access] ?? 'read', openFlagNames(s.openFlags), s.pathTruncated ? true : undefined, target || undefined);
}

function fileOp(s: FileOpSample): { kind: EventRecord['kind']; file: FileInfo } {
  const first = resolvePath(s.path.raw, s.path.base);
  const second = s.path2 ? resolvePath(s.path2.raw, s.path2.base) : undefined;
  const extra = s.pathTruncated ? { path_truncated: true } : {};
  switch (s.op) {
    case 'unlink':
      return { kind: 'file_remove', file: { path: first, ...extra } };
    case 'rmdir':
      return { kind: 'file_remove', file: { path: first, is_dir: true, ...extra } };
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

/** The egress policy's verdict on a connect, datagram or DNS question, as event fields. */
export function policyVerdict(flags: number): { outside_policy?: true; blocked?: true } {
  if (!(flags & Flag.EGRESS_DENIED)) return {};
  return flags & Flag.EGRESS_BLOCKED ? { outside_policy: true, blocked: true } : { outside_policy: true };
}

function network(s: ConnectSample, domainOf?: DomainOf): EventRecord['network'] {
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

/** The fields every event has (a TrackedEvent: one shape for every kind); seq is set at delivery. */
function record(
  kind: EventRecord['kind'],
  s: SampleBase,
  ctx: EventContext,
  process: ProcessContext = processContext(ctx.node, ctx.bootToRealNs),
): EventRecord {
  return new TrackedEvent(wallMicros(s.timeNs + ctx.bootToRealNs), kind, ctx.job, s.cgroupId, ctx.container, ctx.node.step, process);
}

/** A domain event for the context's process, its process snapshot taken now. */
export function domainEvent(domain: DomainInfo, s: SampleBase, ctx: EventContext): EventRecord & { domain: DomainInfo } {
  const e = record('domain', s, ctx) as EventRecord & { domain: DomainInfo };
  e.domain = domain;
  return e;
}

/** container_create or container_exec: a request the docker proxy saw; the sample part is the client's cgroup and the time it was judged. */
export function proxyEvent(r: ProxyRecord, s: Pick<SampleBase, 'timeNs' | 'cgroupId'>, ctx: EventContext): EventRecord {
  const e = record(r.kind, s as SampleBase, ctx);
  if (r.kind === 'container_create') e.container_create = r.container_create;
  else e.container_exec = r.container_exec;
  return e;
}

/** process_exit: the process context with the exit's fields, a copy (the shared one must not change). */
function exitEvent(s: Sample & { kind: 'exit' }, ctx: EventContext): EventRecord {
  const process = Object.freeze({ ...processContext(ctx.node, ctx.bootToRealNs), ...exitFields(s.status) });
  return record('process_exit', s, ctx, process);
}

/**
 * The rule-facing event for a sample, or undefined for internal samples and
 * domain samples (the tracker's JobDomains decides those).
 */
export function buildEvent(s: Sample, ctx: EventContext): EventRecord | undefined {
  let e: EventRecord;
  switch (s.kind) {
    case 'exec':
      // A copy: memfd belongs to this exec's event, not to the shared context.
      if (s.memfd) return record('process_exec', s, ctx, Object.freeze({ ...processContext(ctx.node, ctx.bootToRealNs), memfd: true }));
      return record('process_exec', s, ctx);
    case 'exit':
      return exitEvent(s, ctx);
    case 'connect':
      e = record('network_connect', s, ctx);
      e.network = network(s, ctx.domainOf);
      return e;
    case 'file_open':
      e = record('file_open', s, ctx);
      e.file = fileOpen(s, ctx.targets);
      return e;
    case 'file_op': {
      const { kind, file } = fileOp(s);
      e = record(kind, s, ctx);
      e.file = file;
      return e;
    }
    case 'unix_connect':
      e = record('unix_socket_connect', s, ctx);
      e.unix_socket = { path: s.path };
      if (s.socketType) e.unix_socket.socket_type = s.socketType;
      return e;
    case 'access':
      if (!ctx.targets) return undefined;
      e = record('process_access', s, ctx);
      e.access = accessInfo(s, ctx.targets);
      return e;
    case 'mount':
      e = record('mount', s, ctx);
      e.mount = mountInfo(s);
      return e;
    case 'http_request':
      e = record('http_request', s, ctx);
      e.http = { method: s.method, path: s.path, host: s.host, source: s.source };
      return e;
    default:
      return undefined;
  }
}
