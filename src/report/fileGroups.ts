/** Which group a file belongs to (workspace, temp, home, /proc of another process, system), and entries kept per group. */
import { FILE_GROUPS, type Capped, type FileEntry, type FileGroup, type ReportMeta } from './modelTypes.js';
import type { Collector } from './counting.js';

function normaliseRoot(dir: string | undefined): string | undefined {
  if (!dir) return undefined;
  const trimmed = dir.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

export function isUnder(path: string, root: string): boolean {
  if (root === '/') return path.startsWith('/');
  // Per event for every root: no `${root}/` string made each time.
  return path.startsWith(root) && (path.length === root.length || path.charCodeAt(root.length) === 0x2f);
}

/** Directory roots that decide a file's group, longest first. */
export function groupRoots(meta: Pick<ReportMeta, 'workspace' | 'tempDir'>): [string, FileGroup][] {
  const roots: [string | undefined, FileGroup][] = [
    [normaliseRoot(meta.workspace), 'workspace'],
    [normaliseRoot(meta.tempDir), 'temp'],
    ['/tmp', 'temp'],
    ['/var/tmp', 'temp'],
  ];
  // Longest first, because self-hosted runners often put the workspace under
  // /tmp, and RUNNER_TEMP could sit inside the workspace: the closer root wins.
  return roots
    .filter((r): r is [string, FileGroup] => r[0] !== undefined)
    .sort((a, b) => b[0].length - a[0].length);
}

const PROC_PID = /^\/proc\/(\d+)(?:\/|$)/;

/**
 * The group of `path` as touched by process `pid`. /proc/<pid> of another
 * process is its own group because reading another process's memory or
 * environment is how secrets are scraped from a runner.
 */
export function classifyPath(path: string, pid: number, roots: [string, FileGroup][]): FileGroup {
  for (const [root, group] of roots) if (isUnder(path, root)) return group;
  const proc = path.startsWith('/proc/') ? PROC_PID.exec(path) : null;
  if (proc !== null && Number(proc[1]) !== pid) return 'proc';
  if (path.startsWith('/home/') || isUnder(path, '/root')) return 'home';
  return 'system';
}

export function mergeCapped<T>(parts: Capped<T>[]): Capped<T> {
  return {
    items: parts.flatMap((p) => p.items),
    omitted: parts.reduce((n, p) => n + p.omitted, 0),
    omittedEstimated: parts.some((p) => p.omittedEstimated),
    omittedEvents: parts.reduce((n, p) => n + p.omittedEvents, 0),
  };
}

/** One file operation, capped per group so that one busy group cannot crowd out the others. */
export class GroupedFiles<V extends FileEntry> {
  private readonly parts: Record<FileGroup, Collector<V>>;

  /** `groupPath` is the path an entry is grouped by: the target, for moves and links. */
  constructor(
    collector: () => Collector<V>,
    private readonly groupPath: (v: V) => string,
  ) {
    this.parts = Object.fromEntries(FILE_GROUPS.map((g) => [g, collector()])) as Record<
      FileGroup,
      Collector<V>
    >;
  }

  hit<A>(group: FileGroup, key: string, make: (arg: A) => V, arg?: A): void {
    this.parts[group].hit(key, make, arg);
  }

  /** Regroups with the final roots, which may differ from those known while streaming. */
  capped(roots: [string, FileGroup][]): Capped<V> {
    const merged = mergeCapped(FILE_GROUPS.map((g) => this.parts[g].capped((v) => ({ ...v }))));
    for (const item of merged.items) item.group = classifyPath(this.groupPath(item), item.pid, roots);
    merged.items.sort((a, b) => b.count - a.count);
    return merged;
  }
}
