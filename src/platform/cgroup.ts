/**
 * cgroup v2 on the host: where the unified hierarchy is mounted (hybrid
 * hosts mount it at /sys/fs/cgroup/unified, unified ones at /sys/fs/cgroup),
 * a cgroup's id (its directory's inode number, as the kernel reports it),
 * and which cgroup a process is in.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Parses /proc/mounts text; returns the first cgroup2 mount point. */
export function cgroup2RootFromMounts(mounts: string): string | undefined {
  for (const line of mounts.split('\n')) {
    const [, mountPoint, fsType] = line.split(' ');
    // /proc/mounts escapes space, tab, newline and backslash as octal.
    if (fsType === 'cgroup2' && mountPoint) return mountPoint.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  }
  return undefined;
}

export function cgroup2Root(): string | undefined {
  try {
    return cgroup2RootFromMounts(readFileSync('/proc/mounts', 'utf8'));
  } catch {
    return undefined;
  }
}

export function cgroupId(path: string): bigint {
  return statSync(path, { bigint: true }).ino;
}

/** The process's cgroup v2 path relative to the hierarchy root ('/' for the root). */
export function processCgroup(pid: number): string | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/cgroup`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('0::'));
    return line?.slice(3);
  } catch {
    return undefined;
  }
}

export function createCgroup(root: string, relative: string): string {
  const path = join(root, relative);
  // A run or daemon ending beside us may remove the shared parent between
  // mkdir's two steps (removeIfUnused): make it again.
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(path, { recursive: true });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 3) throw err;
    }
  }
}

export function cgroupProcs(path: string): number[] {
  try {
    return readFileSync(join(path, 'cgroup.procs'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

export function moveProcess(path: string, pid: number): void {
  writeFileSync(join(path, 'cgroup.procs'), `${pid}\n`);
}

/**
 * Removes a cgroup made for a job; processes still in it move to its parent
 * first (a cgroup with members cannot be removed).
 */
export function removeCgroup(path: string): void {
  if (!existsSync(path)) return;
  const parent = join(path, '..');
  for (const pid of cgroupProcs(path)) {
    try {
      moveProcess(parent, pid);
    } catch {
      /* exited meanwhile */
    }
  }
  rmdirSync(path);
}

/**
 * Removes the shared cicd-sensor cgroup once nothing uses it; another run or
 * daemon still inside it keeps it (rmdir then fails, and that is fine).
 */
export function removeIfUnused(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    /* in use, or already gone */
  }
}
