/**
 * The names a condition may use, per event type, with their CEL types: the
 * table of the rule format page (shared/rules-format.md), plus this
 * project's `process_access` in the same style. The load-time check walks
 * conditions against it; variables.ts fills the same names from an
 * EventRecord. Declared once here so the two cannot drift apart.
 */
import type { EventKind } from '../events/eventRecord.js';

export type CelType =
  | { readonly kind: 'string' | 'bool' | 'int' }
  | { readonly kind: 'list'; readonly elem: CelType }
  | { readonly kind: 'object'; readonly name: string; readonly fields: Readonly<Record<string, CelType>> };

export const STRING: CelType = { kind: 'string' };
export const BOOL: CelType = { kind: 'bool' };
export const INT: CelType = { kind: 'int' };
export const listOf = (elem: CelType): CelType => ({ kind: 'list', elem });

const PROC_FIELDS = { exec_path: STRING, argv: listOf(STRING) };
const DESCENDANT: CelType = { kind: 'object', name: 'descendant', fields: PROC_FIELDS };
const ANCESTOR: CelType = { kind: 'object', name: 'ancestor', fields: { ...PROC_FIELDS, descendants: listOf(DESCENDANT) } };
const PROCESS: CelType = { kind: 'object', name: 'process', fields: { ...PROC_FIELDS, ancestors: listOf(ANCESTOR) } };
const TARGET: CelType = { kind: 'object', name: 'target', fields: { ...PROC_FIELDS, in_job: BOOL } };
/** file_open under /proc/<pid>/ of another process: that process (pid 0 and empty strings when the path names none). */
const TARGET_PROCESS: CelType = { kind: 'object', name: 'target_process', fields: { ...PROC_FIELDS, pid: INT } };

export function typeName(type: CelType): string {
  return type.kind === 'list' ? `list(${typeName(type.elem)})` : type.kind === 'object' ? type.name : type.kind;
}

/** The rule-facing event types: every EventRecord kind but process_exit. */
export type RuleEventType = Exclude<EventKind, 'process_exit'>;

/**
 * Names beyond the format page's table are this project's, in its style
 * (booleans `is_*`): `file_open.target_process` and `flag_names`,
 * `network_connect.domain` and `is_blocked`, `domain.is_blocked`,
 * `process_access`, `container_create` and `container_exec` (the docker
 * proxy's view of a create and of an exec create request) and `unix_socket_connect.is_docker_daemon`. Files written for the reference never name them.
 */
export const EVENT_VARIABLES: Readonly<Record<RuleEventType, Readonly<Record<string, CelType>>>> = {
  process_exec: { is_memfd: BOOL },
  network_connect: { remote_ip: STRING, remote_port: INT, protocol: STRING, family: STRING, domain: STRING, is_blocked: BOOL },
  unix_socket_connect: { path: STRING, socket_type: STRING, is_abstract: BOOL, is_docker_daemon: BOOL },
  file_open: { path: STRING, is_read: BOOL, is_write: BOOL, flags: INT, flag_names: listOf(STRING), target_process: TARGET_PROCESS },
  file_remove: { path: STRING, is_folder: BOOL },
  file_move: { from_path: STRING, to_path: STRING },
  file_link: { created_path: STRING, existing_path: STRING, is_hardlink: BOOL, is_symlink: BOOL },
  mount: { source_path: STRING, target_path: STRING },
  domain: { domain: STRING, source: STRING, is_blocked: BOOL },
  http_request: { method: STRING, path: STRING, host: STRING, source: STRING },
  process_access: { operation: STRING, request: STRING, is_write: BOOL, is_prevented: BOOL, proc_file: STRING, target: TARGET },
  container_create: {
    image: STRING,
    name: STRING,
    is_privileged: BOOL,
    pid_mode: STRING,
    network_mode: STRING,
    binds: listOf(STRING),
    cap_add: listOf(STRING),
    devices: listOf(STRING),
    device_cgroup_rules: listOf(STRING),
    security_opt: listOf(STRING),
    userns_mode: STRING,
    ipc_mode: STRING,
    cgroupns_mode: STRING,
    volumes_from: listOf(STRING),
    is_refused: BOOL,
    refusal: STRING,
  },
  container_exec: {
    container: STRING,
    container_id: STRING,
    is_job_container: BOOL,
    is_privileged: BOOL,
    user: STRING,
    cmd: listOf(STRING),
    is_refused: BOOL,
    refusal: STRING,
  },
};

export const RULE_EVENT_TYPES = Object.keys(EVENT_VARIABLES) as RuleEventType[];

export function isRuleEventType(name: string): name is RuleEventType {
  return Object.hasOwn(EVENT_VARIABLES, name);
}

/** The variables of an event rule's condition: its type's, and `process`. */
export function variablesOf(type: RuleEventType): Readonly<Record<string, CelType>> {
  return { process: PROCESS, ...EVENT_VARIABLES[type] };
}
