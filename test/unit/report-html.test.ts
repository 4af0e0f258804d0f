import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { EVENT_KINDS, type EventKind, type EventRecord, type ProcessContext } from '../../src/events/eventRecord.js';
import type { SensorStatus } from '../../src/events/sensorStatus.js';
import { renderHtml } from '../../src/report/html.js';
import { ReportBuilder, type ReportMeta, type ReportModel, type ReportOptions } from '../../src/report/model.js';

const STATUS: SensorStatus = {
  plan: [
    { hook: 'process_exec', mechanism: 'tp_btf', target: 'sched_process_exec' },
    {
      hook: 'file_open',
      mechanism: 'tracepoint',
      target: 'syscalls/sys_exit_openat',
      unavailable: [{ mechanism: 'fexit', target: 'do_filp_open', error: 'EINVAL: no BTF' }],
    },
  ],
  hooks: [
    { hook: 'process_exec', sent: 10, lost: 0, suppressed: 0 },
    { hook: 'file_open', sent: 200, lost: 0, suppressed: 7 },
  ],
  lostRecords: 0,
  undecodable: 0,
  ringbufBytes: 8 << 20,
};
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
]);
const VOID = new Set(['meta', 'input', 'br']);
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

/** Parses the page and runs its script against the parsed DOM. */
function load(html: string) {
  const root = parse(html);
  const ids = new Map(root.descendants().map((e) => [e.attrs.id, e]));
  const byId = (id: string) => ids.get(id) ?? null;
  const document = { getElementById: byId, querySelectorAll: (s: string) => root.querySelectorAll(s) };
  const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
  new Function('document', script)(document);
  const filter = (placeholder: string, q: string) => {
    const input = root.descendants().find((e) => e.attrs.placeholder === `Filter ${placeholder}`);
    if (input === undefined) throw new Error(`no filter for ${placeholder}`);
    input.value = q;
    input.listeners.get('input')?.();
    return input;
  };
  return { root, byId, filter };
}

/** The body rows of the table under a filter box, as the text of each cell. */
function rows(page: string | El, label: string): string[][] {
  const root = typeof page === 'string' ? load(page).root : page;
  const input = root.descendants().find((e) => e.attrs.placeholder === `Filter ${label}`);
  const table = root.descendants().find((e) => e.attrs.id === input?.dataset.table);
  return (table?.tBodies[0].rows ?? []).map((tr) => tr.children.map((td) => td.textContent));
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
    const { root } = load(html);
    const text = root.textContent;
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('</details></summary></li></ul></table><details>');
    expect(text).toContain('"onmouseover="alert(3)" x=\'');
  });

  it('cuts 10 KB strings and says how long they were', () => {
    // Cells are cut at 300 characters, notes at 500.
    expect(html.replace(/<ul class="notes">[\s\S]*?<\/ul>/, '')).not.toContain('z'.repeat(301));
    expect(html).not.toContain('z'.repeat(501));
    expect(html).toContain('(10240 chars)');
    expect(html).toContain('(10245 chars)');
  });

  it('loads nothing: no links, no sources, and a policy that forbids fetching', () => {
    expect(tags.filter((tag) => /:\/\/|\bsrc=|\bhref=|\baction=/i.test(tag))).toEqual([]);
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

describe('renderHtml tables', () => {
  const make = { step: { label: 'run: make' } };
  const npm = { step: { label: 'run: npm ci' } };
  const events = [
    ev('process_exec', make, { pid: 10, exec_path: '/bin/bash', argv: ['bash', '-c', 'make all'] }),
    ev('process_exec', make, { pid: 11, ppid: 10, exec_path: '/usr/bin/make', argv: ['make', 'all'] }),
    ev('process_exec', make, { pid: 12, ppid: 11, exec_path: '/usr/bin/cc', argv: ['cc', '-c', 'a.c'] }),
    ev('process_exec', make, { pid: 13, ppid: 11, exec_path: '/usr/bin/ld', argv: ['ld', 'a.o'] }),
    ev('process_exit', make, { pid: 11, exit_code: 2 }),
    ev('process_exec', npm, { pid: 20, exec_path: '/usr/bin/npm', argv: ['npm', 'ci'] }),
    ...Array.from({ length: 30 }, (_, i) =>
      ev('network_connect', { network: { ...TCP, address: `10.0.0.${i}`, domain: `h${i}.example` } }),
    ),
    ev('domain', { domain: { name: 'registry.npmjs.org', source: 'dns', query_type: 'A', answers: ['1.2.3.4'] } }),
    ev('file_open', { file: { path: '/ws/out.o', access: 'write' } }),
    ev('file_open', { file: { path: '/home/runner/.bashrc', flags: ['O_APPEND', 'O_CREAT'] } }),
    ev('file_open', { file: { path: '/etc/passwd', access: 'read' } }),
    ev('file_move', { file: { path: '/tmp/a', target_path: '/ws/b' } }),
    ...Array.from({ length: 3 }, () => ev('unix_socket_connect', { unix_socket: { path: '/run/systemd/notify' } })),
    ev('unix_socket_connect', { unix_socket: { path: '/var/run/docker.sock' } }, { exec_path: '/usr/bin/docker' }),
    ev('process_exec', { container: { id: 'c0ffee', name: 'db', image: 'postgres:16' } }),
  ];
  const status = { ...STATUS, lostRecords: 1234 };
  const html = renderHtml(model(events, { workspace: '/ws', rowLimit: 5 }, status));

  it('shows the overview: sensor status, attach plan and the lost-record warning', () => {
    expect(html).toMatch(/<p class="warning" role="alert"><b>1,234 records were lost in the kernel<\/b>/);
    expect(rows(html, 'status')).toContainEqual(['Lost records', '1,234']);
    expect(rows(html, 'status')).toContainEqual(['Sensor', '2 of 2 hooks attached']);
    expect(rows(html, 'hooks')).toContainEqual([
      'file_open', 'tracepoint', 'syscalls/sys_exit_openat', '200', '0', '7', 'fexit do_filp_open: EINVAL: no BTF',
    ]);
    expect(rows(html, 'kinds')).toContainEqual(['process_exec', '6']);
  });

  it('holds every row the model kept, not just the summary row limit', () => {
    const destinations = rows(html, 'destinations');
    expect(destinations).toHaveLength(30);
    expect(destinations.map((r) => r[1]).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `10.0.0.${i}`).sort());
    expect(rows(html, 'domains')).toEqual([['registry.npmjs.org', '1', 'dns', 'A', '1.2.3.4', '/usr/bin/node']]);
    expect(rows(html, 'executables').map((r) => r[0])).toEqual(
      expect.arrayContaining(['/bin/bash', '/usr/bin/make', '/usr/bin/cc', '/usr/bin/ld', '/usr/bin/npm']),
    );
    expect(rows(html, 'containers')).toEqual([['c0ffee', 'db', 'postgres:16', '1']]);
  });

  it('groups files', () => {
    expect(rows(html, 'written files')).toEqual([
      ['workspace', '/ws/out.o', '1', '/usr/bin/node', 'job'],
      ['home', '/home/runner/.bashrc', '1', '/usr/bin/node', 'job'],
    ]);
    expect(rows(html, 'read files')).toEqual([['system', '/etc/passwd', '1', '/usr/bin/node', 'job']]);
    expect(rows(html, 'moved files')).toEqual([['workspace', '/tmp/a', '/ws/b', '1', '/usr/bin/node']]);
    expect(html).toContain('<p>workspace 1 · home 1</p>');
  });

  it('flags the docker socket as a bypass, first', () => {
    const sockets = rows(html, 'sockets');
    expect(sockets[0]).toEqual([
      '/var/run/docker.sock', '1', '/usr/bin/docker', 'job',
      'bypass: containers started this way are not attributed to the job',
    ]);
    expect(sockets[1].slice(0, 2)).toEqual(['/run/systemd/notify', '3']);
    expect(html).toContain("<p class=\"warning\" role=\"alert\">The job used the docker daemon's socket directly");
  });

  it('draws each step as nested collapsible lists', () => {
    const { root } = load(html);
    const steps = root.getElementsByTagName('details').filter((d) => d.attrs.class === 'step');
    expect(steps.map((s) => s.firstElementChild?.textContent)).toEqual([
      'run: make — 4 processes',
      'run: npm ci — 1 process',
      'job — 1 process',
    ]);
    const items = steps[0].getElementsByTagName('li');
    const line = (li: El) => {
      const first = li.firstElementChild;
      return first?.tag === 'details' ? first.firstElementChild : first;
    };
    expect(items.map((li) => line(li)?.textContent)).toEqual([
      "/bin/bash bash -c 'make all' pid 10",
      '/usr/bin/make make all pid 11, exit 2',
      '/usr/bin/cc cc -c a.c pid 12',
      '/usr/bin/ld ld a.o pid 13',
    ]);
    expect(items[2].parentElement?.closest('li')).toBe(items[1]);
    expect(items[1].parentElement?.closest('li')).toBe(items[0]);
  });

  it('filters table rows as one types', () => {
    const { byId, filter } = load(html);
    const input = filter('destinations', '10.0.0.2');
    const table = byId(input.dataset.table as string) as El;
    const shown = table.tBodies[0].rows.filter((r) => r.shown).map((r) => r.children[1].textContent);
    expect(shown.sort()).toEqual(['10.0.0.2', ...Array.from({ length: 10 }, (_, i) => `10.0.0.2${i}`)]);
    expect(byId(`${input.dataset.table}-count`)?.textContent).toBe('11 of 30 shown');
    filter('destinations', '');
    expect(table.tBodies[0].rows.every((r) => r.shown)).toBe(true);
    // Entities are text to the filter, as to the reader: `_` is written &#95;.
    const hooks = byId(filter('hooks', 'FILE_OPEN').dataset.table as string) as El;
    expect(hooks.tBodies[0].rows.filter((r) => r.shown).map((r) => r.children[0].textContent)).toEqual(['file_open']);
  });

  it('filters the process trees, keeping the ancestors of a match', () => {
    const { root, filter } = load(html);
    filter('processes', 'ld a.o');
    const steps = root.getElementsByTagName('details').filter((d) => d.attrs.class === 'step');
    expect(steps.map((s) => s.shown)).toEqual([true, false, false]);
    expect(steps[0].open).toBe(true);
    const shown = steps[0].getElementsByTagName('li').filter((li) => li.shown);
    expect(shown.map((li) => li.textContent.split(' ')[0])).toEqual(['/bin/bash', '/usr/bin/make', '/usr/bin/ld']);
  });

  it('says "none observed" for empty sections', () => {
    const empty = renderHtml(model([]));
    expect(count(empty, 'None observed.')).toBe(11);
    expect(empty).not.toContain('class="warning"');
    expect(empty).not.toMatch(/https?:\/\//);
  });
});

describe('renderHtml of a million events', () => {
  /** As in report-scale.test.ts: every kind, mostly distinct keys. */
  function payload(kind: EventKind, i: number): Partial<EventRecord> {
    const path = `/home/runner/work/app/app/dir${i % 100}/file${i}.txt`;
    const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    switch (kind) {
      case 'network_connect':
        return { network: { protocol: 'tcp', family: 'ipv4', address, port: 443 } };
      case 'file_open':
        return { file: { path, access: i % 7 < 4 ? 'read' : 'write' } };
      case 'file_remove':
        return { file: { path: `/tmp/x${i}` } };
      case 'file_move':
      case 'file_link':
        return { file: { path, target_path: `${path}.new`, link_type: 'hard' } };
      case 'domain':
        return { domain: { name: `h${i}.example.com`, source: 'dns', query_type: 'A', answers: [address] } };
      case 'unix_socket_connect':
        return { unix_socket: { path: i % 1000 === 0 ? '/var/run/docker.sock' : `/run/app/${i}.sock` } };
      default:
        return {};
    }
  }

  function* busyJob(events: number): Generator<EventRecord> {
    for (let i = 0; i < events; i++) {
      const kind = EVENT_KINDS[i % EVENT_KINDS.length];
      const pid = 1000 + (i % 30_000);
      const process = { pid, ppid: pid - 1, exec_path: `/usr/bin/tool${i % 3000}`, argv: ['tool', `--n=${i}`, '`x`'] };
      const step = { step: { label: `run: step ${i % 7} | <b>` } };
      const container = i % 50 === 0 ? { container: { id: `c${i % 5000}`, image: 'img' } } : {};
      yield ev(kind, { ...step, ...container, ...payload(kind, i) }, process);
    }
  }

  it('renders every kept row in reasonable time and size', () => {
    const big = model(busyJob(1_000_000), { workspace: '/home/runner/work/app/app' }, { ...STATUS, lostRecords: 3 });
    const started = performance.now();
    const html = renderHtml(big);
    const elapsed = performance.now() - started;

    expect(elapsed).toBeLessThan(5_000);
    // About 1.5 MB: the model is capped, and the page shows what it kept.
    expect(Buffer.byteLength(html)).toBeLessThan(10 * 1024 * 1024);
    expect(html).toContain('<b>3 records were lost in the kernel</b>');
    expect(html).toMatch(/…and about [\d,]+ more \([\d,]+ events\) only in events\.ndjson/);
    const { root } = load(html);
    expect(rows(root, 'destinations')).toHaveLength(big.network.items.length);
    expect(rows(root, 'written files')).toHaveLength(big.files.written.items.length);
    expect(rows(root, 'sockets')[0][0]).toBe('/var/run/docker.sock');
  }, 60_000);
});
