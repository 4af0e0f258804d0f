/**
 * Reads events.ndjson back, fast enough for a million-event log. Lines are
 * cut from one reused buffer, and the parts of a line that repeat for every
 * event of a process (job, cgroup, container, step, and the process context
 * that is most of a line's bytes) are parsed once and shared: the tracker
 * writes them in a fixed order (src/events/lineLayout.ts), and a JSON string
 * cannot hold an unescaped quote, so the separators searched for below only
 * ever occur between fields. A line that does not have that shape is parsed
 * whole. Callers must not mutate the events they get.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { EventRecord } from '../events/eventRecord.js';
import { PAYLOAD_STARTS, PROCESS_START, SHARED_START } from '../events/lineLayout.js';

const MID = SHARED_START;
const PROCESS = PROCESS_START;
const TAILS = PAYLOAD_STARTS;
/**
 * The last few distinct parts seen: events of one process come in runs, and
 * comparing with a handful of recent texts is far cheaper than hashing every
 * one into a map.
 */
class RecentParts {
  private readonly texts: string[] = [];
  private readonly values: unknown[] = [];
  private next = 0;

  constructor(private readonly size: number) {}

  /** The value of line[start, end) as JSON (wrapped in braces for a run of fields). */
  get(line: string, start: number, end: number, wrap = false): unknown {
    const text = line.slice(start, end);
    for (let i = 0; i < this.texts.length; i++) if (this.texts[i] === text) return this.values[i];
    const value = JSON.parse(wrap ? `{${text}}` : text) as unknown;
    this.texts[this.next] = text;
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.size;
    return value;
  }
}

export class EventLineParser {
  private readonly heads = new RecentParts(4);
  private readonly processes = new RecentParts(8);

  /** The event on one line; throws SyntaxError like JSON.parse on a broken one. */
  parse(line: string): EventRecord {
    const mid = line.indexOf(MID);
    const proc = mid < 0 ? -1 : line.indexOf(PROCESS, mid);
    if (proc < 0 || !line.endsWith('}')) return JSON.parse(line) as EventRecord;
    const procStart = proc + PROCESS.length;
    // A line has one payload at most, and TAILS is in line order: a payload
    // name that is also a key inside an earlier payload (network's domain,
    // file's access) is only ever reached after that payload is found. The
    // first one present, searched from the end, ends the process.
    let procEnd = line.length - 1;
    for (const tail of TAILS) {
      const at = line.lastIndexOf(tail);
      if (at > procStart) {
        procEnd = at;
        break;
      }
    }
    try {
      // Head and tail: {"seq":..,"time":..,"kind":.. plus whatever follows the process.
      const event = JSON.parse(line.slice(0, mid) + line.slice(procEnd)) as Record<string, unknown>;
      const fields = this.heads.get(line, mid + 1, proc, true) as Record<string, unknown>;
      for (const key in fields) event[key] = fields[key];
      event.process = this.processes.get(line, procStart, procEnd);
      return event as unknown as EventRecord;
    } catch {
      return JSON.parse(line) as EventRecord;
    }
  }
}

/**
 * Calls onLine with each non-empty line of the file, decoded as UTF-8; a
 * last line without its newline (a writer killed mid-line) is passed too.
 */
export function forEachLine(path: string, onLine: (line: string) => void): void {
  const fd = openSync(path, 'r');
  let buf = Buffer.allocUnsafe(8 << 20);
  let have = 0;
  try {
    for (;;) {
      if (have === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]); // a line longer than the buffer
      const got = readSync(fd, buf, have, buf.length - have, null);
      if (got === 0) break;
      have += got;
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl >= 0 && nl < have; nl = buf.indexOf(10, start)) {
        if (nl > start) onLine(buf.toString('utf8', start, nl));
        start = nl + 1;
      }
      buf.copy(buf, 0, start, have);
      have -= start;
    }
    if (have > 0) onLine(buf.toString('utf8', 0, have));
  } finally {
    closeSync(fd);
  }
}
