import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { type EventKind, type EventRecord, type ProcessContext } from '../../src/events/eventRecord.js';
import { renderHtml } from '../../src/report/html.js';
import { buildBusy } from '../helpers/busyJob.js';
import { jobModel, STATUS } from '../helpers/reportJob.js';
import { ReportBuilder, type ReportMeta, type ReportModel, type ReportOptions } from '../../src/report/model.js';

const META: ReportMeta = { job: { id: 'job-1', name: 'build', workflow: 'CI', repository: 'o/r', run_id: '7' } };
const TCP = { protocol: 'tcp', family: 'ipv4', port: 443 } as const;

let seq = 0;
function ev(kind: EventKind, fields: Partial<EventRecord> = {}, proc: Partial<ProcessContext> = {}): EventRecord {
  return {
    seq: seq++,
    time: '2024-05-01T10:00:00.000000Z',
    kind,
    job: { id: 'job-1' },
    cgroup_id: 42,
    process: { pid: 100, ppid: 1, exec_path: '/usr/bin/node', argv: ['node'], ancestors: [], ...proc },
    ...fields,
  };
}

function model(events: Iterable<EventRecord>, opts?: ReportOptions, status = STATUS, meta = META): ReportModel {
  const builder = new ReportBuilder(opts);
  for (const e of events) builder.add(e);
  return builder.build(status, meta);
}

const count = (s: string, needle: string) => s.split(needle).length - 1;

/**
 * A minimal DOM of the page, enough for its script: the page's tags must nest
 * properly and be ones we write, or parsing throws. Job strings cannot
 * contain `<` once escaped, so splitting on tags is exact.
 */
const OUR_TAGS = new Set([
  ...['html', 'head', 'meta', 'title', 'style', 'body', 'script', 'section', 'h1', 'h2', 'h3', 'p', 'b', 'br'],
  ...['ul', 'li', 'details', 'summary', 'span', 'code', 'div', 'input', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ...['header', 'nav', 'main', 'a', 'select', 'option', 'button', 'dl', 'dt', 'dd', 'figure', 'figcaption'],
  ...['svg', 'g', 'text', 'rect', 'line', 'path', 'pre'],
]);
const VOID = new Set(['meta', 'input', 'br', 'rect', 'line', 'path']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const decode = (s: string) =>
  s.replace(/&(#\d+|\w+);/g, (_, e: string) => (e[0] === '#' ? String.fromCharCode(Number(e.slice(1))) : ENTITIES[e]));

class El {
  hidden = false;
  open: boolean;
  value = '';
  children: El[] = [];
  nodes: (El | string)[] = [];
  listeners = new Map<string, () => void>();
  constructor(
    readonly tag: string,
    readonly attrs: Record<string, string>,
    readonly parentElement: El | null,
  ) {
    this.open = 'open' in attrs;
  }
  get tagName() {
    return this.tag.toUpperCase();
  }
  get dataset() {
    const entries = Object.entries(this.attrs).filter(([k]) => k.startsWith('data-'));
    return Object.fromEntries(entries.map(([k, v]) => [k.slice(5), v]));
  }
  get textContent(): string {
    return this.nodes.map((n) => (typeof n === 'string' ? n : n.textContent)).join('');
  }
  set textContent(s: string) {
    this.nodes = [s];
  }
  get firstElementChild() {
    return this.children[0] ?? null;
  }
  get tBodies() {
    return this.children.filter((c) => c.tag === 'tbody').map((b) => ({ rows: b.children }));
  }
  descendants(out: El[] = []): El[] {
    for (const c of this.children) {
      out.push(c);
      c.descendants(out);
    }
    return out;
  }
  getElementsByTagName(tag: string) {
    return this.descendants().filter((e) => e.tag === tag);
  }
  querySelectorAll(selector: string) {
    const [, tag, attr] = /^(\w+)\[([\w-]+)\]$/.exec(selector) ?? [];
    return this.descendants().filter((e) => e.tag === tag && attr in e.attrs);
  }
  closest(tag: string): El | null {
    return this.tag === tag ? this : (this.parentElement?.closest(tag) ?? null);
  }
  addEventListener(type: string, f: () => void) {
    this.listeners.set(type, f);
  }
  /** Visible on the page: neither it nor an ancestor hidden. */
  get shown(): boolean {
    return !this.hidden && (this.parentElement?.shown ?? true);
  }
}

function parse(html: string): El {
  const root = new El('#document', {}, null);
  let open = root;
  const body = html.replace(/<(style|script)>[\s\S]*?<\/\1>/g, '<$1></$1>');
  for (const [token, close, tag, attrText] of body.matchAll(/<!DOCTYPE html>|<(\/?)([a-z0-9]+)([^>]*)>|[^<]+/g)) {
    if (token.startsWith('<!')) continue;
    if (tag === undefined) {
      open.nodes.push(decode(token));
      continue;
    }
    if (!OUR_TAGS.has(tag)) throw new Error(`unexpected tag ${token.slice(0, 80)}`);
    if (close === '/') {
      if (open.tag !== tag) throw new Error(`</${tag}> closes <${open.tag}>`);
      open = open.parentElement as El;
      continue;
    }
    const attrs = Object.fromEntries(
      [...attrText.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map((m) => [m[1], decode(m[2] ?? '')]),
    );
    const el = new El(tag, attrs, open);
    open.children.push(el);
    open.nodes.push(el);
    if (!VOID.has(tag)) open = el;
  }
  if (open !== root) throw new Error(`<${open.tag}> left open`);
  return root;
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '</script><script>alert(2)</script>',
  '"onmouseover="alert(3)" x=\'',
  '</details></summary></li></ul></table><details>',
  '<!-- --> <![CDATA[ ]]> <img src=https://evil.example/p.png>',
  '`whoami` ``x`` ${x}',
  'line1\nline2\r\n<tr><td>injected',
  'see https://evil.example/x.js and http://evil.example',
  '&lt;script&gt; &amp; &#60;',
  '\x1b[31mred\x07 \u202e\u200b',
  'z'.repeat(10_240),
];

function hostileEvents(): EventRecord[] {
  return HOSTILE.flatMap((s, i) => {
    const proc = { pid: 500 + i, ppid: 1, exec_path: `/tmp/${s}`, argv: [s, s] };
    const step = { step: { label: `run: ${s}` } };
    const child = { ...proc, pid: 600 + i, ppid: 500 + i };
    return [
      ev('process_exec', step, proc),
      ev('process_exec', step, child),
      ev('process_exit', step, { ...proc, exit_code: 1 }),
      ev('network_connect', { ...step, network: { ...TCP, address: s, domain: s } }, proc),
      ev('domain', { domain: { name: s, source: 'dns', query_type: s, answers: [s] } }, proc),
      ev('file_open', { ...step, file: { path: `/home/runner/work/${s}`, access: 'write' } }, proc),
      ev('file_open', { file: { path: `/etc/${s}`, access: 'read' } }, proc),
      ev('file_remove', { file: { path: `/tmp/${s}` } }, proc),
      ev('file_move', { file: { path: `/tmp/${s}`, target_path: `/root/${s}` } }, proc),
      ev('file_link', { file: { path: s, target_path: `/tmp/l${s}`, link_type: 'symbolic' } }, proc),
      ev('unix_socket_connect', { unix_socket: { path: `/run/${s}` } }, proc),
      ev('process_exec', { container: { id: s, name: s, image: s } }, proc),
    ];
  });
}


describe('renderHtml with hostile job strings', () => {
  const hostile = model(hostileEvents(), {}, STATUS, {
    job: { id: HOSTILE[3], name: HOSTILE[0], workflow: HOSTILE[2], repository: HOSTILE[1] },
    notes: HOSTILE,
    findings: HOSTILE.map((s, i) => ({
      ruleset_id: s, rule_id: s, rule_name: s, description: s, action: i % 2 ? 'collect' : 'detect',
      severity: 'high', seq: i, time: '2024-05-01T10:00:00.000000Z', step: { label: s },
      process: { pid: 500 + i, exec_path: s, argv: [s] }, summary: s,
    })),
  });
  const html = renderHtml(hostile);
  const tags = html.match(/<[^>]*>/g) ?? [];

  it('is a page of our own tags only, properly nested', () => {
    expect(() => parse(html)).not.toThrow();
    expect(count(html, '<script')).toBe(1);
    expect(count(html, '</script')).toBe(1);
    expect(html).not.toContain('<!--');
    expect(html).not.toMatch(/<img|<tr><td>injected/i);
  });

  it('escapes every character that could start markup or an attribute', () => {
    expect(tags.filter((tag) => /onmouseover|alert|evil|\n/.test(tag))).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&amp;lt;script&amp;gt;');
    expect(html).not.toContain('`');
    expect(html).toContain('&#92;x1B');
    expect(html).toContain('line1&#92;nline2');
    expect(html).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e\u200b]/);
  });

  it('shows every hostile string as its text', () => {
    const text = parse(html).textContent;
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('</details></summary></li></ul></table><details>');
    expect(text).toContain('"onmouseover="alert(3)" x=\'');
  });

  it('cuts 10 KB strings and says how long they were', () => {
    // Cells are cut at 300 characters, notes at 500, rule descriptions at 2,000.
    expect(html.replace(/<dl class="glossary">[\s\S]*?<\/dl>/, '').replace(/<h3>Notes[\s\S]*?<\/ul>/, '')).not.toContain('z'.repeat(301));
    expect(html).not.toContain('z'.repeat(2001));
    expect(html).toContain('(10240 chars)');
  });

  it('loads nothing: no outside links, no sources, and a policy that forbids fetching', () => {
    expect(tags.filter((tag) => /:\/\/|\bsrc=|\baction=/i.test(tag))).toEqual([]);
    expect(tags.filter((tag) => /\bhref=/.test(tag) && !/ href="#[a-z][a-z0-9-]*"/.test(tag))).toEqual([]);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(style + script).not.toMatch(/:\/\/|url\(|@import|fetch|XMLHttpRequest|innerHTML|eval/);
    const sha = (s: string) => createHash('sha256').update(s).digest('base64');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    expect(csp).toBe(
      `default-src 'none'; style-src 'sha256-${sha(style)}'; script-src 'sha256-${sha(script)}'; ` +
        "base-uri 'none'; form-action 'none'",
    );
  });
});

describe('renderHtml of a job', () => {
  const page = renderHtml(jobModel());
  const root = parse(page);
  const byId = (id: string) => root.descendants().find((e) => e.attrs.id === id);

  it('puts the sections in reading order, the verdict first', () => {
    const order = ['verdict', 'egress', 'steps', 'files', 'containers', 'sockets', 'diagnostics'].map((id) => page.indexOf(`<section id="${id}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(byId('verdict')?.textContent).toContain('3 findings: 1 critical, 1 high, 1 medium.');
  });

  it('links every finding to the process that did it, and the timeline to the findings', () => {
    const links = root.descendants().filter((e) => e.tag === 'a' && e.attrs.href?.startsWith('#'));
    const targets = links.map((a) => a.attrs.href.slice(1));
    expect(targets.length).toBeGreaterThan(10);
    for (const t of targets) expect(byId(t)).toBeDefined();
    const finding = byId('finding-1') as El;
    const target = finding.descendants().find((e) => e.tag === 'a')?.attrs.href.slice(1) as string;
    expect(byId(target)?.textContent).toContain("sh -c 'node install.js'");
    expect(targets).toContain('finding-1');
  });

  it('summarises the npm cache as one place that opens to its paths', () => {
    const rows = byId('t-changes')?.getElementsByTagName('tr') ?? [];
    const cache = rows.find((r) => r.textContent.startsWith('~/.npm/_cacache/'));
    expect(cache?.children.map((td) => (td.getElementsByTagName('summary')[0] ?? td).textContent)).toEqual([
      '~/.npm/_cacache/content-v2/sha512/…', 'home', '934', '934', '', '', '',
    ]);
    expect(cache?.getElementsByTagName('li')).toHaveLength(51);
    expect(byId('t-sensitive')?.textContent).toContain('/home/runner/.ssh/id_rsa');
  });

  it('draws the timeline with a lane per step and per kind', () => {
    const svg = root.getElementsByTagName('svg')[0];
    const labels = svg.getElementsByTagName('text').map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['uses: actions/checkout@v4', 'run: npm ci', 'file_open · 1,396']));
    expect(svg.getElementsByTagName('a').filter((a) => a.attrs.class?.startsWith('mark'))).toHaveLength(3);
  });
});

describe('renderHtml of a million events', () => {
  it('stays under 5 MB and says what was cut', () => {
    const big = buildBusy(1_000_000, 3);
    const started = performance.now();
    const html = renderHtml(big);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(Buffer.byteLength(html)).toBeLessThan(5 * 1000 * 1000);
    expect(html).toContain('<b>3 records were lost in the kernel</b>');
    expect(html).toMatch(/…and about [\d,]+ more \([\d,]+ events\) only in events\.ndjson/);
    expect(() => parse(html)).not.toThrow();
  }, 60_000);
});
