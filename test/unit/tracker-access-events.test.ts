/**
 * The tracker side of this round's kinds: process_access and mount payloads,
 * /proc/<pid>/ targets, the processes they name, and protect-runner's
 * protected pids kept in step with the jobs that asked for them.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '../../src/events/eventRecord.js';
import type { AccessSample, ExecSample, MountSample } from '../../src/kernel/decode.js';
import { accessInfo, mountInfo, procTarget, type TargetLookup } from '../../src/kerneltracker/accessEvents.js';
import { KernelTracker } from '../../src/kerneltracker/kernelTracker.js';
import { ProcessTable } from '../../src/kerneltracker/processTable.js';
import { ProcessTargets } from '../../src/kerneltracker/targets.js';
import { FakeMaps } from './fixtures/fakeMaps.js';

const header = { pid: 50, tid: 50, flags: 0, timeNs: 1e9, cgroupId: 10, startNs: 5e9 };
const access = (f: Partial<AccessSample> = {}): AccessSample => ({
  kind: 'access', ...header, op: 'ptrace', request: 16, targetPid: 7, targetStartNs: 0, targetInCallerNs: false, write: false, prevented: undefined, ...f,
});
const lookup: TargetLookup = {
  describe: (pid) => ({ pid, exec_path: `/bin/p${pid}`, argv: [`p${pid}`] }),
  inJob: (pid) => pid === 8,
};

describe('accessInfo', () => {
  it('names the ptrace request and the target, outside the job, prevented', () => {
    expect(accessInfo(access({ prevented: 'signal' }), lookup)).toEqual({
      operation: 'ptrace',
      request: 'PTRACE_ATTACH',
      target: { pid: 7, exec_path: '/bin/p7', argv: ['p7'], in_job: false },
      prevented: true,
    });
  });

  it('gives /proc opens their file and write access, and job targets in_job', () => {
    expect(accessInfo(access({ op: 'proc_mem_open', procFile: 'mem', targetPid: 8, write: true }), lookup)).toEqual({
      operation: 'proc_mem_open',
      proc_file: 'mem',
      write: true,
      target: { pid: 8, exec_path: '/bin/p8', argv: ['p8'], in_job: true },
    });
  });

  it('keeps a pid of the caller\'s own pid namespace bare: the host\'s tables do not know it', () => {
    expect(accessInfo(access({ op: 'process_vm_readv', targetInCallerNs: true }), lookup)).toEqual({ operation: 'process_vm_readv', target: { pid: 7 } });
  });

  it('names ptrace requests it has no name for by number', () => {
    expect(accessInfo(access({ request: 0x4299 }), lookup).request).toBe(`PTRACE_${0x4299}`);
  });
});

describe('mountInfo', () => {
  const mount = (f: Partial<MountSample>): MountSample => ({
    kind: 'mount', ...header, op: 'mount', mountFlags: 4096, source: { raw: '/' }, target: { raw: 'host', base: '/mnt' }, pathTruncated: false, ...f,
  });

  it('resolves relative paths and names MS_* flags', () => {
    expect(mountInfo(mount({ mountFlags: 4096 | 16384 | 1 }))).toEqual({ source: '/', target: '/mnt/host', flags: ['MS_RDONLY', 'MS_BIND', 'MS_REC'], operation: 'mount' });
  });

  it('ignores the MS_MGC_VAL magic in the top half', () => {
    expect(mountInfo(mount({ mountFlags: 0xc0ed0000 | 8192 })).flags).toEqual(['MS_MOVE']);
  });

  it('names move_mount flags, with an empty path standing for its dirfd', () => {
    const info = mountInfo(mount({ op: 'move_mount', mountFlags: 4, source: { raw: '', base: '/tmp/tree' }, target: { raw: '/srv' } }));
    expect(info).toEqual({ source: '/tmp/tree', target: '/srv', flags: ['MOVE_MOUNT_F_EMPTY_PATH'], operation: 'move_mount' });
  });

  it('leaves the source out when there is none', () => {
    expect(mountInfo(mount({ op: 'move_mount', mountFlags: 0, source: { raw: '' } }))).not.toHaveProperty('source');
  });
});

describe('procTarget', () => {
  it('names the process of a /proc/<pid>/ path, not the caller itself, not other paths', () => {
    expect(procTarget('/proc/7/environ', 50, lookup)).toEqual({ pid: 7, exec_path: '/bin/p7', argv: ['p7'] });
    expect(procTarget('/proc/7', 50, lookup)?.pid).toBe(7);
    expect(procTarget('/proc/50/maps', 50, lookup)).toBeUndefined();
    expect(procTarget('/proc/self/maps', 50, lookup)).toBeUndefined();
    expect(procTarget('/proc/77x/maps', 50, lookup)).toBeUndefined();
    expect(procTarget('/etc/proc/7/environ', 50, lookup)).toBeUndefined();
  });
});

describe('ProcessTargets', () => {
  const root = mkdtempSync(join(tmpdir(), 'cs-targets-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function fakeProc(pid: number, argv: string[], ticks: number, exe: string): void {
    const dir = join(root, String(pid));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeFileSync(join(dir, 'stat'), `${pid} (x y) S 1 ${Array.from({ length: 17 }, () => '0').join(' ')} ${ticks} 0\n`);
    writeFileSync(join(dir, 'cmdline'), argv.map((a) => `${a}\0`).join(''));
    symlinkSync(exe, join(dir, 'exe'));
  }

  it('prefers the process table, else reads /proc, and caches briefly', () => {
    let now = 0;
    const table = new ProcessTable();
    table.fork(100, 1e9, 1, 0, 0);
    const targets = new ProcessTargets(table, () => now, root);
    expect(targets.describe(100, 0)).toMatchObject({ pid: 100 });
    fakeProc(200, ['Runner.Worker', 'spawnclient'], 300, '/opt/runner/bin/Runner.Worker');
    expect(targets.describe(200, 0)).toEqual({ pid: 200, exec_path: '/opt/runner/bin/Runner.Worker', argv: ['Runner.Worker', 'spawnclient'] });
    fakeProc(200, ['other'], 300, '/bin/other');
    expect(targets.describe(200, 0).argv).toEqual(['Runner.Worker', 'spawnclient']);
    now += 5_000;
    expect(targets.describe(200, 0).argv).toEqual(['other']);
  });

  it('knows a gone process, or a reused pid, by its pid alone', () => {
    const targets = new ProcessTargets(new ProcessTable(), () => 0, root);
    expect(targets.describe(999, 0)).toEqual({ pid: 999 });
    fakeProc(300, ['new'], 400, '/bin/new');
    expect(targets.describe(300, 1e9)).toEqual({ pid: 300 });
  });
});

describe('KernelTracker and http_request', () => {
  it('sends the request as the socket owner\'s event, source cleartext_http', () => {
    const tracker = new KernelTracker(new FakeMaps(), 0);
    const events: EventRecord[] = [];
    tracker.registerJob({ id: 'j' }, [{ id: 10n }], { write: (e) => events.push(e) });
    tracker.handle({ kind: 'http_request', ...header, startNs: 0, method: 'POST', path: '/u', host: '198.51.100.7:80', source: 'cleartext_http', family: 'ipv4', address: '198.51.100.7', port: 80 });
    expect(events[0]).toMatchObject({ kind: 'http_request', process: { pid: 50 }, http: { method: 'POST', path: '/u', host: '198.51.100.7:80', source: 'cleartext_http' } });
  });

  it('keeps the source of a request read from SSL_write', () => {
    const tracker = new KernelTracker(new FakeMaps(), 0);
    const events: EventRecord[] = [];
    tracker.registerJob({ id: 'j' }, [{ id: 10n }], { write: (e) => events.push(e) });
    tracker.handle({ kind: 'http_request', ...header, startNs: 0, method: 'GET', path: '/x', host: 'example.test', source: 'openssl' });
    expect(events[0]).toMatchObject({ kind: 'http_request', process: { pid: 50 }, http: { method: 'GET', path: '/x', host: 'example.test', source: 'openssl' } });
  });
});

describe('KernelTracker and protect-runner', () => {
  const exec = (pid: number): ExecSample => ({ kind: 'exec', ...header, pid, ppid: 1, uid: 0, parentStartNs: 0, execPath: '/bin/sh', argv: ['sh'], cwd: '/' });

  it('protects the pids a job names while any job names them, and lets go after the last', () => {
    const maps = new FakeMaps();
    const tracker = new KernelTracker(maps, 0);
    tracker.registerJob({ id: 'a' }, [{ id: 10n }], { write: () => undefined }, { workerPid: 500, protectPids: [1, 500] });
    tracker.registerJob({ id: 'b' }, [{ id: 11n }], { write: () => undefined }, { workerPid: 600, protectPids: [1, 600] });
    expect([...maps.protected].sort((x, y) => x - y)).toEqual([1, 500, 600]);
    tracker.unregisterJob('a');
    expect([...maps.protected].sort((x, y) => x - y)).toEqual([1, 600]);
    tracker.unregisterJob('b');
    expect(maps.protected.size).toBe(0);
    expect(tracker.mirrorSizes().protectedPids).toBe(0);
  });

  it('sends process_access with the target resolved, the worker outside the job', () => {
    const maps = new FakeMaps();
    const tracker = new KernelTracker(maps, 0);
    const events: EventRecord[] = [];
    tracker.registerJob({ id: 'j' }, [{ id: 10n }], { write: (e) => events.push(e) }, { workerPid: process.pid });
    tracker.handle(exec(50));
    tracker.handle(exec(51));
    tracker.handle(access({ targetPid: 51, op: 'process_vm_readv' }));
    tracker.handle(access({ targetPid: process.pid, prevented: 'signal' }));
    const accesses = events.filter((e) => e.kind === 'process_access').map((e) => e.access);
    expect(accesses[0]).toMatchObject({ operation: 'process_vm_readv', target: { pid: 51, exec_path: '/bin/sh', in_job: true } });
    expect(accesses[1]).toMatchObject({ operation: 'ptrace', prevented: true, target: { pid: process.pid, exec_path: process.execPath, in_job: false } });
  });
});
