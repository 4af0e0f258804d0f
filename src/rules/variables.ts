/**
 * The values a condition sees for one EventRecord, under the names of
 * schema.ts, strings folded (fold.ts). The process part is the costly one
 * (argv and every ancestor folded) and is the same for every event of a
 * process: the tracker and the log reader share one ProcessContext object
 * between them, so it is built once per object, and each ancestor entry's
 * folded values once per entry.
 */
import type { AncestorRef, EventRecord, ProcessContext } from '../events/eventRecord.js';
import { openFlagBits } from '../kernel/openFlags.js';
import { fold, foldAll } from './fold.js';
import type { RuleEventType } from './schema.js';

export interface ProcVars {
  readonly exec_path: string;
  readonly argv: readonly string[];
}
export interface AncestorVars extends ProcVars {
  readonly descendants: readonly ProcVars[];
}
export interface ProcessVars extends ProcVars {
  readonly ancestors: readonly AncestorVars[];
}

/** Variable name → value: strings folded, ints as numbers. */
export type Activation = Record<string, unknown> & { process: ProcessVars };

const processCache = new WeakMap<ProcessContext, ProcessVars>();
/** Events of one process come in runs: the last one saves even the WeakMap lookup. */
let lastContext: ProcessContext | undefined;
let lastVars: ProcessVars | undefined;

function procVars(exec_path: string, argv: readonly string[] | undefined): ProcVars {
  return { exec_path: fold(exec_path), argv: foldAll(argv) };
}

/**
 * An ancestor's folded values, once per entry: an entry is its process's
 * own (processTable.ts: replaced at exec, never changed), shared by every
 * process below it, and a build's compilers all have the same ones (the
 * make, the shells, the runner's chain up to 16 deep), each argv folded
 * string by string.
 */
const ancestorCache = new WeakMap<AncestorRef, ProcVars>();

function ancestorProcVars(a: AncestorRef): ProcVars {
  let vars = ancestorCache.get(a);
  if (vars === undefined) {
    vars = procVars(a.exec_path, a.argv);
    ancestorCache.set(a, vars);
  }
  return vars;
}

/**
 * An ancestor as conditions see it. Its descendants (from its child down to
 * the event's parent) are made when a condition reads them, which few do:
 * made for every ancestor of every process, they were a list per ancestor,
 * a chain's square, per process.
 */
class AncestorEntry implements AncestorVars {
  readonly exec_path: string;
  readonly argv: readonly string[];
  readonly #chain: readonly ProcVars[];
  readonly #at: number;
  #descendants: readonly ProcVars[] | undefined;

  constructor(chain: readonly ProcVars[], at: number) {
    this.exec_path = chain[at]!.exec_path;
    this.argv = chain[at]!.argv;
    this.#chain = chain;
    this.#at = at;
  }

  get descendants(): readonly ProcVars[] {
    this.#descendants ??= this.#chain.slice(0, this.#at).reverse();
    return this.#descendants;
  }
}

/** Ancestors nearest first. */
function ancestorVars(ancestors: readonly AncestorRef[]): AncestorVars[] {
  const plain = ancestors.map(ancestorProcVars);
  return plain.map((_, i) => new AncestorEntry(plain, i));
}

export function processVars(ctx: ProcessContext): ProcessVars {
  if (ctx === lastContext) return lastVars!;
  let vars = processCache.get(ctx);
  if (vars === undefined) {
    vars = { ...procVars(ctx.exec_path, ctx.argv), ancestors: ancestorVars(ctx.ancestors ?? []) };
    processCache.set(ctx, vars);
  }
  lastContext = ctx;
  lastVars = vars;
  return vars;
}

type Fill = (e: EventRecord, process: ProcessVars) => Activation;

/**
 * file_open's variables, `flags` and `process` computed only when a rule
 * reads them: the open storm's events are the hot path, few rules look at
 * raw flags, and most opens reach no rule at all once the engine has set
 * rules aside by the path (pathGate.ts), which needs only `path` and the
 * access flags.
 */
class FileOpenVars {
  readonly path: string;
  readonly is_read: boolean;
  readonly is_write: boolean;

  private vars: ProcessVars | undefined;

  constructor(private readonly e: EventRecord) {
    const access = e.file?.access;
    this.path = str(e.file?.path);
    this.is_read = access === 'read' || access === 'read_write';
    this.is_write = access === 'write' || access === 'read_write';
  }

  get process(): ProcessVars {
    return (this.vars ??= processVars(this.e.process));
  }

  get flags(): number {
    return openFlagBits(this.e.file?.flags ?? []);
  }

  get flag_names(): string[] {
    return foldAll(this.e.file?.flags);
  }

  get target_process(): ProcVars & { pid: number } {
    const t = this.e.file?.target_process;
    return { ...procVars(t?.exec_path ?? '', t?.argv), pid: t?.pid ?? 0 };
  }
}

const str = (text: string | undefined): string => (text === undefined ? '' : fold(text));

const FILL: Record<Exclude<RuleEventType, 'file_open'>, Fill> = {
  process_exec: (e, process) => ({ process, is_memfd: e.process.memfd === true }),
  network_connect: (e, process) => ({
    process,
    remote_ip: str(e.network?.address),
    remote_port: e.network?.port ?? 0,
    protocol: str(e.network?.protocol),
    family: str(e.network?.family),
    domain: str(e.network?.domain),
    is_blocked: e.network?.blocked === true,
  }),
  unix_socket_connect: (e, process) => ({
    process,
    path: str(e.unix_socket?.path),
    socket_type: str(e.unix_socket?.socket_type ?? 'unknown'),
    is_abstract: e.unix_socket?.path.startsWith('@') === true,
    is_docker_daemon: e.unix_socket?.docker_daemon === true,
  }),
  file_remove: (e, process) => ({ process, path: str(e.file?.path), is_folder: e.file?.is_dir === true || e.file?.directory === true }),
  file_move: (e, process) => ({ process, from_path: str(e.file?.path), to_path: str(e.file?.target_path) }),
  file_link: (e, process) => ({
    process,
    created_path: str(e.file?.target_path),
    existing_path: str(e.file?.path),
    is_hardlink: e.file?.link_type === 'hard',
    is_symlink: e.file?.link_type === 'symbolic',
  }),
  mount: (e, process) => ({ process, source_path: str(e.mount?.source), target_path: str(e.mount?.target) }),
  domain: (e, process) => ({
    process,
    domain: str(e.domain?.name).replace(/\.$/, ''),
    source: str(e.domain?.source),
    is_blocked: e.domain?.blocked === true,
  }),
  http_request: (e, process) => ({
    process,
    method: str(e.http?.method),
    path: str(e.http?.path?.split('?')[0]),
    host: str(e.http?.host),
    source: str(e.http?.source),
  }),
  process_access: (e, process) => ({
    process,
    operation: str(e.access?.operation),
    request: str(e.access?.request),
    is_write: e.access?.write === true,
    is_prevented: e.access?.prevented === true,
    proc_file: str(e.access?.proc_file),
    target: {
      ...procVars(e.access?.target.exec_path ?? '', e.access?.target.argv),
      in_job: e.access?.target.in_job === true,
    },
  }),
  container_create: (e, process) => {
    const c = e.container_create;
    return {
      process,
      image: str(c?.image),
      name: str(c?.name),
      is_privileged: c?.privileged === true,
      pid_mode: str(c?.pid_mode),
      network_mode: str(c?.network_mode),
      binds: foldAll(c?.binds),
      cap_add: foldAll(c?.cap_add),
      devices: foldAll(c?.devices),
      device_cgroup_rules: foldAll(c?.device_cgroup_rules),
      security_opt: foldAll(c?.security_opt),
      userns_mode: str(c?.userns_mode),
      ipc_mode: str(c?.ipc_mode),
      cgroupns_mode: str(c?.cgroupns_mode),
      volumes_from: foldAll(c?.volumes_from),
      is_refused: c?.refused === true,
      refusal: str(c?.refusal),
    };
  },
  container_exec: (e, process) => {
    const x = e.container_exec;
    return {
      process,
      container: str(x?.container),
      container_id: str(x?.container_id),
      is_job_container: x?.job_container === true,
      is_privileged: x?.privileged === true,
      user: str(x?.user),
      cmd: foldAll(x?.cmd),
      is_refused: x?.refused === true,
      refusal: str(x?.refusal),
    };
  },
};

/** The activation of an event of a rule-facing type. */
export function activationOf(e: EventRecord, type: RuleEventType): Activation {
  if (type === 'file_open') return new FileOpenVars(e) as unknown as Activation;
  return FILL[type](e, processVars(e.process));
}
