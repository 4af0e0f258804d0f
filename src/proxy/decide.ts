/**
 * The docker proxy's decisions, kept apart from its I/O: which requests
 * matter, and what a container create means for staging. Everything else
 * is forwarded untouched.
 */

/**
 * dockerd's router (gorilla/mux over Go's net/http) matches the *decoded*
 * path, after cleaning it (dot segments, repeated slashes), with an optional
 * version prefix `/v{version:[0-9.]+}`. A check on the raw string is walked
 * around by `/v1.41/%63ontainers/create` or `/v1.41/x/../containers/create`;
 * so requests are classified on the path as dockerd will route it.
 */
const VERSIONED = /^\/v[0-9.]+(\/.*)$/;

export type RequestKind = 'container-create' | 'container-start' | 'exec-create' | 'volume-change' | 'build' | 'forward';

export interface Classified {
  kind: RequestKind;
  /** The container a start or exec names (an id, an id prefix or a name), as given. */
  container?: string;
}

/** Removes dot segments and empty segments the way Go's path.Clean does for an absolute path. */
function cleanPath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/**
 * The path dockerd routes on: query dropped, percent-decoded, cleaned, the
 * version prefix removed. undefined when the encoding is malformed (dockerd
 * refuses those with 400 before routing).
 */
export function routePath(url: string): string | undefined {
  const q = url.indexOf('?');
  let path = q >= 0 ? url.slice(0, q) : url;
  // An absolute-form request target (http://host/path) routes on its path.
  const abs = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(path);
  if (abs) path = abs[1] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const clean = cleanPath(decoded);
  return VERSIONED.exec(clean)?.[1] ?? clean;
}

/** Kept for callers that only want the path without its version prefix. */
export function unversioned(path: string): string {
  return routePath(path) ?? path;
}

const CONTAINER_ACTION = /^\/containers\/(.+)\/(start|restart|exec)$/;
const VOLUME = /^\/volumes\/[^/]+$/;

export function classify(method: string | undefined, url: string | undefined): Classified {
  const m = method?.toUpperCase();
  if ((m !== 'POST' && m !== 'DELETE') || !url) return { kind: 'forward' };
  const path = routePath(url);
  if (path === undefined) return { kind: 'forward' };
  // A volume made, removed or pruned: kept apart from the creates that mount volumes (volumeGate.ts).
  if (m === 'DELETE') return VOLUME.test(path) ? { kind: 'volume-change' } : { kind: 'forward' };
  if (path === '/volumes/create' || path === '/volumes/prune') return { kind: 'volume-change' };
  if (path === '/containers/create') return { kind: 'container-create' };
  if (path === '/build') return { kind: 'build' };
  const action = CONTAINER_ACTION.exec(path);
  if (action) return { kind: action[2] === 'exec' ? 'exec-create' : 'container-start', container: action[1] };
  return { kind: 'forward' };
}

/** Requests the proxy must see whole: never let them through an Upgrade. */
export const mustInspect = (c: Classified): boolean => c.kind !== 'forward';

/** The container name a create asked for (?name=...), if any. */
export function requestedName(url: string): string | undefined {
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  const name = new URLSearchParams(url.slice(q + 1)).get('name');
  return name ? name.replace(/^\//, '') : undefined;
}

/** The image a create body names; the body is the API's JSON, possibly garbage. */
export function requestedImage(body: Buffer | undefined): string | undefined {
  if (!body || body.length === 0) return undefined;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { Image?: unknown };
    return typeof parsed.Image === 'string' ? parsed.Image : undefined;
  } catch {
    return undefined;
  }
}

const CONTAINER_ID = /^[0-9a-f]{64}$/;

/** The new container's id from a 201 create response body. */
export function createdId(body: Buffer | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const id = (JSON.parse(body.toString('utf8')) as { Id?: unknown }).Id;
    return typeof id === 'string' && CONTAINER_ID.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

export type CgroupDriver = 'cgroupfs' | 'systemd';

export function cgroupDriverFromInfo(body: Buffer | undefined): CgroupDriver | undefined {
  try {
    const driver = (JSON.parse(body?.toString('utf8') ?? '') as { CgroupDriver?: unknown }).CgroupDriver;
    return driver === 'systemd' || driver === 'cgroupfs' ? driver : undefined;
  } catch {
    return undefined;
  }
}

/** The basename of the cgroup dockerd's runtime will create for the container. */
export function containerCgroupBasename(id: string, driver: CgroupDriver): string {
  return driver === 'systemd' ? `docker-${id}.scope` : id;
}
