/**
 * Files root writes where the job's user can reach: never through a link
 * the job planted. A job directory is made with mkdir (an existing entry,
 * link or not, is an error), then opened O_DIRECTORY|O_NOFOLLOW to set its
 * mode on the open descriptor. A file is created O_CREAT|O_EXCL|O_NOFOLLOW
 * (a planted name makes the open fail, it is never followed); a whole file
 * is written under a fresh temporary name and renamed into place, which
 * replaces a planted link instead of writing through it.
 *
 * These work on paths, not on a directory descriptor (Node has no openat):
 * that is enough because every directory above a job's files is root's
 * (the state directory, jobs/, the job directory, which is sticky), so the
 * job cannot swap one of them for a link between two calls. Anything that
 * wants to write where an ancestor belongs to someone else must not use
 * this module.
 */
import { closeSync, constants, fchmodSync, fchownSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

const { O_CREAT, O_EXCL, O_NOFOLLOW, O_WRONLY, O_APPEND, O_DIRECTORY, O_RDONLY } = constants;

/** Readable by the group of the directory (the runner's, on a job directory), by nobody else. */
export const FILE_MODE = 0o640;

/** A new file, opened for appending; fails if anything (a link included) has the name already. */
export function createExclusive(path: string, mode = FILE_MODE): number {
  const fd = openSync(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
  // The umask may have taken bits the caller asked for.
  fchmodSync(fd, mode);
  return fd;
}

/** Writes a whole file under a temporary name and renames it over whatever has the name now. */
export function writeReplacing(path: string, data: string | Buffer, mode = FILE_MODE): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = createExclusive(tmp, mode);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * A new directory (its parent must exist and be root's). mode is set on
 * the open directory, not by path, so a link swapped in after mkdir is
 * never followed; with setgid, files made in it get its group.
 */
export function makeDirectory(path: string, mode: number, gid?: number): void {
  mkdirSync(path, { mode: 0o700 });
  const fd = openSync(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  try {
    if (gid !== undefined) fchownGroup(fd, gid);
    fchmodSync(fd, mode);
  } finally {
    closeSync(fd);
  }
}

function fchownGroup(fd: number, gid: number): void {
  // fchown(fd, -1, gid) has no Node spelling; the owner is root's already, the process's own uid.
  fchownSync(fd, process.getuid?.() ?? 0, gid);
}
