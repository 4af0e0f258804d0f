/** The page around the report: its style (light and dark), its script (filters, tree search, links), and a policy that loads nothing. */
import { createHash } from 'node:crypto';

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #fff; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa;
  --bad: #cf222e; --bad-bg: #ffebe9; --warn: #9a6700; --warn-bg: #fff8c5; --ok: #1a7f37; --ok-bg: #dafbe1;
  --info: #0969da; --info-bg: #ddf4ff; --link: #0969da; --step: #8250df; --focus: #0969da;
  --k0: #0969da; --k1: #8c959f; --k2: #1a7f37; --k3: #bf8700; --k4: #cf222e; --k5: #8250df; --k6: #bc4c00;
  --k7: #1b7c83; --k8: #6639ba; --k9: #9a6700; --k10: #a40e26; --k11: #57606a; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d;
  --head: #151b23; --bad: #ff7b72; --bad-bg: #3c1618; --warn: #d29922; --warn-bg: #2e2310; --ok: #3fb950;
  --ok-bg: #12261e; --info: #58a6ff; --info-bg: #121d2f; --link: #58a6ff; --step: #a371f7; --focus: #58a6ff;
  --k0: #58a6ff; --k1: #9198a1; --k2: #3fb950; --k3: #d29922; --k4: #ff7b72; --k5: #bc8cff; --k6: #f0883e;
  --k7: #39c5cf; --k8: #d2a8ff; --k9: #e3b341; --k10: #ffa198; --k11: #b1bac4; } }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg);
  margin: 0 auto; padding: .8em 2em 3em; max-width: 1600px; }
a { color: var(--link); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
header h1 { font-size: 1.45em; margin: .2em 0; }
header .facts { margin: 0 0 .4em; }
nav ul { list-style: none; padding: 0; margin: .3em 0 .6em; display: flex; flex-wrap: wrap; gap: .3em 1.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid var(--line); padding-bottom: .2em; margin: 1.4em 0 .5em; }
#verdict h2 { margin-top: .6em; }
h3 { font-size: 1.05em; margin: 1.1em 0 .3em; }
pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--head);
  border: 1px solid var(--line); border-radius: 6px; padding: .6em 1em; overflow-x: auto; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.headline { font-size: 1.2em; font-weight: 600; padding: .6em 1em; border-radius: 6px; border-left: 6px solid; margin: .4em 0; }
.alert { padding: .45em 1em; border-left: 4px solid; border-radius: 4px; margin: .4em 0; }
.headline.tone-ok, .alert.tone-ok { background: var(--ok-bg); border-color: var(--ok); }
.headline.tone-bad, .alert.tone-bad { background: var(--bad-bg); border-color: var(--bad); }
.headline.tone-warn, .alert.tone-warn { background: var(--warn-bg); border-color: var(--warn); }
.headline.tone-info, .alert.tone-info { background: var(--info-bg); border-color: var(--info); }
td.tone-bad, span.tone-bad { color: var(--bad); font-weight: 600; }
td.tone-warn, span.tone-warn { color: var(--warn); }
td.tone-info { color: var(--info); }
tr.tone-bad > td:first-child { box-shadow: inset 4px 0 var(--bad); }
tr.tone-warn > td:first-child { box-shadow: inset 4px 0 var(--warn); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .3em 0 .6em; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td.c { min-width: 14em; }
th { background: var(--head); position: sticky; top: 0; white-space: nowrap; }
td.n, th.n { text-align: right; white-space: nowrap; }
td.nw { white-space: nowrap; }
td code { overflow-wrap: anywhere; }
tr:target, li:target > span, li:target > details > summary, .target { background: var(--warn-bg); }
.facts, .count, .none, .more, figcaption, .activity { color: var(--muted); }
.activity::before { content: "· "; }
.filter { margin: .3em 0; display: flex; flex-wrap: wrap; gap: .4em; align-items: center; }
.filter input, .filter select, button { font: inherit; padding: 2px 6px; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: 4px; }
.filter input { min-width: 20em; }
button { cursor: pointer; }
ul.tree, ul.tree ul { list-style: none; padding-left: 1.2em; margin: 0; }
ul.tree { padding-left: .4em; }
ul.tree li { margin: 1px 0; }
ul.paths { margin: .2em 0; padding-left: 1.2em; }
summary { cursor: pointer; }
details.event { margin: .2em 0; } details.event pre { margin: .3em 0 .6em; max-height: 32em; overflow: auto; }
details.step { margin: .3em 0; border: 1px solid var(--line); border-radius: 6px; padding: .3em .6em; }
details.step > summary .label { font-weight: 600; }
dl.glossary dt { font-weight: 600; } dl.glossary dd { margin: 0 0 .4em 1.2em; }
figure.timeline { margin: .4em 0 1em; }
svg text { font: 11px system-ui, sans-serif; fill: var(--fg); }
svg text.axis { fill: var(--muted); }
svg line.tick { stroke: var(--line); stroke-width: 1; }
svg rect.step { fill: var(--step); opacity: .85; }
svg a:focus rect.step, svg a:hover rect.step { opacity: 1; stroke: var(--fg); }
svg .mark line { stroke-width: 1.5; stroke-dasharray: 3 2; }
svg .mark.tone-bad line, svg .mark.tone-bad path { stroke: var(--bad); fill: var(--bad); }
svg .mark.tone-warn line, svg .mark.tone-warn path { stroke: var(--warn); fill: var(--warn); }
svg .mark.tone-info line, svg .mark.tone-info path { stroke: var(--info); fill: var(--info); }
${Array.from({ length: 12 }, (_, i) => `svg path.k${i} { fill: var(--k${i}); }`).join('\n')}
`;

/*
 * Filtering only hides and shows what is on the page and reads textContent:
 * nothing the job chose is ever parsed as HTML in the browser.
 */
const SCRIPT = `
'use strict';
const lower = (el) => el.textContent.toLowerCase();
function counter(id, shown, total, active) {
  const el = document.getElementById(id + '-count');
  if (el) el.textContent = active ? shown + ' of ' + total + ' shown' : '';
}
for (const table of document.querySelectorAll('table[id]')) {
  const input = document.querySelector('input[data-table="' + table.id + '"]');
  const select = document.querySelector('select[data-facet="' + table.id + '"]');
  if (!input && !select) continue;
  const rows = Array.from(table.tBodies[0].rows);
  let texts;
  const apply = () => {
    texts = texts || rows.map(lower);
    const q = input ? input.value.trim().toLowerCase() : '';
    const col = select ? Number(select.dataset.col) : -1;
    const want = select ? select.value : '';
    let shown = 0;
    rows.forEach((r, i) => {
      const facet = want === '' || (r.cells[col] && r.cells[col].textContent === want);
      r.hidden = !(facet && texts[i].includes(q));
      if (!r.hidden) shown++;
    });
    counter(table.id, shown, rows.length, q !== '' || want !== '');
  };
  if (input) input.addEventListener('input', apply);
  if (select) select.addEventListener('change', apply);
}
const lineOf = (li) => {
  const first = li.firstElementChild;
  return first.tagName === 'DETAILS' ? first.firstElementChild : first;
};
for (const input of document.querySelectorAll('input[data-tree]')) {
  const root = document.getElementById(input.dataset.tree);
  let steps;
  const index = () => Array.from(root.children).map((step) => {
    const items = Array.from(step.getElementsByTagName('li')).reverse();
    return { step, label: lower(step.firstElementChild), items, own: items.map((li) => lower(lineOf(li))) };
  });
  input.addEventListener('input', () => {
    steps = steps || index();
    const q = input.value.trim().toLowerCase();
    let shown = 0;
    for (const { step, label, items, own } of steps) {
      // Children come after their parents in document order: in reverse, a
      // match is seen before its ancestors, which it keeps visible and open.
      const keep = new Set();
      items.forEach((li, i) => {
        if (q === '' || label.includes(q) || own[i].includes(q) || keep.has(li)) {
          keep.add(li);
          const up = li.parentElement.closest('li');
          if (up) keep.add(up);
          if (q !== '' && up) up.firstElementChild.open = true;
        }
      });
      for (const li of items) li.hidden = !keep.has(li);
      step.hidden = q !== '' && keep.size === 0 && !label.includes(q);
      if (!step.hidden) shown++;
      if (q !== '' && !step.hidden) step.open = true;
    }
    counter(input.dataset.tree, shown, steps.length, q !== '');
  });
}
function setAll(id, open) {
  for (const d of document.getElementById(id).querySelectorAll('details')) d.open = open;
}
for (const b of document.querySelectorAll('button[data-expand]')) b.addEventListener('click', () => setAll(b.dataset.expand, true));
for (const b of document.querySelectorAll('button[data-collapse]')) b.addEventListener('click', () => setAll(b.dataset.collapse, false));
// A link into a closed part of the page opens what holds its target.
function reveal(hash) {
  const el = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  if (!el) return;
  for (let d = el; d; d = d.parentElement) if (d.tagName === 'DETAILS') d.open = true;
  el.hidden = false;
  el.scrollIntoView({ block: 'center' });
}
window.addEventListener('hashchange', () => reveal(location.hash));
for (const a of document.querySelectorAll('a[href^="#"]')) a.addEventListener('click', () => reveal(a.getAttribute('href')));
reveal(location.hash);
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
