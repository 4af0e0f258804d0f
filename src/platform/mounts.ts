/** The mount table as /proc/self/mountinfo lists it, and which mounts cover a path. */
import { readFileSync } from 'node:fs';

export interface MountEntry {
  /** Unique while mounted; a new mount gets a new id. */
  id: number;
  mountPoint: string;
  fsType: string;
  source: string;
}

// Mount points escape space, tab, newline and backslash as octal.
const unescape = (s: string): string => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

/** proc(5): "id parent major:minor root mount-point options [optional...] - fstype source super-options". */
export function parseMountInfo(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const dash = fields.indexOf('-');
    if (fields.length < 5 || dash < 0 || dash + 2 >= fields.length) continue;
    out.push({ id: Number(fields[0]), mountPoint: unescape(fields[4]!), fsType: fields[dash + 1]!, source: unescape(fields[dash + 2]!) });
  }
  return out;
}

export function readMounts(path = '/proc/self/mountinfo'): MountEntry[] {
  return parseMountInfo(readFileSync(path, 'utf8'));
}

/**
 * Whether a mount at mountPoint hides or replaces what path shows: mounted
 * on path itself, inside it, or on a directory above it (but not on '/').
 */
export function covers(mountPoint: string, path: string): boolean {
  const m = mountPoint.replace(/\/+$/, '') || '/';
  const p = path.replace(/\/+$/, '') || '/';
  if (m === '/') return false;
  return m === p || m.startsWith(`${p}/`) || p.startsWith(`${m}/`);
}
