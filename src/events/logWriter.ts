/**
 * events.ndjson, written as events come: lines are buffered per batch and
 * written with one write(2) of whole lines, so a crash (even kill -9) leaves
 * every line that reached the file intact.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { EventRecord } from './eventRecord.js';

export class EventLogWriter {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  written = 0;

  constructor(
    readonly path: string,
    private readonly onEvent?: (e: EventRecord) => void,
    private readonly flushBytes = 1 << 20,
  ) {
    this.fd = openSync(path, 'a', 0o600);
  }

  write(event: EventRecord): void {
    const line = JSON.stringify(event) + '\n';
    this.pending.push(line);
    this.pendingBytes += line.length;
    this.written++;
    this.onEvent?.(event);
    if (this.pendingBytes >= this.flushBytes) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
  }

  close(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}
