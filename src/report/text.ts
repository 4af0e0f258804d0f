/**
 * A compact plain-text summary for a terminal: the view (view/build.ts)
 * formatted. Job strings go through plainText, so an escape sequence in an
 * argv shows as `\x1B` instead of driving the terminal.
 */
import { plainText } from './escape.js';
import type { ReportModel } from './model.js';
import { moreText, stepFacts } from './view/cells.js';
import { buildView } from './view/build.js';
import type { Block, Cell, ReportView, TableView } from './view/types.js';

/** Lines per list: the terminal summary points at the files for the rest. */
const TEXT_ROWS = 10;
const MARKS = { bad: '!!', warn: '! ', ok: 'ok', info: '- ' } as const;

export function renderText(model: ReportModel, view: ReportView = buildView(model)): string {
  const rows = Math.min(TEXT_ROWS, view.rowLimit);
  const facts = view.facts.map((f) => `${f.label} ${plainText(f.value)}`).join(', ');
  const lines = [`cicd-sensor report: ${plainText(view.title)}${facts === '' ? '' : ` (${facts})`}`];
  for (const section of view.sections) {
    lines.push('', `${section.title.toUpperCase()}`);
    for (const block of section.blocks) lines.push(...blockLines(block, rows));
  }
  return `${lines.join('\n')}\n`;
}

function blockLines(block: Block, rows: number): string[] {
  switch (block.type) {
    case 'headline':
      return [`${MARKS[block.tone]} ${plainText(block.text, 1000)}`];
    case 'alert':
      return [`${MARKS[block.alert.tone]} ${plainText(block.alert.title + block.alert.text, 1000)}`];
    case 'text':
    case 'glossary':
      return [];
    case 'code':
      return [`${block.title}:`, ...block.lines.map((l) => `  ${plainText(l, 1000)}`)];
    case 'list':
      return [`${block.title}:`, ...block.items.slice(0, rows).map((n) => `  - ${plainText(n, 500)}`)];
    case 'table':
      return tableLines(block.table, rows);
    case 'trees':
      return block.steps.map((s) => `  ${plainText(s.label, 120)}: ${stepFacts(s)}`);
    case 'timeline':
    case 'events':
      return [];
  }
}

function cellText(c: Cell): string {
  const max = Math.min(120, c.max ?? 120);
  return [c.text, ...(c.lines ?? [])].filter((s) => s !== '').map((s) => plainText(s, max)).join(', ');
}

function tableLines(t: TableView, rows: number): string[] {
  const title = t.title === undefined ? [] : [`${t.title}:`];
  if (t.rows.length === 0 && t.cut === undefined) return t.empty === '' ? [] : [...title, `  ${t.empty}`];
  const shown = t.rows.slice(0, Math.max(rows, t.pinned ?? 0));
  const lines = shown.map((r) => {
    const [first, ...rest] = r.cells.map(cellText);
    const mark = r.tone === 'bad' ? '!! ' : '';
    return `  ${mark}${first}  ${rest.filter((s) => s !== '').join('  ')}`.trimEnd();
  });
  const more = moreText(t.rows.length - shown.length, t.cut, 'report.json');
  if (more !== undefined) lines.push(`  ${more}`);
  return [...title, ...lines];
}

