/**
 * events.ndjson, written as events come: lines are encoded straight into
 * one buffer per batch and written with one write(2) of whole lines, so a
 * crash (even kill -9) leaves every line that reached the file intact.
 *
 * A failing write (ENOSPC on /run, EIO) must not stop the recording: the
 * lines it could not write are counted as lost on write, the report says
 * how many, and the next batch is tried again. A line torn by a partial
 * write is closed with a newline first, so it cannot swallow the next one.
 */
import { closeSync, writeSync } from 'node:fs';
import { createExclusive } from '../platform/noFollow.js';
import { encodeLine } from './eventLine.js';
import type { EventRecord } from './eventRecord.js';

const NEWLINE = 0x0a;

function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(NEWLINE, from); i >= 0 && i < to; i = buf.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/**
 * Lines are written once this much is buffered (and at every flush). Small
 * enough to stay in a core's L2 cache (1 MiB here) beside the tracker's own
 * working set: the encoder then writes into lines still cached, and write(2)
 * copies from them. At 1 MiB the buffer was cold at both ends: the bench's
 * throughput figure (1,000,000 opens) took 4.1 s of tracker CPU against 3.3-3.4
 * at 256 KiB (README, "Tracker cost"); at 128 KiB, 3.5: the write(2) calls'
 * own cost shows.
 */
const FLUSH_BYTES = 256 << 10;

export class EventLogWriter {
  private readonly fd: number;
  private buf: Buffer;
  private used = 0;
  private torn = false;
  written = 0;
  /** Lines that could not be written (the disk was full or failing). */
  lostOnWrite = 0;
  /** The error code of the last failed write, for the report. */
  lastWriteError: string | undefined;

  constructor(
    readonly path: string,
    private readonly onEvent?: (e: EventRecord) => void,
    flushBytes = FLUSH_BYTES,
    /** How the file is opened; by default a new file, never one (or a link) already there. */
    open: (path: string) => number = createExclusive,
  ) {
    this.fd = open(path);
    this.buf = Buffer.allocUnsafe(flushBytes);
  }

  write(event: EventRecord): void {
    let end = encodeLine(event, this.buf, this.used);
    if (end < 0) {
      this.flush();
      // A line longer than the buffer (a huge argv): a buffer of its size, kept.
      while ((end = encodeLine(event, this.buf, 0)) < 0) this.buf = Buffer.allocUnsafe(this.buf.length * 2);
    }
    this.used = end;
    this.written++;
    this.onEvent?.(event);
  }

  flush(): void {
    let off = 0;
    try {
      if (this.torn && this.used > 0) {
        writeSync(this.fd, '\n');
        this.torn = false;
      }
      while (off < this.used) off += writeSync(this.fd, this.buf, off, this.used - off);
    } catch (err) {
      this.lastWriteError = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      // Every line ends with the buffer's only newlines (JSON escapes its own, and UTF-8 never makes one).
      this.lostOnWrite += countNewlines(this.buf, off, this.used);
      if (off > 0 && this.buf[off - 1] !== NEWLINE) this.torn = true;
    }
    this.used = 0;
  }

  /**
   * Writes what is buffered and closes the file, without fsync: every line
   * is in the page cache once written, which is all a reader on the same
   * host (post, `cicd-sensor report`, the artifact upload) needs, and
   * survives the sensor's own crash. Only the machine's crash would lose
   * it, and a runner's machine does not outlive its job. An fsync made the
   * sensor's stop wait for the whole log to reach the disk: a 1,000,000-event
   * log is ~700 MB, ~0.3 s of the tracker's CPU and longer in wall time.
   */
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
