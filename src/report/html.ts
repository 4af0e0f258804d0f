import { EVENT_KINDS } from '../events/eventRecord.js';
import { formatArgv } from './escape.js';
import { statusRows } from './statusRows.js';
import {
  code,
  filteredTable,
  fmt,
  Ids,
  NONE,
  page,
  stepTrees,
  text,
  type Column,
} from './htmlParts.js';
import {
  FILE_GROUPS,
  type Capped,
  type FileEntry,
  type FileGroup,
  type FileLinkEntry,
  type FileMoveEntry,
  type ReportModel,
  type Samples,
} from './model.js';

/**
 * The report as one self-contained HTML page (report.html in the artifact):
 * the summary's tables with every row the model kept, a filter box above
 * each, and the process trees as collapsible lists. It loads nothing: inline
 * style and script only, and a policy that forbids anything else, so it reads
 * the same offline, from a downloaded artifact.
 *
 * Every job-controlled string goes through text() or code(), which make it
 * inert HTML; our own markup never takes a job string anywhere else (no
 * attributes, no script), and the model is not embedded: the script filters
 * the rows already on the page.
 */
export function renderHtml(model: ReportModel): string {
  const ids = new Ids();
  const body = [
    header(model),
    notes(model),
    overview(model, ids),
    section('Network destinations', network(model, ids)),
    section('Domains', domains(model, ids)),
    section('Processes', processes(model, ids)),
    section('Files', files(model, ids)),
    section('Unix sockets', unixSockets(model, ids)),
    section('Containers', containers(model, ids)),
  ];
  return page(`cicd-sensor report: ${text(model.job.name ?? model.job.id, 120)}`, body.join('\n'));
}

function section(title: string, html: string): string {
  return `<section>\n<h2>${title}</h2>\n${html}</section>`;
}

function header(model: ReportModel): string {
  const job = model.job;
  const facts = [
    job.workflow !== undefined ? `workflow <b>${text(job.workflow)}</b>` : '',
    job.repository !== undefined ? `repository <b>${text(job.repository)}</b>` : '',
    job.run_id !== undefined ? `run ${text(job.run_id)}` : '',
    job.run_attempt !== undefined ? `attempt ${text(job.run_attempt)}` : '',
  ].filter((f) => f !== '');
  const line = facts.length > 0 ? `<p>${facts.join(' · ')}</p>\n` : '';
  return `<h1>cicd-sensor report: ${text(job.name ?? job.id)}</h1>\n${line}${warnings(model).join('')}`;
}

function warnings(model: ReportModel): string[] {
  const { lostRecords, undecodable } = model.status;
  const out: string[] = [];
  const warn = (html: string) => out.push(`<p class="warning" role="alert">${html}</p>\n`);
  if (lostRecords > 0) {
    warn(
      `<b>${fmt(lostRecords)} records were lost in the kernel</b> (the ring buffer was full): ` +
        'activity is missing from this report and from events.ndjson.',
    );
  }
  if (undecodable > 0) {
    warn(`<b>${fmt(undecodable)} records could not be decoded</b> and are missing from this report.`);
  }
  if (model.endedEarly) warn('<b>The sensor stopped before the job ended</b>: later activity is missing.');
  return out;
}

/** Notes come from our own code, but may quote job strings; a bound all the same. */
const MAX_NOTES = 100;

function notes(model: ReportModel): string {
  if (model.notes.length === 0) return '';
  const items = model.notes.slice(0, MAX_NOTES).map((n) => `<li>${text(n, 500)}</li>`);
  const more = model.notes.length - MAX_NOTES;
  if (more > 0) items.push(`<li>…and ${fmt(more)} more notes in report.json</li>`);
  return `<ul class="notes">\n${items.join('\n')}\n</ul>\n`;
}

type Row = string[];

/** Columns for rows already rendered as cells, for the tables that are not capped collections. */
function rowColumns(headers: string[], numeric: number[] = []): Column<Row>[] {
  return headers.map((header, i) => ({ header, cell: (r: Row) => r[i], numeric: numeric.includes(i) }));
}

function overview(model: ReportModel, ids: Ids): string {
  const rows: Row[] = statusRows(model, (v) => text(v));
  const statusTable = filteredTable(ids.next('t'), 'status', rows, rowColumns(['Status', 'Value']));
  const plan = `<h3>Attach plan</h3>\n${attachPlan(model, ids)}`;
  return section('Overview', `${statusTable}${plan}<h3>Events per kind</h3>\n${eventsPerKind(model, ids)}`);
}

/** Not cut: as long as the list of hooks, which the sensor decides, not the job. */
function attachPlan(model: ReportModel, ids: Ids): string {
  const counters = new Map(model.status.hooks.map((h) => [h.hook, h]));
  const rows: Row[] = model.status.plan.map((p) => {
    const c = counters.get(p.hook);
    counters.delete(p.hook);
    const unavailable = (p.unavailable ?? []).map((u) => text(`${u.mechanism} ${u.target}: ${u.error}`));
    return [text(p.hook), text(p.mechanism), text(p.target), ...counterCells(c), unavailable.join('<br>')];
  });
  for (const c of counters.values()) rows.push([text(c.hook), 'not in plan', '', ...counterCells(c), '']);
  if (rows.length === 0) return '<p class="none">No hooks were planned.</p>\n';
  const headers = ['Hook', 'Mechanism', 'Target', 'Sent', 'Lost', 'Suppressed', 'Unavailable'];
  return filteredTable(ids.next('t'), 'hooks', rows, rowColumns(headers, [3, 4, 5]));
}

function counterCells(c: { sent: number; lost: number; suppressed: number } | undefined): string[] {
  return c === undefined ? ['', '', ''] : [fmt(c.sent), fmt(c.lost), fmt(c.suppressed)];
}

function eventsPerKind(model: ReportModel, ids: Ids): string {
  const byKind = model.events.byKind as Record<string, number>;
  const known: string[] = [...EVENT_KINDS];
  const kinds = [...known, ...Object.keys(byKind).filter((k) => !known.includes(k))];
  const rows = kinds.map((k) => [text(k), fmt(byKind[k] ?? 0)]);
  return filteredTable(ids.next('t'), 'kinds', rows, rowColumns(['Kind', 'Events'], [1]));
}

/** A capped collection's table: every item the model kept, up to the page's size budget. */
function cappedTable<T>(ids: Ids, label: string, c: Capped<T>, columns: Column<T>[]): string {
  return filteredTable(ids.next('t'), label, c.items, columns, c);
}

const count = <T extends { count: number }>(header: string): Column<T> => ({
  header,
  cell: (x) => fmt(x.count),
  numeric: true,
});

function samples(s: Samples, max = 100): string {
  const values = s.values.map((v) => text(v, max)).join(', ');
  return s.omitted > 0 ? `${values} (+${fmt(s.omitted)})` : values;
}

function network(model: ReportModel, ids: Ids): string {
  return cappedTable(ids, 'destinations', model.network, [
    { header: 'Protocol', cell: (n) => text(n.protocol) },
    { header: 'Address', cell: (n) => text(n.address) },
    { header: 'Port', cell: (n) => String(n.port), numeric: true },
    { header: 'Domain', cell: (n) => (n.domain === undefined ? '' : text(n.domain)) },
    count('Connections'),
    { header: 'First process', cell: (n) => code(n.execPath) },
    { header: 'Step', cell: (n) => text(n.step, 120) },
  ]);
}

function domains(model: ReportModel, ids: Ids): string {
  return cappedTable(ids, 'domains', model.domains, [
    { header: 'Domain', cell: (d) => text(d.name) },
    count('Seen'),
    { header: 'Sources', cell: (d) => d.sources.map((s) => text(s)).join(', ') },
    { header: 'Query types', cell: (d) => samples(d.queryTypes) },
    { header: 'Answers', cell: (d) => samples(d.answers) },
    { header: 'Processes', cell: (d) => samples(d.processes) },
  ]);
}

function processes(model: ReportModel, ids: Ids): string {
  const executables = cappedTable(ids, 'executables', model.processes.executables, [
    { header: 'Executable', cell: (x) => code(x.execPath) },
    count('Runs'),
    {
      header: 'Arguments (samples)',
      cell: (x) => {
        const argv = x.argvSamples.values.map((a) => code(formatArgv(a)));
        if (x.argvSamples.omitted > 0) argv.push(`+${fmt(x.argvSamples.omitted)} other argument lists`);
        return argv.join('<br>');
      },
    },
  ]);
  const trees = model.processes.trees;
  const intro = '<p>Processes of each step in the order they started.</p>\n';
  const moreSteps = `<p class="more">…and ${fmt(trees.omitted)} more steps only in events.ndjson.</p>\n`;
  const treeHtml =
    trees.items.length === 0 && trees.omitted === 0
      ? NONE
      : intro + stepTrees(ids.next('tree'), trees.items) + (trees.omitted > 0 ? moreSteps : '');
  return `<h3>Top executables</h3>\n${executables}<h3>Process trees</h3>\n${treeHtml}`;
}

const GROUP_TITLES: Record<FileGroup, string> = {
  workspace: 'workspace',
  temp: 'temp',
  home: 'home',
  proc: 'other process (/proc)',
  system: 'system',
};

const group = <T extends FileEntry>(): Column<T> => ({ header: 'Group', cell: (f) => GROUP_TITLES[f.group] });
const firstProcess = <T extends FileEntry>(): Column<T> => ({ header: 'First process', cell: (f) => code(f.execPath) });
const step = <T extends FileEntry>(): Column<T> => ({ header: 'Step', cell: (f) => text(f.step, 120) });
const path = <T extends FileEntry>(header: string): Column<T> => ({ header, cell: (f) => text(f.path) });
const target = <T extends FileMoveEntry>(header: string): Column<T> => ({ header, cell: (f) => text(f.targetPath) });

function files(model: ReportModel, ids: Ids): string {
  const { written, read, removed, moved, linked } = model.files;
  const plain = (c: string): Column<FileEntry>[] => [group(), path('Path'), count(c), firstProcess(), step()];
  const moveColumns: Column<FileMoveEntry>[] = [group(), path('From'), target('To'), count('Moves'), firstProcess()];
  const linkColumns: Column<FileLinkEntry>[] = [
    group(),
    target('New link'),
    path('Points to'),
    { header: 'Type', cell: (f) => text(f.linkType ?? '') },
    count('Links'),
    firstProcess(),
  ];
  return [
    '<p>Files are grouped by where they are: the workspace, temporary directories, home directories, ' +
      "other processes' /proc entries, and the rest of the system.</p>\n",
    fileSection(ids, 'Written', 'written files', written, plain('Opens')),
    fileSection(ids, 'Read (most read first)', 'read files', read, plain('Opens')),
    fileSection(ids, 'Removed', 'removed files', removed, plain('Removals')),
    fileSection(ids, 'Moved', 'moved files', moved, moveColumns),
    fileSection(ids, 'Linked', 'linked files', linked, linkColumns),
  ].join('');
}

/** One operation: a table with its rows in group order, most counted first within a group. */
function fileSection<T extends FileEntry>(
  ids: Ids,
  title: string,
  label: string,
  c: Capped<T>,
  columns: Column<T>[],
): string {
  const items = FILE_GROUPS.flatMap((g) => c.items.filter((f) => f.group === g));
  const counts = FILE_GROUPS.map((g) => [g, items.filter((f) => f.group === g).length] as const)
    .filter(([, n]) => n > 0)
    .map(([g, n]) => `${GROUP_TITLES[g]} ${fmt(n)}`);
  const summary = counts.length > 0 ? `<p>${counts.join(' · ')}</p>\n` : '';
  return `<h3>${title}</h3>\n${summary}${filteredTable(ids.next('t'), label, items, columns, c)}`;
}

const BYPASS = 'containers started this way are not attributed to the job';

function unixSockets(model: ReportModel, ids: Ids): string {
  const sockets = model.unixSockets;
  // Bypasses first, so that the size budget never hides one.
  const items = [...sockets.items].sort((a, b) => Number(b.bypass) - Number(a.bypass));
  const alert = items.some((u) => u.bypass)
    ? `<p class="warning" role="alert">The job used the docker daemon's socket directly: ${BYPASS}.</p>\n`
    : '';
  return (
    alert +
    cappedTable(ids, 'sockets', { ...sockets, items }, [
      { header: 'Socket', cell: (u) => text(u.path) },
      count('Connections'),
      { header: 'First process', cell: (u) => code(u.execPath) },
      { header: 'Step', cell: (u) => text(u.step, 120) },
      { header: 'Note', cell: (u) => (u.bypass ? `<span class="bypass">bypass</span>: ${BYPASS}` : '') },
    ])
  );
}

function containers(model: ReportModel, ids: Ids): string {
  return cappedTable(ids, 'containers', model.containers, [
    { header: 'Container', cell: (c) => code(c.id, 64) },
    { header: 'Name', cell: (c) => (c.name === undefined ? '' : text(c.name)) },
    { header: 'Image', cell: (c) => (c.image === undefined ? '' : text(c.image)) },
    count('Events'),
  ]);
}
