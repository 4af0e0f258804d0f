import { formatArgv, htmlText, mdCell, mdCode } from './escape.js';
import { fmt } from './numbers.js';
import { statusRows } from './statusRows.js';
import {
  FILE_GROUPS,
  type Capped,
  type FileEntry,
  type FileGroup,
  type FileLinkEntry,
  type FileMoveEntry,
  type ReportModel,
  type Samples,
  type StepTree,
  type TreeNode,
} from './model.js';
import { EVENT_KINDS } from '../events/eventRecord.js';

/** Under GitHub's 1 MiB limit for one step's summary, with room for other writers. */
export const DEFAULT_MAX_BYTES = 1_000_000;

export interface MarkdownOptions {
  maxBytes?: number;
  /** Where the full data is, e.g. "artifact cicd-sensor-report (report.json, events.ndjson)". */
  artifactNote?: string;
}

/** How much of the model one rendering shows; shrunk until the output fits. */
interface Budget {
  rows: number;
  treeNodes: number;
}

/** A piece of the output that is kept or dropped whole, so no tag is left open. */
interface Block {
  title: string;
  text: string;
}

/**
 * The report as GitHub-flavoured markdown for the job's step summary. It
 * stays under `maxBytes` whatever the job did: first tables and trees show
 * fewer rows, then whole blocks are left out with a note saying which.
 */
export function renderMarkdown(model: ReportModel, opts: MarkdownOptions = {}): string {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let budget = fullBudget(model);
  for (;;) {
    const blocks = renderBlocks(model, budget, opts);
    const size = blocksBytes(blocks);
    if (size <= maxBytes) return joinBlocks(blocks);
    if (budget.rows === 1 && budget.treeNodes === 1) return fitBlocks(model, blocks, maxBytes);
    budget = shrink(budget, maxBytes / size);
  }
}

function fullBudget(model: ReportModel): Budget {
  const mostNodes = Math.max(1, ...model.processes.trees.items.map((t) => t.nodes.length));
  return { rows: Math.max(1, model.rowLimit), treeNodes: mostNodes };
}

/**
 * At least halves, and more when the output is far over the limit, so that a
 * pathological model costs a few renderings rather than one per halving.
 */
function shrink(budget: Budget, ratio: number): Budget {
  const factor = Math.min(0.5, ratio);
  return {
    rows: Math.max(1, Math.floor(budget.rows * factor)),
    treeNodes: Math.max(1, Math.floor(budget.treeNodes * factor)),
  };
}

function renderBlocks(model: ReportModel, budget: Budget, opts: MarkdownOptions): Block[] {
  return [
    { title: 'Header', text: header(model) },
    { title: 'Notes', text: notes(model, opts) },
    { title: 'Overview', text: overview(model) },
    { title: 'Egress', text: egressSection(model, budget) },
    { title: 'Network destinations', text: networkSection(model, budget) },
    { title: 'Domains', text: domainSection(model, budget) },
    { title: 'Processes', text: executablesSection(model, budget) },
    ...treeBlocks(model, budget),
    ...fileBlocks(model, budget),
    { title: 'Unix sockets', text: unixSocketSection(model, budget) },
    { title: 'Containers', text: containerSection(model, budget) },
  ].filter((b) => b.text !== '');
}

function joinBlocks(blocks: Block[]): string {
  return blocks.map((b) => b.text).join('\n');
}

function blocksBytes(blocks: Block[]): number {
  return blocks.reduce((n, b) => n + byteLength(b.text) + SEPARATOR_BYTES, -SEPARATOR_BYTES);
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

const SEPARATOR_BYTES = 1;
const TITLES_IN_NOTE = 5;

/**
 * Keeps the header with its warnings, then whole blocks in order while they
 * fit together with a note saying what was left out. A block that does not
 * fit is skipped rather than ending the report, so that the short sections
 * at the end (the docker socket bypass) survive a huge file list.
 */
function fitBlocks(model: ReportModel, blocks: Block[], maxBytes: number): string {
  const [head, ...rest] = blocks;
  const kept: Block[] = [];
  const dropped: Block[] = [];
  let used = byteLength(head.text);
  for (const block of rest) {
    const size = SEPARATOR_BYTES + byteLength(block.text);
    if (used + size <= maxBytes) {
      kept.push(block);
      used += size;
    } else {
      dropped.push(block);
    }
  }
  let note = truncationNote(rest, dropped, maxBytes);
  while (kept.length > 0 && used + SEPARATOR_BYTES + byteLength(note) > maxBytes) {
    const last = kept.pop() as Block;
    used -= SEPARATOR_BYTES + byteLength(last.text);
    dropped.push(last);
    note = truncationNote(rest, dropped, maxBytes);
  }
  const text = joinBlocks([head, { title: 'Left out', text: note }, ...kept]);
  return byteLength(text) <= maxBytes ? text : fallback(model, maxBytes);
}

function truncationNote(all: Block[], dropped: Block[], maxBytes: number): string {
  const inOrder = all.filter((b) => dropped.includes(b)).map((b) => htmlText(b.title, 60));
  const named = inOrder.slice(0, TITLES_IN_NOTE).join(', ');
  const more = inOrder.length > TITLES_IN_NOTE ? ` and ${inOrder.length - TITLES_IN_NOTE} more` : '';
  return (
    `> [!NOTE]\n> Left out to keep this summary under ${fmt(maxBytes)} bytes: ${named}${more}. ` +
    'report.json has everything.\n'
  );
}

/** When not even the header fits: plain ASCII, so cutting it anywhere is safe. */
function fallback(model: ReportModel, maxBytes: number): string {
  const lost = model.status.lostRecords;
  const text =
    '# cicd-sensor report\n\n' +
    (lost > 0 ? `**${lost} records were lost in the kernel.**\n\n` : '') +
    'The report is too large for the step summary; see report.json.\n';
  return text.slice(0, Math.max(0, maxBytes));
}

function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

const NONE = '_None observed._\n';

/**
 * Says how many entries the table did not show: those still in report.json,
 * and those the model itself left out (only in events.ndjson).
 */
function moreLine(shown: number, kept: number, capped?: Capped<unknown>): string {
  const parts: string[] = [];
  if (kept > shown) parts.push(`${fmt(kept - shown)} more in report.json`);
  if (capped !== undefined && capped.omitted > 0) {
    const about = capped.omittedEstimated ? 'about ' : '';
    const events = fmt(capped.omittedEvents);
    parts.push(`${about}${fmt(capped.omitted)} more (${events} events) only in events.ndjson`);
  }
  return parts.length === 0 ? '' : `\n_…and ${parts.join('; ')}._\n`;
}

/** A capped collection as a table of at most `rows` rows, or "none observed". */
function cappedTable<T>(c: Capped<T>, rows: number, headers: string[], row: (item: T) => string[]): string {
  if (c.items.length === 0 && c.omitted === 0) return NONE;
  const shown = c.items.slice(0, rows);
  return table(headers, shown.map(row)) + moreLine(shown.length, c.items.length, c);
}

function samples(s: Samples, max = 80): string {
  const values = s.values.map((v) => mdCell(v, max)).join(', ');
  return s.omitted > 0 ? `${values} (+${fmt(s.omitted)})` : values;
}

function header(model: ReportModel): string {
  const job = model.job;
  const facts = [
    job.workflow !== undefined ? `workflow <b>${htmlText(job.workflow)}</b>` : '',
    job.repository !== undefined ? `repository <b>${htmlText(job.repository)}</b>` : '',
    job.run_id !== undefined ? `run ${htmlText(job.run_id)}` : '',
    job.run_attempt !== undefined ? `attempt ${htmlText(job.run_attempt)}` : '',
  ].filter((f) => f !== '');
  const title = `# cicd-sensor report: ${htmlText(job.name ?? job.id)}\n`;
  const line = facts.length > 0 ? `\n${facts.join(' · ')}\n` : '';
  return [title + line, ...warnings(model)].join('\n');
}

function warnings(model: ReportModel): string[] {
  const { lostRecords, undecodable } = model.status;
  const out: string[] = [];
  if (lostRecords > 0) {
    out.push(
      `> [!WARNING]\n> **${fmt(lostRecords)} records were lost in the kernel** (the ring buffer was full): ` +
        'activity is missing from this report and from events.ndjson.\n',
    );
  }
  if (undecodable > 0) {
    out.push(
      `> [!WARNING]\n> **${fmt(undecodable)} records could not be decoded** and are missing from this report.\n`,
    );
  }
  if (model.endedEarly) {
    out.push('> [!WARNING]\n> **The sensor stopped before the job ended**: later activity is missing.\n');
  }
  return out;
}

const MAX_NOTES = 20;

function notes(model: ReportModel, opts: MarkdownOptions): string {
  const lines = model.notes.slice(0, MAX_NOTES).map((n) => `- ${htmlText(n, 500)}`);
  const more = model.notes.length - MAX_NOTES;
  if (more > 0) lines.push(`- …and ${fmt(more)} more notes in report.json`);
  if (opts.artifactNote !== undefined) lines.push(`- ${htmlText(opts.artifactNote, 500)}`);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function overview(model: ReportModel): string {
  const rows = statusRows(model, (v) => mdCell(v));
  const statusTable = table(['Status', 'Value'], rows);
  return ['## Overview\n', statusTable, attachPlan(model), eventsPerKind(model)].join('\n');
}

/**
 * The sensor's own tables are not cut to the row limit: they are as long as
 * the list of hooks, which the sensor decides, not the job.
 */
function attachPlan(model: ReportModel): string {
  const counters = new Map(model.status.hooks.map((h) => [h.hook, h]));
  const rows = model.status.plan.map((p) => {
    const c = counters.get(p.hook);
    counters.delete(p.hook);
    const unavailable = (p.unavailable ?? []).map((u) => mdCell(`${u.mechanism} ${u.target}: ${u.error}`));
    const where = [mdCell(p.hook), mdCell(p.mechanism), mdCell(p.target)];
    return [...where, ...counterCells(c), unavailable.join('<br>')];
  });
  for (const c of counters.values()) rows.push([mdCell(c.hook), 'not in plan', '', ...counterCells(c), '']);
  if (rows.length === 0) return '### Attach plan\n\n_No hooks were planned._\n';
  const headers = ['Hook', 'Mechanism', 'Target', 'Sent', 'Lost', 'Suppressed', 'Unavailable'];
  return `### Attach plan\n\n${table(headers, rows)}`;
}

function counterCells(c: { sent: number; lost: number; suppressed: number } | undefined): string[] {
  return c === undefined ? ['', '', ''] : [fmt(c.sent), fmt(c.lost), fmt(c.suppressed)];
}

function eventsPerKind(model: ReportModel): string {
  const byKind = model.events.byKind;
  const known: string[] = [...EVENT_KINDS];
  const kinds = [...known, ...Object.keys(byKind).filter((k) => !known.includes(k))];
  const rows = kinds.map((k) => [mdCell(k), fmt((byKind as Record<string, number>)[k] ?? 0)]);
  return `### Events per kind\n\n${table(['Kind', 'Events'], rows)}`;
}

function networkSection(model: ReportModel, budget: Budget): string {
  const headers = ['Protocol', 'Address', 'Port', 'Domain', 'Connections', 'First process', 'Step'];
  const body = cappedTable(model.network, budget.rows, headers, (n) => [
    mdCell(n.protocol),
    mdCell(n.address),
    String(n.port),
    n.domain === undefined ? '' : mdCell(n.domain),
    fmt(n.count),
    mdCode(n.execPath),
    mdCell(n.step, 80),
  ]);
  return `## Network destinations\n\n${body}`;
}

/** What the egress policy refused (or would have), and the allowed-endpoints that let this run pass. */
function egressSection(model: ReportModel, budget: Budget): string {
  const egress = model.egress;
  if (!egress) return '';
  const out = ['## Egress'];
  if (egress.outside.items.length) {
    const headers = ['Destination', 'Via', 'Verdict', 'Attempts', 'Process', 'Step'];
    out.push(cappedTable(egress.outside, budget.rows, headers, (x) => [
      mdCell(x.destination),
      x.via,
      x.blocked ? 'refused' : 'outside the policy (audit)',
      fmt(x.count),
      mdCode(x.execPath),
      mdCell(x.step, 80),
    ]));
  }
  // A <pre> rather than a fence: the summary holds no backticks (see escape.ts); every line is escaped anyway.
  const lines = egress.recommended.trimEnd().split('\n').map((l) => htmlText(l, 1000));
  out.push('Recommended <code>allowed-endpoints</code> (exactly what this run used; also <code>allowed-endpoints.txt</code> in the artifact):');
  out.push(`<pre>\n${lines.join('\n')}\n</pre>`);
  return `${out.join('\n\n')}\n`;
}

function domainSection(model: ReportModel, budget: Budget): string {
  const headers = ['Domain', 'Seen', 'Sources', 'Query types', 'Answers', 'Processes'];
  const body = cappedTable(model.domains, budget.rows, headers, (d) => [
    mdCell(d.name),
    fmt(d.count),
    d.sources.map((s) => mdCell(s)).join(', '),
    samples(d.queryTypes),
    samples(d.answers),
    samples(d.processes),
  ]);
  return `## Domains\n\n${body}`;
}

function executablesSection(model: ReportModel, budget: Budget): string {
  const headers = ['Executable', 'Runs', 'Arguments (samples)'];
  const body = cappedTable(model.processes.executables, budget.rows, headers, (x) => {
    const argv = x.argvSamples.values.map((a) => mdCode(formatArgv(a)));
    if (x.argvSamples.omitted > 0) argv.push(`+${fmt(x.argvSamples.omitted)} other argument lists`);
    return [mdCode(x.execPath), fmt(x.count), argv.join('<br>')];
  });
  return `## Processes\n\n### Top executables\n\n${body}`;
}

function treeBlocks(model: ReportModel, budget: Budget): Block[] {
  const trees = model.processes.trees;
  const kept = trees.items.length;
  const intro =
    kept === 0 && trees.omitted === 0
      ? NONE
      : `Processes of each step in the order they started.\n${moreLine(kept, kept, trees)}`;
  return [
    { title: 'Process trees', text: `### Process trees\n\n${intro}` },
    ...trees.items.map((t) => ({ title: `Process tree of ${t.label}`, text: stepTree(t, budget.treeNodes) })),
  ];
}

/** Deeper levels are drawn at this depth: GitHub stops nesting lists, and indentation costs bytes. */
const MAX_DEPTH = 10;

function stepTree(tree: StepTree, maxNodes: number): string {
  const lines = treeLines(tree.nodes, maxNodes);
  const processes = tree.count === 1 ? '1 process' : `${fmt(tree.count)} processes`;
  const more = moreLine(lines.length, tree.nodes.length);
  const omitted =
    tree.omitted > 0 ? `\n_…and ${fmt(tree.omitted)} later processes only in events.ndjson._\n` : '';
  return (
    `<details><summary>${htmlText(tree.label, 120)} — ${processes}</summary>\n\n` +
    `${lines.join('\n')}\n${more}${omitted}\n</details>\n`
  );
}

/** The first `maxNodes` nodes in depth-first order, as a nested list. */
function treeLines(nodes: TreeNode[], maxNodes: number): string[] {
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  nodes.forEach((n, i) => {
    if (n.parent === undefined || n.parent >= i) roots.push(i);
    else if (children.has(n.parent)) children.get(n.parent)?.push(i);
    else children.set(n.parent, [i]);
  });
  const lines: string[] = [];
  const stack: [number, number][] = roots.reverse().map((i) => [i, 0]);
  while (stack.length > 0 && lines.length < maxNodes) {
    const [index, depth] = stack.pop() as [number, number];
    lines.push(nodeLine(nodes[index], depth));
    for (const child of (children.get(index) ?? []).reverse()) stack.push([child, depth + 1]);
  }
  return lines;
}

function nodeLine(node: TreeNode, depth: number): string {
  const indent = '  '.repeat(Math.min(depth, MAX_DEPTH));
  const deep = depth > MAX_DEPTH ? `(depth ${depth}) ` : '';
  const exec = node.sameProcess === true ? 'exec → ' : '';
  const facts = [`pid ${node.pid}`];
  if (node.exitCode !== undefined) facts.push(`exit ${node.exitCode}`);
  if (node.exitSignal !== undefined) facts.push(`signal ${node.exitSignal}`);
  const argv = mdCode(formatArgv(node.argv));
  return `${indent}- ${deep}${exec}${mdCode(node.execPath)} ${argv} · ${facts.join(', ')}`;
}

const GROUP_TITLES: Record<FileGroup, string> = {
  workspace: 'Workspace',
  temp: 'Temporary directories',
  home: 'Home directories',
  proc: 'Other processes (/proc)',
  system: 'System',
};

const fileRow = (f: FileEntry) => [mdCell(f.path), fmt(f.count), mdCode(f.execPath), mdCell(f.step, 80)];

const moveRow = (f: FileMoveEntry) => [mdCell(f.path), mdCell(f.targetPath), fmt(f.count), mdCode(f.execPath)];

const linkRow = (f: FileLinkEntry) => [
  mdCell(f.targetPath),
  mdCell(f.path),
  mdCell(f.linkType ?? ''),
  fmt(f.count),
  mdCode(f.execPath),
];

function fileBlocks(model: ReportModel, budget: Budget): Block[] {
  const { written, read, removed, moved, linked } = model.files;
  const rows = budget.rows;
  const plain = (count: string) => ['Path', count, 'First process', 'Step'];
  const moveHeaders = ['From', 'To', 'Moves', 'First process'];
  const linkHeaders = ['New link', 'Points to', 'Type', 'Links', 'First process'];
  return [
    { title: 'Files', text: '## Files\n' },
    { title: 'Files written', text: fileSection('Written', written, rows, plain('Opens'), fileRow) },
    { title: 'Files read', text: fileSection('Read (most read first)', read, rows, plain('Opens'), fileRow) },
    { title: 'Files removed', text: fileSection('Removed', removed, rows, plain('Removals'), fileRow) },
    { title: 'Files moved', text: fileSection('Moved', moved, rows, moveHeaders, moveRow) },
    { title: 'Files linked', text: fileSection('Linked', linked, rows, linkHeaders, linkRow) },
  ];
}

/** One file operation, a table per group. */
function fileSection<T extends FileEntry>(
  title: string,
  files: Capped<T>,
  rows: number,
  headers: string[],
  row: (f: T) => string[],
): string {
  if (files.items.length === 0 && files.omitted === 0) return `### ${title}\n\n${NONE}`;
  const groups = FILE_GROUPS.map((g) => {
    const items = files.items.filter((f) => f.group === g);
    if (items.length === 0) return '';
    const shown = items.slice(0, rows);
    const heading = `#### ${GROUP_TITLES[g]} (${fmt(items.length)})\n\n`;
    return heading + table(headers, shown.map(row)) + moreLine(shown.length, items.length);
  });
  const omitted = moreLine(0, 0, files);
  return [`### ${title}\n`, ...groups.filter((g) => g !== ''), omitted].filter((s) => s !== '').join('\n');
}

function unixSocketSection(model: ReportModel, budget: Budget): string {
  const sockets = model.unixSockets;
  // Bypasses first, so the row limit never hides one.
  const items = [...sockets.items].sort((a, b) => Number(b.bypass) - Number(a.bypass));
  const alert = items.some((u) => u.bypass)
    ? "> [!WARNING]\n> The job used the docker daemon's socket directly: " +
      'containers started this way are not attributed to the job.\n\n'
    : '';
  const headers = ['Socket', 'Connections', 'First process', 'Step', 'Note'];
  const body = cappedTable({ ...sockets, items }, budget.rows, headers, (u) => [
    mdCell(u.path),
    fmt(u.count),
    mdCode(u.execPath),
    mdCell(u.step, 80),
    u.bypass ? '**bypass**: containers started this way are not attributed' : '',
  ]);
  return `## Unix sockets\n\n${alert}${body}`;
}

function containerSection(model: ReportModel, budget: Budget): string {
  const headers = ['Container', 'Name', 'Image', 'Events'];
  const body = cappedTable(model.containers, budget.rows, headers, (c) => [
    mdCode(c.id, 64),
    c.name === undefined ? '' : mdCell(c.name),
    c.image === undefined ? '' : mdCell(c.image),
    fmt(c.count),
  ]);
  return `## Containers\n\n${body}`;
}
