/**
 * events.ndjson, written as events come: lines are encoded straight into
 * one buffer per batch and written with one write(2) of whole lines, so a
 * crash (even kill -9) leaves every line that reached the file intact.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { eventLine } from './eventLine.js';
import type { EventRecord } from './eventRecord.js';

export class EventLogWriter {
  private readonly fd: number;
  private buf: Buffer;
  private used = 0;
  written = 0;

  constructor(
    readonly path: string,
    private readonly onEvent?: (e: EventRecord) => void,
    flushBytes = 1 << 20,
  ) {
    this.fd = openSync(path, 'a', 0o600);
    this.buf = Buffer.allocUnsafe(flushBytes);
  }

  write(event: EventRecord): void {
    const line = eventLine(event);
    // UTF-8 takes at most 3 bytes per UTF-16 unit: check before encoding.
    if (this.used + line.length * 3 > this.buf.length) {
      this.flush();
      if (line.length * 3 > this.buf.length) this.buf = Buffer.allocUnsafe(line.length * 3);
    }
    this.used += this.buf.write(line, this.used, 'utf8');
    this.written++;
    this.onEvent?.(event);
  }

  flush(): void {
    let off = 0;
    while (off < this.used) off += writeSync(this.fd, this.buf, off, this.used - off);
    this.used = 0;
  }

  close(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}
