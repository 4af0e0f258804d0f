/**
 * The container guard (container-policy: block): a container create that
 * would hand the job the host is refused, because a job that can run
 * `docker run --privileged -v /:/host` is root on the runner and can stop
 * the sensor or lift its policy. Pure: the proxy passes the parsed create
 * body and the host's sensitive paths, and answers 403 with the message when
 * refused. Anything it cannot read as a create body is refused too in block
 * mode: dockerd would parse what the guard could not.
 */
import { posix } from 'node:path';
import type { ContainerCreateInfo, ContainerExecInfo } from '../events/eventRecord.js';

export interface GuardContext {
  /** The runner user's home and tool directories (RUNNER_TOOL_CACHE, ...), and the docker sockets. */
  sensitivePaths: readonly string[];
  /**
   * Binds inside these stay allowed though they lie in a sensitive path: the
   * workspace and RUNNER_TEMP inside the runner's home (-v $PWD:/src is the
   * most common docker run of all). Never an ancestor of a sensitive path.
   */
  allowedPaths?: readonly string[];
  /** Resolves symbolic links of a host path (the I/O shell passes realpath); identity when absent. */
  resolve?: (path: string) => string;
}

export type GuardVerdict = { allowed: true } | { allowed: false; option: string; message: string };

/** A job's guard as the proxy applies it: block refuses, audit only tells. */
export interface JobGuard extends GuardContext {
  mode: 'audit' | 'block';
}

/** Paths no container of a job may bind, whatever the host. */
export const HOST_PATHS = ['/', '/etc', '/root', '/proc', '/sys', '/var/run/docker.sock', '/run/docker.sock'];

/**
 * Capabilities that are each a way out of the container or around the
 * sensor: SYS_ADMIN (mount, cgroup release agents), SYS_PTRACE (trace
 * processes it can see), SYS_MODULE (kernel modules), DAC_READ_SEARCH
 * (open_by_handle_at reads any host file: "shocker"), SYS_RAWIO (raw I/O
 * ports and /dev/mem), BPF and PERFMON (kernel programs that read any
 * memory, the sensor's included), NET_ADMIN (NAT rules rewrite a
 * connection's destination after the kernel's egress check judged it).
 */
const DANGEROUS_CAPS = new Set(['ALL', 'SYS_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'DAC_READ_SEARCH', 'SYS_RAWIO', 'BPF', 'PERFMON', 'NET_ADMIN']);

/**
 * Devices a container may be given: none of them reaches the host's disks,
 * memory or kernel (a VM through /dev/kvm is its own machine). Any other
 * (/dev/sda, /dev/mem, /dev/kmsg, a node made anywhere with mknod) is a
 * way to the host's data under the container's root.
 */
export const HARMLESS_DEVICES = ['/dev/null', '/dev/zero', '/dev/full', '/dev/random', '/dev/urandom', '/dev/tty', '/dev/fuse', '/dev/kvm', '/dev/net/tun'];

/**
 * --security-opt values that lift the container's confinement: seccomp's
 * default profile keeps unshare, keyctl, bpf and mount away from container
 * root (the syscalls most kernel escapes start with), AppArmor and SELinux
 * keep it off /proc and /sys files, and systempaths=unconfined unmasks
 * /proc/sys, where root in a container without a user namespace writes the
 * host's kernel.core_pattern (a program the host runs as root).
 */
const UNCONFINED = new Set(['seccomp=unconfined', 'apparmor=unconfined', 'systempaths=unconfined', 'label=disable']);

const refuse = (option: string): GuardVerdict => ({
  allowed: false,
  option,
  message: `cicd-sensor container-policy block: refused ${option} (it would hand the job the host)`,
});

const under = (path: string, dir: string): boolean => path === dir || dir === '/' || path.startsWith(`${dir}/`);

const clean = (p: string): string => posix.normalize(p).replace(/(.)\/+$/, '$1');

/**
 * A bind source is refused when it is or holds one of the paths, or lies
 * inside one ('/' only as itself) and not inside an allowed path.
 */
function sensitive(source: string, ctx: GuardContext): boolean {
  const p = clean((ctx.resolve ?? ((x: string) => x))(clean(source)));
  const paths = [...HOST_PATHS, ...ctx.sensitivePaths].map(clean);
  if (paths.some((s) => under(s, p))) return true;
  // An allowed path holding a sensitive one (a workspace set to / or /home) allows nothing.
  const allowed = (ctx.allowedPaths ?? []).map(clean).filter((a) => !paths.some((s) => under(s, a)));
  if (allowed.some((a) => under(p, a))) return false;
  return paths.some((s) => s !== '/' && under(p, s));
}

interface CreateBody {
  Image?: unknown;
  HostConfig?: {
    Privileged?: unknown;
    PidMode?: unknown;
    NetworkMode?: unknown;
    Binds?: unknown;
    Mounts?: unknown;
    CapAdd?: unknown;
    Devices?: unknown;
    DeviceCgroupRules?: unknown;
    SecurityOpt?: unknown;
    UsernsMode?: unknown;
    IpcMode?: unknown;
    CgroupnsMode?: unknown;
    VolumesFrom?: unknown;
    MaskedPaths?: unknown;
    ReadonlyPaths?: unknown;
  };
}

type HostConfig = NonNullable<CreateBody['HostConfig']>;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const optional = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function bindSources(host: HostConfig): string[] {
  const fromBinds = strings(host.Binds)
    .map((b) => b.split(':')[0]!)
    .filter((s) => s.startsWith('/'));
  const mounts = Array.isArray(host.Mounts) ? (host.Mounts as Record<string, unknown>[]) : [];
  const fromMounts = mounts.flatMap((m) => {
    if (m?.Type === 'bind' && typeof m.Source === 'string') return [m.Source];
    // A local volume with o=bind is a bind mount by another name (docker volume create --opt device=/).
    const device = (m?.VolumeOptions as { DriverConfig?: { Options?: { device?: unknown } } } | undefined)?.DriverConfig?.Options?.device;
    return typeof device === 'string' && device.startsWith('/') ? [device] : [];
  });
  return [...fromBinds, ...fromMounts];
}

/**
 * The named volumes a create body mounts (`-v NAME:/path`, `--mount
 * type=volume,src=NAME`): a local volume made earlier with `--opt device=/
 * --opt o=bind` is a bind of / under another name, which only dockerd can
 * tell. The I/O shell asks it (volumeBinds) and passes the host paths in.
 */
export function namedVolumes(body: Buffer | undefined): string[] {
  let host: HostConfig | undefined;
  try {
    host = (JSON.parse(body?.toString('utf8') || '{}') as CreateBody)?.HostConfig;
  } catch {
    return [];
  }
  if (typeof host !== 'object' || host === null) return [];
  const fromBinds = strings(host.Binds)
    .map((b) => b.split(':')[0]!)
    .filter((s) => s !== '' && !s.startsWith('/'));
  const mounts = Array.isArray(host.Mounts) ? (host.Mounts as Record<string, unknown>[]) : [];
  const fromMounts = mounts.flatMap((m) => (m?.Type === 'volume' && typeof m.Source === 'string' && m.Source !== '' ? [m.Source] : []));
  return [...new Set([...fromBinds, ...fromMounts])];
}

/** The host directory a volume's inspect body binds, if it is a local volume bound to one. */
export function volumeDevice(inspect: Buffer | undefined): string | undefined {
  try {
    const v = JSON.parse(inspect?.toString('utf8') ?? '') as { Driver?: unknown; Options?: { device?: unknown } | null };
    const device = v.Options?.device;
    return v.Driver === 'local' && typeof device === 'string' && device.startsWith('/') ? device : undefined;
  } catch {
    return undefined;
  }
}

/** What a container's inspect body says another create could inherit from it: its binds, its volumes, its privileges. */
export interface InspectedContainer {
  /** The full id dockerd knows it by: what a create that names it is pinned to (pinTargets). */
  id?: string;
  /** Host sources of its bind mounts. */
  binds: string[];
  /** Names of the volumes it mounts (a local one may bind a host directory: volumeDevice). */
  volumes: string[];
  /** Privileged, or in the host's PID namespace: joining its PID namespace is joining the host's. */
  hostPid: boolean;
  /** The container whose PID namespace it joined itself (--pid=container:Y), to be looked up in turn. */
  pidContainer?: string;
}

export function inspectedContainer(inspect: Buffer | undefined): InspectedContainer | undefined {
  try {
    const c = JSON.parse(inspect?.toString('utf8') ?? '') as { Id?: unknown; Mounts?: unknown; HostConfig?: { Privileged?: unknown; PidMode?: unknown } | null };
    const mounts = Array.isArray(c.Mounts) ? (c.Mounts as { Type?: unknown; Source?: unknown; Name?: unknown }[]) : [];
    const of = (type: string, key: 'Source' | 'Name'): string[] =>
      mounts.flatMap((m) => (m?.Type === type && typeof m[key] === 'string' && m[key] !== '' ? [m[key]] : []));
    const pidMode = typeof c.HostConfig?.PidMode === 'string' ? c.HostConfig.PidMode : '';
    return {
      ...(typeof c.Id === 'string' && /^[0-9a-f]{64}$/.test(c.Id) ? { id: c.Id } : {}),
      binds: of('bind', 'Source'),
      volumes: of('volume', 'Name'),
      hostPid: c.HostConfig?.Privileged === true || pidMode === 'host',
      ...(pidMode.startsWith('container:') ? { pidContainer: pidMode.slice('container:'.length) } : {}),
    };
  } catch {
    return undefined;
  }
}

/** What a create asks of the host, as the container_create event carries it (less the verdict). */
export type CreateFacts = Omit<ContainerCreateInfo, 'refused' | 'refusal'>;

/** A seccomp profile that allows every call by default is no profile at all. */
function seccompOpt(value: string): string {
  if (value === 'unconfined') return 'seccomp=unconfined';
  try {
    const action = (JSON.parse(value) as { defaultAction?: unknown }).defaultAction;
    return action === 'SCMP_ACT_ALLOW' || action === 'SCMP_ACT_LOG' ? 'seccomp=unconfined' : 'seccomp=profile';
  } catch {
    return 'seccomp=profile';
  }
}

/** One --security-opt as the event carries it: `name=value` (the API also takes `name:value`), a profile's JSON summarised. */
export function securityOpt(opt: string): string {
  const m = /^([a-z-]+)[=:]([^]*)$/.exec(opt);
  if (!m) return opt;
  return m[1] === 'seccomp' ? seccompOpt(m[2]!) : `${m[1]}=${m[2]}`;
}

/**
 * The docker CLI sends `--security-opt systempaths=unconfined` as empty
 * MaskedPaths and ReadonlyPaths, not as a security option; any explicit
 * list that leaves /proc/sys writable is the same to the host.
 */
function systemPathsUnconfined(host: HostConfig): boolean {
  const ro = host.ReadonlyPaths;
  const masked = host.MaskedPaths;
  return (Array.isArray(ro) && !ro.includes('/proc/sys')) || (Array.isArray(masked) && masked.length === 0);
}

function securityOpts(host: HostConfig): string[] {
  const opts = strings(host.SecurityOpt).map(securityOpt);
  return systemPathsUnconfined(host) && !opts.includes('systempaths=unconfined') ? [...opts, 'systempaths=unconfined'] : opts;
}

/** The create's optional settings, each only when the client set it. */
function optionalFacts(host: HostConfig): Partial<CreateFacts> {
  const facts: Partial<CreateFacts> = {};
  const set = <K extends keyof CreateFacts>(key: K, value: CreateFacts[K] | undefined): void => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) facts[key] = value;
  };
  set('pid_mode', optional(host.PidMode));
  set('network_mode', optional(host.NetworkMode));
  set('device_cgroup_rules', strings(host.DeviceCgroupRules));
  set('security_opt', securityOpts(host));
  set('userns_mode', optional(host.UsernsMode));
  set('ipc_mode', optional(host.IpcMode));
  set('cgroupns_mode', optional(host.CgroupnsMode));
  set('volumes_from', strings(host.VolumesFrom));
  return facts;
}

/*
 * dockerd decodes a body with Go's encoding/json, which matches a key to a
 * field case-insensitively (folding ſ to s and the Kelvin sign to k), the
 * later key winning: {"HostConfig":{"privileged":true}} is Privileged to
 * it. A key the guard reads, spelled any other way, is refused rather than
 * read one way here and another there.
 */
const CREATE_FIELDS = ['Image', 'HostConfig'];
const HOST_FIELDS = [
  'Privileged', 'PidMode', 'NetworkMode', 'Binds', 'Mounts', 'CapAdd', 'Devices', 'DeviceCgroupRules', 'SecurityOpt',
  'UsernsMode', 'IpcMode', 'CgroupnsMode', 'VolumesFrom', 'MaskedPaths', 'ReadonlyPaths',
];
const MOUNT_FIELDS = ['Type', 'Source', 'VolumeOptions'];
const EXEC_FIELDS = ['Privileged', 'User', 'Cmd'];
const foldKey = (key: string): string => key.toUpperCase().toLowerCase();

/** The field of `fields` that a key of obj names in another spelling, if any. */
function respelled(obj: unknown, fields: readonly string[]): string | undefined {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return undefined;
  for (const key of Object.keys(obj)) {
    if (fields.includes(key)) continue;
    const field = fields.find((f) => foldKey(f) === foldKey(key));
    if (field !== undefined) return field;
  }
  return undefined;
}

/** What of a create body dockerd would read under another key's spelling; undefined when nothing. */
function respelledCreate(parsed: CreateBody): string | undefined {
  const host = parsed.HostConfig as Record<string, unknown> | undefined;
  const mounts = Array.isArray(host?.Mounts) ? (host.Mounts as unknown[]) : [];
  const devices = Array.isArray(host?.Devices) ? (host.Devices as unknown[]) : [];
  const volumeOptions = mounts.map((m) => (m as { VolumeOptions?: unknown } | null)?.VolumeOptions);
  const field =
    respelled(parsed, CREATE_FIELDS) ??
    respelled(host, HOST_FIELDS) ??
    mounts.map((m) => respelled(m, MOUNT_FIELDS)).find(Boolean) ??
    volumeOptions.map((v) => respelled(v, ['DriverConfig'])).find(Boolean) ??
    volumeOptions.map((v) => respelled((v as { DriverConfig?: unknown } | null)?.DriverConfig, ['Options'])).find(Boolean) ??
    devices.map((d) => respelled(d, ['PathOnHost'])).find(Boolean);
  return field === undefined ? undefined : `a key dockerd reads as ${field}, spelled otherwise`;
}

/**
 * Reads a create request's body; a string naming what could not be read
 * when it is not a create body the guard can judge.
 */
export function readCreate(body: Buffer | undefined, name?: string): CreateFacts | string {
  let parsed: CreateBody;
  try {
    parsed = JSON.parse(body?.toString('utf8') || '{}') as CreateBody;
  } catch {
    return 'an unreadable create body';
  }
  if (typeof parsed !== 'object' || parsed === null) return 'an unreadable create body';
  const respelledKey = respelledCreate(parsed);
  if (respelledKey) return respelledKey;
  const host = parsed.HostConfig ?? {};
  if (typeof host !== 'object' || host === null) return 'an unreadable HostConfig';
  const devices = Array.isArray(host.Devices) ? (host.Devices as { PathOnHost?: unknown }[]).map((d) => d?.PathOnHost) : [];
  return {
    image: typeof parsed.Image === 'string' ? parsed.Image : '',
    ...(name ? { name } : {}),
    privileged: host.Privileged === true,
    binds: bindSources(host),
    cap_add: strings(host.CapAdd),
    devices: strings(devices),
    ...optionalFacts(host),
  };
}

/** The containers a create's --volumes-from names (`NAME` or `NAME:ro`), for the I/O shell to look up. */
export function volumesFrom(facts: CreateFacts): string[] {
  return (facts.volumes_from ?? []).map((v) => v.replace(/:(ro|rw)$/, ''));
}

/** The container a create joins with --pid=container:X, for the I/O shell to look up. */
export function pidContainer(facts: CreateFacts): string | undefined {
  return facts.pid_mode?.startsWith('container:') ? facts.pid_mode.slice('container:'.length) : undefined;
}

/** What only dockerd can tell about a create; the I/O shell looks it up before the verdict. */
export interface CreateLookups {
  /** Host directories of the named local volumes it mounts (namedVolumes). */
  volumeBinds?: readonly string[];
  /** Host bind sources of each container it takes volumes from, and its id (undefined: dockerd knows no such container). */
  volumesFrom?: readonly { container: string; id?: string; binds: readonly string[] }[];
  /** The container it joins with --pid=container:X is privileged or in the host's PID namespace. */
  pidJoinsHost?: boolean;
  /** The id of that container X, when dockerd knows it. */
  pidContainerId?: string;
}

/** The verdict on the namespaces and confinement a create asks for; undefined when none hands it the host. */
function judgeIsolation(facts: CreateFacts, ctx: GuardContext, lookups: CreateLookups): GuardVerdict | undefined {
  if (facts.privileged) return refuse('--privileged');
  if (facts.pid_mode === 'host') return refuse('--pid=host');
  if (lookups.pidJoinsHost) return refuse(`--pid=${facts.pid_mode} (a privileged or host-PID container)`);
  // Without userns-remap this is the default anyway; with it, container root becomes the host's root.
  if (facts.userns_mode === 'host') return refuse('--userns=host');
  const cap = facts.cap_add.find((c) => DANGEROUS_CAPS.has(c.toUpperCase().replace(/^CAP_/, '')));
  if (cap) return refuse(`--cap-add=${cap}`);
  const opt = facts.security_opt?.find((o) => UNCONFINED.has(o));
  if (opt) return refuse(`--security-opt=${opt}`);
  const resolve = ctx.resolve ?? ((p: string) => p);
  const device = facts.devices.find((d) => !HARMLESS_DEVICES.includes(clean(resolve(clean(d)))));
  if (device !== undefined) return refuse(`--device=${device}`);
  const rule = facts.device_cgroup_rules?.[0];
  if (rule !== undefined) return refuse(`--device-cgroup-rule=${rule}`);
  return undefined;
}

/**
 * The verdict on what a create asks for. Recorded, never refused: the
 * host's network (the job outside containers has it already, and egress is
 * judged by cgroup, not by network namespace), the host's IPC namespace
 * (shared memory with host processes, no way to root) and cgroup namespace
 * (the host's cgroup paths, read-only without privileges).
 */
export function judgeCreate(facts: CreateFacts, ctx: GuardContext, lookups: CreateLookups = {}): GuardVerdict {
  const isolation = judgeIsolation(facts, ctx, lookups);
  if (isolation) return isolation;
  const source = [...facts.binds, ...(lookups.volumeBinds ?? [])].find((s) => sensitive(s, ctx));
  if (source !== undefined) return refuse(`a bind of ${source}`);
  for (const from of lookups.volumesFrom ?? []) {
    const inherited = from.binds.find((s) => sensitive(s, ctx));
    if (inherited !== undefined) return refuse(`--volumes-from=${from.container} (a bind of ${inherited})`);
  }
  return { allowed: true };
}

/** The verdict on one create request body (raw bytes as the client sent them). */
export function guardCreate(body: Buffer | undefined, ctx: GuardContext): GuardVerdict {
  const facts = readCreate(body);
  return typeof facts === 'string' ? refuse(facts) : judgeCreate(facts, ctx);
}

export interface CreateDecision {
  /** The container_create event's object. */
  event: ContainerCreateInfo;
  /** audit: what block would have refused, for the job's report. */
  wouldRefuse?: string;
  /** block: the body to forward instead of the client's, its containers pinned to their ids (pinTargets). */
  body?: Buffer;
}

const NOTHING_READ: CreateFacts = { image: '', privileged: false, binds: [], cap_add: [], devices: [] };

/**
 * A job's create: what it asks, and whether the proxy answers 403 (the
 * event's refusal). body is undefined when it was too big to hold; no guard
 * means the job has no container policy (every create passes, and is told);
 * lookups are what dockerd told of the volumes and containers it names.
 */
export function decideCreate(body: Buffer | undefined, name: string | undefined, guard: JobGuard | undefined, lookups: CreateLookups = {}): CreateDecision {
  const read = body === undefined ? 'an oversized create body' : readCreate(body, name);
  const facts = typeof read === 'string' ? { ...NOTHING_READ, ...(name ? { name } : {}) } : withLookups(read, lookups);
  const verdict = !guard ? undefined : typeof read === 'string' ? refuse(read) : judgeCreate(read, guard, lookups);
  // Only block pins: audit and no policy forward the client's bytes untouched.
  const pinned = guard?.mode === 'block' && verdict?.allowed && typeof read !== 'string' ? pinTargets(body!, read, lookups) : undefined;
  if (pinned instanceof Buffer) return { event: { ...facts, refused: false }, body: pinned };
  const refusal = typeof pinned === 'string' ? refuse(pinned) : verdict;
  if (!refusal || refusal.allowed) return { event: { ...facts, refused: false } };
  if (guard!.mode === 'block') return { event: { ...facts, refused: true, refusal: refusal.message } };
  return { event: { ...facts, refused: false }, wouldRefuse: refusal.option };
}

/** Whether JSON.stringify gives back every number of the text as it was written (none beyond 2^53, no exponents). */
function numbersKeptExactly(text: string): boolean {
  const outsideStrings = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return (outsideStrings.match(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g) ?? []).every((n) => JSON.stringify(Number(n)) === n);
}

/**
 * The create body with the containers it names by --volumes-from and
 * --pid=container: replaced by the ids the guard looked up, so that dockerd
 * acts on the containers that were judged. A name (or an id prefix) can be
 * pointed at another container between the lookup and dockerd's create
 * (docker rename, or rm and create), and dockerd resolves a PID container's
 * name again at every start of the new container, long after the create;
 * an id names one container for good, and a container's privileges and
 * mounts cannot change after its create. undefined when the body names no
 * container; a string (what to refuse) when one was not found or the body
 * cannot be written again exactly.
 */
export function pinTargets(body: Buffer, facts: CreateFacts, lookups: CreateLookups): Buffer | string | undefined {
  const fromIds = volumesFrom(facts).map((name) => lookups.volumesFrom?.find((v) => v.container === name)?.id);
  const pid = pidContainer(facts);
  if (fromIds.length === 0 && pid === undefined) return undefined;
  const missing = fromIds.findIndex((id) => id === undefined);
  if (missing >= 0) return `--volumes-from=${volumesFrom(facts)[missing]} (no such container)`;
  if (pid !== undefined && lookups.pidContainerId === undefined) return `--pid=container:${pid} (no such container)`;
  const text = body.toString('utf8');
  if (!numbersKeptExactly(text)) return 'a create body naming containers whose numbers cannot be written again exactly';
  const parsed = JSON.parse(text) as { HostConfig: Record<string, unknown> };
  const modes = (facts.volumes_from ?? []).map((v) => /:(ro|rw)$/.exec(v)?.[0] ?? '');
  if (fromIds.length > 0) parsed.HostConfig.VolumesFrom = fromIds.map((id, i) => `${id}${modes[i]}`);
  if (pid !== undefined) parsed.HostConfig.PidMode = `container:${lookups.pidContainerId}`;
  return Buffer.from(JSON.stringify(parsed));
}

/** The event's binds: the create's own, then the host directories behind its named volumes and --volumes-from. */
function withLookups(facts: CreateFacts, lookups: CreateLookups): CreateFacts {
  const inherited = (lookups.volumesFrom ?? []).flatMap((v) => v.binds);
  return { ...facts, binds: [...new Set([...facts.binds, ...(lookups.volumeBinds ?? []), ...inherited])] };
}

/** What an exec create asks, as the container_exec event carries it (less the container and the verdict). */
type ExecFacts = Pick<ContainerExecInfo, 'privileged' | 'user' | 'cmd'>;

/** Reads an exec create's body; a string naming what could not be read when it is not one the guard can judge. */
function readExec(body: Buffer | undefined): ExecFacts | string {
  if (body === undefined) return 'an oversized exec body';
  let parsed: { Privileged?: unknown; User?: unknown; Cmd?: unknown } | null;
  try {
    parsed = JSON.parse(body.toString('utf8') || '{}') as typeof parsed;
  } catch {
    return 'an unreadable exec body';
  }
  if (typeof parsed !== 'object' || parsed === null) return 'an unreadable exec body';
  const field = respelled(parsed, EXEC_FIELDS);
  if (field) return `a key dockerd reads as ${field}, spelled otherwise`;
  const user = optional(parsed.User);
  return { privileged: parsed.Privileged === true, ...(user ? { user } : {}), cmd: strings(parsed.Cmd) };
}

/**
 * A job's exec create (POST /containers/{id}/exec): `docker exec
 * --privileged` runs a process with every capability and no seccomp or
 * AppArmor profile in a container that was created without them, which
 * the create's guard never saw. An unreadable body is refused as a
 * create's is. `--user 0` is recorded, not refused: root in a container
 * is what `docker run` gives by default.
 */
export function judgeExec(body: Buffer | undefined): GuardVerdict {
  const facts = readExec(body);
  if (typeof facts === 'string') return refuse(facts);
  return facts.privileged ? refuse('docker exec --privileged') : { allowed: true };
}

/** The container an exec names, as the proxy found it: dockerd's full id for it, and whether the job created it through the proxy. */
export interface ExecTarget {
  container: string;
  id?: string;
  jobContainer: boolean;
}

export interface ExecDecision {
  /** The container_exec event's object. */
  event: ContainerExecInfo;
  /** audit: what block would have refused, for the job's report. */
  wouldRefuse?: string;
}

/** A job's exec create, as decideCreate for a create: what it asks, and whether the proxy answers 403. */
export function decideExec(body: Buffer | undefined, target: ExecTarget, guard: JobGuard | undefined): ExecDecision {
  const read = readExec(body);
  const facts: ExecFacts = typeof read === 'string' ? { privileged: false, cmd: [] } : read;
  const event: ContainerExecInfo = {
    container: target.container,
    ...(target.id ? { container_id: target.id } : {}),
    job_container: target.jobContainer,
    ...facts,
    refused: false,
  };
  const verdict = guard ? judgeExec(body) : { allowed: true as const };
  if (verdict.allowed) return { event };
  if (guard!.mode === 'block') return { event: { ...event, refused: true, refusal: verdict.message } };
  return { event, wouldRefuse: verdict.option };
}
