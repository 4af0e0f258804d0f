/**
 * Root's copies of the sensor's code (src/action/codeCopy.ts) pile up: one
 * per version of the action, about 120 MB each with node. A daemon that
 * runs from one removes the others it may, once it is ready (never before:
 * a job is waiting for it), keeping the ones used last (the copy's time is
 * its last use: pre touches it) and any copy some process still uses. In use
 * means a process runs from it, has it as its working directory, maps a file
 * of it (the native library), or names it on its command line (post's `sudo
 * node DIR/cli.js`, pre's copy script, which names it by its hash): a post
 * step of a job whose daemon is older must still find its copy.
 *
 * Root's alone: only when the base and the copy are root's and nobody else
 * can write them; links are never followed (each entry is lstat'ed, and a
 * copy is first renamed aside, so nothing starts from it while it goes).
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { rootOnly } from '../platform/rootOnly.js';
import type { Logger } from './log.js';

/** Copies kept besides the one running and those in use. */
export const KEEP_RECENT_COPIES = 2;
/** A half-made copy (pre's `.copy.XXXXXX`) older than this was left by a copy that died. */
const STALE_PARTIAL_MS = 3600_000;

const COPY_NAME = /^[0-9a-f]{64}$/;

export interface PruneResult {
  removed: string[];
  kept: string[];
}

function read(path: string, how: (p: string) => string): string | undefined {
  try {
    return how(path);
  } catch {
    return undefined;
  }
}

/** Every path a live process runs from, works in, maps or names in its argv. */
export function pathsInUse(procRoot = '/proc'): string[] {
  const paths: string[] = [];
  for (const pid of readdirSync(procRoot)) {
    if (!/^\d+$/.test(pid)) continue;
    const dir = join(procRoot, pid);
    for (const link of ['exe', 'cwd']) paths.push(read(join(dir, link), readlinkSync) ?? '');
    for (const line of (read(join(dir, 'maps'), (p) => readFileSync(p, 'utf8')) ?? '').split('\n')) {
      const at = line.indexOf('/');
      if (at > 0) paths.push(line.slice(at));
    }
    paths.push(...(read(join(dir, 'cmdline'), (p) => readFileSync(p, 'utf8')) ?? '').split('\0'));
  }
  return paths.filter(Boolean);
}

const inUse = (name: string, dir: string, used: readonly string[]): boolean =>
  used.some((p) => p === dir || p.startsWith(dir + '/') || p.includes(name));

interface Candidate {
  name: string;
  mtimeMs: number;
}

/** The entries of base that are root's own copies (or partial ones), newest first. */
function copiesIn(base: string): Candidate[] {
  const found: Candidate[] = [];
  for (const name of readdirSync(base)) {
    if (!COPY_NAME.test(name) && !name.startsWith('.copy.') && !name.startsWith('.prune.')) continue;
    const st = lstatSync(join(base, name));
    if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0) continue;
    found.push({ name, mtimeMs: st.mtimeMs });
  }
  return found.sort((a, b) => b.mtimeMs - a.mtimeMs);
}

/** Which of base's copies to remove: not own, not in use, not among the most recent, partial ones only when stale. */
export function choosePrunable(base: string, own: string, used: readonly string[], now = Date.now()): { remove: string[]; keep: string[] } {
  const remove: string[] = [];
  const keep: string[] = [];
  let recent = 0;
  for (const c of copiesIn(base)) {
    const dir = join(base, c.name);
    // .prune.*: what a pruning daemon set aside and did not finish removing.
    const wanted = c.name.startsWith('.prune.')
      ? false
      : c.name.startsWith('.copy.')
        ? now - c.mtimeMs < STALE_PARTIAL_MS
        : c.name === own || recent++ < KEEP_RECENT_COPIES;
    (wanted || inUse(c.name, dir, used) ? keep : remove).push(dir);
  }
  return { remove, keep };
}

/**
 * Removes the copies choosePrunable gives up, when this process runs from a
 * copy in a base only root can change; nothing otherwise.
 */
export async function pruneCodeCopies(codeDir: string, log: Logger, procRoot = '/proc'): Promise<PruneResult> {
  const base = dirname(codeDir);
  const own = basename(codeDir);
  if (!COPY_NAME.test(own) || !rootOnly(base)) return { removed: [], kept: [] };
  const { remove, keep } = choosePrunable(base, own, pathsInUse(procRoot));
  const removed: string[] = [];
  for (const dir of remove) {
    const name = basename(dir);
    const aside = name.startsWith('.prune.') ? dir : join(base, `.prune.${name}.${process.pid}`);
    try {
      if (aside !== dir) renameSync(dir, aside);
      await rm(aside, { recursive: true, force: true });
      removed.push(dir);
    } catch (err) {
      log.warn(`could not remove the old code copy ${dir}: ${(err as Error).message}`);
    }
  }
  if (removed.length) log.info(`removed ${removed.length} old code cop${removed.length === 1 ? 'y' : 'ies'}: ${removed.map((d) => basename(d)).join(', ')}`);
  return { removed, kept: keep };
}
