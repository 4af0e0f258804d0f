/**
 * Turns a batch from cs_poll ([u32 len][u32 0][record][pad to 8] ...) into
 * typed samples. Every length is checked against the record before it is
 * used: a malformed record is reported and skipped, never trusted.
 */
import { ipv4, ipv6 } from './address.js';
import {
  decodeAccess,
  decodeHttpRequest,
  decodeMount,
  type AccessSample,
  type HttpRequestSample,
  type MountSample,
} from './decodeAccess.js';
import { decodeTamper, type TamperSample } from './decodeTamper.js';
import {
  AnswerType,
  CgroupOp,
  DOMAIN_NAME_MAX,
  DomainSource,
  FileOp,
  Flag,
  Kind,
  OFFSETS as O,
  PathEnc,
  RESOLVED_SOCKET,
  SIZEOF,
} from './layout.js';
import {
  base,
  MalformedRecord,
  need,
  passedPath,
  Tail,
  u64,
  le16,
  le32,
  le64,
  type PassedPath,
  type SampleBase,
} from './recordReader.js';
import { bytesToText, componentsToPath, splitNul } from './text.js';

export { MalformedRecord, type PassedPath, type SampleBase };

export interface ExecSample extends SampleBase {
  kind: 'exec';
  ppid: number;
  uid: number;
  parentStartNs: number;
  execPath: string;
  argv: string[];
  cwd: string;
  /** argv was cut at CS_ARGV_MAX (bpf/records.h); set only when true, like the schema's argv_truncated. */
  argvTruncated?: true;
  /** The binary was a memfd, fileless execution (set only when true). */
  memfd?: true;
}

export interface ForkSample extends SampleBase {
  kind: 'fork';
  ppid: number;
  uid: number;
  parentStartNs: number;
}

export interface ExitSample extends SampleBase {
  kind: 'exit';
  /** Raw wait status: (code << 8) | signal. */
  status: number;
}

export type CgroupOpName = 'mkdir' | 'rmdir' | 'attach' | 'promote';

export interface CgroupSample extends SampleBase {
  kind: 'cgroup';
  op: CgroupOpName;
  id: number;
  parentId: number;
  name: string;
}

export interface ConnectSample extends SampleBase {
  kind: 'connect';
  protocol: 'tcp' | 'udp' | 'other';
  family: 'ipv4' | 'ipv6';
  address: string;
  port: number;
  viaSendmsg: boolean;
}

export interface FileOpenSample extends SampleBase {
  kind: 'file_open';
  openFlags: number;
  access: number;
  path: string;
  /** The path lost its leading components (set only when true). */
  pathTruncated?: true;
}

export type FileOpName = 'unlink' | 'rmdir' | 'rename' | 'link' | 'symlink';

export interface FileOpSample extends SampleBase {
  kind: 'file_op';
  op: FileOpName;
  opFlags: number;
  path: PassedPath;
  path2?: PassedPath;
  /** Either path lost its leading components (set only when true). */
  pathTruncated?: true;
}

export type SocketTypeName = 'stream' | 'dgram' | 'seqpacket' | 'unknown';

export interface UnixConnectSample extends SampleBase {
  kind: 'unix_connect';
  /** As the job passed it; for an io_uring connect, the path the peer bound. */
  path: string;
  socketType?: SocketTypeName;
  /** The socket file the peer is bound to (st_dev, st_ino as stat(2) gives them); absent for abstract and unnamed peers. */
  peer?: { dev: number; ino: number };
  /** Connected through io_uring (IORING_OP_CONNECT), not connect(2). */
  ioUring?: true;
}

export type DomainSourceName = 'dns_query' | 'dns_answer' | 'tls_sni' | 'http_host' | 'resolved';

/** A name seen in a packet of a job's socket; pid is the socket's owner (0: not known). */
export interface DomainSample extends SampleBase {
  kind: 'domain';
  source: DomainSourceName;
  /** 'unix' for names sent to systemd-resolved's varlink socket. */
  protocol: 'tcp' | 'udp' | 'unix';
  family: 'ipv4' | 'ipv6' | 'unix';
  /** The peer: the DNS server, the TLS / HTTP server, or systemd-resolved's socket path. */
  address: string;
  port: number;
  name: string;
  /** DNS only: query type number, message id and (answers) response code. */
  qtype: number;
  txid: number;
  rcode: number;
  /** DNS answers: A and AAAA addresses in textual form, and CNAME targets, in message order. */
  answers: string[];
  cnames: string[];
}

export type { AccessSample, HttpRequestSample, MountSample } from './decodeAccess.js';
export type { TamperSample } from './decodeTamper.js';

export type Sample =
  | AccessSample
  | TamperSample
  | HttpRequestSample
  | MountSample
  | DomainSample
  | ExecSample
  | ForkSample
  | ExitSample
  | CgroupSample
  | ConnectSample
  | FileOpenSample
  | FileOpSample
  | UnixConnectSample;

/** A flag bit as the samples carry it: true, or absent. */
const flag = (flags: number, bit: number): true | undefined => ((flags & bit) !== 0 ? true : undefined);

function decodeExec(b: Buffer, at: number, end: number): ExecSample {
  const o = O.cs_exec;
  const flags = b.readUInt32LE(at + O.cs_header.flags);
  const tail = new Tail(at + SIZEOF.cs_exec, end);
  const [ps, pe] = tail.take(b.readUInt16LE(at + o.path_len));
  const [as, ae] = tail.take(b.readUInt16LE(at + o.argv_len));
  const [cs, ce] = tail.take(b.readUInt16LE(at + o.cwd_len));
  return {
    kind: 'exec',
    ...base(b, at),
    ppid: b.readUInt32LE(at + o.ppid),
    uid: b.readUInt32LE(at + o.uid),
    parentStartNs: u64(b, at + o.parent_start_time_ns),
    execPath: pe > ps ? componentsToPath(b, ps, pe, (flags & Flag.PATH_TRUNCATED) !== 0) : '',
    argv: splitNul(b, as, ae),
    // No components means the walk started at the root: the cwd is '/'.
    cwd: componentsToPath(b, cs, ce, (flags & Flag.CWD_TRUNCATED) !== 0),
    argvTruncated: flag(flags, Flag.ARGV_TRUNCATED),
    memfd: flag(flags, Flag.MEMFD),
  };
}

function decodeFork(b: Buffer, at: number): ForkSample {
  const o = O.cs_fork;
  return {
    kind: 'fork',
    ...base(b, at),
    ppid: b.readUInt32LE(at + o.ppid),
    uid: b.readUInt32LE(at + o.uid),
    parentStartNs: u64(b, at + o.parent_start_time_ns),
  };
}

const CGROUP_OPS: Record<number, CgroupOpName> = {
  [CgroupOp.MKDIR]: 'mkdir',
  [CgroupOp.RMDIR]: 'rmdir',
  [CgroupOp.ATTACH]: 'attach',
  [CgroupOp.PROMOTE]: 'promote',
};

function decodeCgroup(b: Buffer, at: number, end: number): CgroupSample {
  const o = O.cs_cgroup;
  const op = CGROUP_OPS[b.readUInt32LE(at + o.op)];
  need(op !== undefined, 'unknown cgroup op');
  const [ns, ne] = new Tail(at + SIZEOF.cs_cgroup, end).take(b.readUInt16LE(at + o.name_len));
  return {
    kind: 'cgroup',
    ...base(b, at),
    op: op!,
    id: u64(b, at + o.id),
    parentId: u64(b, at + o.parent_id),
    name: bytesToText(b, ns, ne),
  };
}

function decodeConnect(b: Buffer, at: number): ConnectSample {
  const o = O.cs_connect;
  const proto = b[at + o.protocol];
  const family = b[at + o.family];
  need(family === 2 || family === 10, 'unknown address family');
  return {
    kind: 'connect',
    ...base(b, at),
    protocol: proto === 6 ? 'tcp' : proto === 17 ? 'udp' : 'other',
    family: family === 2 ? 'ipv4' : 'ipv6',
    address: family === 2 ? ipv4(b, at + o.addr) : ipv6(b, at + o.addr),
    port: b.readUInt16LE(at + o.port),
    viaSendmsg: b[at + o.via_sendmsg] !== 0,
  };
}

/**
 * The open storm's record, a million a minute: the header is read in place
 * rather than spread in from base(), so the sample is one allocation of one
 * shape.
 */
function decodeFileOpen(b: Buffer, at: number, end: number): FileOpenSample {
  const o = O.cs_file_open;
  const h = O.cs_header;
  const flags = le32(b, at + h.flags);
  const enc = b[at + o.path_enc];
  // The one blob, checked as Tail.take would, without its objects.
  const ps = at + SIZEOF.cs_file_open;
  const pe = ps + le16(b, at + o.path_len);
  need(pe <= end, 'blob runs past the record');
  need(enc === PathEnc.COMPONENTS || enc === PathEnc.STRING, 'unknown path encoding');
  const truncated = (flags & Flag.PATH_TRUNCATED) !== 0;
  return {
    kind: 'file_open',
    pid: le32(b, at + h.pid),
    tid: le32(b, at + h.tid),
    flags,
    timeNs: le64(b, at + h.time_ns),
    cgroupId: le64(b, at + h.cgroup_id),
    startNs: le64(b, at + h.start_time_ns),
    openFlags: le32(b, at + o.open_flags),
    access: b[at + o.access]!,
    path: enc === PathEnc.COMPONENTS ? componentsToPath(b, ps, pe, truncated) : bytesToText(b, ps, pe),
    pathTruncated: truncated ? true : undefined,
  };
}

const FILE_OPS: Record<number, FileOpName> = {
  [FileOp.UNLINK]: 'unlink',
  [FileOp.RMDIR]: 'rmdir',
  [FileOp.RENAME]: 'rename',
  [FileOp.LINK]: 'link',
  [FileOp.SYMLINK]: 'symlink',
};

function decodeFileOp(b: Buffer, at: number, end: number): FileOpSample {
  const o = O.cs_file_op;
  const flags = b.readUInt32LE(at + O.cs_header.flags);
  const op = FILE_OPS[b.readUInt32LE(at + o.op)];
  need(op !== undefined, 'unknown file op');
  const tail = new Tail(at + SIZEOF.cs_file_op, end);
  const path = passedPath(
    b,
    tail,
    b.readUInt16LE(at + o.path_len),
    b.readUInt16LE(at + o.base_len),
    (flags & Flag.PATH_TRUNCATED) !== 0,
  );
  const len2 = b.readUInt16LE(at + o.path2_len);
  const base2 = b.readUInt16LE(at + o.base2_len);
  const sample: FileOpSample = {
    kind: 'file_op',
    ...base(b, at),
    op: op!,
    opFlags: b.readUInt32LE(at + o.op_flags),
    path,
    pathTruncated: flag(flags, Flag.PATH_TRUNCATED | Flag.PATH2_TRUNCATED),
  };
  if (op === 'rename' || op === 'link' || op === 'symlink') {
    sample.path2 = passedPath(b, tail, len2, base2, (flags & Flag.PATH2_TRUNCATED) !== 0);
  }
  return sample;
}

// SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET (0: the kernel could not tell).
const SOCKET_TYPES: Record<number, SocketTypeName> = { 1: 'stream', 2: 'dgram', 5: 'seqpacket' };

function decodeUnix(b: Buffer, at: number, end: number): UnixConnectSample {
  const [ps, pe] = new Tail(at + SIZEOF.cs_unix_connect, end).take(b.readUInt16LE(at + O.cs_unix_connect.path_len));
  let path: string;
  if (pe > ps && b[ps] === 0) {
    // Abstract names are length-delimited and may hold NULs: inner ones are
    // shown escaped; trailing ones are padding (libuv passes the whole
    // sockaddr_un) and are dropped.
    let end = pe;
    while (end > ps + 1 && b[end - 1] === 0) end--;
    path = '@' + bytesToText(b, ps + 1, end).replace(/\0/g, '\\x00');
  } else {
    const nul = b.indexOf(0, ps);
    path = bytesToText(b, ps, nul >= 0 && nul < pe ? nul : pe);
  }
  const sample: UnixConnectSample = {
    kind: 'unix_connect',
    ...base(b, at),
    path,
    socketType: SOCKET_TYPES[b.readUInt16LE(at + O.cs_unix_connect.sock_type)] ?? 'unknown',
  };
  const ino = u64(b, at + O.cs_unix_connect.peer_ino);
  if (ino !== 0) sample.peer = { dev: userDev(b.readUInt32LE(at + O.cs_unix_connect.peer_dev)), ino };
  if (flag(sample.flags, Flag.IO_URING)) sample.ioUring = true;
  return sample;
}

/** The kernel's dev_t (major << 20 | minor) as stat(2) encodes it (new_encode_dev). */
function userDev(kdev: number): number {
  const major = kdev >>> 20;
  const minor = kdev & 0xfffff;
  return (minor & 0xff) + major * 0x100 + (minor & ~0xff) * 0x1000;
}

const DOMAIN_SOURCES: Record<number, DomainSourceName> = {
  [DomainSource.DNS_QUERY]: 'dns_query',
  [DomainSource.DNS_ANSWER]: 'dns_answer',
  [DomainSource.TLS_SNI]: 'tls_sni',
  [DomainSource.HTTP_HOST]: 'http_host',
  [DomainSource.RESOLVED]: 'resolved',
};

// The kernel writes only these; anything else is a broken record, not a name to show.
const HOST_LABEL = /^[a-z0-9_-]{1,63}$/;

/** A name as the kernel parsers write it: lower-case ASCII labels, dot-separated, at most 253 bytes. */
export function isHostName(name: string): boolean {
  return name.length > 0 && name.length <= DOMAIN_NAME_MAX && name.split('.').every((l) => HOST_LABEL.test(l));
}

function hostName(b: Buffer, start: number, end: number): string {
  const name = b.toString('latin1', start, end);
  need(isHostName(name), 'domain name is not a host name');
  return name;
}

function decodeAnswers(b: Buffer, start: number, end: number): { answers: string[]; cnames: string[] } {
  const answers: string[] = [];
  const cnames: string[] = [];
  let at = start;
  while (at < end) {
    need(at + 2 <= end, 'answer entry header runs past the record');
    const type = b[at]!;
    const len = b[at + 1]!;
    need(at + 2 + len <= end, 'answer entry runs past the record');
    if (type === AnswerType.A && len === 4) answers.push(ipv4(b, at + 2));
    else if (type === AnswerType.AAAA && len === 16) answers.push(ipv6(b, at + 2));
    else if (type === AnswerType.CNAME) cnames.push(hostName(b, at + 2, at + 2 + len));
    else need(false, `bad answer entry type ${type} length ${len}`);
    at += 2 + len;
  }
  return { answers, cnames };
}

function decodeDomain(b: Buffer, at: number, end: number): DomainSample {
  const o = O.cs_domain;
  const source = DOMAIN_SOURCES[b[at + o.source]!];
  need(source !== undefined, 'unknown domain source');
  const proto = b[at + o.protocol];
  const family = b[at + o.family];
  const resolved = source === 'resolved';
  need(resolved ? proto === 0 : proto === 6 || proto === 17, 'unknown domain protocol');
  need(resolved ? family === 1 : family === 2 || family === 10, 'unknown address family');
  const tail = new Tail(at + SIZEOF.cs_domain, end);
  const [ns, ne] = tail.take(b.readUInt16LE(at + o.name_len));
  const [as, ae] = tail.take(b.readUInt16LE(at + o.answers_len));
  need(source === 'dns_answer' || ae === as, 'answers outside a DNS response');
  return {
    kind: 'domain',
    ...base(b, at),
    source: source!,
    protocol: resolved ? 'unix' : proto === 6 ? 'tcp' : 'udp',
    family: resolved ? 'unix' : family === 2 ? 'ipv4' : 'ipv6',
    address: resolved ? RESOLVED_SOCKET : family === 2 ? ipv4(b, at + o.addr) : ipv6(b, at + o.addr),
    port: b.readUInt16LE(at + o.port),
    name: hostName(b, ns, ne),
    qtype: b.readUInt16LE(at + o.qtype),
    txid: b.readUInt16LE(at + o.txid),
    rcode: b[at + o.rcode]!,
    ...decodeAnswers(b, as, ae),
  };
}

const FIXED: Record<number, number> = {
  [Kind.DOMAIN]: SIZEOF.cs_domain,
  [Kind.EXEC]: SIZEOF.cs_exec,
  [Kind.FORK]: SIZEOF.cs_fork,
  [Kind.EXIT]: SIZEOF.cs_exit,
  [Kind.CGROUP]: SIZEOF.cs_cgroup,
  [Kind.CONNECT]: SIZEOF.cs_connect,
  [Kind.FILE_OPEN]: SIZEOF.cs_file_open,
  [Kind.FILE_OP]: SIZEOF.cs_file_op,
  [Kind.UNIX_CONNECT]: SIZEOF.cs_unix_connect,
  [Kind.ACCESS]: SIZEOF.cs_process_access,
  [Kind.MOUNT]: SIZEOF.cs_mount,
  [Kind.HTTP_REQUEST]: SIZEOF.cs_http_request,
  [Kind.TAMPER]: SIZEOF.cs_tamper,
};

/** Decodes one record occupying b[at, at + len). */
export function decodeRecord(b: Buffer, at: number, len: number): Sample {
  need(len >= SIZEOF.cs_header, 'record shorter than its header');
  // What le16/le32 read below is then inside the buffer too.
  need(at >= 0 && at + len <= b.length, 'record runs past the batch');
  const kind = le16(b, at + O.cs_header.kind);
  const fixed = FIXED[kind];
  // The messages only when they are needed: a template per record was two strings per event.
  if (fixed === undefined) throw new MalformedRecord(`unknown record kind ${kind}`);
  if (len < fixed) throw new MalformedRecord(`record of kind ${kind} shorter than its fixed part`);
  need(le16(b, at + O.cs_header.size) === len, 'record size disagrees with the ring buffer');
  const end = at + len;
  switch (kind) {
    case Kind.EXEC:
      return decodeExec(b, at, end);
    case Kind.FORK:
      return decodeFork(b, at);
    case Kind.EXIT:
      return { kind: 'exit', ...base(b, at), status: b.readUInt32LE(at + O.cs_exit.exit_code) };
    case Kind.CGROUP:
      return decodeCgroup(b, at, end);
    case Kind.CONNECT:
      return decodeConnect(b, at);
    case Kind.FILE_OPEN:
      return decodeFileOpen(b, at, end);
    case Kind.FILE_OP:
      return decodeFileOp(b, at, end);
    case Kind.DOMAIN:
      return decodeDomain(b, at, end);
    case Kind.ACCESS:
      return decodeAccess(b, at);
    case Kind.MOUNT:
      return decodeMount(b, at, end);
    case Kind.HTTP_REQUEST:
      return decodeHttpRequest(b, at, end);
    case Kind.TAMPER:
      return decodeTamper(b, at);
    default:
      return decodeUnix(b, at, end);
  }
}

/**
 * Walks a batch, handing each sample to onSample; a record that does not
 * decode goes to onMalformed and the walk goes on with the next one.
 */
export function decodeBatch(
  b: Buffer,
  len: number,
  onSample: (s: Sample) => void,
  onMalformed: (reason: string) => void,
): void {
  let at = 0;
  // The framing words are read without Buffer's checks: never past its end.
  const end = Math.min(len, b.length);
  while (at + 8 <= end) {
    const recLen = le32(b, at);
    // Plain arithmetic: a 32-bit mask would turn a huge length negative.
    const next = at + 8 + Math.ceil(recLen / 8) * 8;
    if (next > end) {
      onMalformed('batch framing runs past the buffer');
      return;
    }
    let sample: Sample | undefined;
    try {
      sample = decodeRecord(b, at + 8, recLen);
    } catch (err) {
      if (!(err instanceof MalformedRecord) && !(err instanceof RangeError)) throw err;
      onMalformed(err.message);
    }
    // Outside the try: a bug in the consumer is not a malformed record.
    if (sample) onSample(sample);
    at = next;
  }
}
