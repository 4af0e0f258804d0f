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

/** The run of shared fields (job to process) of the previous line: events of one process come in runs. */
let last: { job: object; cgroupId: number; container?: object; step?: object; process: object; text: string } | undefined;

function sharedRun(e: EventRecord): string {
  if (last && last.job === e.job && last.cgroupId === e.cgroup_id && last.container === e.container && last.step === e.step && last.process === e.process) {
    return last.text;
  }
  let text = `"job":${sharedJson(e.job)},"cgroup_id":${e.cgroup_id}`;
  if (e.container !== undefined) text += `,"container":${sharedJson(e.container)}`;
  if (e.step !== undefined) text += `,"step":${sharedJson(e.step)}`;
  text += `,"process":${sharedJson(e.process)}`;
  last = { job: e.job, cgroupId: e.cgroup_id, container: e.container, step: e.step, process: e.process, text };
  return text;
}

/** Keys in the schema's order; an absent (undefined) field is left out, as JSON.stringify does. */
export function eventLine(e: EventRecord): string {
  let line = `{"seq":${e.seq},"time":${JSON.stringify(e.time)},"kind":${JSON.stringify(e.kind)},${sharedRun(e)}`;
  if (e.network !== undefined) line += `,"network":${JSON.stringify(e.network)}`;
  if (e.file !== undefined) line += `,"file":${JSON.stringify(e.file)}`;
  if (e.domain !== undefined) line += `,"domain":${JSON.stringify(e.domain)}`;
  if (e.unix_socket !== undefined) line += `,"unix_socket":${JSON.stringify(e.unix_socket)}`;
  if (e.mount !== undefined) line += `,"mount":${JSON.stringify(e.mount)}`;
  if (e.http !== undefined) line += `,"http":${JSON.stringify(e.http)}`;
  if (e.access !== undefined) line += `,"access":${JSON.stringify(e.access)}`;
  return `${line}}\n`;
}
