import { formatArgv, plainText } from './escape.js';
import type { Capped, FileEntry, ReportModel } from './model.js';
import { fmt } from './numbers.js';

/** Lines per list: the terminal summary points at the files for the rest. */
const TEXT_ROWS = 10;

/**
 * A compact plain-text summary for a terminal. Job strings go through
 * plainText, so an escape sequence in an argv shows as `\x1B` instead of
 * driving the terminal.
 */
export function renderText(model: ReportModel): string {
  const rows = Math.min(TEXT_ROWS, model.rowLimit);
  return [
    ...headerLines(model),
    ...listLines('Processes', model.processes.executables, rows, (x) => [
      x.count,
      `${plainText(x.execPath)}  ${plainText(formatArgv(x.argvSamples.values[0] ?? []), 120)}`,
    ]),
    ...listLines('Network destinations', model.network, rows, (n) => [
      n.count,
      `${plainText(n.protocol)} ${plainText(n.address)} port ${n.port}` +
        `${n.domain === undefined ? '' : ` (${plainText(n.domain)})`}  ${plainText(n.execPath)}`,
    ]),
    ...listLines('Domains', model.domains, rows, (d) => [
      d.count,
      `${plainText(d.name)}  ${plainText(d.sources.join(','))}` +
        `${d.queryTypes.values.length ? ` ${plainText(d.queryTypes.values.join(','))}` : ''}` +
        `${d.answers.values.length ? ` -> ${plainText(d.answers.values.slice(0, 3).join(', '), 120)}` : ''}`,
    ]),
    ...fileLines(model, rows),
    ...listLines('Unix sockets', model.unixSockets, rows, (u) => [
      u.count,
      `${plainText(u.path)}  ${plainText(u.execPath)}` +
        (u.bypass ? '  BYPASS: containers started this way are not attributed' : ''),
    ]),
  ].join('\n') + '\n';
}

function headerLines(model: ReportModel): string[] {
  const { events, status } = model;
  const kinds = Object.entries(events.byKind).map(([kind, n]) => `${plainText(kind)} ${fmt(n)}`);
  const lines = [
    `cicd-sensor report: ${plainText(model.job.name ?? model.job.id)}`,
    `Events: ${fmt(events.total)}  lost records: ${fmt(status.lostRecords)}  ` +
      `undecodable: ${fmt(status.undecodable)}`,
    `  ${kinds.join(', ')}`,
  ];
  if (status.lostRecords > 0) {
    lines.push(`WARNING: ${fmt(status.lostRecords)} records were lost in the kernel; activity is missing.`);
  }
  if (status.undecodable > 0) lines.push(`WARNING: ${fmt(status.undecodable)} records could not be decoded.`);
  if (model.endedEarly) {
    lines.push('WARNING: the sensor stopped before the job ended; later activity is missing.');
  }
  if (status.plan.length) lines.push(`Attach plan: ${status.plan.map(planText).join(', ')}`);
  return lines;
}

/** One hook's mechanism, and which better ones this kernel refused. */
function planText(p: ReportModel['status']['plan'][number]): string {
  const refused = (p.unavailable ?? []).map((u) => `${plainText(u.mechanism)} unavailable`);
  return `${plainText(p.hook)}=${plainText(p.mechanism)}${refused.length ? ` (${refused.join('; ')})` : ''}`;
}

/** A titled list, most counted first, with a line for what it leaves out. */
function listLines<T>(
  title: string,
  c: Capped<T>,
  rows: number,
  line: (item: T) => [number, string],
): string[] {
  if (c.items.length === 0 && c.omitted === 0) return [`${title}: none`];
  const about = c.omittedEstimated ? 'about ' : '';
  const total = c.omitted > 0 ? `${about}${fmt(c.items.length + c.omitted)}` : fmt(c.items.length);
  const shown = c.items.slice(0, rows).map((item) => {
    const [count, text] = line(item);
    return `  ${fmt(count).padStart(9)}  ${text}`;
  });
  const hidden = c.items.length - shown.length + c.omitted;
  if (hidden > 0) shown.push(`  …and ${about}${fmt(hidden)} more (see report.json and events.ndjson)`);
  return [`${title} (${total}):`, ...shown];
}

function fileLines(model: ReportModel, rows: number): string[] {
  const { written, removed, moved, linked } = model.files;
  const line = (f: FileEntry): [number, string] => [f.count, `[${f.group}] ${plainText(f.path)}`];
  return [
    ...listLines('Files written', written, rows, line),
    ...listLines('Files removed', removed, rows, line),
    ...listLines('Files moved', moved, rows, (f) => [
      f.count,
      `[${f.group}] ${plainText(f.path)} -> ${plainText(f.targetPath)}`,
    ]),
    ...listLines('Files linked', linked, rows, (f) => {
      const type = f.linkType === undefined ? '' : ` (${plainText(f.linkType)})`;
      return [f.count, `[${f.group}] ${plainText(f.targetPath)} -> ${plainText(f.path)}${type}`];
    }),
  ];
}
