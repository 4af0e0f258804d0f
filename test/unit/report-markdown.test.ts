import { describe, expect, it } from '@jest/globals';
import type { EventKind, EventRecord, ProcessContext } from '../../src/events/eventRecord.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { jobModel, STATUS } from '../helpers/reportJob.js';
import { ReportBuilder, type ReportMeta, type ReportModel, type ReportOptions } from '../../src/report/model.js';

const META: ReportMeta = { job: { id: 'job-1', name: 'build', workflow: 'CI', repository: 'o/r', run_id: '7' } };

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

function model(events: EventRecord[], opts?: ReportOptions, status = STATUS, meta = META): ReportModel {
  const builder = new ReportBuilder(opts);
  for (const e of events) builder.add(e);
  return builder.build(status, meta);
}

const count = (s: string, needle: string) => s.split(needle).length - 1;

/** Every table keeps as many `|` on each row as on its header. */
function expectTablesIntact(md: string): void {
  let width: number | undefined;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      width = undefined;
      continue;
    }
    width ??= count(line, '|');
    expect(count(line, '|')).toBe(width);
  }
}

function expectBalanced(md: string): void {
  expect(count(md, '</details>')).toBe(count(md, '<details>'));
  expect(count(md, '</summary>')).toBe(count(md, '<summary>'));
  expect(count(md, '</code>')).toBe(count(md, '<code>'));
}

const TCP = { protocol: 'tcp', family: 'ipv4', port: 443 } as const;

const HOSTILE = [
  'a | b | c',
  'line1\nline2\r\n| injected | row |',
  '`whoami` ``x``',
  '<script>alert(1)</script>',
  '</details></summary></code><details>',
  '[x](http://evil) ![img](http://evil/p.png)',
  '# heading *bold* _em_ ~~del~~ \\escape $x$ &amp;',
  '\x1b[31mred\x07',
  'z'.repeat(10_240),
];

function hostileEvents(): EventRecord[] {
  return HOSTILE.flatMap((s, i) => {
    const proc = { pid: 500 + i, ppid: 1, exec_path: `/tmp/${s}`, argv: [s, s] };
    const step = { step: { label: `run: ${s}` } };
    return [
      ev('process_exec', step, proc),
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

describe('renderMarkdown with hostile job strings', () => {
  const hostile = model(hostileEvents(), {}, STATUS, {
    job: { id: HOSTILE[4], name: HOSTILE[3], workflow: HOSTILE[1] },
    notes: [HOSTILE[5]],
  });
  const md = renderMarkdown(hostile, { artifactNote: HOSTILE[2] });

  it('lets no HTML through', () => {
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toMatch(/<img/i);
    expect(count(md, '<details>')).toBe(hostile.processes.trees.items.length);
    expectBalanced(md);
  });

  it('keeps every table row to its cells', () => {
    expectTablesIntact(md);
    expect(md).not.toMatch(/^\| injected/m);
    expect(md).not.toMatch(/^line2/m);
  });

  it('lets no markdown through', () => {
    expect(md).not.toContain('](http');
    expect(md).not.toContain('`');
    expect(md).not.toContain('~~');
    expect(md).not.toContain('$x$');
    expect(md).not.toMatch(/^# heading/m);
  });

  it('shows control characters visibly', () => {
    expect(md).toContain('&#92;x1B[31mred&#92;x07'.replace('[', '&#91;'));
    expect(md).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });

  it('cuts 10 KB strings and says how long they were', () => {
    expect(md).not.toContain('z'.repeat(201));
    expect(md).toContain('(10240 chars)');
  });

  it('contains no images or links of its own', () => {
    expect(md).not.toMatch(/!\[|\]\(|<a\s|<img/i);
  });
});

describe('renderMarkdown sections', () => {
  it('says so in one line when all is well, and what each empty section lacks', () => {
    const md = renderMarkdown(model([]));
    expect(md).toContain('# cicd-sensor report: build');
    expect(md).toContain('> [!TIP]\n> <b>No findings. Nothing blocked, nothing lost: 0 events from 0 steps.</b>');
    expect(md).toContain('| Lost records | 0 |');
    expect(md).not.toContain('[!WARNING]');
    expect(md).toContain('## Network egress\n\n_No connections and no names looked up._');
    expect(md).toContain('_No files were changed._');
    expect(md).toContain('## Unix sockets\n\n_No unix sockets were reached._');
  });

  it("names a docker client's container creates and execs in its step's tree", () => {
    const docker = { pid: 300, exec_path: '/usr/bin/docker', argv: ['docker', 'exec', '--privileged', 'web', 'sh'] };
    const exec = { container: 'web', privileged: true, cmd: ['sh'], refused: true, refusal: 'r' };
    const md = renderMarkdown(
      model([
        ev('process_exec', {}, docker),
        ev('container_create', { container_create: { image: 'alpine', privileged: false, binds: [], cap_add: [], devices: [], refused: false } }, docker),
        ev('container_exec', { container_exec: exec }, docker),
        ev('container_exec', { container_exec: { ...exec, privileged: false, refused: false, refusal: undefined } }, docker),
      ]),
    );
    expect(md).toContain('1 container create, 2 docker execs');
  });

  it('puts the sections in reading order', () => {
    const md = renderMarkdown(jobModel());
    const titles = [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(titles).toEqual(['Verdict', 'Network egress', 'Steps', 'Files', 'Containers', 'Unix sockets', 'Sensor diagnostics']);
  });

  it('warns prominently about lost and undecodable records and an early end, in the verdict', () => {
    const status = { ...STATUS, lostRecords: 1234, undecodable: 5 };
    const md = renderMarkdown(model([], {}, status, { ...META, endedEarly: true }));
    expect(md).toContain('> [!CAUTION]\n> <b>1,234 records were lost in the kernel</b>');
    expect(md).toContain('<b>5 records could not be decoded</b>');
    expect(md).toContain('<b>The sensor stopped before the job ended</b>');
    expect(md.indexOf('records were lost')).toBeLessThan(md.indexOf('## Network egress'));
    expect(md).toContain('| Lost records | <b>1,234</b> |');
  });

  it('counts findings by severity and lists them, signals apart', () => {
    const md = renderMarkdown(jobModel());
    expect(md).toContain('> [!CAUTION]\n> <b>3 findings: 1 critical, 1 high, 1 medium. 1,419 events from 3 steps.</b>');
    const findings = md.split('### Findings')[1].split('###')[0];
    expect(findings.match(/^\| <b>critical<\/b> \| Read of another process&#39;s environment \|/m)).not.toBeNull();
    expect(md).toContain('<details><summary>What the rules look for</summary>');
    expect(md.split('### Signals (collected, not judged)')[1]).toMatch(/^\| Downloader run \|/m);
    expect(md).toContain('<b>1 connection and 1 DNS question blocked by the egress policy</b>: 198.51.100.7 port 8443, exfil.example.net.');
    expect(md).toContain('> [!CAUTION]\n> <b>The job reached into processes outside it 1 time</b> (1 prevented): /home/runner/runners/2.330.0/bin/Runner.Worker. See the steps.');
    expect(md).toMatch(/^\| <code>\/usr\/bin\/curl<\/code> \| ptrace PTRACE&#95;ATTACH \| <code>\/home\/runner\/runners\/2.330.0\/bin\/Runner.Worker \(pid 1000\)<\/code> \| <b>outside the job<\/b> \| 1 \| 1 \|/m);
  });

  it('shows the attach plan with what was unavailable, last', () => {
    const md = renderMarkdown(model([]));
    expect(md).toContain(
      '| file&#95;open | tracepoint | syscalls/sys&#95;exit&#95;openat | 200 | 0 | 7 | ' +
        'fexit do&#95;filp&#95;open: EINVAL: no BTF |',
    );
    expect(md).toContain('2 of 2 hooks attached');
    expect(md).toContain('| process&#95;exec | 0 |');
    expect(md.indexOf('### Attach plan')).toBeGreaterThan(md.indexOf('## Sensor diagnostics'));
  });

  it('shows at most rowLimit rows and says how many more are in the artifact', () => {
    const events = Array.from({ length: 30 }, (_, i) =>
      ev('network_connect', { network: { protocol: 'tcp', family: 'ipv4', address: `10.0.0.${i}`, port: 443 } }),
    );
    const md = renderMarkdown(model(events, { rowLimit: 5, entryLimit: 20 }));
    expect(count(md, '\n| 10.0.0.')).toBe(5);
    expect(md).toContain('_…and 15 more in report.json and report.html; 10 more (10 events) only in events.ndjson._');
  });

  it('flags the docker socket as a bypass, first, whatever the row limit', () => {
    const events = [
      ...Array.from({ length: 3 }, (_, i) => ev('unix_socket_connect', { unix_socket: { path: `/run/systemd/notify${i}` } })),
      ev('unix_socket_connect', { unix_socket: { path: '/var/run/docker.sock' } }, { exec_path: '/usr/bin/docker' }),
    ];
    const md = renderMarkdown(model(events, { rowLimit: 1 }));
    const unattributed = 'containers started this way are not attributed';
    expect(md).toContain(`<b>The job used the docker daemon&#39;s socket directly</b>: ${unattributed}`);
    expect(md).toContain(`| <code>/var/run/docker.sock</code> | 1 | <code>/usr/bin/docker</code> | job | <b>bypass: ${unattributed} to the job</b> |`);
  });

  it('summarises files by place, lists sensitive reads by path, and draws process trees', () => {
    const md = renderMarkdown(jobModel());
    expect(md).toContain('| <code>&#126;/.npm/&#95;cacache/content-v2/sha512/…</code> | home | 934 | 934 |  |  |  |');
    expect(md).toContain('| <code>/home/runner/.ssh/id&#95;rsa</code> | SSH keys | read | 1 |');
    expect(md).toContain('<details><summary>run: npm ci — 3 processes, 1,369 events, 2 findings</summary>\n\n');
    expect(md).toContain("    - <code>/usr/bin/sh</code> <code>sh -c &#39;node install.js&#39;</code> · <b>pid 2004, exit 1, 1 finding</b>");
    expect(count(md, '\n| <code>')).toBeLessThan(60);
  });
});

describe('renderMarkdown size', () => {
  function bigModel(): ReportModel {
    const events: EventRecord[] = [];
    const long = (i: number) => `${i}|${'\ud800`<'.repeat(100)}`;
    for (let i = 0; i < 400; i++) {
      const proc = { pid: 1000 + i, exec_path: long(i), argv: [long(i), long(i + 1)] };
      const step = { step: { label: `step ${i % 40} ${long(i)}` } };
      events.push(ev('process_exec', step, proc));
      events.push(ev('network_connect', { network: { ...TCP, address: long(i), port: i, domain: long(i) } }, proc));
      events.push(ev('domain', { domain: { name: long(i), source: 'dns', answers: [long(i), long(i + 1)] } }, proc));
      for (const group of ['/ws', '/tmp', '/root', '/etc', '/proc/1']) {
        events.push(ev('file_open', { file: { path: `${group}/${long(i)}`, access: 'write' } }, proc));
        events.push(ev('file_move', { file: { path: `${group}/${long(i)}`, target_path: `${group}/${long(i)}x` } }, proc));
      }
      events.push(ev('unix_socket_connect', { unix_socket: { path: long(i) } }, proc));
    }
    return model(events, { rowLimit: 200, workspace: '/ws' });
  }
  const big = bigModel();

  it.each([1_000_000, 200_000, 50_000, 20_000, 5_000, 500, 50])('stays under %d bytes with tags balanced', (maxBytes) => {
    const md = renderMarkdown(big, { maxBytes });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(maxBytes);
    expectBalanced(md);
    expectTablesIntact(md);
  });

  it('shrinks rows before it drops sections, and says what it left out', () => {
    const md = renderMarkdown(big, { maxBytes: 1_000_000 });
    expect(md).not.toContain('Left out to keep');
    const rows = md.split('## Network egress')[1].split('## Steps')[0].split('| connected |').length - 1;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(big.rowLimit);
    const small = renderMarkdown(big, { maxBytes: 20_000 });
    expect(small).toContain('# cicd-sensor report');
    expect(small).toMatch(/> \[!NOTE\]\n> Left out to keep this summary under 20,000 bytes: .*report\.json and report\.html have/);
  });

  it('keeps the lost-record warning when it has to cut', () => {
    const lossy = { ...big, status: { ...big.status, lostRecords: 9 } };
    for (const maxBytes of [20_000, 1_000, 100]) {
      expect(renderMarkdown(lossy, { maxBytes })).toMatch(/(<b>|\*\*)9 records were lost in the kernel/);
    }
  });
});
