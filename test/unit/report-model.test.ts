import { describe, expect, it } from '@jest/globals';
import type { EventKind, EventRecord, ProcessContext } from '../../src/events/eventRecord.js';
import type { SensorStatus } from '../../src/events/sensorStatus.js';
import {
  ReportBuilder,
  classifyPath,
  groupRoots,
  type ReportMeta,
  type ReportModel,
  type ReportOptions,
} from '../../src/report/model.js';

const STATUS: SensorStatus = { plan: [], hooks: [], lostRecords: 0, undecodable: 0, ringbufBytes: 1 << 20 };
const META: ReportMeta = { job: { id: 'job-1', name: 'build' }, workspace: '/home/runner/work/app/app' };

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

function build(events: EventRecord[], opts?: ReportOptions, meta: ReportMeta = META): ReportModel {
  const builder = new ReportBuilder(opts);
  for (const e of events) builder.add(e);
  return builder.build(STATUS, meta);
}

const connect = (address: string, port = 443, domain?: string) =>
  ev('network_connect', { network: { protocol: 'tcp', family: 'ipv4', address, port, ...(domain && { domain }) } });
const open = (path: string, file: Partial<NonNullable<EventRecord['file']>> = {}, pid = 100) =>
  ev('file_open', { file: { path, access: 'read', ...file } }, { pid });

describe('ReportBuilder aggregation', () => {
  it('counts events per kind', () => {
    const model = build([ev('process_exec'), ev('process_exec'), ev('process_exit'), connect('1.2.3.4')]);
    expect(model.events.total).toBe(4);
    expect(model.events.byKind).toMatchObject({ process_exec: 2, process_exit: 1, network_connect: 1, domain: 0 });
    expect(model.events.firstTime).toBe('2024-05-01T10:00:00.000000Z');
  });

  it('groups executions by executable with distinct argv samples', () => {
    const exec = (argv: string[]) => ev('process_exec', {}, { exec_path: '/usr/bin/git', argv });
    const model = build([exec(['git', 'status']), exec(['git', 'status']), exec(['git', 'log']), ev('process_exec')]);
    const git = model.processes.executables.items.find((x) => x.execPath === '/usr/bin/git');
    expect(git).toEqual({
      execPath: '/usr/bin/git',
      count: 3,
      argvSamples: { values: [['git', 'status'], ['git', 'log']], omitted: 0 },
    });
    expect(model.processes.executables.items[0].execPath).toBe('/usr/bin/git');
  });

  it('keys destinations by protocol, address, port and domain', () => {
    const model = build([
      connect('140.82.112.3', 443, 'github.com'),
      connect('140.82.112.3', 443, 'github.com'),
      connect('140.82.112.3', 443),
      connect('140.82.112.3', 22, 'github.com'),
      ev('network_connect', { network: { protocol: 'udp', family: 'ipv4', address: '140.82.112.3', port: 443 } }),
    ]);
    expect(model.network.items).toHaveLength(4);
    expect(model.network.items[0]).toMatchObject({ address: '140.82.112.3', port: 443, domain: 'github.com', count: 2 });
    expect(model.network.items[0]).toMatchObject({ execPath: '/usr/bin/node', step: 'job' });
  });

  it('records the first process and step of a destination', () => {
    const network = { protocol: 'tcp', family: 'ipv6', address: '::1', port: 80 } as const;
    const model = build([
      ev('network_connect', { step: { label: 'run: curl' }, network }, { exec_path: '/usr/bin/curl' }),
      ev('network_connect', { network }),
    ]);
    expect(model.network.items[0]).toMatchObject({ count: 2, execPath: '/usr/bin/curl', step: 'run: curl' });
  });

  it('merges domain lookups by name', () => {
    const lookup = (source: 'dns' | 'tls_sni', query_type?: string, answers?: string[], exec = '/usr/bin/node') =>
      ev(
        'domain',
        { domain: { name: 'registry.npmjs.org', source, ...(query_type && { query_type }), ...(answers && { answers }) } },
        { exec_path: exec },
      );
    const model = build([
      lookup('dns', 'A', ['104.16.0.1', '104.16.0.2']),
      lookup('dns', 'AAAA', ['2606:4700::1']),
      lookup('tls_sni', undefined, undefined, '/usr/bin/npm'),
    ]);
    expect(model.domains.items[0]).toEqual({
      name: 'registry.npmjs.org',
      count: 3,
      sources: ['dns', 'tls_sni'],
      queryTypes: { values: ['A', 'AAAA'], omitted: 0 },
      answers: { values: ['104.16.0.1', '104.16.0.2', '2606:4700::1'], omitted: 0 },
      processes: { values: ['/usr/bin/node', '/usr/bin/npm'], omitted: 0 },
      blocked: 0,
      firstTime: '2024-05-01T10:00:00.000000Z',
    });
  });

  it('shows the CNAME chain of a lookup among its answers', () => {
    const model = build([
      ev('domain', { domain: { name: 'www.example.com', source: 'dns', query_type: 'A', cnames: ['edge.example.net'], answers: ['192.0.2.1'] } }),
    ]);
    expect(model.domains.items[0]?.answers).toEqual({ values: ['CNAME edge.example.net', '192.0.2.1'], omitted: 0 });
  });

  it('tracks unix sockets and flags the docker socket as a bypass', () => {
    const sock = (path: string) => ev('unix_socket_connect', { unix_socket: { path } });
    const paths = ['/var/run/docker.sock', '/run/docker.sock', '/run/systemd/journal/stdout', '/run/docker.sock'];
    const model = build(paths.map(sock));
    const byPath = Object.fromEntries(model.unixSockets.items.map((u) => [u.path, u]));
    expect(byPath['/run/docker.sock']).toMatchObject({ count: 2, bypass: true });
    expect(byPath['/var/run/docker.sock'].bypass).toBe(true);
    expect(byPath['/run/systemd/journal/stdout'].bypass).toBe(false);
  });

  it('tracks containers by id, filling in name and image when they appear', () => {
    const model = build([
      ev('process_exec', { container: { id: 'abc' } }),
      ev('process_exec', { container: { id: 'abc', name: 'db', image: 'postgres:16' } }),
      ev('process_exec', { container: { id: 'def', image: 'redis' } }),
    ]);
    expect(model.containers.items).toEqual([
      { id: 'abc', count: 2, name: 'db', image: 'postgres:16' },
      { id: 'def', count: 1, image: 'redis' },
    ]);
  });

  it('tolerates events that lack their payload', () => {
    const model = build([ev('network_connect'), ev('file_open'), ev('domain'), ev('unix_socket_connect')]);
    expect(model.events.total).toBe(4);
    expect(model.network.items).toEqual([]);
  });

  it('is plain JSON', () => {
    const model = build([ev('process_exec'), connect('1.1.1.1'), open('/etc/hosts')]);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});

describe('file operations', () => {
  it('tells writes from reads by access and flags', () => {
    const ws = '/home/runner/work/app/app';
    const model = build([
      open(`${ws}/a`, { access: 'write' }),
      open(`${ws}/b`, { access: 'read_write' }),
      open(`${ws}/c`, { access: 'read', flags: ['O_RDONLY', 'O_CREAT'] }),
      open(`${ws}/d`, { access: 'read', flags: ['O_TRUNC'] }),
      open(`${ws}/e`, { access: 'read', flags: ['O_CLOEXEC'] }),
      open('/usr/bin/node', { access: 'exec' }),
    ]);
    expect(model.files.written.items.map((f) => f.path).sort()).toEqual(['a', 'b', 'c', 'd'].map((x) => `${ws}/${x}`));
    expect(model.files.read.items.map((f) => f.path).sort()).toEqual([`${ws}/e`, '/usr/bin/node']);
  });

  it('records removes, moves and links', () => {
    const model = build([
      ev('file_remove', { file: { path: '/tmp/x' } }),
      ev('file_move', { file: { path: '/tmp/x', target_path: '/home/runner/.bashrc' } }),
      ev('file_link', { file: { path: '/etc/passwd', target_path: '/tmp/p', link_type: 'symbolic' } }),
    ]);
    expect(model.files.removed.items).toMatchObject([{ path: '/tmp/x', group: 'temp', count: 1 }]);
    expect(model.files.moved.items).toMatchObject([{ path: '/tmp/x', targetPath: '/home/runner/.bashrc', group: 'home' }]);
    expect(model.files.linked.items).toMatchObject([
      { path: '/etc/passwd', targetPath: '/tmp/p', linkType: 'symbolic', group: 'temp' },
    ]);
  });

  it('groups files by where they are', () => {
    const roots = groupRoots({ workspace: '/home/runner/work/app/app/', tempDir: '/home/runner/work/_temp' });
    const group = (path: string, pid = 100) => classifyPath(path, pid, roots);
    expect(group('/home/runner/work/app/app/src/x.ts')).toBe('workspace');
    expect(group('/home/runner/work/app/app')).toBe('workspace');
    expect(group('/home/runner/work/app/apple')).toBe('home');
    expect(group('/home/runner/work/_temp/script.sh')).toBe('temp');
    expect(group('/tmp/x')).toBe('temp');
    expect(group('/var/tmp/x')).toBe('temp');
    expect(group('/tmpfoo')).toBe('system');
    expect(group('/home/runner/.npmrc')).toBe('home');
    expect(group('/root/.docker/config.json')).toBe('home');
    expect(group('/rootfs/x')).toBe('system');
    expect(group('/proc/1234/mem')).toBe('proc');
    expect(group('/proc/1234')).toBe('proc');
    expect(group('/proc/100/status')).toBe('system');
    expect(group('/proc/self/maps')).toBe('system');
    expect(group('/proc/cpuinfo')).toBe('system');
    expect(group('/etc/hosts')).toBe('system');
  });

  it('lets the closest root win when the workspace is under /tmp', () => {
    const roots = groupRoots({ workspace: '/tmp/runner/work' });
    expect(classifyPath('/tmp/runner/work/a', 1, roots)).toBe('workspace');
    expect(classifyPath('/tmp/other', 1, roots)).toBe('temp');
  });

  it('classifies with the meta given at build time', () => {
    const model = build([open('/srv/ws/out.txt', { access: 'write' }), open('/proc/999/environ', {}, 100)], {}, {
      job: { id: 'j' },
      workspace: '/srv/ws',
    });
    expect(model.files.written.items[0].group).toBe('workspace');
    expect(model.files.read.items[0].group).toBe('proc');
    expect(model.workspace).toBe('/srv/ws');
  });

  it('keeps the most read files per group', () => {
    const reads = [
      ...Array.from({ length: 5 }, () => open('/etc/a')),
      ...Array.from({ length: 3 }, () => open('/etc/b')),
      open('/etc/c'),
      open('/etc/d'),
      ...Array.from({ length: 4 }, () => open('/etc/e')),
      open('/tmp/t'),
    ];
    const read = build(reads, { readTopLimit: 2 }).files.read;
    expect(read.items.map((f) => [f.path, f.count])).toEqual([['/etc/a', 5], ['/etc/e', 4], ['/tmp/t', 1]]);
    expect(read.omitted).toBe(3);
    expect(read.omittedEvents).toBe(5);
  });

  it('caps each group separately, so a busy workspace cannot hide a write to home', () => {
    const ws = '/home/runner/work/app/app';
    const events = Array.from({ length: 50 }, (_, i) => open(`${ws}/f${i}`, { access: 'write' }));
    events.push(open('/home/runner/.bashrc', { access: 'write' }));
    const written = build(events, { entryLimit: 10, workspace: ws }).files.written;
    expect(written.items.filter((f) => f.group === 'workspace')).toHaveLength(10);
    expect(written.items.map((f) => f.path)).toContain('/home/runner/.bashrc');
    expect(written.omitted).toBe(40);
  });
});

describe('caps', () => {
  it('counts omitted entries and their events exactly while they are few', () => {
    const events = Array.from({ length: 10 }, (_, i) => connect(`10.0.0.${i}`));
    events.push(connect('10.0.0.9'), connect('10.0.0.0'));
    const network = build(events, { entryLimit: 3 }).network;
    expect(network.items.map((n) => n.address)).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2']);
    expect(network.items[0].count).toBe(2);
    expect(network).toMatchObject({ omitted: 7, omittedEstimated: false, omittedEvents: 8 });
  });

  it('estimates omitted entries in bounded memory when there are many', () => {
    const builder = new ReportBuilder({ entryLimit: 1 });
    for (let i = 0; i < 50_000; i++) builder.add(ev('unix_socket_connect', { unix_socket: { path: `/run/s${i}` } }));
    const sockets = builder.build(STATUS, META).unixSockets;
    expect(sockets.omittedEstimated).toBe(true);
    expect(sockets.omittedEvents).toBe(49_999);
    expect(Math.abs(sockets.omitted - 49_999) / 49_999).toBeLessThan(0.05);
  });

  it('caps argv samples and domain lists', () => {
    const exec = (arg: string) => ev('process_exec', {}, { exec_path: '/bin/sh', argv: ['sh', arg] });
    const answers = Array.from({ length: 9 }, (_, i) => `10.0.0.${i}`);
    const lookup = ev('domain', { domain: { name: 'x.test', source: 'dns', answers } });
    const model = build([exec('a'), exec('b'), exec('c'), exec('b'), exec('d'), lookup], { sampleLimit: 2 });
    expect(model.processes.executables.items[0].argvSamples).toEqual({ values: [['sh', 'a'], ['sh', 'b']], omitted: 2 });
    expect(model.domains.items[0].answers).toEqual({ values: ['10.0.0.0', '10.0.0.1'], omitted: 7 });
  });

  it('clips huge strings so one event cannot grow the model without bound', () => {
    const huge = 'x'.repeat(1_000_000);
    const model = build([ev('process_exec', {}, { exec_path: huge, argv: [huge] })]);
    expect(JSON.stringify(model).length).toBeLessThan(100_000);
    expect(model.processes.executables.items[0].execPath).toMatch(/… \(1000000 chars\)$/);
  });

  it('rejects limits that are not positive integers', () => {
    expect(() => new ReportBuilder({ rowLimit: 0 })).toThrow(RangeError);
    expect(() => new ReportBuilder({ entryLimit: 1.5 })).toThrow(RangeError);
  });
});

describe('process trees', () => {
  const exec = (pid: number, ppid: number, exec_path: string, label?: string) =>
    ev('process_exec', label === undefined ? {} : { step: { label } }, { pid, ppid, exec_path, argv: [exec_path] });
  const exit = (pid: number, exit_code: number, label?: string) =>
    ev('process_exit', label === undefined ? {} : { step: { label } }, { pid, exit_code });

  it('builds one tree per step with parents, re-execs and exit codes', () => {
    const model = build([
      exec(10, 1, '/bin/bash', 'run: make'),
      exec(11, 10, '/usr/bin/make', 'run: make'),
      exec(12, 11, '/bin/sh', 'run: make'),
      exec(12, 11, '/usr/bin/cc', 'run: make'),
      exit(12, 1, 'run: make'),
      exec(20, 1, '/usr/bin/node'),
    ]);
    const [make, job] = model.processes.trees.items;
    expect(make.label).toBe('run: make');
    expect(make.count).toBe(4);
    expect(make.nodes).toEqual([
      { pid: 10, ppid: 1, execPath: '/bin/bash', argv: ['/bin/bash'] },
      { pid: 11, ppid: 10, execPath: '/usr/bin/make', argv: ['/usr/bin/make'], parent: 0 },
      { pid: 12, ppid: 11, execPath: '/bin/sh', argv: ['/bin/sh'], parent: 1 },
      { pid: 12, ppid: 11, execPath: '/usr/bin/cc', argv: ['/usr/bin/cc'], parent: 2, sameProcess: true, exitCode: 1 },
    ]);
    expect(job.label).toBe('job');
  });

  it('keeps at most treeNodeLimit nodes per step and counts the rest', () => {
    const events = Array.from({ length: 30 }, (_, i) => exec(100 + i, 1, '/bin/true', 'run: loop'));
    events.push(exec(5, 1, '/bin/other', 'run: other'));
    const trees = build(events, { treeNodeLimit: 8 }).processes.trees;
    expect(trees.items[0]).toMatchObject({ label: 'run: loop', count: 30, omitted: 22 });
    expect(trees.items[0].nodes).toHaveLength(8);
    expect(trees.items[1].nodes).toHaveLength(1);
  });

  it('caps the number of steps', () => {
    const events = Array.from({ length: 5 }, (_, i) => exec(100 + i, 1, '/bin/true', `step ${i}`));
    expect(build(events, { stepLimit: 2 }).processes.trees).toMatchObject({ omitted: 3, omittedEvents: 3 });
  });
});
