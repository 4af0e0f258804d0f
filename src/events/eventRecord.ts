import { microsText } from './eventTime.js';

/**
 * One line of events.ndjson. Mirrors shared/event-record.schema.json: the
 * names and meanings there are a contract; fields may be added, never renamed.
 */
export type EventKind =
  | 'process_exec'
  | 'process_exit'
  | 'network_connect'
  | 'file_open'
  | 'file_remove'
  | 'file_move'
  | 'file_link'
  | 'domain'
  | 'unix_socket_connect'
  | 'mount'
  | 'http_request'
  | 'process_access'
  | 'container_create'
  | 'container_exec';

export const EVENT_KINDS: readonly EventKind[] = [
  'process_exec',
  'process_exit',
  'network_connect',
  'file_open',
  'file_remove',
  'file_move',
  'file_link',
  'domain',
  'unix_socket_connect',
  'mount',
  'http_request',
  'process_access',
  'container_create',
  'container_exec',
];

export interface JobIdentity {
  id: string;
  name?: string;
  workflow?: string;
  repository?: string;
  run_id?: string;
  run_attempt?: string;
}

export interface AncestorRef {
  pid: number;
  exec_path: string;
  argv?: string[];
}

export interface ProcessContext {
  pid: number;
  ppid: number;
  uid?: number;
  exec_path: string;
  argv: string[];
  argv_truncated?: boolean;
  cwd?: string;
  start_time?: string;
  exit_code?: number;
  /** process_exit only: the signal that ended the process, when one did. */
  exit_signal?: number;
  ancestors: AncestorRef[];
  /** true when the ancestor chain was cut at the depth limit. */
  ancestors_truncated?: boolean;
  /** process_exec only: the executed binary was a memfd (fileless execution). */
  memfd?: boolean;
}

export interface NetworkInfo {
  protocol: 'tcp' | 'udp';
  family: 'ipv4' | 'ipv6';
  address: string;
  port: number;
  domain?: string;
  /** true when the egress policy refused this connect or datagram (the job saw an error). */
  blocked?: boolean;
  /** true when the destination is outside the job's egress policy, refused or (audit) not; an addition to the shared schema. */
  outside_policy?: boolean;
}

export type FileAccess = 'read' | 'write' | 'read_write' | 'exec';

export interface FileInfo {
  path: string;
  target_path?: string;
  access?: FileAccess;
  flags?: string[];
  /** file_link only: 'hard' or 'symbolic'. */
  link_type?: 'hard' | 'symbolic';
  /** file_remove only: true when a directory was removed. */
  directory?: boolean;
  /** true when a path was cut by a kernel-side size limit. */
  path_truncated?: boolean;
  /** file_remove only (schema name): a directory was removed. */
  is_dir?: boolean;
  /** The path is under /proc/<pid>/ of another process: that process as the tracker knew it. */
  target_process?: ProcessRef;
}

/**
 * A file_open's FileInfo as the tracker builds it, its keys always in this
 * order (JSON leaves the undefined ones out, as it left out the keys an
 * object literal did not have): the line encoder writes an instance without
 * walking its keys (eventLine.ts). `flags` is one of openFlagNames' shared
 * arrays, frozen, so its JSON can be kept beside it.
 */
export class OpenedFile implements FileInfo {
  constructor(
    readonly path: string,
    readonly access: FileAccess,
    readonly flags: string[],
    readonly path_truncated: true | undefined,
    readonly target_process: ProcessRef | undefined,
  ) {}
}

/** Another process named by an event (a /proc/<pid>/ path, a ptrace target). */
export interface ProcessRef {
  pid: number;
  exec_path?: string;
  argv?: string[];
}

export interface DomainInfo {
  name: string;
  source: 'dns' | 'tls_sni' | 'http_host';
  query_type?: string;
  server?: { address?: string; port?: number };
  answers?: string[];
  /** dns only: the CNAME chain of the response, in order (an addition to the shared schema). */
  cnames?: string[];
  /** true when the egress policy dropped this DNS question. */
  blocked?: boolean;
  /** true when the name is outside the job's egress policy, dropped or (audit) not; an addition to the shared schema. */
  outside_policy?: boolean;
}

export type UnixSocketType = 'stream' | 'dgram' | 'seqpacket' | 'unknown';

export interface UnixSocketInfo {
  path: string;
  socket_type?: UnixSocketType;
  /**
   * The socket connected to is dockerd's own (not the proxy's), by its
   * device and inode, whatever path named it; set only then, and only while
   * the docker proxy runs (an addition to the shared schema).
   */
  docker_daemon?: true;
}

/** mount only: a bind/move mount(2) or move_mount(2) attempt by the job. */
export interface MountInfo {
  source?: string;
  target: string;
  fstype?: string;
  /** MS_* names, e.g. MS_BIND, MS_MOVE, MS_REC */
  flags?: string[];
  operation?: 'mount' | 'move_mount';
}

/** http_request only: the request line and Host of an outgoing HTTP/1.x request. */
export interface HttpInfo {
  /** upper-case as sent */
  method: string;
  /** request target without the query string */
  path?: string;
  /** Host header, lower-case, port kept when sent */
  host: string;
  source: 'cleartext_http' | 'openssl';
}

export type AccessOperation = 'ptrace' | 'process_vm_readv' | 'process_vm_writev' | 'proc_mem_open';

/** process_access only: the job's process reached into another process's memory or execution. */
export interface AccessInfo {
  operation: AccessOperation;
  /** ptrace only: PTRACE_ATTACH, PTRACE_SEIZE, PTRACE_PEEKDATA, ... */
  request?: string;
  /**
   * proc_mem_open only: which /proc/<pid>/ file (mem, maps, smaps,
   * smaps_rollup, numa_maps, pagemap); an addition to the shared schema.
   */
  proc_file?: string;
  /** proc_mem_open: opened for writing */
  write?: boolean;
  target: ProcessRef & { in_job?: boolean };
  /** true when the sensor stopped the access before it happened */
  prevented?: boolean;
}

/** A container started through the docker proxy for a job. */
export interface ContainerInfo {
  id: string;
  name?: string;
  image?: string;
}

/**
 * container_create only: a container create a job sent through the docker
 * proxy, what it asks of the host, and the container guard's verdict (an
 * addition to the shared schema).
 */
export interface ContainerCreateInfo {
  /** The image as the client named it ('' when the body named none). */
  image: string;
  name?: string;
  privileged: boolean;
  /** --pid (e.g. "host", "container:ID"), when set. */
  pid_mode?: string;
  /** --network (e.g. "host", "none", a network's name), when set. */
  network_mode?: string;
  /** Host source paths of binds, bind mounts and local volumes bound to a host directory. */
  binds: string[];
  cap_add: string[];
  /** Host device paths (--device). */
  devices: string[];
  /** --device-cgroup-rule, when set: device nodes the container may make and open (`b *:* rwm` is every disk). */
  device_cgroup_rules?: string[];
  /**
   * --security-opt, when set, as the client sent them but for a seccomp
   * profile's JSON: `seccomp=unconfined` when its default action allows
   * every call, `seccomp=profile` otherwise.
   */
  security_opt?: string[];
  /** --userns, when set (e.g. host). */
  userns_mode?: string;
  /** --ipc, when set (e.g. host, container:ID, private). */
  ipc_mode?: string;
  /** --cgroupns, when set (host or private). */
  cgroupns_mode?: string;
  /** --volumes-from, when set: the containers whose volumes it takes (their bind sources are in binds). */
  volumes_from?: string[];
  /** The proxy answered 403 (container-policy: block); the container does not exist. */
  refused: boolean;
  /** Why, when refused: the 403's message, naming the policy and the option. */
  refusal?: string;
}

/**
 * container_exec only: an exec create (`docker exec`, POST
 * /containers/{id}/exec) a job sent through the docker proxy, what it asks,
 * and the container guard's verdict (an addition to the shared schema).
 */
export interface ContainerExecInfo {
  /** The container as the request named it (a name, an id or an id prefix). */
  container: string;
  /** The full id dockerd knew that container by when the proxy judged the exec, when it knew one. */
  container_id?: string;
  /** The job created that container through the proxy (what runs in any other is not recorded). */
  job_container?: boolean;
  /** --privileged: every capability and no seccomp or AppArmor profile for the process. */
  privileged: boolean;
  /** --user, when set (e.g. "0", "root"). */
  user?: string;
  /** The command, as the client sent it. */
  cmd: string[];
  /** The proxy answered 403 (container-policy: block); dockerd never saw it. */
  refused: boolean;
  /** Why, when refused: the 403's message. */
  refusal?: string;
}

/** What the docker proxy records of a job's request: the event's kind and that kind's object. */
export type ProxyRecord =
  | { kind: 'container_create'; container_create: ContainerCreateInfo }
  | { kind: 'container_exec'; container_exec: ContainerExecInfo };

export interface EventRecord {
  seq: number;
  time: string;
  kind: EventKind;
  job: JobIdentity;
  cgroup_id: number;
  container?: ContainerInfo;
  step?: { pid?: number; label?: string };
  process: ProcessContext;
  network?: NetworkInfo;
  file?: FileInfo;
  domain?: DomainInfo;
  unix_socket?: UnixSocketInfo;
  mount?: MountInfo;
  http?: HttpInfo;
  access?: AccessInfo;
  container_create?: ContainerCreateInfo;
  container_exec?: ContainerExecInfo;
}

/**
 * An EventRecord as the tracker builds it (eventBuilder.ts): the same keys
 * in the same order, every payload key present, undefined but for the one
 * the kind sets (JSON leaves undefined out), so events of every kind share
 * one shape and the writer, the report and the rules read their fields with
 * monomorphic loads. Its time is also kept as the number it was made from,
 * in a private field that neither JSON nor a walk of its keys sees: the
 * line encoder writes the time's digits from it and the report orders and
 * buckets events by it, instead of reading the text back (microsOf).
 */
export class TrackedEvent implements EventRecord {
  // Declared in the line's order (lineLayout.ts), each defined as the instance is made.
  seq = 0;
  readonly time: string;
  readonly kind: EventKind;
  readonly job: JobIdentity;
  readonly cgroup_id: number;
  readonly container: ContainerInfo | undefined;
  readonly step: EventRecord['step'];
  readonly process: ProcessContext;
  network: NetworkInfo | undefined = undefined;
  file: FileInfo | undefined = undefined;
  domain: DomainInfo | undefined = undefined;
  unix_socket: UnixSocketInfo | undefined = undefined;
  mount: MountInfo | undefined = undefined;
  http: HttpInfo | undefined = undefined;
  access: AccessInfo | undefined = undefined;
  container_create: ContainerCreateInfo | undefined = undefined;
  container_exec: ContainerExecInfo | undefined = undefined;
  readonly #micros: number;

  constructor(
    micros: number,
    kind: EventKind,
    job: JobIdentity,
    cgroupId: number,
    container: ContainerInfo | undefined,
    step: EventRecord['step'],
    process: ProcessContext,
  ) {
    this.#micros = micros;
    this.time = microsText(micros);
    this.kind = kind;
    this.job = job;
    this.cgroup_id = cgroupId;
    this.container = container;
    this.step = step;
    this.process = process;
  }

  /** An event's wall-clock time in microseconds, if it is a TrackedEvent; NaN otherwise (its time is only text). */
  static microsOf(e: EventRecord): number {
    return #micros in e ? e.#micros : NaN;
  }
}
