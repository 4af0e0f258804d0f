/**
 * The report as GitHub-flavoured markdown for the job's step summary: the
 * view (view/build.ts) formatted, never decided here. Job strings go through
 * mdCell/mdCode; the only HTML this emits is its own <code>, <b>, <br>,
 * <details> and <summary>.
 */
import { htmlText, mdCell, mdCode } from './escape.js';
import type { ReportModel } from './model.js';
import { fmt } from './numbers.js';
import { moreText, stepFacts } from './view/cells.js';
import { buildView } from './view/build.js';
import type { Alert, Block, Cell, ReportView, StepView, TableView, Tone } from './view/types.js';

/** Under GitHub's 1 MiB limit for one step's summary, with room for other writers. */
export const DEFAULT_MAX_BYTES = 1_000_000;

export interface MarkdownOptions {
  maxBytes?: number;
  /** Where the full data is, e.g. "artifact cicd-sensor-report (report.json, events.ndjson)". */
  artifactNote?: string;
}

/** How much of the view one rendering shows; shrunk until the output fits. */
interface Budget {
  rows: number;
  treeNodes: number;
}

/** A piece of the output that is kept or dropped whole, so no tag is left open. */
interface Piece {
  title: string;
  text: string;
  /** The verdict's headline and alerts: never left out. */
  keep?: boolean;
}

/**
 * Stays under `maxBytes` whatever the job did: first tables and trees show
 * fewer rows, then whole pieces are left out with a note saying which.
 */
export function renderMarkdown(model: ReportModel, opts: MarkdownOptions = {}, view: ReportView = buildView(model)): string {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let budget = fullBudget(view);
  for (;;) {
    const pieces = renderPieces(view, budget, opts);
    const size = piecesBytes(pieces);
    if (size <= maxBytes) return joinPieces(pieces);
    if (budget.rows === 1 && budget.treeNodes === 1) return fitPieces(model, pieces, maxBytes);
    budget = shrink(budget, maxBytes / size);
  }
}

function fullBudget(view: ReportView): Budget {
  const steps = view.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'trees' ? b.steps : []));
  return { rows: view.rowLimit, treeNodes: Math.max(1, ...steps.map((s) => s.nodes.length)) };
}

/** At least halves, and more when far over, so a pathological view costs a few renderings. */
function shrink(budget: Budget, ratio: number): Budget {
  const factor = Math.min(0.5, ratio);
  return {
    rows: Math.max(1, Math.floor(budget.rows * factor)),
    treeNodes: Math.max(1, Math.floor(budget.treeNodes * factor)),
  };
}

function renderPieces(view: ReportView, budget: Budget, opts: MarkdownOptions): Piece[] {
  const pieces: Piece[] = [{ title: 'Header', text: header(view), keep: true }];
  for (const section of view.sections) {
    const verdict = section.key === 'verdict';
    pieces.push({ title: section.title, text: `## ${section.title}\n`, keep: verdict });
    for (const block of section.blocks) {
      const keep = verdict && (block.type === 'headline' || block.type === 'alert');
      pieces.push(...blockPieces(section.title, block, budget).map((p) => ({ ...p, keep })));
    }
    if (section.key === 'verdict' && opts.artifactNote !== undefined) {
      pieces.push({ title: 'Artifact', text: `${htmlText(opts.artifactNote, 500)}\n` });
    }
  }
  return pieces.filter((p) => p.text !== '');
}

function header(view: ReportView): string {
  const facts = view.facts.map((f) => `${f.label} <b>${htmlText(f.value)}</b>`).join(' · ');
  return `# cicd-sensor report: ${htmlText(view.title)}\n${facts === '' ? '' : `\n${facts}\n`}`;
}

function blockPieces(section: string, block: Block, budget: Budget): Piece[] {
  switch (block.type) {
    case 'headline':
      return [{ title: section, text: callout(block.tone, `<b>${htmlText(block.text, 1000)}</b>`) }];
    case 'alert':
      return [{ title: section, text: alert(block.alert) }];
    case 'text':
      return [{ title: section, text: `${htmlText(block.text, 1000)}\n` }];
    case 'list':
      return [{ title: block.title, text: list(block.title, block.items, block.more) }];
    case 'glossary':
      return [{ title: block.title, text: glossary(block) }];
    case 'code':
      // <pre>, not a fence: the summary holds no backticks (see escape.ts); every line is escaped.
      return [{ title: block.title, text: `<b>${htmlText(block.title, 300)}</b>\n\n<pre>\n${block.lines.map((l) => htmlText(l, 1000)).join('\n')}\n</pre>\n` }];
    case 'table':
      return [{ title: block.table.title ?? section, text: table(block.table, budget.rows) }];
    case 'trees':
      return block.steps.map((s) => ({ title: `Process tree of ${s.label}`, text: stepTree(s, budget.treeNodes) }));
    case 'timeline':
    case 'events':
      // The summary's findings name their event by seq, its line in events.ndjson; the JSON is on the page.
      return [];
  }
}

const CALLOUTS: Record<Tone, string> = { bad: 'CAUTION', warn: 'WARNING', ok: 'TIP', info: 'NOTE' };

function callout(tone: Tone, html: string): string {
  return `> [!${CALLOUTS[tone]}]\n> ${html}\n`;
}

function alert(a: Alert): string {
  const title = a.title === '' ? '' : `<b>${htmlText(a.title, 300)}</b>`;
  return callout(a.tone, `${title}${htmlText(a.text, 1000)}`);
}

function list(title: string, items: string[], more: number): string {
  const lines = items.map((n) => `- ${htmlText(n, 500)}`);
  if (more > 0) lines.push(`- …and ${fmt(more)} more in report.json`);
  return `<b>${htmlText(title)}</b>\n\n${lines.join('\n')}\n`;
}

function glossary(block: Extract<Block, { type: 'glossary' }>): string {
  const lines = block.entries.map((e) => `- <b>${htmlText(e.term)}</b>: ${htmlText(e.text, 1000)}`);
  return `<details><summary>${htmlText(block.title)}</summary>\n\n${lines.join('\n')}\n\n</details>\n`;
}

function cell(c: Cell): string {
  const max = Math.min(120, c.max ?? 120);
  const one = (s: string) => (c.code === true ? mdCode(s, max) : mdCell(s, max));
  const text = [c.text, ...(c.lines ?? [])].filter((s) => s !== '').map(one).join('<br>');
  return c.tone === 'bad' && text !== '' ? `<b>${text}</b>` : text;
}

function table(t: TableView, rows: number): string {
  const title = t.title === undefined ? '' : `### ${t.title}\n\n`;
  if (t.rows.length === 0 && t.cut === undefined) return t.empty === '' ? '' : `${title}_${t.empty}_\n`;
  const shown = t.rows.slice(0, Math.max(rows, t.pinned ?? 0));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = [
    line(t.columns.map((c) => c.title)),
    line(t.columns.map((c) => (c.num === true ? '---:' : '---'))),
    ...shown.map((r) => line(t.columns.map((_, i) => (r.cells[i] === undefined ? '' : cell(r.cells[i]))))),
  ];
  const more = moreText(t.rows.length - shown.length, t.cut, 'report.json and report.html');
  return `${title}${lines.join('\n')}\n${more === undefined ? '' : `\n_${more}_\n`}`;
}

/** Deeper levels are drawn at this depth: GitHub stops nesting lists, and indentation costs bytes. */
const MAX_DEPTH = 10;

function stepTree(step: StepView, maxNodes: number): string {
  const shown = step.nodes.slice(0, maxNodes);
  const lines = shown.map((n) => {
    const indent = '  '.repeat(Math.min(n.depth, MAX_DEPTH));
    const deep = n.depth > MAX_DEPTH ? `(depth ${n.depth}) ` : '';
    const exec = n.sameProcess ? 'exec → ' : '';
    const activity = n.activity === '' ? '' : ` · ${n.activity}`;
    const facts = n.tone === 'bad' ? `<b>${n.facts}</b>` : n.facts;
    return `${indent}- ${deep}${exec}${mdCode(n.execPath)} ${mdCode(n.argv)} · ${facts}${activity}`;
  });
  const more = moreText(step.nodes.length - shown.length, undefined, 'report.json and report.html');
  const later = step.omittedNodes > 0 ? `\n_…and ${fmt(step.omittedNodes)} later processes only in events.ndjson._\n` : '';
  const summary = `${htmlText(step.label, 120)} — ${stepFacts(step)}`;
  return (
    `<details><summary>${summary}</summary>\n\n${lines.join('\n')}\n` +
    `${more === undefined ? '' : `\n_${more}_\n`}${later}\n</details>\n`
  );
}

function joinPieces(pieces: Piece[]): string {
  return pieces.map((p) => p.text).join('\n');
}

const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');
const SEPARATOR_BYTES = 1;
const TITLES_IN_NOTE = 5;

function piecesBytes(pieces: Piece[]): number {
  return pieces.reduce((n, p) => n + byteLength(p.text) + SEPARATOR_BYTES, -SEPARATOR_BYTES);
}

/**
 * Keeps the header and the verdict, then whole pieces in order while they
 * fit together with a note saying what was left out. A piece that does not fit is skipped
 * rather than ending the report, so that the short sections at the end
 * survive a huge file list.
 */
function fitPieces(model: ReportModel, pieces: Piece[], maxBytes: number): string {
  const kept = new Set(pieces.filter((p) => p.keep === true));
  let used = [...kept].reduce((n, p) => n + SEPARATOR_BYTES + byteLength(p.text), 0);
  const optional = pieces.filter((p) => p.keep !== true);
  for (const piece of optional) {
    const size = SEPARATOR_BYTES + byteLength(piece.text);
    if (used + size <= maxBytes) {
      kept.add(piece);
      used += size;
    }
  }
  const dropped = () => optional.filter((p) => !kept.has(p));
  let note = truncationNote(optional, dropped(), maxBytes);
  for (let i = optional.length - 1; i >= 0 && used + SEPARATOR_BYTES + byteLength(note) > maxBytes; i--) {
    if (!kept.delete(optional[i])) continue;
    used -= SEPARATOR_BYTES + byteLength(optional[i].text);
    note = truncationNote(optional, dropped(), maxBytes);
  }
  const [head, ...rest] = pieces.filter((p) => kept.has(p));
  const text = joinPieces([head, { title: 'Left out', text: note }, ...rest]);
  return byteLength(text) <= maxBytes ? text : fallback(model, maxBytes);
}

function truncationNote(all: Piece[], dropped: Piece[], maxBytes: number): string {
  const gone = new Set(dropped);
  const inOrder = [...new Set(all.filter((p) => gone.has(p)).map((p) => htmlText(p.title, 60)))];
  const named = inOrder.slice(0, TITLES_IN_NOTE).join(', ');
  const more = inOrder.length > TITLES_IN_NOTE ? ` and ${inOrder.length - TITLES_IN_NOTE} more` : '';
  return (
    `> [!NOTE]\n> Left out to keep this summary under ${fmt(maxBytes)} bytes: ${named}${more}. ` +
    'report.json and report.html have everything.\n'
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
