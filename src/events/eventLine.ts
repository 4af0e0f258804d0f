/**
 * One EventRecord as one events.ndjson line, the same text JSON.stringify
 * gives. Most of a record is the process context, the job and the step,
 * which the tracker shares between all the events of a process: their JSON
 * is kept per object, so a process's thousandth open costs only its own
 * fields. Shared parts must therefore never be mutated once logged (the
 * tracker replaces them instead).
 */
import type { EventRecord } from './eventRecord.js';

const shared = new WeakMap<object, string>();

function sharedJson(value: object): string {
  let json = shared.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    shared.set(value, json);
  }
  return json;
}


/** Keys in the schema's order; an absent (undefined) field is left out, as JSON.stringify does. */
export function eventLine(e: EventRecord): string {
  let line = `{"seq":${e.seq},"time":${JSON.stringify(e.time)},"kind":${JSON.stringify(e.kind)},"job":${sharedJson(e.job)},"cgroup_id":${e.cgroup_id}`;
  if (e.container !== undefined) line += `,"container":${sharedJson(e.container)}`;
  if (e.step !== undefined) line += `,"step":${sharedJson(e.step)}`;
  line += `,"process":${sharedJson(e.process)}`;
  if (e.network !== undefined) line += `,"network":${JSON.stringify(e.network)}`;
  if (e.file !== undefined) line += `,"file":${JSON.stringify(e.file)}`;
  if (e.domain !== undefined) line += `,"domain":${JSON.stringify(e.domain)}`;
  if (e.unix_socket !== undefined) line += `,"unix_socket":${JSON.stringify(e.unix_socket)}`;
  return `${line}}\n`;
}
