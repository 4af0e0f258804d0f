/**
 * One EventRecord as one events.ndjson line, byte for byte the text
 * JSON.stringify gives, serialised once per event. Most of a record is the
 * process context, the job and the step, which the tracker shares between
 * all the events of a process: that run of fields is serialised and encoded
 * to UTF-8 once per shared object (the bytes are kept beside the process
 * context), so a process's thousandth open costs only its own fields.
 * Shared parts must therefore never be mutated once logged: the tracker
 * freezes them (eventBuilder.ts) and replaces them instead.
 *
 * The event's own fields are encoded straight into the writer's buffer
 * (JsonBytes below).
 */
import { EVENT_KINDS, OpenedFile, TrackedEvent, type EventRecord, type FileInfo } from './eventRecord.js';
import { TIME_JSON_MAX, writeTimeJson } from './eventTime.js';
import { PAYLOAD_STARTS } from './lineLayout.js';

/** Thrown inside the encoder when the line does not fit; encodeLine returns -1. */
class Full extends Error {}
const FULL = new Full();

/**
 * Writes JSON straight into a buffer, the text JSON.stringify would give
 * for the plain data an EventRecord holds (objects, arrays, strings,
 * numbers, booleans, null): keys in own insertion order, undefined
 * properties left out, undefined array items as null, non-finite numbers as
 * null. Printable ASCII strings, nearly all of them, are copied character
 * by character with no string made; anything else goes through
 * JSON.stringify. In Node 20 JSON.stringify costs a few hundred ns even for
 * a three-field object, and building the line as a string first costs as
 * much again in garbage.
 */
class JsonBytes {
  out: Buffer = Buffer.alloc(0);
  pos = 0;

  private room(n: number): void {
    if (this.pos + n > this.out.length) throw FULL;
  }

  /** Text known to be ASCII with nothing to escape (keys, numbers, our own punctuation). */
  ascii(text: string): void {
    const n = text.length;
    this.room(n);
    const out = this.out;
    let pos = this.pos;
    for (let i = 0; i < n; i++) out[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  /** A tracked event's time, from its microseconds: the characters of its `time`, not read back from the text. */
  time(micros: number): void {
    this.room(TIME_JSON_MAX);
    this.pos = writeTimeJson(this.out, this.pos, micros);
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.out.set(b, this.pos);
    this.pos += b.length;
  }

  string(s: string): void {
    const n = s.length;
    this.room(n + 2);
    const out = this.out;
    const start = this.pos;
    let pos = start;
    out[pos++] = 0x22;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      // Controls, quote and backslash are escaped; the rest (and lone surrogates) is JSON.stringify's to write.
      if (c < 0x20 || c === 0x22 || c === 0x5c || c >= 0x80) {
        this.pos = start;
        return this.utf8(JSON.stringify(s));
      }
      out[pos++] = c;
    }
    out[pos++] = 0x22;
    this.pos = pos;
  }

  private utf8(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.room(text.length * 3);
    this.pos += this.out.write(text, this.pos, 'utf8');
  }

  /**
   * A number as JSON.stringify writes it. Non-negative safe integers, nearly
   * every number in a line (seq, pids, ports, ids), are written digit by
   * digit with no string made; the rest go through String().
   */
  number(v: number): void {
    if (!(v >= 0 && v <= Number.MAX_SAFE_INTEGER && Math.floor(v) === v)) {
      this.ascii(Number.isFinite(v) ? String(v) : 'null');
      return;
    }
    let digits = 1;
    for (let p = 10; p <= v; p *= 10) digits++;
    this.room(digits);
    const out = this.out;
    let pos = this.pos + digits;
    this.pos = pos;
    let n = v;
    do {
      out[--pos] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  /** Writes v and returns true, or returns false for what JSON leaves out (undefined, functions, symbols). */
  value(v: unknown): boolean {
    switch (typeof v) {
      case 'string':
        this.string(v);
        return true;
      case 'number':
        this.number(v);
        return true;
      case 'boolean':
        this.ascii(v ? 'true' : 'false');
        return true;
      case 'object':
        if (v === null) this.ascii('null');
        else if (Array.isArray(v)) this.array(v);
        else this.object(v as Record<string, unknown>);
        return true;
      case 'bigint':
        // JSON.stringify throws on a bigint: so does this.
        JSON.stringify(v);
        return true;
      default:
        return false;
    }
  }

  /**
   * An OpenedFile, the bulk of a busy job's lines, after its `{"path":`:
   * its keys are known and in order, so it is written without walking the
   * object, and what follows the path (access and flags, a handful of
   * combinations in a job) is copied from the text kept for them.
   */
  openedFile(f: OpenedFile): void {
    this.string(f.path);
    const tail = openTail(f);
    if (tail !== undefined) this.bytes(tail);
    else {
      this.field(',"access":', f.access);
      this.field(',"flags":', f.flags);
    }
    this.field(',"path_truncated":', f.path_truncated);
    this.field(',"target_process":', f.target_process);
    this.ascii('}');
  }

  /** `start` and the value, or nothing for what JSON leaves out. */
  private field(start: string, v: unknown): void {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return;
    this.ascii(start);
    this.value(v);
  }

  private array(a: readonly unknown[]): void {
    this.ascii('[');
    for (let i = 0; i < a.length; i++) {
      if (i > 0) this.ascii(',');
      if (!this.value(a[i])) this.ascii('null');
    }
    this.ascii(']');
  }

  private object(o: Record<string, unknown>): void {
    // Anything with its own idea of JSON (a Date) is left to JSON.stringify.
    if (typeof o.toJSON === 'function') return this.utf8(JSON.stringify(o));
    this.ascii('{');
    let first = true;
    // for-in with the own-property test, not Object.keys: V8 walks the
    // object's enum cache and allocates no array of keys per object.
    for (const key in o) {
      if (!hasOwn.call(o, key)) continue;
      const value = o[key];
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
      if (!first) this.ascii(',');
      this.string(key);
      this.ascii(':');
      this.value(value);
      first = false;
    }
    this.ascii('}');
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

const shared = new WeakMap<object, string>();

function sharedJson(value: object): string {
  let json = shared.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    shared.set(value, json);
  }
  return json;
}

/**
 * `,"access":…,"flags":…` as UTF-8, by an OpenedFile's flags array and
 * access. Only a frozen array (openFlagNames' shared ones) is keyed on:
 * its text cannot change behind the key.
 */
const openTails = new WeakMap<object, Map<string, Buffer>>();

function openTail(f: OpenedFile): Buffer | undefined {
  const flags: unknown = f.flags;
  let byAccess = openTails.get(flags as object);
  if (byAccess === undefined) {
    if (!Array.isArray(flags) || !Object.isFrozen(flags)) return undefined;
    openTails.set(flags, (byAccess = new Map()));
  }
  let tail = byAccess.get(f.access);
  if (tail === undefined) {
    if (typeof f.access !== 'string') return undefined;
    tail = Buffer.from(`,"access":${JSON.stringify(f.access)},"flags":${JSON.stringify(flags)}`, 'utf8');
    byAccess.set(f.access, tail);
  }
  return tail;
}

/** The shared run of fields (`,"job":…` to the process's closing brace), as UTF-8. */
interface SharedRun {
  job: object;
  cgroupId: number;
  container: object | undefined;
  step: object | undefined;
  bytes: Buffer;
}

/**
 * Each process context's run, kept beside it: the events of two processes
 * running at once interleave in the ring buffer, so "the previous line's
 * run" alone would be rebuilt at nearly every event.
 */
const runs = new WeakMap<object, SharedRun>();

function sharedRun(e: EventRecord): SharedRun {
  const run = runs.get(e.process);
  if (run && run.job === e.job && run.cgroupId === e.cgroup_id && run.container === e.container && run.step === e.step) return run;
  let text = `,"job":${sharedJson(e.job)},"cgroup_id":${e.cgroup_id}`;
  if (e.container !== undefined) text += `,"container":${sharedJson(e.container)}`;
  if (e.step !== undefined) text += `,"step":${sharedJson(e.step)}`;
  text += `,"process":${sharedJson(e.process)}`;
  const fresh = { job: e.job, cgroupId: e.cgroup_id, container: e.container, step: e.step, bytes: Buffer.from(text, 'utf8') };
  runs.set(e.process, fresh);
  return fresh;
}

const line = new JsonBytes();

// In PAYLOAD_KEYS' order (test/unit/events-line-layout.test.ts checks a line with every payload).
const [NETWORK, FILE, DOMAIN, UNIX_SOCKET, MOUNT, HTTP, ACCESS, CONTAINER_CREATE, CONTAINER_EXEC] = PAYLOAD_STARTS as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

function payload(start: string, value: unknown): void {
  if (value === undefined) return;
  line.ascii(start);
  line.value(value);
}

const OPENED_FILE_START = `${FILE}{"path":`;

function filePayload(file: FileInfo | undefined): void {
  if (!(file instanceof OpenedFile)) return payload(FILE, file);
  line.ascii(OPENED_FILE_START);
  line.openedFile(file);
}

/** `,"kind":"…"` of each kind, as UTF-8. */
const KIND_TEXT = new Map<string, Buffer>(EVENT_KINDS.map((k) => [k, Buffer.from(`,"kind":${JSON.stringify(k)}`, 'utf8')]));

/**
 * Encodes the event's line into out at `at`; returns where it ends, or -1
 * when it does not fit (out is then unchanged beyond `at`, garbage after).
 * Keys in the schema's order (lineLayout.ts; the payloads spelt out rather
 * than looked up by name in a loop, a megamorphic load per key per event);
 * an absent (undefined) field is left out, as JSON.stringify does.
 */
export function encodeLine(e: EventRecord, out: Buffer, at: number): number {
  line.out = out;
  line.pos = at;
  try {
    line.ascii('{"seq":');
    line.number(e.seq);
    line.ascii(',"time":');
    const micros = TrackedEvent.microsOf(e);
    if (micros === micros) line.time(micros);
    else line.value(e.time);
    const kind = KIND_TEXT.get(e.kind);
    if (kind !== undefined) line.bytes(kind);
    else {
      line.ascii(',"kind":');
      line.value(e.kind);
    }
    line.bytes(sharedRun(e).bytes);
    payload(NETWORK, e.network);
    filePayload(e.file);
    payload(DOMAIN, e.domain);
    payload(UNIX_SOCKET, e.unix_socket);
    payload(MOUNT, e.mount);
    payload(HTTP, e.http);
    payload(ACCESS, e.access);
    payload(CONTAINER_CREATE, e.container_create);
    payload(CONTAINER_EXEC, e.container_exec);
    line.ascii('}\n');
    return line.pos;
  } catch (err) {
    if (err === FULL) return -1;
    throw err;
  } finally {
    line.out = EMPTY;
  }
}

const EMPTY = Buffer.alloc(0);
let scratch = Buffer.allocUnsafe(64 * 1024);

/** The whole line as text (the log writer encodes straight into its own buffer instead). */
export function eventLine(e: EventRecord): string {
  for (;;) {
    const end = encodeLine(e, scratch, 0);
    if (end >= 0) return scratch.toString('utf8', 0, end);
    scratch = Buffer.allocUnsafe(scratch.length * 2);
  }
}
