/** The events log as the artifact carries it: gzipped beside itself when large. */
import { closeSync, createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { createExclusive } from '../platform/noFollow.js';

/** Logs above this are uploaded gzipped (the artifact zip stores, it barely compresses ndjson). */
export const GZIP_ABOVE = 16 << 20;

/**
 * PATH.gz when PATH is larger than GZIP_ABOVE, else PATH. The archive is
 * written under a fresh name and renamed into place (src/platform/noFollow.ts),
 * so the daemon, writing it as root, never writes through a planted link.
 */
export async function compressIfLarge(path: string): Promise<string> {
  if (statSync(path).size <= GZIP_ABOVE) return path;
  const gz = `${path}.gz`;
  const tmp = join(dirname(path), `.${basename(gz)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = createExclusive(tmp);
  try {
    // Level 1: the log repeats each process's context line after line, so even
    // the fastest level shrinks it several times, at a fraction of level 6's
    // time (post waits for it at the end of the job).
    await pipeline(createReadStream(path), createGzip({ level: 1 }), createWriteStream('', { fd, autoClose: false }));
    renameSync(tmp, gz);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  } finally {
    closeSync(fd);
  }
  return gz;
}
