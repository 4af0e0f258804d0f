/**
 * The docker proxy's decisions, kept apart from its I/O: which requests
 * matter, and what a container create means for staging. Everything else
 * is forwarded untouched.
 */

/** Docker API paths may carry a version prefix: /v1.41/containers/create. */
const VERSIONED = /^\/v\d+(?:\.\d+)?(\/.*)$/;

export type RequestKind = 'container-create' | 'build' | 'forward';

export function unversioned(path: string): string {
  const q = path.indexOf('?');
  const bare = q >= 0 ? path.slice(0, q) : path;
  return VERSIONED.exec(bare)?.[1] ?? bare;
}

export function classify(method: string | undefined, url: string | undefined): RequestKind {
  if (method !== 'POST' || !url) return 'forward';
  const path = unversioned(url);
  if (path === '/containers/create') return 'container-create';
  if (path === '/build') return 'build';
  return 'forward';
}

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
