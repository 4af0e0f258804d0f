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

type Latin1Slice = (this: Uint8Array, start: number, end: number) => string;

/**
 * Buffer's latin1Slice, what toString('latin1', start, end) calls once it
 * has checked its arguments and looked the encoding up, which took half the
 * time of making a path's string. Node's own method, undocumented but in
 * every version; toString where it is missing.
 */
const latin1Slice: Latin1Slice =
  (Buffer.prototype as unknown as { latin1Slice?: Latin1Slice }).latin1Slice ??
  function (this: Uint8Array, start: number, end: number): string {
    return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString('latin1', start, end);
  };

export function bytesToText(buf: Buffer, start: number, end: number): string {
  if (isAscii(buf, start, end)) return latin1Slice.call(buf, start, end);
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

/** Where componentsToPath assembles an ASCII path; grown on demand, reused (decoding is synchronous). */
let scratch = Buffer.allocUnsafe(4096);

/**
 * Leaf-first components from a dentry walk → an absolute path. Nearly every
 * path is ASCII: its components are copied root-first into a scratch buffer
 * with the slashes between them and read back as one string, with no string
 * or array per component. Other paths are decoded per component.
 */
export function componentsToPath(buf: Buffer, start: number, end: number, truncated: boolean): string {
  // A trailing NUL ends the list; every other NUL separates two components (which may be empty).
  const last = end > start && buf[end - 1] === 0 ? end - 1 : end;
  if (scratch.length < last - start + 1) scratch = Buffer.allocUnsafe(2 * (last - start + 1));
  const out = scratch;
  let pos = 1;
  let high = 0;
  out[0] = 0x2f;
  let segEnd = last;
  for (let i = last - 1; i >= start - 1; i--) {
    if (i >= start && buf[i] !== 0) continue;
    for (let j = i + 1; j < segEnd; j++) {
      const c = buf[j]!;
      high |= c;
      out[pos++] = c;
    }
    if (i >= start) out[pos++] = 0x2f;
    segEnd = i;
  }
  const path = high < 0x80 ? latin1Slice.call(out, 0, pos) : '/' + splitNul(buf, start, end).reverse().join('/');
  return truncated ? '/…' + path : path;
}

/** Joins a path as passed to the directory it was relative to, lexically normalised. */
export function resolvePath(raw: string, base: string | undefined): string {
  const joined = posix.normalize(raw.startsWith('/') ? raw : posix.join(base ?? '/', raw));
  return joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
}
