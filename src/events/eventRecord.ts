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
  | 'unix_socket_connect';

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
}

export interface NetworkInfo {
  protocol: 'tcp' | 'udp';
  family: 'ipv4' | 'ipv6';
  address: string;
  port: number;
  domain?: string;
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
}

export interface DomainInfo {
  name: string;
  source: 'dns' | 'tls_sni' | 'http_host';
  query_type?: string;
  server?: { address?: string; port?: number };
  answers?: string[];
  /** dns only: the CNAME chain of the response, in order (an addition to the shared schema). */
  cnames?: string[];
}

export interface EventRecord {
  seq: number;
  time: string;
  kind: EventKind;
  job: JobIdentity;
  cgroup_id: number;
  container?: { id: string; name?: string; image?: string };
  step?: { pid?: number; label?: string };
  process: ProcessContext;
  network?: NetworkInfo;
  file?: FileInfo;
  domain?: DomainInfo;
  unix_socket?: { path: string };
}
