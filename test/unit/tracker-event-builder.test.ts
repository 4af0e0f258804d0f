import { describe, expect, it } from '@jest/globals';
import type { FileOpSample, Sample, SampleBase } from '../../src/kernel/decode.js';
import { rfc3339Micros } from '../../src/events/eventTime.js';
import { buildEvent, exitFields, processContext } from '../../src/kerneltracker/eventBuilder.js';
import { ProcessTable, type ProcessNode } from '../../src/kerneltracker/processTable.js';

const PATH_TRUNCATED = 1 << 1;
const PATH2_TRUNCATED = 1 << 2;
const O_WRONLY = 0o1;
const O_CREAT = 0o100;
const O_TRUNC = 0o1000;

/** Boot at 2024-01-02T03:04:05Z, in wall-clock ns. */
const BOOT_TO_REAL_NS = Date.UTC(2024, 0, 2, 3, 4, 5) * 1e6;

function node(over: Partial<ProcessNode> = {}): ProcessNode {
  const execPath = over.execPath ?? '/usr/bin/bash';
  const argv = over.argv ?? ['bash', 'build.sh'];
  return {
    pid: 300,
    startTicks: 150,
    startNs: 1_500_000_000,
    ppid: 200,
    uid: 1001,
    execPath,
    argv,
    argvTruncated: false,
    cwd: '/home/runner/work/repo',
    ancestors: [{ pid: 200, exec_path: '/usr/bin/node', argv: ['node', 'runner.js'] }],
    ancestorsTruncated: false,
    asAncestor: { pid: 300, exec_path: execPath, argv },
    ...over,
  };
}

const BASE: SampleBase = { pid: 300, tid: 301, flags: 0, timeNs: 9e9, cgroupId: 4242, startNs: 1_500_000_000 };

const build = (s: Sample, n: ProcessNode = node()) =>
  buildEvent(s, { job: { id: 'j' }, container: undefined, node: n, bootToRealNs: BOOT_TO_REAL_NS });

/** The decoder's booleans for a header flag word (what the kernel-decode tests check). */
const truncated = (flags: number) => (flags & (PATH_TRUNCATED | PATH2_TRUNCATED) ? { pathTruncated: true as const } : {});

function fileOp(op: FileOpSample['op'], path: FileOpSample['path'], path2?: FileOpSample['path2'], flags = 0) {
  const s: FileOpSample = { ...BASE, flags, kind: 'file_op', op, opFlags: 0, path, ...truncated(flags) };
  if (path2) s.path2 = path2;
  return build(s);
}

describe('rfc3339Micros', () => {
  it('prints UTC with six fractional digits', () => {
    expect(rfc3339Micros(0)).toBe('1970-01-01T00:00:00.000000Z');
    expect(rfc3339Micros(Date.UTC(2024, 1, 29, 23, 59, 59) * 1e6 + 123_456_789)).toBe('2024-02-29T23:59:59.123456Z');
  });

  it('pads milliseconds and microseconds separately', () => {
    expect(rfc3339Micros(1e9 + 5_000)).toBe('1970-01-01T00:00:01.000005Z');
    expect(rfc3339Micros(1e9 + 7_000_000 + 40_000)).toBe('1970-01-01T00:00:01.007040Z');
    expect(rfc3339Micros(1e9 + 999_999_999)).toBe('1970-01-01T00:00:01.999999Z');
  });

  it('truncates below a microsecond instead of rounding up', () => {
    expect(rfc3339Micros(999)).toBe('1970-01-01T00:00:00.000000Z');
    expect(rfc3339Micros(59_999_999_999)).toBe('1970-01-01T00:00:59.999999Z');
  });

  it('keeps microseconds for present-day times, which exceed 2^53 ns', () => {
    const ns = Date.UTC(2025, 5, 1) * 1e6 + 250_750_000;
    expect(rfc3339Micros(ns)).toBe('2025-06-01T00:00:00.250750Z');
  });
});

describe('exitFields', () => {
  it('gives the exit code of a normal exit and no signal', () => {
    expect(exitFields(0)).toEqual({ exit_code: 0 });
    expect(exitFields(1 << 8)).toEqual({ exit_code: 1 });
    expect(exitFields(255 << 8)).toEqual({ exit_code: 255 });
    expect(exitFields(0)).not.toHaveProperty('exit_signal');
  });

  it('gives 128 + n and the signal for a killed process, core dump or not', () => {
    expect(exitFields(9)).toEqual({ exit_code: 137, exit_signal: 9 });
    expect(exitFields(15)).toEqual({ exit_code: 143, exit_signal: 15 });
    expect(exitFields(0x80 | 11)).toEqual({ exit_code: 139, exit_signal: 11 });
  });
});

describe('processContext', () => {
  it('carries the node, with start_time in wall-clock time', () => {
    expect(processContext(node(), BOOT_TO_REAL_NS)).toEqual({
      pid: 300,
      ppid: 200,
      uid: 1001,
      exec_path: '/usr/bin/bash',
      argv: ['bash', 'build.sh'],
      cwd: '/home/runner/work/repo',
      start_time: '2024-01-02T03:04:06.500000Z',
      ancestors: [{ pid: 200, exec_path: '/usr/bin/node', argv: ['node', 'runner.js'] }],
    });
  });

  it('sets the truncation flags only when true and leaves unknown fields out', () => {
    const ctx = processContext(
      node({ argvTruncated: true, ancestorsTruncated: true, uid: undefined, cwd: undefined, startNs: 0 }),
      BOOT_TO_REAL_NS,
    );
    expect(ctx).toMatchObject({ argv_truncated: true, ancestors_truncated: true });
    for (const key of ['uid', 'cwd', 'start_time']) expect(ctx).not.toHaveProperty(key);
  });
});

describe('buildEvent', () => {
  it('builds process_exec from the node', () => {
    const e = build({ ...BASE, kind: 'exec', ppid: 200, uid: 1001, parentStartNs: 1, execPath: '/x', argv: [], cwd: '/' });
    expect(e).toMatchObject({ kind: 'process_exec', cgroup_id: 4242, process: { pid: 300, exec_path: '/usr/bin/bash' } });
    // Every event has every payload key (one shape for all kinds), undefined but for its own.
    expect(e?.file).toBeUndefined();
    expect(JSON.parse(JSON.stringify(e))).not.toHaveProperty('file');
  });

  it('builds process_exit with exit code and signal', () => {
    expect(build({ ...BASE, kind: 'exit', status: 2 << 8 })?.process).toMatchObject({ exit_code: 2 });
    expect(build({ ...BASE, kind: 'exit', status: 6 })).toMatchObject({
      kind: 'process_exit',
      process: { exit_code: 134, exit_signal: 6 },
    });
  });

  it('builds no event for fork and cgroup samples', () => {
    expect(build({ ...BASE, kind: 'fork', ppid: 1, uid: 0, parentStartNs: 0 })).toBeUndefined();
    expect(build({ ...BASE, kind: 'cgroup', op: 'mkdir', id: 5, parentId: 4, name: 'x' })).toBeUndefined();
  });

  it('builds network_connect', () => {
    const e = build({
      ...BASE,
      kind: 'connect',
      protocol: 'udp',
      family: 'ipv6',
      address: '2001:4860:4860::8888',
      port: 53,
      viaSendmsg: true,
    });
    expect(e).toMatchObject({
      kind: 'network_connect',
      network: { protocol: 'udp', family: 'ipv6', address: '2001:4860:4860::8888', port: 53 },
    });
    expect(e!.network).not.toHaveProperty('viaSendmsg');
  });

  it('builds file_open with access, flag names and truncation', () => {
    const open = (access: number, flags = 0) =>
      build({ ...BASE, flags, kind: 'file_open', openFlags: O_WRONLY | O_CREAT | O_TRUNC, access, path: '/tmp/o', ...truncated(flags) });
    expect(open(2)).toMatchObject({
      kind: 'file_open',
      file: { path: '/tmp/o', access: 'write', flags: ['O_WRONLY', 'O_CREAT', 'O_TRUNC'] },
    });
    // Left out of the line (an OpenedFile holds every key, undefined where the event has none).
    expect(JSON.parse(JSON.stringify(open(2)!.file))).toEqual({ path: '/tmp/o', access: 'write', flags: ['O_WRONLY', 'O_CREAT', 'O_TRUNC'] });
    expect(Object.keys(JSON.parse(JSON.stringify(open(2)!.file)))).toEqual(['path', 'access', 'flags']);
    expect(open(1)!.file!.access).toBe('read');
    expect(open(3)!.file!.access).toBe('read_write');
    expect(open(4)!.file!.access).toBe('exec');
    expect(open(2, PATH_TRUNCATED)!.file!.path_truncated).toBe(true);
  });

  it('builds file_remove for unlink, resolving a relative path against its base', () => {
    const e = fileOp('unlink', { raw: '../tmp/./a.txt', base: '/home/runner/work' });
    expect(e).toMatchObject({ kind: 'file_remove', file: { path: '/home/runner/tmp/a.txt' } });
    expect(e!.file).not.toHaveProperty('directory');
  });

  it('builds file_remove with is_dir: true for rmdir', () => {
    expect(fileOp('rmdir', { raw: 'build', base: '/w' })).toEqual(
      expect.objectContaining({ kind: 'file_remove', file: { path: '/w/build', is_dir: true } }),
    );
  });

  it('builds file_move with both paths resolved', () => {
    const e = fileOp('rename', { raw: 'a', base: '/w' }, { raw: '/etc//b' });
    expect(e).toMatchObject({ kind: 'file_move', file: { path: '/w/a', target_path: '/etc/b' } });
  });

  it('builds a hard file_link: path is the existing file, target_path the new name', () => {
    const e = fileOp('link', { raw: '/usr/bin/x' }, { raw: 'y', base: '/w' });
    expect(e).toMatchObject({ kind: 'file_link', file: { path: '/usr/bin/x', target_path: '/w/y', link_type: 'hard' } });
  });

  it("resolves a relative symlink target against the link's own directory", () => {
    // ln -s ../lib/libz.so.1 /usr/local/bin/libz.so, run from /w
    const e = fileOp('symlink', { raw: '../lib/libz.so.1' }, { raw: 'bin/libz.so', base: '/usr/local' });
    expect(e).toMatchObject({
      kind: 'file_link',
      file: { path: '/usr/local/lib/libz.so.1', target_path: '/usr/local/bin/libz.so', link_type: 'symbolic' },
    });
  });

  it('keeps an absolute symlink target and handles a link in the root directory', () => {
    expect(fileOp('symlink', { raw: '/etc/hosts' }, { raw: 'h', base: '/w' })?.file).toMatchObject({
      path: '/etc/hosts',
      target_path: '/w/h',
    });
    expect(fileOp('symlink', { raw: 'etc/hosts' }, { raw: '/h' })?.file).toMatchObject({
      path: '/etc/hosts',
      target_path: '/h',
    });
  });

  it('flags file ops whose paths were truncated', () => {
    expect(fileOp('unlink', { raw: 'a', base: '/…/x' }, undefined, PATH_TRUNCATED)?.file).toEqual({
      path: '/…/x/a',
      path_truncated: true,
    });
    expect(fileOp('rename', { raw: '/a' }, { raw: 'b', base: '/…/y' }, PATH2_TRUNCATED)?.file?.path_truncated).toBe(
      true,
    );
    expect(fileOp('rename', { raw: '/a' }, { raw: '/b' })?.file).not.toHaveProperty('path_truncated');
  });

  it('builds unix_socket_connect', () => {
    expect(build({ ...BASE, kind: 'unix_connect', path: '@dbus' })).toMatchObject({
      kind: 'unix_socket_connect',
      unix_socket: { path: '@dbus' },
    });
  });

  it('takes the process from the node given, not the sample', () => {
    const e = build({ ...BASE, pid: 1, kind: 'unix_connect', path: '/s' }, node({ pid: 77 }));
    expect(e!.process.pid).toBe(77);
    expect(e!.cgroup_id).toBe(4242);
  });
});

describe('shared process context', () => {
  it('is built once per image, and an exit adds its fields to a copy', () => {
    const n = node();
    const open = build({ ...BASE, kind: 'file_open', openFlags: 0, access: 1, path: '/etc/hosts' }, n);
    const exit = build({ ...BASE, kind: 'exit', status: 2 << 8 }, n);
    expect(exit?.process).toMatchObject({ pid: 300, exit_code: 2 });
    expect(open?.process).not.toHaveProperty('exit_code');
    expect(processContext(n, BOOT_TO_REAL_NS)).toBe(open?.process);
  });

  it('is rebuilt after exec replaces the image', () => {
    const table = new ProcessTable();
    const n = table.exec(300, 1_500_000_000, 1, 0, { execPath: '/bin/sh', argv: ['sh'], argvTruncated: false, cwd: '/', uid: 0 });
    const before = processContext(n, BOOT_TO_REAL_NS);
    table.exec(300, 1_500_000_000, 1, 0, { execPath: '/bin/make', argv: ['make'], argvTruncated: false, cwd: '/', uid: 0 });
    expect(processContext(n, BOOT_TO_REAL_NS)).toMatchObject({ exec_path: '/bin/make', argv: ['make'] });
    expect(before.exec_path).toBe('/bin/sh');
  });
});
