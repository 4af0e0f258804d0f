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
  if (events.firstTime !== undefined && events.lastTime !== undefined) {
    rows.push(['Events from', `${cell(events.firstTime)} to ${cell(events.lastTime)}`]);
  }
  if (model.startedAt !== undefined) rows.push(['Sensor started', cell(model.startedAt)]);
  if (model.endedAt !== undefined) rows.push(['Sensor ended', cell(model.endedAt)]);
  return rows;
}
