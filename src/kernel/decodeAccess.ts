/**
 * Decoders of this round's records: process_access (one process reaching
 * into another), mount and http_request. Flags become booleans and enums names here, so
 * nothing past the decoder reads a bit.
 */
import { ipv4, ipv6 } from './address.js';
import { base, need, passedPath, Tail, u64, type PassedPath, type SampleBase } from './recordReader.js';
import { AccessOp, Flag, HttpSource, MountOp, OFFSETS as O, Prevention, ProcFile, SIZEOF } from './layout.js';

export type AccessOpName = 'ptrace' | 'process_vm_readv' | 'process_vm_writev' | 'proc_mem_open';
export type ProcFileName = 'mem' | 'maps' | 'smaps' | 'smaps_rollup' | 'numa_maps' | 'pagemap';

export interface AccessSample extends SampleBase {
  kind: 'access';
  op: AccessOpName;
  /** proc_mem_open: which /proc/<pid>/ file was opened. */
  procFile?: ProcFileName;
  /** ptrace: the request number. */
  request: number;
  /** The target's tgid, or (targetInCallerNs) a pid of the caller's own pid namespace. */
  targetPid: number;
  /** The target's start (CLOCK_BOOTTIME ns); 0 when the hook could not tell. */
  targetStartNs: number;
  targetInCallerNs: boolean;
  /** Opened for writing, process_vm_writev, or a ptrace request that writes. */
  write: boolean;
  /** How the sensor stopped it, if it did. */
  prevented: 'signal' | 'lsm' | undefined;
}

export type MountOpName = 'mount' | 'move_mount';

export interface MountSample extends SampleBase {
  kind: 'mount';
  op: MountOpName;
  /** mount(2): MS_* flags; move_mount(2): MOVE_MOUNT_* flags. */
  mountFlags: number;
  source: PassedPath;
  target: PassedPath;
  pathTruncated: boolean;
}

const ACCESS_OPS: Record<number, AccessOpName> = {
  [AccessOp.PTRACE]: 'ptrace',
  [AccessOp.VM_READV]: 'process_vm_readv',
  [AccessOp.VM_WRITEV]: 'process_vm_writev',
  [AccessOp.PROC_OPEN]: 'proc_mem_open',
};

const PROC_FILES: Record<number, ProcFileName> = {
  [ProcFile.MEM]: 'mem',
  [ProcFile.MAPS]: 'maps',
  [ProcFile.SMAPS]: 'smaps',
  [ProcFile.SMAPS_ROLLUP]: 'smaps_rollup',
  [ProcFile.NUMA_MAPS]: 'numa_maps',
  [ProcFile.PAGEMAP]: 'pagemap',
};

const PREVENTIONS: Record<number, AccessSample['prevented']> = {
  [Prevention.NONE]: undefined,
  [Prevention.SIGNAL]: 'signal',
  [Prevention.LSM]: 'lsm',
};

export function decodeAccess(b: Buffer, at: number): AccessSample {
  const o = O.cs_process_access;
  const op = ACCESS_OPS[b[at + o.op]!];
  need(op !== undefined, 'unknown access operation');
  const fileCode = b[at + o.proc_file]!;
  const procFile = PROC_FILES[fileCode];
  need(op === 'proc_mem_open' ? procFile !== undefined : fileCode === 0, 'bad /proc file for the access operation');
  const preventedCode = b[at + o.prevented]!;
  need(preventedCode in PREVENTIONS, 'unknown prevention');
  const targetPid = b.readUInt32LE(at + o.target_pid);
  need(targetPid !== 0, 'access without a target');
  const sample: AccessSample = {
    kind: 'access',
    ...base(b, at),
    op: op!,
    request: b.readUInt32LE(at + o.request),
    targetPid,
    targetStartNs: u64(b, at + o.target_start_time_ns),
    targetInCallerNs: b[at + o.target_ns] !== 0,
    write: b[at + o.write] !== 0,
    prevented: PREVENTIONS[preventedCode],
  };
  if (procFile) sample.procFile = procFile;
  return sample;
}

export function decodeMount(b: Buffer, at: number, end: number): MountSample {
  const o = O.cs_mount;
  const op = b[at + o.op] === MountOp.MOUNT ? 'mount' : b[at + o.op] === MountOp.MOVE_MOUNT ? 'move_mount' : undefined;
  need(op !== undefined, 'unknown mount operation');
  const truncated = (b.readUInt32LE(at + O.cs_header.flags) & Flag.PATH_TRUNCATED) !== 0;
  const tail = new Tail(at + SIZEOF.cs_mount, end);
  const source = passedPath(b, tail, b.readUInt16LE(at + o.source_len), b.readUInt16LE(at + o.source_base_len), truncated);
  const target = passedPath(b, tail, b.readUInt16LE(at + o.target_len), b.readUInt16LE(at + o.target_base_len), truncated);
  return { kind: 'mount', ...base(b, at), op: op!, mountFlags: b.readUInt32LE(at + o.flags), source, target, pathTruncated: truncated };
}

/**
 * The first HTTP/1.x request on a job's TCP connection (pid is the socket's
 * owner), or on an OpenSSL connection (pid wrote it; the server is unknown).
 */
export type HttpRequestSample = HttpRequestBase & (HttpServer | { source: 'openssl' });

/** Where a cleartext request went. */
interface HttpServer {
  source: 'cleartext_http';
  family: 'ipv4' | 'ipv6';
  address: string;
  port: number;
}

interface HttpRequestBase extends SampleBase {
  kind: 'http_request';
  method: string;
  /** The request target up to its query or fragment. */
  path: string;
  /** The path went on past what the kernel keeps (set only when true). */
  pathCut?: true;
  /** The Host value as sent, lower-cased, port kept; '' when there was none. */
  host: string;
}

const METHOD = /^[A-Z]{1,16}$/;
const VISIBLE = /^[\x21-\x7e]*$/;

/** The server of a cleartext request; an OpenSSL one's is not known (all zero). */
function httpServer(b: Buffer, at: number): HttpServer | { source: 'openssl' } {
  const o = O.cs_http_request;
  const source = b[at + o.source];
  const family = b[at + o.family];
  need(source === HttpSource.CLEARTEXT || source === HttpSource.OPENSSL, 'unknown http source');
  if (source === HttpSource.OPENSSL) {
    need(family === 0 && b.readUInt16LE(at + o.port) === 0, 'an openssl http_request names a server');
    return { source: 'openssl' };
  }
  need(family === 2 || family === 10, 'unknown address family');
  return {
    source: 'cleartext_http',
    family: family === 2 ? 'ipv4' : 'ipv6',
    address: family === 2 ? ipv4(b, at + o.addr) : ipv6(b, at + o.addr),
    port: b.readUInt16LE(at + o.port),
  };
}

export function decodeHttpRequest(b: Buffer, at: number, end: number): HttpRequestSample {
  const o = O.cs_http_request;
  const server = httpServer(b, at);
  const tail = new Tail(at + SIZEOF.cs_http_request, end);
  const [ms, me] = tail.take(b.readUInt16LE(at + o.method_len));
  const [ps, pe] = tail.take(b.readUInt16LE(at + o.path_len));
  const [hs, he] = tail.take(b.readUInt16LE(at + o.host_len));
  const method = b.toString('latin1', ms, me);
  const path = b.toString('latin1', ps, pe);
  const host = b.toString('latin1', hs, he);
  // The kernel writes only these bytes; anything else is a broken record.
  need(METHOD.test(method), 'http method is not upper-case letters');
  need(path.length > 0 && VISIBLE.test(path) && VISIBLE.test(host) && host === host.toLowerCase(), 'http path or host holds bytes the kernel never writes');
  const sample: HttpRequestSample = {
    kind: 'http_request',
    ...base(b, at),
    method,
    path,
    host,
    ...server,
  };
  if (b[at + o.path_cut]) sample.pathCut = true;
  return sample;
}
