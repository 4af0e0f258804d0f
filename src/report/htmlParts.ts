/** The HTML page's building blocks: escaping of job strings, a size budget, and tables with filters. */
import { htmlText } from './escape.js';
import { fmt } from './numbers.js';
import { moreText } from './view/cells.js';
import type { Cell, Row, TableView, Tone } from './view/types.js';

/**
 * Job strings shown in a cell are cut to this many characters; report.json
 * keeps them whole. Longer than the summary's cut, as a page has the room.
 */
export const CELL_CHARS = 300;

/**
 * A job string as inert HTML text. htmlText turns every character that could
 * open a tag, an entity or a quoted attribute into an entity, so its output is
 * safe in element content and in a quoted attribute value alike.
 */
export function text(s: string, max = CELL_CHARS): string {
  return htmlText(s, max);
}

export function code(s: string, max = CELL_CHARS): string {
  return `<code>${htmlText(s, max)}</code>`;
}

/** Our own ids (letters, digits, dashes): checked, since they go into attributes unescaped. */
export function id(s: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(s)) throw new Error(`not an element id: ${s}`);
  return s;
}

export const toneClass = (tone: Tone | undefined): string => (tone === undefined ? '' : ` class="tone-${tone}"`);

/**
 * Bytes the page may still spend. The model is capped in entries, but a
 * hostile job can make every entry a long run of escaped characters; so each
 * table and the trees stop at a share of what is left, and the page stays
 * under about 5 MB whatever the job did.
 */
export class PageBudget {
  constructor(private left: number) {}

  /** What one part may spend: at most `cap`, and never all that is left. */
  share(cap: number): number {
    return Math.max(0, Math.min(cap, this.left));
  }

  spend(bytes: number): void {
    this.left -= bytes;
  }
}

export const TABLE_BYTES = 600_000;
export const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

function cellHtml(c: Cell): string {
  const max = Math.min(CELL_CHARS, c.max ?? CELL_CHARS);
  const one = (s: string) => (c.code === true ? code(s, max) : text(s, max));
  const parts = [c.text, ...(c.lines ?? [])].filter((s) => s !== '').map(one);
  const inner = parts.join('<br>');
  return c.link === undefined ? inner : `<a href="#${id(c.link)}">${inner}</a>`;
}

const PATHS_SHOWN = 50;

/** A summarised row's first cell opens to what it stands for. */
function firstCell(row: Row): string {
  const first = cellHtml(row.cells[0]);
  if (row.detail === undefined) return first;
  const paths = row.detail.lines.slice(0, PATHS_SHOWN).map((p) => `<li>${code(p)}</li>`);
  if (row.detail.more > 0) paths.push(`<li class="more">…and ${fmt(row.detail.more)} more</li>`);
  return `<details><summary>${first}</summary><ul class="paths">${paths.join('')}</ul></details>`;
}

function rowHtml(t: TableView, row: Row): string {
  const cells = t.columns.map((col, i) => {
    const c = row.cells[i];
    const cls = [col.num === true ? 'n' : '', col.nowrap === true ? 'nw' : '', c?.code === true ? 'c' : '', c?.tone !== undefined ? `tone-${c.tone}` : ''].filter((x) => x !== '');
    const attr = cls.length > 0 ? ` class="${cls.join(' ')}"` : '';
    const html = c === undefined ? '' : i === 0 ? firstCell(row) : cellHtml(c);
    return `<td${attr}>${html}</td>`;
  });
  const rowId = row.id === undefined ? '' : ` id="${id(row.id)}"`;
  return `<tr${rowId}${toneClass(row.tone)}>${cells.join('')}</tr>`;
}

function facetSelect(t: TableView, tableId: string): string {
  if (t.facet === undefined) return '';
  const column = t.columns[t.facet];
  const values = [...new Set(t.rows.map((r) => r.cells[t.facet as number]?.text ?? ''))].filter((v) => v !== '').sort();
  if (values.length < 2) return '';
  const options = values.map((v) => `<option value="${text(v)}">${text(v)}</option>`).join('');
  return (
    ` <select data-facet="${tableId}" data-col="${t.facet}" aria-label="Show only rows whose ${column.title.toLowerCase()} is">` +
    `<option value="">Any ${column.title.toLowerCase()}</option>${options}</select>`
  );
}

/** A table with a filter box (and a choice of one column's values) above it. */
export function tableHtml(t: TableView, budget: PageBudget): string {
  const title = t.title === undefined ? '' : `<h3>${text(t.title)}</h3>\n`;
  if (t.rows.length === 0 && t.cut === undefined) return t.empty === '' ? '' : `${title}<p class="none">${text(t.empty)}</p>\n`;
  const tableId = id(`t-${t.key}`);
  const limit = budget.share(TABLE_BYTES);
  const rows: string[] = [];
  let used = 0;
  for (const [i, row] of t.rows.entries()) {
    const html = rowHtml(t, row);
    const size = byteLength(html) + 1;
    if (i >= (t.pinned ?? 0) && rows.length > 0 && used + size > limit) break;
    rows.push(html);
    used += size;
  }
  budget.spend(used);
  const heads = t.columns.map((c) => `<th scope="col"${c.num === true ? ' class="n"' : ''}>${text(c.title)}</th>`);
  const more = moreText(t.rows.length - rows.length, t.cut);
  const filter =
    t.rows.length < 2
      ? ''
      : `<div class="filter"><input type="search" data-table="${tableId}" placeholder="Filter ${text(t.noun)}" ` +
        `aria-label="Filter ${text(t.noun)}">${facetSelect(t, tableId)} ` +
        `<span class="count" id="${tableId}-count" aria-live="polite"></span></div>\n`;
  return (
    `${title}${filter}<div class="scroll"><table id="${tableId}"><thead><tr>${heads.join('')}</tr></thead><tbody>\n` +
    `${rows.join('\n')}\n</tbody></table></div>\n${more === undefined ? '' : `<p class="more">${text(more, 500)}</p>\n`}`
  );
}
