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
 * The event's own fields go through jsonValue below rather than
 * JSON.stringify: in Node 20 JSON.stringify costs a few hundred ns even for
 * a three-field object, most of an open storm's per-event budget.
 */
import type { EventRecord } from './eventRecord.js';
import { PAYLOAD_KEYS, PAYLOAD_STARTS } from './lineLayout.js';

/** What JSON.stringify escapes in a string: quote, backslash, controls, and lone surrogates (checked below). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON.stringify writes it; most strings need no escape, and only those are written here. */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** `"key":` texts, one per property name the records use. */
const keyTexts = new Map<string, string>();

function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = `${jsonString(key)}:`;
    keyTexts.set(key, text);
  }
  return text;
}

/**
 * JSON.stringify for the plain data an EventRecord holds (objects, arrays,
 * strings, numbers, booleans, null), the same text: keys in own insertion
 * order, undefined properties left out, undefined array items as null,
 * non-finite numbers as null.
 */
export function jsonValue(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return jsonString(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (v === null) return 'null';
      return Array.isArray(v) ? jsonArray(v) : jsonObject(v as Record<string, unknown>);
    default:
      // undefined, functions, symbols: left out, as JSON.stringify does; a bigint would make it throw.
      if (typeof v === 'bigint') return JSON.stringify(v);
      return undefined;
  }
}

function jsonArray(a: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < a.length; i++) {
    if (i > 0) out += ',';
    out += jsonValue(a[i]) ?? 'null';
  }
  return `${out}]`;
}

function jsonObject(o: Record<string, unknown>): string {
  // Anything with its own idea of JSON (a Date) is left to JSON.stringify.
  if (typeof o.toJSON === 'function') return JSON.stringify(o);
  let out = '{';
  for (const key of Object.keys(o)) {
    const value = jsonValue(o[key]);
    if (value === undefined) continue;
    out += out.length === 1 ? keyText(key) : `,${keyText(key)}`;
    out += value;
  }
  return `${out}}`;
}

const shared = new WeakMap<object, string>();

function sharedJson(value: object): string {
  let json = shared.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    shared.set(value, json);
  }
  return json;
}

/** The shared run of fields (`,"job":…` to the process's closing brace), as text and as UTF-8. */
interface SharedRun {
  job: object;
  cgroupId: number;
  container: object | undefined;
  step: object | undefined;
  text: string;
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
  const fresh = { job: e.job, cgroupId: e.cgroup_id, container: e.container, step: e.step, text, bytes: Buffer.from(text, 'utf8') };
  runs.set(e.process, fresh);
  return fresh;
}

/** A line in three parts: the event's head, the shared run, and its payload with the closing brace. */
export interface LineParts {
  head: string;
  shared: SharedRun;
  tail: string;
}

/** Keys in the schema's order (lineLayout.ts); an absent (undefined) field is left out, as JSON.stringify does. */
export function lineParts(e: EventRecord): LineParts {
  const head = `{"seq":${jsonValue(e.seq)},"time":${jsonValue(e.time)},"kind":${jsonValue(e.kind)}`;
  let tail = '';
  for (let i = 0; i < PAYLOAD_KEYS.length; i++) {
    const value = jsonValue(e[PAYLOAD_KEYS[i]!]);
    if (value !== undefined) tail += `${PAYLOAD_STARTS[i]}${value}`;
  }
  return { head, shared: sharedRun(e), tail: `${tail}}\n` };
}

/** The whole line as text (the log writer encodes the parts straight into its buffer instead). */
export function eventLine(e: EventRecord): string {
  const { head, shared, tail } = lineParts(e);
  return head + shared.text + tail;
}
