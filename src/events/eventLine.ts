/**
 * One EventRecord as one events.ndjson line, the same text JSON.stringify
 * gives. Most of a record is the process context, the job and the step,
 * which the tracker shares between all the events of a process: their JSON
 * is kept per object, so a process's thousandth open costs only its own
 * fields. Shared parts must therefore never be mutated once logged: the
 * tracker freezes them (eventBuilder.ts) and replaces them instead.
 */
import type { EventRecord } from './eventRecord.js';
import { PAYLOAD_KEYS, PAYLOAD_STARTS } from './lineLayout.js';

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

/** Keys in the schema's order (lineLayout.ts); an absent (undefined) field is left out, as JSON.stringify does. */
export function eventLine(e: EventRecord): string {
  let line = `{"seq":${e.seq},"time":${JSON.stringify(e.time)},"kind":${JSON.stringify(e.kind)},${sharedRun(e)}`;
  for (let i = 0; i < PAYLOAD_KEYS.length; i++) {
    const value = e[PAYLOAD_KEYS[i]!];
    if (value !== undefined) line += `${PAYLOAD_STARTS[i]}${JSON.stringify(value)}`;
  }
  return `${line}}\n`;
}
