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
  if ((ctx.allowedPaths ?? []).some((a) => under(p, clean(a)))) return false;
  return paths.some((s) => s !== '/' && under(p, s));
}

interface CreateBody {
  HostConfig?: {
    Privileged?: unknown;
    PidMode?: unknown;
    Binds?: unknown;
    Mounts?: unknown;
    CapAdd?: unknown;
  };
}

function bindSources(host: NonNullable<CreateBody['HostConfig']>): string[] {
  const binds = Array.isArray(host.Binds) ? host.Binds.filter((b): b is string => typeof b === 'string') : [];
  const fromBinds = binds.map((b) => b.split(':')[0]!).filter((s) => s.startsWith('/'));
  const mounts = Array.isArray(host.Mounts) ? (host.Mounts as Record<string, unknown>[]) : [];
  const fromMounts = mounts.flatMap((m) => {
    if (m?.Type === 'bind' && typeof m.Source === 'string') return [m.Source];
    // A local volume with o=bind is a bind mount by another name (docker volume create --opt device=/).
    const device = (m?.VolumeOptions as { DriverConfig?: { Options?: { device?: unknown } } } | undefined)?.DriverConfig?.Options?.device;
    return typeof device === 'string' && device.startsWith('/') ? [device] : [];
  });
  return [...fromBinds, ...fromMounts];
}

/** The verdict on one create request body (raw bytes as the client sent them). */
export function guardCreate(body: Buffer | undefined, ctx: GuardContext): GuardVerdict {
  let parsed: CreateBody;
  try {
    parsed = JSON.parse(body?.toString('utf8') || '{}') as CreateBody;
  } catch {
    return refuse('an unreadable create body');
  }
  const host = parsed?.HostConfig;
  if (host === undefined || host === null) return { allowed: true };
  if (typeof host !== 'object') return refuse('an unreadable HostConfig');
  if (host.Privileged === true) return refuse('--privileged');
  if (host.PidMode === 'host') return refuse('--pid=host');
  const caps = Array.isArray(host.CapAdd) ? host.CapAdd.filter((c): c is string => typeof c === 'string') : [];
  const cap = caps.find((c) => DANGEROUS_CAPS.has(c.toUpperCase().replace(/^CAP_/, '')));
  if (cap) return refuse(`--cap-add=${cap}`);
  const source = bindSources(host).find((s) => sensitive(s, ctx));
  if (source !== undefined) return refuse(`a bind of ${source}`);
  return { allowed: true };
}
