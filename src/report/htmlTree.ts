/** The steps' process trees on the page: nested collapsible lists, a search box, expand and collapse all. */
import { byteLength, code, id, text, type PageBudget } from './htmlParts.js';
import { fmt } from './numbers.js';
import { moreText, stepFacts, timeOfDay } from './view/cells.js';
import type { Cut, NodeView, StepView } from './view/types.js';

/** Deeper processes are drawn at this depth: browsers stop nesting elements a few hundred deep. */
const MAX_DEPTH = 32;
/** Levels open when the page loads; deeper ones open on a click, a search or a link. */
const OPEN_DEPTH = 2;
export const TREES_BYTES = 1_500_000;

function nodeLine(n: NodeView): string {
  const deep = n.depth > MAX_DEPTH ? `<span class="facts">(depth ${n.depth})</span> ` : '';
  const exec = n.sameProcess ? '<span class="facts">exec →</span> ' : '';
  const facts = `<span class="facts${n.tone === undefined ? '' : ` tone-${n.tone}`}">${text(n.facts)}</span>`;
  const activity = n.activity === '' ? '' : ` <span class="activity">${text(n.activity)}</span>`;
  return `${deep}${exec}<b>${code(n.execPath)}</b> ${code(n.argv)} ${facts}${activity}`;
}

/**
 * One step's nodes (depth-first, with depths) as nested lists. Closing tags
 * are emitted as the depth falls, so stopping at the budget still closes
 * every open element.
 */
function treeList(nodes: NodeView[], budget: number): { html: string; shown: number } {
  const out: string[] = ['<ul class="tree">'];
  const open: number[] = [];
  let used = 0;
  let shown = 0;
  for (const n of nodes) {
    const depth = Math.min(n.depth, MAX_DEPTH);
    while (open.length > 0 && open[open.length - 1] >= depth) {
      out.push('</ul></details></li>');
      open.pop();
    }
    const line = nodeLine(n);
    if (shown > 0 && used + line.length > budget) break;
    used += line.length;
    shown++;
    if (n.hasChildren && depth < MAX_DEPTH) {
      out.push(`<li id="${id(n.id)}"><details${depth < OPEN_DEPTH ? ' open' : ''}><summary>${line}</summary><ul>`);
      open.push(depth);
    } else {
      out.push(`<li id="${id(n.id)}"><span class="node">${line}</span></li>`);
    }
  }
  for (let i = 0; i < open.length; i++) out.push('</ul></details></li>');
  out.push('</ul>');
  return { html: out.join('\n'), shown };
}

export function treesHtml(steps: StepView[], cut: Cut | undefined, budget: PageBudget): string {
  if (steps.length === 0 && cut === undefined) return '<p class="none">No processes were observed.</p>\n';
  const limit = budget.share(TREES_BYTES);
  const perStep = limit / Math.max(1, steps.length);
  const html = steps.map((step) => {
    const { html, shown } = treeList(step.nodes, perStep);
    const more = moreText(step.nodes.length - shown, undefined);
    const later = step.omittedNodes > 0 ? `<p class="more">…and ${fmt(step.omittedNodes)} later processes only in events.ndjson.</p>\n` : '';
    const open = step.findings > 0 || steps.length <= 3 ? ' open' : '';
    return (
      `<details class="step" id="${id(step.id)}"${open}><summary><span class="label">${text(step.label, 200)}</span> ` +
      `<span class="facts">${text(stepFacts(step))}${step.firstTime === undefined ? '' : ` · from ${text(timeOfDay(step.firstTime))} UTC`}</span></summary>\n` +
      `${html}\n${more === undefined ? '' : `<p class="more">${text(more)}</p>\n`}${later}</details>`
    );
  });
  const body = html.join('\n');
  budget.spend(byteLength(body));
  const moreSteps = moreText(0, cut);
  return (
    '<div class="filter"><input type="search" data-tree="trees" placeholder="Search processes" aria-label="Search processes"> ' +
    '<button type="button" data-expand="trees">Expand all</button> <button type="button" data-collapse="trees">Collapse all</button> ' +
    '<span class="count" id="trees-count" aria-live="polite"></span></div>\n' +
    `<div id="trees">\n${body}\n</div>\n${moreSteps === undefined ? '' : `<p class="more">${text(moreSteps)}</p>\n`}`
  );
}
