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
import type { ContainerCreateInfo } from '../events/eventRecord.js';

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

const DANGEROUS_CAPS = new Set(['ALL', 'SYS_ADMIN', 'SYS_PTRACE', 'SYS_MODULE']);

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

/** What a create asks of the host, as the container_create event carries it (less the verdict). */
export type CreateFacts = Omit<ContainerCreateInfo, 'refused' | 'refusal'>;

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
  const host = parsed.HostConfig ?? {};
  if (typeof host !== 'object' || host === null) return 'an unreadable HostConfig';
  const devices = Array.isArray(host.Devices) ? (host.Devices as { PathOnHost?: unknown }[]).map((d) => d?.PathOnHost) : [];
  const facts: CreateFacts = {
    image: typeof parsed.Image === 'string' ? parsed.Image : '',
    ...(name ? { name } : {}),
    privileged: host.Privileged === true,
    binds: bindSources(host),
    cap_add: strings(host.CapAdd),
    devices: strings(devices),
  };
  const pidMode = optional(host.PidMode);
  const networkMode = optional(host.NetworkMode);
  if (pidMode) facts.pid_mode = pidMode;
  if (networkMode) facts.network_mode = networkMode;
  return facts;
}

/** The verdict on what a create asks for. */
export function judgeCreate(facts: CreateFacts, ctx: GuardContext): GuardVerdict {
  if (facts.privileged) return refuse('--privileged');
  if (facts.pid_mode === 'host') return refuse('--pid=host');
  const cap = facts.cap_add.find((c) => DANGEROUS_CAPS.has(c.toUpperCase().replace(/^CAP_/, '')));
  if (cap) return refuse(`--cap-add=${cap}`);
  const source = facts.binds.find((s) => sensitive(s, ctx));
  if (source !== undefined) return refuse(`a bind of ${source}`);
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
}

const NOTHING_READ: CreateFacts = { image: '', privileged: false, binds: [], cap_add: [], devices: [] };

/**
 * A job's create: what it asks, and whether the proxy answers 403 (the
 * event's refusal). body is undefined when it was too big to hold; no guard
 * means the job has no container policy (every create passes, and is told);
 * volumeBinds are the host directories of the named volumes it mounts.
 */
export function decideCreate(body: Buffer | undefined, name: string | undefined, guard: JobGuard | undefined, volumeBinds: readonly string[] = []): CreateDecision {
  const parsed = body === undefined ? 'an oversized create body' : readCreate(body, name);
  const read = typeof parsed === 'string' ? parsed : { ...parsed, binds: [...parsed.binds, ...volumeBinds] };
  const facts = typeof read === 'string' ? { ...NOTHING_READ, ...(name ? { name } : {}) } : read;
  const verdict = !guard ? undefined : typeof read === 'string' ? refuse(read) : judgeCreate(read, guard);
  if (!verdict || verdict.allowed) return { event: { ...facts, refused: false } };
  if (guard!.mode === 'block') return { event: { ...facts, refused: true, refusal: verdict.message } };
  return { event: { ...facts, refused: false }, wouldRefuse: verdict.option };
}
