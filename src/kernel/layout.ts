/**
 * Byte layout of the records in bpf/records.h. test/integration/dist.test.ts
 * compiles records.h and compares every offset and size here with the C
 * compiler's offsetof/sizeof, so a change on one side without the other fails.
 */
export const RECORDS_ABI = 4;

export const STAGING_KEY_MAX = 80;

export const Kind = {
  EXEC: 1,
  FORK: 2,
  EXIT: 3,
  CGROUP: 4,
  CONNECT: 5,
  FILE_OPEN: 6,
  FILE_OP: 7,
  UNIX_CONNECT: 8,
  DOMAIN: 9,
  ACCESS: 10,
  MOUNT: 11,
  HTTP_REQUEST: 12,
  TAMPER: 13,
} as const;

/** Counter slots in enum cs_hook order. */
export const HOOK_NAMES = [
  'process_exec',
  'process_fork',
  'process_exit',
  'cgroup_tracking',
  'network_connect',
  'udp_sendmsg',
  'file_open',
  'file_remove',
  'file_move',
  'file_link',
  'unix_socket_connect',
  'domain',
  'process_access',
  'mount',
  'http_request',
  'tamper',
] as const;

/**
 * The hooks whose records go to the bulk ring (bulk_hook() in
 * bpf/common.bpf.h); every other hook's go to the priority ring.
 */
export const BULK_HOOKS: readonly string[] = ['file_open', 'file_remove', 'file_move', 'file_link'];

export const Flag = {
  ARGV_TRUNCATED: 1 << 0,
  PATH_TRUNCATED: 1 << 1,
  PATH2_TRUNCATED: 1 << 2,
  CWD_TRUNCATED: 1 << 3,
  ANSWERS_TRUNCATED: 1 << 4,
  MEMFD: 1 << 5,
  EGRESS_DENIED: 1 << 6,
  EGRESS_BLOCKED: 1 << 7,
  IO_URING: 1 << 8,
} as const;

export const CgroupOp = { MKDIR: 1, RMDIR: 2, ATTACH: 3, PROMOTE: 4 } as const;
export const Access = { READ: 1, WRITE: 2, READ_WRITE: 3, EXEC: 4 } as const;
export const PathEnc = { NONE: 0, COMPONENTS: 1, STRING: 2 } as const;
export const FileOp = { UNLINK: 1, RMDIR: 2, RENAME: 3, LINK: 4, SYMLINK: 5 } as const;
export const DomainSource = { DNS_QUERY: 1, DNS_ANSWER: 2, TLS_SNI: 3, HTTP_HOST: 4, RESOLVED: 5 } as const;
/** CS_RESOLVED_SOCKET: the peer of every RESOLVED record. */
export const RESOLVED_SOCKET = '/run/systemd/resolve/io.systemd.Resolve';
export const AnswerType = { A: 1, AAAA: 2, CNAME: 3 } as const;
export const DOMAIN_NAME_MAX = 253;
export const AccessOp = { PTRACE: 1, VM_READV: 2, VM_WRITEV: 3, PROC_OPEN: 4 } as const;
export const ProcFile = { MEM: 1, MAPS: 2, SMAPS: 3, SMAPS_ROLLUP: 4, NUMA_MAPS: 5, PAGEMAP: 6 } as const;
export const Prevention = { NONE: 0, SIGNAL: 1, LSM: 2 } as const;
export const MountOp = { MOUNT: 1, MOVE_MOUNT: 2 } as const;
/** enum cs_http_source: where an http_request was read. */
export const HttpSource = { CLEARTEXT: 0, OPENSSL: 1 } as const;
export const TamperOp = { SIGNAL: 1, STOPPED: 2, TRACED: 3 } as const;

/** [struct, field] → byte offset; sizes of the fixed parts under SIZEOF. */
export const OFFSETS = {
  cs_header: { kind: 0, size: 2, pid: 4, tid: 8, flags: 12, time_ns: 16, cgroup_id: 24, start_time_ns: 32 },
  cs_exec: { ppid: 40, uid: 44, parent_start_time_ns: 48, path_len: 56, argv_len: 58, cwd_len: 60 },
  cs_fork: { ppid: 40, uid: 44, parent_start_time_ns: 48 },
  cs_exit: { exit_code: 40 },
  cs_cgroup: { id: 40, parent_id: 48, op: 56, name_len: 60 },
  cs_connect: { protocol: 40, family: 41, port: 42, via_sendmsg: 44, addr: 48 },
  cs_file_open: { open_flags: 40, access: 44, path_enc: 45, path_len: 46 },
  cs_file_op: { op: 40, op_flags: 44, path_len: 48, base_len: 50, path2_len: 52, base2_len: 54 },
  cs_unix_connect: { path_len: 40, sock_type: 42, peer_dev: 44, peer_ino: 48 },
  cs_domain: {
    source: 40,
    protocol: 41,
    family: 42,
    rcode: 43,
    port: 44,
    qtype: 46,
    txid: 48,
    name_len: 50,
    answers_len: 52,
    addr: 56,
  },
  cs_process_access: {
    target_pid: 40,
    request: 44,
    target_start_time_ns: 48,
    op: 56,
    proc_file: 57,
    prevented: 58,
    write: 59,
    target_ns: 60,
  },
  cs_http_request: { method_len: 40, path_len: 42, host_len: 44, port: 46, family: 48, path_cut: 49, source: 50, addr: 56 },
  cs_tamper: {
    stopped_ns: 40,
    stopped_total_ns: 48,
    tracer_start_time_ns: 56,
    op: 64,
    sig: 68,
    target_tid: 72,
    result: 76,
    tracer_pid: 80,
    count: 84,
  },
  cs_lost_key: { pid: 0, start_time_ns: 8 },
  cs_lost_files: { cgroup_id: 0, opens: 8, ops: 16, comm: 24 },
  cs_mount: {
    flags: 40,
    op: 44,
    source_len: 46,
    source_base_len: 48,
    target_len: 50,
    target_base_len: 52,
  },
} as const;

export const SIZEOF = {
  cs_header: 40,
  cs_exec: 64,
  cs_fork: 56,
  cs_exit: 48,
  cs_cgroup: 64,
  cs_connect: 64,
  cs_file_open: 48,
  cs_file_op: 56,
  cs_unix_connect: 56,
  cs_domain: 72,
  cs_process_access: 64,
  cs_mount: 64,
  cs_http_request: 72,
  cs_tamper: 88,
  cs_lost_key: 16,
  cs_lost_files: 40,
} as const;
