import { describe, expect, it } from '@jest/globals';
import type { EventKind, EventRecord, ProcessContext } from '../../src/events/eventRecord.js';
import type { SensorStatus } from '../../src/events/sensorStatus.js';
import { renderMarkdown } from '../../src/report/markdown.js';
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
  it('says "none observed" for empty sections and shows 0 lost records', () => {
    const md = renderMarkdown(model([]));
    expect(md).toContain('# cicd-sensor report: build');
    expect(md).toContain('| Lost records | 0 |');
    expect(md).not.toContain('[!WARNING]');
    for (const section of ['Network destinations', 'Domains', 'Unix sockets', 'Containers']) {
      expect(md).toMatch(new RegExp(`## ${section}\\n\\n_None observed._`));
    }
    expect(md).toContain('### Written\n\n_None observed._');
  });

  it('warns prominently about lost and undecodable records and an early end', () => {
    const status = { ...STATUS, lostRecords: 1234, undecodable: 5 };
    const md = renderMarkdown(model([], {}, status, { ...META, endedEarly: true }));
    expect(md).toContain('> [!WARNING]\n> **1,234 records were lost in the kernel**');
    expect(md).toContain('**5 records could not be decoded**');
    expect(md).toContain('**The sensor stopped before the job ended**');
    expect(md.indexOf('[!WARNING]')).toBeLessThan(md.indexOf('## Overview'));
    expect(md).toContain('| Lost records | 1,234 |');
  });

  it('shows the attach plan with what was unavailable', () => {
    const md = renderMarkdown(model([]));
    expect(md).toContain(
      '| file&#95;open | tracepoint | syscalls/sys&#95;exit&#95;openat | 200 | 0 | 7 | ' +
        'fexit do&#95;filp&#95;open: EINVAL: no BTF |',
    );
    expect(md).toContain('2 of 2 hooks attached');
    expect(md).toContain('| process&#95;exec | 0 |');
  });

  it('shows at most rowLimit rows and says how many more are in the artifact', () => {
    const events = Array.from({ length: 30 }, (_, i) =>
      ev('network_connect', { network: { protocol: 'tcp', family: 'ipv4', address: `10.0.0.${i}`, port: 443 } }),
    );
    const md = renderMarkdown(model(events, { rowLimit: 5, entryLimit: 20 }));
    expect(count(md, '| tcp | 10.0.0.')).toBe(5);
    expect(md).toContain('_…and 15 more in report.json; 10 more (10 events) only in events.ndjson._');
  });

  it('flags the docker socket as a bypass, first', () => {
    const events = [
      ...Array.from({ length: 3 }, () => ev('unix_socket_connect', { unix_socket: { path: '/run/systemd/notify' } })),
      ev('unix_socket_connect', { unix_socket: { path: '/var/run/docker.sock' } }, { exec_path: '/usr/bin/docker' }),
    ];
    const md = renderMarkdown(model(events, { rowLimit: 1 }));
    const unattributed = 'containers started this way are not attributed';
    expect(md).toContain(`> The job used the docker daemon's socket directly: ${unattributed}`);
    expect(md).toContain(`| /var/run/docker.sock | 1 | <code>/usr/bin/docker</code> | job | **bypass**: ${unattributed} |`);
  });

  it('groups files and draws process trees in collapsible blocks', () => {
    const make = { step: { label: 'run: make' } };
    const md = renderMarkdown(
      model(
        [
          ev('process_exec', make, { pid: 10, exec_path: '/bin/bash', argv: ['bash', '-c', 'make all'] }),
          ev('process_exec', make, { pid: 11, ppid: 10, exec_path: '/usr/bin/make', argv: ['make', 'all'] }),
          ev('process_exit', make, { pid: 11, exit_code: 2 }),
          ev('file_open', { file: { path: '/ws/out.o', access: 'write' } }),
          ev('file_open', { file: { path: '/home/runner/.bashrc', flags: ['O_APPEND', 'O_CREAT'] } }),
        ],
        { workspace: '/ws' },
      ),
    );
    expect(md).toContain('<details><summary>run: make — 2 processes</summary>\n\n');
    expect(md).toContain("- <code>/bin/bash</code> <code>bash -c &#39;make all&#39;</code> · pid 10\n");
    expect(md).toContain('  - <code>/usr/bin/make</code> <code>make all</code> · pid 11, exit 2\n');
    expect(md).toContain('#### Workspace (1)');
    expect(md).toContain('#### Home directories (1)');
    expect(md).toContain('| /home/runner/.bashrc | 1 |');
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
    const rows = md.split('## Network destinations')[1].split('## Domains')[0].split('\n| tcp |').length - 1;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(big.rowLimit);
    const small = renderMarkdown(big, { maxBytes: 20_000 });
    expect(small).toContain('# cicd-sensor report');
    expect(small).toMatch(/> \[!NOTE\]\n> Left out to keep this summary under 20,000 bytes: .*report\.json has/);
  });

  it('keeps the lost-record warning when it has to cut', () => {
    const lossy = { ...big, status: { ...big.status, lostRecords: 9 } };
    for (const maxBytes of [20_000, 1_000, 100]) {
      expect(renderMarkdown(lossy, { maxBytes })).toMatch(/\*\*9 records were lost in the kernel/);
    }
  });
});
