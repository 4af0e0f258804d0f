/**
 * Bytes from the kernel (paths, argv) are not promised to be UTF-8. Valid
 * UTF-8 is kept as it is; anything else is shown with \xNN escapes so a
 * hostile name can neither vanish into U+FFFD nor pose as another name.
 */
import { posix } from 'node:path';

// ignoreBOM: a leading U+FEFF is part of a name, not a marker to drop.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isAscii(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i]! >= 0x80) return false;
  return true;
}

function escapeInvalid(buf: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < buf.length) {
    // Decode the longest valid prefix, escape one byte, go on.
    let j = i;
    while (j < buf.length && buf[j]! < 0x80) j++;
    out += Buffer.from(buf.subarray(i, j)).toString('latin1');
    if (j >= buf.length) break;
    let decoded = false;
    for (const len of [4, 3, 2]) {
      if (j + len > buf.length) continue;
      try {
        out += strict.decode(buf.subarray(j, j + len));
        j += len;
        decoded = true;
        break;
      } catch {
        /* not a sequence of this length */
      }
    }
    if (!decoded) {
      out += `\\x${buf[j]!.toString(16).padStart(2, '0')}`;
      j++;
    }
    i = j;
  }
  return out;
}

export function bytesToText(buf: Buffer, start: number, end: number): string {
  if (isAscii(buf, start, end)) return buf.toString('latin1', start, end);
  const slice = buf.subarray(start, end);
  try {
    return strict.decode(slice);
  } catch {
    return escapeInvalid(slice);
  }
}

/** Splits NUL-separated strings (argv, path components); a trailing NUL ends the list. */
export function splitNul(buf: Buffer, start: number, end: number): string[] {
  const out: string[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (buf[i] === 0) {
      out.push(bytesToText(buf, from, i));
      from = i + 1;
    }
  }
  if (from < end) out.push(bytesToText(buf, from, end));
  return out;
}

/** Leaf-first components from a dentry walk → an absolute path. */
export function componentsToPath(buf: Buffer, start: number, end: number, truncated: boolean): string {
  // Nearly every path is ASCII: one string for the whole walk, split in JS,
  // rather than one Buffer-to-string call per component.
  let parts: string[];
  if (isAscii(buf, start, end)) {
    parts = buf.toString('latin1', start, end).split('\0');
    if (parts[parts.length - 1] === '') parts.pop();
    parts.reverse();
  } else {
    parts = splitNul(buf, start, end).reverse();
  }
  const path = '/' + parts.join('/');
  return truncated ? '/…' + path : path;
}

/** Joins a path as passed to the directory it was relative to, lexically normalised. */
export function resolvePath(raw: string, base: string | undefined): string {
  const joined = posix.normalize(raw.startsWith('/') ? raw : posix.join(base ?? '/', raw));
  return joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
}
