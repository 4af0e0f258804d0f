/**
 * Sensor-core conformance on the real kernel: the scripted workload does one
 * of each thing, and each must appear exactly once with the right fields and
 * process context, every line valid against the event schema.
 */
import dgram from 'node:dgram';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { fixturesDir } from '../helpers/paths.js';
import { cleanupRuns, requireRoot, runSensor, type RunResult } from '../helpers/sensorRun.js';

const servers: { close(): void }[] = [];
let work: string;
let run: RunResult;
let ports: { port4: number; port6: number; closed: number; udp: number };
let unixPath: string;
const abstract = `cs-test-${process.pid}-${Date.now()}`;

function listen(server: net.Server, opts: net.ListenOptions): Promise<number> {
  servers.push(server);
  return new Promise((resolve) => server.listen(opts, () => resolve((server.address() as net.AddressInfo)?.port ?? 0)));
}

const tcpServer = (): net.Server => net.createServer((s) => s.destroy());

async function closedPort(): Promise<number> {
  const s = tcpServer();
  const port = await new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as net.AddressInfo).port)));
  await new Promise((resolve) => s.close(resolve));
  return port;
}

beforeAll(async () => {
  requireRoot();
  work = realpathSync(mkdtempSync(join(tmpdir(), 'cs-work-')));
  mkdirSync(join(work, 'sub'));
  for (const f of ['rel.txt', 'removed.txt', 'old.txt']) writeFileSync(join(work, 'sub', f), f);
  unixPath = join(work, 'unix.sock');
  const udpSock = dgram.createSocket('udp4');
  servers.push(udpSock);
  const udp = await new Promise<number>((resolve) => udpSock.bind(0, '127.0.0.1', () => resolve(udpSock.address().port)));
  ports = {
    port4: await listen(tcpServer(), { host: '127.0.0.1', port: 0 }),
    port6: await listen(tcpServer(), { host: '::1', port: 0 }),
    closed: await closedPort(),
    udp,
  };
  await listen(tcpServer(), { path: unixPath });
  await listen(tcpServer(), { path: `\0${abstract}` });
  run = await runSensor(
    [],
    [
      join(fixturesDir, 'workload.sh'),
      work,
      String(ports.port4),
      String(ports.port6),
      String(ports.closed),
      String(ports.udp),
      unixPath,
      abstract,
    ],
    { cwd: work },
  );
}, 120_000);

afterAll(() => {
  for (const s of servers) s.close();
  cleanupRuns();
  if (work) rmSync(work, { recursive: true, force: true });
});

const only = (events: EventRecord[], what: string): EventRecord => {
  if (events.length !== 1) throw new Error(`expected exactly one ${what}, got ${events.length}`);
  return events[0]!;
};

const of = (kind: EventRecord['kind']): EventRecord[] => run.events.filter((e) => e.kind === kind);
const mainBash = (): EventRecord =>
  only(
    of('process_exec').filter((e) => e.process.exec_path.endsWith('/bash') && e.process.argv[1]?.endsWith('workload.sh')),
    'workload exec',
  );

test('the command succeeds and the log is valid and complete', () => {
  expect(run.code).toBe(0);
  expect(run.events.length).toBeGreaterThan(20);
  expect(run.events.every((e) => e.job.id === 'local')).toBe(true);
  run.events.forEach((e, i) => expect(e.seq).toBe(i));
  expect(run.summary).toContain('Lost');
});

test('exec with awkward argv arrives once, verbatim', () => {
  const e = only(
    of('process_exec').filter((x) => x.process.argv[0] === '/bin/echo'),
    'echo exec',
  );
  expect(e.process.exec_path).toMatch(/\/echo$/);
  expect(e.process.argv).toEqual(['/bin/echo', 'two words', 'tab\there', 'ünïcødé ✓', '| `tick` <b>*bold*</b> [x](y) </details>']);
  expect(e.process.argv_truncated).toBeUndefined();
  expect(e.process.ppid).toBe(mainBash().process.pid);
  expect(e.process.ancestors[0]?.pid).toBe(mainBash().process.pid);
  expect(e.process.cwd).toBe(work);
});

test('argv past 2 KiB is cut and flagged', () => {
  const e = only(
    of('process_exec').filter((x) => x.process.argv[0] === '/bin/true'),
    'true exec',
  );
  expect(e.process.argv_truncated).toBe(true);
  expect(e.process.argv.length).toBeLessThan(201);
  expect(e.process.argv.length).toBeGreaterThan(50);
  expect(Buffer.byteLength(e.process.argv.join('\0'))).toBeLessThanOrEqual(2048);
});

test('a fork without exec is its own process, a copy of its parent', () => {
  const bash = mainBash();
  const e = only(
    of('file_open').filter((x) => x.file?.path === join(work, 'forked.txt')),
    'forked open',
  );
  expect(e.process.pid).not.toBe(bash.process.pid);
  expect(e.process.ppid).toBe(bash.process.pid);
  expect(e.process.exec_path).toBe(bash.process.exec_path);
  expect(e.process.ancestors[0]?.pid).toBe(bash.process.pid);
  expect(e.file?.flags).toEqual(expect.arrayContaining(['O_CREAT', 'O_TRUNC', 'O_WRONLY']));
});

test('a relative open after cd has its absolute path', () => {
  const e = only(
    of('file_open').filter((x) => x.file?.path === join(work, 'sub', 'rel.txt')),
    'rel.txt open',
  );
  expect(e.process.exec_path).toMatch(/\/cat$/);
  expect(e.file?.access).toBe('read');
});

test('create/truncate is a write open with its flags', () => {
  const e = only(
    of('file_open').filter((x) => x.file?.path === join(work, 'sub', 'created.txt')),
    'created.txt open',
  );
  expect(e.file?.access).toBe('write');
  expect(e.file?.flags).toEqual(expect.arrayContaining(['O_CREAT', 'O_TRUNC']));
  expect(e.process.pid).toBe(mainBash().process.pid);
});

test('remove, move, hard link and symlink each arrive once with absolute paths', () => {
  const sub = join(work, 'sub');
  const removed = only(of('file_remove'), 'remove');
  expect(removed.file?.path).toBe(join(sub, 'removed.txt'));
  expect(removed.process.exec_path).toMatch(/\/rm$/);
  const moved = only(of('file_move'), 'move');
  expect(moved.file).toMatchObject({ path: join(sub, 'old.txt'), target_path: join(sub, 'new.txt') });
  const links = of('file_link');
  expect(links).toHaveLength(2);
  expect(only(links.filter((l) => l.file?.link_type === 'hard'), 'hard link').file).toMatchObject({
    path: join(sub, 'created.txt'),
    target_path: join(sub, 'hard.txt'),
  });
  expect(only(links.filter((l) => l.file?.link_type === 'symbolic'), 'symlink').file).toMatchObject({
    path: join(sub, 'created.txt'),
    target_path: join(sub, 'soft.txt'),
  });
});

test('TCP v4, v6, a refused connect and unconnected UDP each arrive once', () => {
  const net = of('network_connect');
  const find = (protocol: string, address: string, port: number) =>
    only(
      net.filter((e) => e.network?.protocol === protocol && e.network.address === address && e.network.port === port),
      `${protocol} ${address}:${port}`,
    );
  expect(find('tcp', '127.0.0.1', ports.port4).network?.family).toBe('ipv4');
  expect(find('tcp', '::1', ports.port6).network?.family).toBe('ipv6');
  find('tcp', '127.0.0.1', ports.closed);
  const udp = find('udp', '127.0.0.1', ports.udp);
  expect(udp.process.exec_path).toMatch(/node/);
  expect(udp.process.ancestors.map((a) => a.pid)).toContain(mainBash().process.pid);
});

test('unix sockets by path and abstract name arrive once', () => {
  const unix = of('unix_socket_connect');
  only(unix.filter((e) => e.unix_socket?.path === unixPath), 'unix path connect');
  only(unix.filter((e) => e.unix_socket?.path === `@${abstract}`), 'abstract connect');
});

test('every process exits once with its code', () => {
  const exits = of('process_exit');
  const execPids = new Set(of('process_exec').map((e) => e.process.pid));
  for (const pid of execPids) only(exits.filter((e) => e.process.pid === pid), `exit of ${pid}`);
  expect(exits.every((e) => e.process.exit_code === 0)).toBe(true);
});
