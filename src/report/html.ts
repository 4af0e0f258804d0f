/**
 * The report as one self-contained HTML page (report.html): the view
 * (view/build.ts) formatted, with every row the model kept, filters, the
 * process trees and a timeline. It loads nothing: inline style and script
 * only, and a policy that forbids anything else, so it reads the same
 * offline, from a downloaded artifact.
 *
 * Every job-controlled string goes through text() or code(), which make it
 * inert HTML; the model is not embedded: the script works on what is already
 * on the page.
 */
import { byteLength, id, PageBudget, tableHtml, text, toneClass } from './htmlParts.js';
import { page } from './htmlPage.js';
import { timelineHtml } from './htmlTimeline.js';
import { treesHtml } from './htmlTree.js';
import type { ReportModel } from './model.js';
import { fmt } from './numbers.js';
import { buildView } from './view/build.js';
import type { Block, EventView, ReportView, SectionView } from './view/types.js';

/** Under 5 MB with room for the style, script and headings. */
const PAGE_BYTES = 4_600_000;

export function renderHtml(model: ReportModel, view: ReportView = buildView(model)): string {
  const budget = new PageBudget(PAGE_BYTES);
  const sections = view.sections.map((s) => section(s, budget));
  return page(`cicd-sensor report: ${text(view.title, 120)}`, `${header(view)}<main>\n${sections.join('\n')}\n</main>`);
}

function header(view: ReportView): string {
  const facts = view.facts.map((f) => `${text(f.label)} <b>${text(f.value)}</b>`).join(' · ');
  const nav = view.sections.map((s) => `<li><a href="#${id(s.key)}">${text(s.title)}</a></li>`).join('');
  return (
    `<header>\n<h1>cicd-sensor report: ${text(view.title)}</h1>\n` +
    `${facts === '' ? '' : `<p class="facts">${facts}</p>\n`}<nav aria-label="Sections"><ul>${nav}</ul></nav>\n</header>\n`
  );
}

function section(s: SectionView, budget: PageBudget): string {
  const blocks = s.blocks.map((b) => block(b, budget)).join('');
  return `<section id="${id(s.key)}" aria-labelledby="${id(s.key)}-title">\n<h2 id="${id(s.key)}-title">${text(s.title)}</h2>\n${blocks}</section>`;
}

function block(b: Block, budget: PageBudget): string {
  switch (b.type) {
    case 'headline':
      return `<p class="headline tone-${b.tone}" role="status">${text(b.text, 1000)}</p>\n`;
    case 'alert': {
      const title = b.alert.title === '' ? '' : `<b>${text(b.alert.title, 300)}</b>`;
      return `<p class="alert tone-${b.alert.tone}" data-kind="${b.alert.kind}">${title}${text(b.alert.text, 1000)}</p>\n`;
    }
    case 'text':
      return `<p>${text(b.text, 1000)}</p>\n`;
    case 'list':
      return listHtml(b.title, b.items, b.more, budget);
    case 'glossary': {
      const entries = b.entries.map((e) => `<dt>${text(e.term)}</dt><dd>${text(e.text, 2000)}</dd>`).join('');
      return `<details><summary>${text(b.title)}</summary><dl class="glossary">${entries}</dl></details>\n`;
    }
    case 'code': {
      const html = `<h3>${text(b.title, 300)}</h3>\n<pre>${b.lines.map((l) => text(l, 1000)).join('\n')}</pre>\n`;
      budget.spend(byteLength(html));
      return html;
    }
    case 'table':
      return tableHtml(b.table, budget);
    case 'trees':
      return `<h3>Process trees</h3>\n${treesHtml(b.steps, b.cut, budget)}`;
    case 'timeline': {
      const html = timelineHtml(b.timeline);
      budget.spend(byteLength(html));
      return html;
    }
    case 'events':
      return eventsHtml(b.title, b.events, budget);
  }
}

/** Event lines the page shows at most: the budget's share for them (a hostile argv fills a line). */
const EVENTS_BYTES = 1_000_000;

/**
 * Each finding's event, closed until a finding's link opens it: the line
 * number in events.ndjson (seq + 1) and the event's JSON as text.
 */
function eventsHtml(title: string, events: EventView[], budget: PageBudget): string {
  const limit = budget.share(EVENTS_BYTES);
  const items: string[] = [];
  let used = 0;
  for (const e of events) {
    const cut = e.cut ? ' <span class="more">(cut: the whole line is in events.ndjson)</span>' : '';
    const html =
      `<details class="event" id="${id(e.id)}"><summary>#${e.seq} ${text(e.kind, 40)}: events.ndjson line ${fmt(e.seq + 1)}${cut}</summary>` +
      `<pre>${e.lines.map((l) => text(l, 20_000)).join('\n')}</pre></details>`;
    if (used + byteLength(html) > limit) {
      items.push(`<p class="more">…and ${fmt(events.length - items.length)} more events in events.ndjson (by seq).</p>`);
      break;
    }
    items.push(html);
    used += byteLength(html);
  }
  budget.spend(used);
  return `<h3>${text(title)}</h3>\n<div class="events">\n${items.join('\n')}\n</div>\n`;
}

function listHtml(title: string, items: string[], more: number, budget: PageBudget): string {
  const lis = items.map((n) => `<li>${text(n, 500)}</li>`);
  if (more > 0) lis.push(`<li class="more">…and ${fmt(more)} more in report.json</li>`);
  const html = `<h3>${text(title)}</h3>\n<ul${toneClass(undefined)}>\n${lis.join('\n')}\n</ul>\n`;
  budget.spend(byteLength(html));
  return html;
}
