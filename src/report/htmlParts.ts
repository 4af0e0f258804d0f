import { createHash } from 'node:crypto';
import { formatArgv, htmlText } from './escape.js';
import type { Capped, StepTree, TreeNode } from './model.js';
import { fmt } from './numbers.js';

export { fmt } from './numbers.js';

/**
 * Job strings shown in a cell are cut to this many characters; report.json
 * keeps them whole. Longer than the summary's cut, as a page has the room.
 */
export const CELL_CHARS = 300;
/**
 * Rows of one table stop at about this many characters of HTML, and the trees
 * share a budget too: the model is capped in entries, but a hostile job can
 * still make every entry a long run of escaped characters. So the page stays
 * within a few tens of MB, and in practice a few MB, whatever the job did.
 */
const TABLE_CHARS = 2_000_000;
const TREES_CHARS = 6_000_000;
/** Deeper processes are drawn at this depth: browsers stop nesting elements a few hundred deep. */
const MAX_DEPTH = 32;


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

export const NONE = '<p class="none">None observed.</p>\n';

/** Hands out element ids, which our script uses to find a filter's table. */
export class Ids {
  private n = 0;
  next(prefix: string): string {
    return `${prefix}${++this.n}`;
  }
}

/**
 * Says how many entries the page did not show: those cut by the page's size
 * budget (still in report.json), and those the model left out (only in
 * events.ndjson).
 */
export function moreLine(shown: number, kept: number, capped?: Capped<unknown>): string {
  const parts: string[] = [];
  if (kept > shown) parts.push(`${fmt(kept - shown)} more in report.json`);
  if (capped !== undefined && capped.omitted > 0) {
    const about = capped.omittedEstimated ? 'about ' : '';
    parts.push(`${about}${fmt(capped.omitted)} more (${fmt(capped.omittedEvents)} events) only in events.ndjson`);
  }
  return parts.length === 0 ? '' : `<p class="more">…and ${parts.join('; ')}.</p>\n`;
}

export interface Column<T> {
  /** Our own text, not escaped. */
  header: string;
  /** Returns HTML: every job string in it must have gone through text() or code(). */
  cell: (item: T) => string;
  numeric?: boolean;
}

/**
 * A table with a filter box above it. `label` is our own text. `capped` is
 * the collection the items came from, for the count of what the model left
 * out; `kept` how many items it kept, when `items` is already a subset.
 */
export function filteredTable<T>(
  id: string,
  label: string,
  items: readonly T[],
  columns: Column<T>[],
  capped?: Capped<unknown>,
): string {
  if (items.length === 0 && (capped?.omitted ?? 0) === 0) return NONE;
  const rows: string[] = [];
  let used = 0;
  for (const item of items) {
    const cells = columns.map((c) => (c.numeric === true ? `<td class="n">` : '<td>') + c.cell(item) + '</td>');
    const row = `<tr>${cells.join('')}</tr>`;
    if (rows.length > 0 && used + row.length > TABLE_CHARS) break;
    rows.push(row);
    used += row.length;
  }
  const headers = columns.map((c) => (c.numeric === true ? `<th class="n">` : '<th>') + c.header + '</th>');
  return (
    `<div class="filter"><input type="search" data-table="${id}" placeholder="Filter ${label}" ` +
    `aria-label="Filter ${label}"> <span class="count" id="${id}-count"></span></div>\n` +
    `<table id="${id}"><thead><tr>${headers.join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>\n` +
    moreLine(rows.length, items.length, capped)
  );
}

function nodeLine(node: TreeNode, depth: number): string {
  const deep = depth > MAX_DEPTH ? `<span class="facts">(depth ${depth})</span> ` : '';
  const exec = node.sameProcess === true ? '<span class="facts">exec →</span> ' : '';
  const facts = [`pid ${node.pid}`];
  if (node.exitCode !== undefined) facts.push(`exit ${node.exitCode}`);
  if (node.exitSignal !== undefined) facts.push(`signal ${node.exitSignal}`);
  const argv = code(formatArgv(node.argv));
  return `${deep}${exec}${code(node.execPath)} ${argv} <span class="facts">${facts.join(', ')}</span>`;
}

const CLOSE = -1;

/**
 * A step's processes as nested lists, a collapsible level per parent, in
 * depth-first order. Iterative, with explicit close markers on the stack, so
 * that a deep chain of processes cannot overflow the call stack, and so that
 * stopping at the budget still closes every open element.
 */
function treeList(nodes: TreeNode[], budget: number): { html: string; shown: number } {
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  nodes.forEach((n, i) => {
    if (n.parent === undefined || n.parent >= i) roots.push(i);
    else if (children.has(n.parent)) children.get(n.parent)?.push(i);
    else children.set(n.parent, [i]);
  });
  const out: string[] = ['<ul class="tree">'];
  let used = 0;
  let shown = 0;
  const stack: [number, number][] = roots.reverse().map((i) => [i, 0]);
  while (stack.length > 0) {
    const [index, depth] = stack.pop() as [number, number];
    if (index === CLOSE) {
      out.push('</ul></details></li>');
      continue;
    }
    const line = nodeLine(nodes[index], depth);
    if (shown > 0 && used + line.length > budget) {
      // Skip the rest but still close what is open.
      for (const item of stack.reverse()) if (item[0] === CLOSE) out.push('</ul></details></li>');
      break;
    }
    used += line.length;
    shown++;
    const kids = children.get(index) ?? [];
    if (kids.length > 0 && depth < MAX_DEPTH) {
      out.push(`<li><details open><summary>${line}</summary><ul>`);
      stack.push([CLOSE, depth]);
    } else {
      // Children past MAX_DEPTH follow as siblings, marked with their depth.
      out.push(`<li><span>${line}</span></li>`);
    }
    for (const child of [...kids].reverse()) stack.push([child, depth + 1]);
  }
  out.push('</ul>');
  return { html: out.join('\n'), shown };
}

/** Every step's tree, each collapsed under its label; the budget is shared out evenly. */
export function stepTrees(id: string, trees: readonly StepTree[]): string {
  const budget = TREES_CHARS / Math.max(1, trees.length);
  const steps = trees.map((tree) => {
    const { html, shown } = treeList(tree.nodes, budget);
    const processes = tree.count === 1 ? '1 process' : `${fmt(tree.count)} processes`;
    const later = `<p class="more">…and ${fmt(tree.omitted)} later processes only in events.ndjson.</p>\n`;
    const omitted = tree.omitted > 0 ? later : '';
    return (
      `<details class="step"><summary>${text(tree.label, 200)} — ${processes}</summary>\n` +
      `${html}\n${moreLine(shown, tree.nodes.length)}${omitted}</details>`
    );
  });
  return (
    `<div class="filter"><input type="search" data-tree="${id}" placeholder="Filter processes" ` +
    `aria-label="Filter processes"> <span class="count" id="${id}-count"></span></div>\n` +
    `<div id="${id}">\n${steps.join('\n')}\n</div>\n`
  );
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #fff; --muted: #59636e; --line: #d1d9e0;
  --head: #f6f8fa; --warn-bg: #fff8c5; --warn-line: #d4a72c; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1;
  --line: #3d444d; --head: #151b23; --warn-bg: #272115; --warn-line: #9e6a03; } }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg);
  background: var(--bg); margin: 0 auto; padding: 1em 2em; max-width: 1600px; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .2em; margin-top: 1.6em; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: .4em 0 1em; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
th { background: var(--head); position: sticky; top: 0; }
td.n, th.n { text-align: right; white-space: nowrap; }
.warning { background: var(--warn-bg); border-left: 4px solid var(--warn-line); padding: .5em 1em; margin: .5em 0; }
.facts, .count, .none, .more { color: var(--muted); }
.bypass { font-weight: bold; }
.filter input { font: inherit; padding: 2px 6px; min-width: 20em; }
ul.tree, ul.tree ul { list-style: none; padding-left: 1.2em; margin: 0; }
ul.tree li { margin: 1px 0; }
details.step { margin: .3em 0; }
details.step > summary { cursor: pointer; font-weight: 600; }
`;

/*
 * Filtering only hides and shows rows and reads textContent: nothing the job
 * chose is ever parsed as HTML in the browser.
 */
const SCRIPT = `
'use strict';
function query(input) { return input.value.trim().toLowerCase(); }
function counter(input, id, shown, total) {
  const el = document.getElementById(id + '-count');
  if (el) el.textContent = query(input) === '' ? '' : shown + ' of ' + total + ' shown';
}
for (const input of document.querySelectorAll('input[data-table]')) {
  const rows = Array.from(document.getElementById(input.dataset.table).tBodies[0].rows);
  const texts = rows.map((r) => r.textContent.toLowerCase());
  input.addEventListener('input', () => {
    const q = query(input);
    let shown = 0;
    rows.forEach((r, i) => { r.hidden = !texts[i].includes(q); if (!r.hidden) shown++; });
    counter(input, input.dataset.table, shown, rows.length);
  });
}
for (const input of document.querySelectorAll('input[data-tree]')) {
  const steps = Array.from(document.getElementById(input.dataset.tree).children).map((step) => {
    const items = Array.from(step.getElementsByTagName('li')).reverse();
    // An item holds its line in a span, or in the summary of the details around its children.
    const line = (li) => {
      const first = li.firstElementChild;
      return first.tagName === 'DETAILS' ? first.firstElementChild : first;
    };
    const own = items.map((li) => line(li).textContent.toLowerCase());
    return { step, label: step.firstElementChild.textContent.toLowerCase(), items, own };
  });
  input.addEventListener('input', () => {
    const q = query(input);
    let shown = 0;
    for (const { step, label, items, own } of steps) {
      // Children come after their parents in document order: in reverse, a
      // match is seen before its ancestors, which it keeps visible.
      const keep = new Set();
      items.forEach((li, i) => {
        if (label.includes(q) || own[i].includes(q) || keep.has(li)) {
          keep.add(li);
          const up = li.parentElement.closest('li');
          if (up) keep.add(up);
        }
      });
      for (const li of items) li.hidden = !keep.has(li);
      step.hidden = keep.size === 0 && !label.includes(q);
      if (!step.hidden) shown++;
      if (q !== '' && !step.hidden) step.open = true;
    }
    counter(input, input.dataset.tree, shown, steps.length);
  });
}
`;

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

/**
 * The whole document. The Content-Security-Policy forbids every fetch and
 * allows only our own style and script, by hash: even markup that slipped
 * past the escaping could neither load anything nor run.
 */
export function page(title: string, body: string): string {
  const csp =
    `default-src 'none'; style-src 'sha256-${sha256(STYLE)}'; script-src 'sha256-${sha256(SCRIPT)}'; ` +
    "base-uri 'none'; form-action 'none'";
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${title}</title>\n<style>${STYLE}</style>\n</head>\n` +
    `<body>\n${body}\n<script>${SCRIPT}</script>\n</body>\n</html>\n`
  );
}
