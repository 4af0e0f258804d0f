/** Containers and unix sockets, and the sensor's own diagnostics (last: they are for whoever runs the sensor). */
import { EVENT_KINDS } from '../../events/eventRecord.js';
import type { ReportModel } from '../modelTypes.js';
import { binaryBytes, fmt } from '../numbers.js';
import { cutOf, num, plain, stepCell } from './cells.js';
import type { Row, SectionView, TableView } from './types.js';

export function containersSection(model: ReportModel): SectionView {
  const c = model.containers;
  const table: TableView = {
    key: 'containers',
    columns: [{ title: 'Container' }, { title: 'Name' }, { title: 'Image' }, { title: 'Events', num: true }],
    rows: c.items.map((x) => ({
      cells: [{ text: x.id.slice(0, 64), code: true }, plain(x.name ?? ''), plain(x.image ?? ''), num(x.count)],
    })),
    cut: cutOf(c),
    empty: 'No containers were started through the sensor.',
    noun: 'containers',
  };
  return { key: 'containers', title: 'Containers', blocks: [{ type: 'table', table }] };
}

const BYPASS = 'bypass: containers started this way are not attributed to the job';

export function socketsSection(model: ReportModel): SectionView {
  const s = model.unixSockets;
  // Bypasses first and pinned, so no row budget hides one.
  const items = [...s.items].sort((a, b) => Number(b.bypass) - Number(a.bypass));
  const table: TableView = {
    key: 'sockets',
    columns: [
      { title: 'Socket' },
      { title: 'Connections', num: true },
      { title: 'First process' },
      { title: 'Step' },
      { title: 'Note' },
    ],
    rows: items.map((u) => ({
      cells: [
        { text: u.path, code: true },
        num(u.count),
        { text: u.execPath, code: true },
        stepCell(u.step),
        plain(u.bypass ? BYPASS : '', u.bypass ? 'bad' : undefined),
      ],
      ...(u.bypass ? { tone: 'bad' as const } : {}),
    })),
    pinned: items.filter((u) => u.bypass).length,
    cut: cutOf(s),
    empty: 'No unix sockets were reached.',
    noun: 'sockets',
  };
  return { key: 'sockets', title: 'Unix sockets', blocks: [{ type: 'table', table }] };
}

export function diagnosticsSection(model: ReportModel): SectionView {
  return {
    key: 'diagnostics',
    title: 'Sensor diagnostics',
    blocks: [
      { type: 'table', table: statusTable(model) },
      { type: 'table', table: planTable(model) },
      { type: 'table', table: kindsTable(model) },
    ],
  };
}

/** One row per ring buffer: its size and what it lost; one row for reports from before there were two. */
function ringFacts(status: ReportModel['status']): [string, string][] {
  if (status.rings === undefined) return [['Ring buffer', binaryBytes(status.ringbufBytes)]];
  return status.rings.map((r) => [
    `Ring buffer (${r.ring})`,
    `${binaryBytes(r.bytes)}, ${fmt(r.sent)} records sent, ${fmt(r.lost)} lost`,
  ]);
}

function statusTable(model: ReportModel): TableView {
  const { status, events } = model;
  const attached = status.plan.filter((p) => p.mechanism !== 'none').length;
  const facts: [string, string][] = [
    ['Sensor', `${attached} of ${status.plan.length} hooks attached`],
    ['Events', fmt(events.total)],
    ['Lost records', fmt(status.lostRecords)],
    ['Undecodable records', fmt(status.undecodable)],
    ...ringFacts(status),
  ];
  const protection = protectionFact(status.plan);
  if (protection !== undefined) facts.push(protection);
  if (events.firstTime !== undefined && events.lastTime !== undefined) {
    facts.push(['Events from', `${events.firstTime} to ${events.lastTime}`]);
  }
  if (model.startedAt !== undefined) facts.push(['Sensor started', model.startedAt]);
  if (model.endedAt !== undefined) facts.push(['Sensor ended', model.endedAt]);
  facts.push(['Report format', `version ${model.version}`]);
  return {
    key: 'status',
    title: 'Status',
    columns: [{ title: 'Status' }, { title: 'Value' }],
    rows: facts.map(([k, v]) => ({ cells: [plain(k), plain(v, k === 'Lost records' && status.lostRecords > 0 ? 'bad' : undefined)] })),
    pinned: facts.length,
    empty: '',
    noun: 'facts',
  };
}

/** What protect-runner can do on this kernel (the plan's protect_runner hook), said where it cannot. */
function protectionFact(plan: ReportModel['status']['plan']): [string, string] | undefined {
  const hook = plan.find((p) => p.hook === 'protect_runner');
  if (hook === undefined) return undefined;
  const how: Record<string, string> = {
    lsm: 'refused in the kernel (BPF LSM)',
    bpf_send_signal: 'the reader is killed before it reads (bpf_send_signal)',
    none: 'not available on this kernel: accesses are recorded, not stopped (see the attach plan)',
  };
  return ['Runner memory protection', how[hook.mechanism] ?? hook.mechanism];
}

/** As long as the list of hooks, which the sensor decides, not the job: never cut. */
function planTable(model: ReportModel): TableView {
  const counters = new Map(model.status.hooks.map((h) => [h.hook, h]));
  const counterCells = (c: { sent: number; lost: number; suppressed: number } | undefined) =>
    c === undefined ? [num(undefined), num(undefined), num(undefined)] : [num(c.sent), num(c.lost), num(c.suppressed)];
  const rows: Row[] = model.status.plan.map((p) => {
    const c = counters.get(p.hook);
    counters.delete(p.hook);
    const unavailable = (p.unavailable ?? []).map((u) => `${u.mechanism} ${u.target}: ${u.error}`);
    const [first = '', ...rest] = unavailable;
    return {
      cells: [plain(p.hook), plain(p.mechanism, p.mechanism === 'none' ? 'warn' : undefined), plain(p.target), ...counterCells(c), { text: first, lines: rest }],
    };
  });
  for (const c of counters.values()) rows.push({ cells: [plain(c.hook), plain('not in plan'), plain(''), ...counterCells(c), plain('')] });
  return {
    key: 'plan',
    title: 'Attach plan',
    columns: [
      { title: 'Hook' },
      { title: 'Mechanism' },
      { title: 'Target' },
      { title: 'Sent', num: true },
      { title: 'Lost', num: true },
      { title: 'Suppressed', num: true },
      { title: 'Unavailable' },
    ],
    rows,
    pinned: rows.length,
    empty: 'No hooks were planned.',
    noun: 'hooks',
  };
}

function kindsTable(model: ReportModel): TableView {
  const byKind = model.events.byKind as Record<string, number>;
  const known: string[] = [...EVENT_KINDS];
  const kinds = [...known, ...Object.keys(byKind).filter((k) => !known.includes(k))];
  const blocked = model.events.blocked;
  const rows: Row[] = kinds.map((k) => ({ cells: [plain(k), num(byKind[k] ?? 0)] }));
  if (blocked !== undefined) {
    rows.push({ cells: [plain('blocked connects'), num(blocked.connects)] }, { cells: [plain('blocked DNS questions'), num(blocked.domains)] });
  }
  return {
    key: 'kinds',
    title: 'Events per kind',
    columns: [{ title: 'Kind' }, { title: 'Events', num: true }],
    rows,
    pinned: rows.length,
    empty: '',
    noun: 'kinds',
  };
}
