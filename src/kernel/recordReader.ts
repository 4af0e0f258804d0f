/**
 * The parts every record decoder shares: the common header, length checks and
 * the blobs after a record's fixed part. A module of its own so the decoders
 * (decode.ts, decodeAccess.ts) depend on it and not on each other.
 */
import { OFFSETS as O } from './layout.js';
import { bytesToText, componentsToPath } from './text.js';

export interface SampleBase {
  pid: number;
  tid: number;
  /** The header's raw flag word; what the bits mean is decoded into each sample's booleans. */
  flags: number;
  /** CLOCK_BOOTTIME, ns (a double: sub-microsecond precision is not needed). */
  timeNs: number;
  cgroupId: number;
  /** The process's start (CLOCK_BOOTTIME ns); 0 where the hook cannot tell. */
  startNs: number;
}

export class MalformedRecord extends Error {}

export const u64 = (b: Buffer, off: number): number => b.readUInt32LE(off + 4) * 0x1_0000_0000 + b.readUInt32LE(off);

/*
 * Little-endian reads of a record's header and fixed part, which
 * decodeRecord has already checked lie inside the record and the batch:
 * plain element loads, without the argument checks of Buffer's readUInt*LE
 * (a dozen reads per record, which were a sixth of decoding a file open).
 * Blobs and anything not checked first go through Buffer's reads, which
 * throw a RangeError past the buffer's end.
 */
export const le16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
export const le32 = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x100_0000;
export const le64 = (b: Uint8Array, at: number): number => le32(b, at + 4) * 0x1_0000_0000 + le32(b, at);

export function need(cond: boolean, what: string): void {
  if (!cond) throw new MalformedRecord(what);
}

export function base(b: Buffer, at: number): SampleBase {
  const h = O.cs_header;
  return {
    pid: le32(b, at + h.pid),
    tid: le32(b, at + h.tid),
    flags: le32(b, at + h.flags),
    timeNs: le64(b, at + h.time_ns),
    cgroupId: le64(b, at + h.cgroup_id),
    startNs: le64(b, at + h.start_time_ns),
  };
}

/** Reads consecutive variable-length blobs after a record's fixed part. */
export class Tail {
  constructor(
    private pos: number,
    private readonly end: number,
  ) {}

  take(len: number): [number, number] {
    need(this.pos + len <= this.end, 'blob runs past the record');
    const span: [number, number] = [this.pos, this.pos + len];
    this.pos += len;
    return span;
  }
}

/** A path as the caller passed it, with the directory it was relative to. */
export interface PassedPath {
  raw: string;
  base?: string;
}

export function passedPath(b: Buffer, tail: Tail, pathLen: number, baseLen: number, truncated: boolean): PassedPath {
  const [ps, pe] = tail.take(pathLen);
  const [bs, be] = tail.take(baseLen);
  const raw = bytesToText(b, ps, pe);
  return be > bs ? { raw, base: componentsToPath(b, bs, be, truncated) } : { raw };
}
