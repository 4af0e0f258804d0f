/** Whether a path is root's alone: what root may run, or remove, without a job having had a hand in it. */
import { lstatSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Whether only root can change what path names: root owns it and every
 * directory above it, and none is writable by anyone else (a sticky
 * directory of root's, /tmp, may be: others cannot rename root's entries).
 */
export function rootOnly(path: string): boolean {
  let current: string;
  try {
    current = realpathSync(path);
  } catch {
    return false;
  }
  for (;;) {
    const st = lstatSync(current);
    const sticky = st.isDirectory() && (st.mode & 0o1000) !== 0;
    if (st.uid !== 0 || ((st.mode & 0o022) !== 0 && !sticky)) return false;
    if (current === '/') return true;
    current = dirname(current);
  }
}
