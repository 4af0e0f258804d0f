/** The overview's status rows, shared by the markdown and HTML renderers; `cell` escapes what came from the job. */
import { binaryBytes, fmt } from './numbers.js';
import type { ReportModel } from './model.js';

export function statusRows(model: ReportModel, cell: (s: string) => string): string[][] {
  const { status, events } = model;
  const attached = status.plan.filter((p) => p.mechanism !== 'none').length;
  const rows = [
    ['Sensor', `${attached} of ${status.plan.length} hooks attached`],
    ['Events', fmt(events.total)],
    ['Lost records', fmt(status.lostRecords)],
    ['Undecodable records', fmt(status.undecodable)],
    ['Ring buffer', binaryBytes(status.ringbufBytes)],
  ];
  const protection = protectionRow(status.plan);
  if (protection) rows.push(protection);
  if (events.firstTime !== undefined && events.lastTime !== undefined) {
    rows.push(['Events from', `${cell(events.firstTime)} to ${cell(events.lastTime)}`]);
  }
  if (model.startedAt !== undefined) rows.push(['Sensor started', cell(model.startedAt)]);
  if (model.endedAt !== undefined) rows.push(['Sensor ended', cell(model.endedAt)]);
  return rows;
}

/** What protect-runner can do on this kernel (the plan's protect_runner hook), said where it cannot. */
function protectionRow(plan: ReportModel['status']['plan']): string[] | undefined {
  const hook = plan.find((p) => p.hook === 'protect_runner');
  if (!hook) return undefined;
  const how: Record<string, string> = {
    lsm: 'refused in the kernel (BPF LSM)',
    bpf_send_signal: 'the reader is killed before it reads (bpf_send_signal)',
    none: 'not available on this kernel: accesses are recorded, not stopped (see the attach plan)',
  };
  return ['Runner memory protection', how[hook.mechanism] ?? hook.mechanism];
}
