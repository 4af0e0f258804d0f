import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANCESTOR_DEPTH, ProcessTable, readProc, startTicks } from '../../src/kerneltracker/processTable.js';

/** Start times a whole /proc tick (10 ms) apart, so each names a distinct process. */
const start = (n: number): number => n * 10_000_000;

function image(execPath: string, argv: string[], cwd = '/w'): {
  execPath: string;
  argv: string[];
  argvTruncated: boolean;
  cwd: string;
  uid: number;
} {
  return { execPath, argv, argvTruncated: false, cwd, uid: 1001 };
}

/** A table holding one process, pid 100, running bash, whose parent is untracked. */
function withShell(): ProcessTable {
  const t = new ProcessTable();
  t.exec(100, start(1), 1, start(0), image('/usr/bin/bash', ['bash', 'ci.sh']));
  return t;
}

describe('ProcessTable', () => {
  it('starts a process whose parent it never saw with no ancestors', () => {
    const node = withShell().get(100, start(1))!;
    expect(node).toMatchObject({ pid: 100, ppid: 1, execPath: '/usr/bin/bash', ancestors: [], ancestorsTruncated: false });
  });

  it('gives a forked child its parent image and the parent as nearest ancestor', () => {
    const t = withShell();
    const child = t.fork(101, start(2), 100, start(1), 1001);
    expect(child).toMatchObject({
      pid: 101,
      ppid: 100,
      uid: 1001,
      execPath: '/usr/bin/bash',
      argv: ['bash', 'ci.sh'],
      cwd: '/w',
      ancestors: [{ pid: 100, exec_path: '/usr/bin/bash', argv: ['bash', 'ci.sh'] }],
      ancestorsTruncated: false,
    });
    const grandchild = t.fork(102, start(3), 101, start(2), 1001);
    expect(grandchild.ancestors.map((a) => a.pid)).toEqual([101, 100]);
  });

  it('forks from the right parent only when the parent start matches', () => {
    const t = withShell();
    // A parent start naming another process with pid 100: the parent is unknown.
    const orphan = t.fork(101, start(2), 100, start(9), 0);
    expect(orphan.ancestors).toEqual([]);
    expect(orphan.execPath).toBe('');
  });

  it('updates the node on exec, and what children forked later see', () => {
    const t = withShell();
    const before = t.fork(101, start(2), 100, start(1), 1001);
    t.exec(100, start(1), 1, start(0), image('/usr/bin/make', ['make', '-j4'], '/w/src'));

    expect(t.get(100, start(1))).toMatchObject({ execPath: '/usr/bin/make', argv: ['make', '-j4'], cwd: '/w/src' });
    // The earlier child was forked from bash, and keeps saying so.
    expect(before.ancestors[0]).toEqual({ pid: 100, exec_path: '/usr/bin/bash', argv: ['bash', 'ci.sh'] });
    const after = t.fork(102, start(3), 100, start(1), 1001);
    expect(after.ancestors[0]).toEqual({ pid: 100, exec_path: '/usr/bin/make', argv: ['make', '-j4'] });
    expect(after.execPath).toBe('/usr/bin/make');
  });

  it('exec in a forked child replaces its image but keeps its ancestors', () => {
    const t = withShell();
    t.fork(101, start(2), 100, start(1), 1001);
    const node = t.exec(101, start(2), 100, start(1), image('/usr/bin/curl', ['curl', 'x']));
    expect(node).toMatchObject({ execPath: '/usr/bin/curl', argv: ['curl', 'x'] });
    expect(node.ancestors.map((a) => a.pid)).toEqual([100]);
    expect(t.size).toBe(2);
  });

  it(`keeps ${ANCESTOR_DEPTH} ancestors, nearest first, and flags deeper chains`, () => {
    const t = withShell();
    let parent = 100;
    const depth: Record<number, { n: number; truncated: boolean; nearest: number }> = {};
    for (let level = 1; level <= ANCESTOR_DEPTH + 3; level++) {
      const pid = 100 + level;
      const node = t.fork(pid, start(pid), parent, start(parent === 100 ? 1 : parent), 0);
      depth[level] = { n: node.ancestors.length, truncated: node.ancestorsTruncated, nearest: node.ancestors[0]!.pid };
      parent = pid;
    }
    expect(depth[1]).toEqual({ n: 1, truncated: false, nearest: 100 });
    expect(depth[ANCESTOR_DEPTH]).toEqual({ n: ANCESTOR_DEPTH, truncated: false, nearest: 100 + ANCESTOR_DEPTH - 1 });
    expect(depth[ANCESTOR_DEPTH + 1]).toEqual({ n: ANCESTOR_DEPTH, truncated: true, nearest: 100 + ANCESTOR_DEPTH });
    expect(depth[ANCESTOR_DEPTH + 3]).toMatchObject({ n: ANCESTOR_DEPTH, truncated: true });
    // The cut drops the farthest ancestors: the root shell is gone, the parent is kept.
    const deepest = t.get(100 + ANCESTOR_DEPTH + 3, 0)!;
    expect(deepest.ancestors.map((a) => a.pid)).toEqual(
      Array.from({ length: ANCESTOR_DEPTH }, (_, i) => 100 + ANCESTOR_DEPTH + 2 - i),
    );
  });

  it('treats a reused pid with another start time as a new process', () => {
    const t = withShell();
    t.fork(200, start(5), 100, start(1), 0);
    t.exec(200, start(5), 100, start(1), image('/usr/bin/old', ['old']));
    const reused = t.fork(200, start(50), 1, start(0), 0);
    expect(reused.execPath).toBe('');
    expect(t.get(200, start(5))).toBeUndefined();
    expect(t.get(200, start(50))).toBe(reused);
    expect(t.get(200, 0)).toBe(reused);
    expect(t.size).toBe(2);
  });

  it('an exec under a reused pid makes a new node rather than editing the old one', () => {
    const t = withShell();
    const old = t.fork(200, start(5), 100, start(1), 0);
    const fresh = t.exec(200, start(60), 1, start(0), image('/bin/true', ['true']));
    expect(fresh).not.toBe(old);
    expect(old.execPath).toBe('/usr/bin/bash');
    expect(fresh.ancestors).toEqual([]);
  });

  it('removes a node on exit and returns it', () => {
    const t = withShell();
    t.fork(101, start(2), 100, start(1), 0);
    expect(t.exit(101, start(9))).toBeUndefined(); // another process with that pid
    expect(t.size).toBe(2);
    expect(t.exit(101, start(2))).toMatchObject({ pid: 101 });
    expect(t.get(101, 0)).toBeUndefined();
    expect(t.exit(101, start(2))).toBeUndefined();
    expect(t.size).toBe(1);
  });

  it("keeps a child's ancestors after its parent exits", () => {
    const t = withShell();
    const child = t.fork(101, start(2), 100, start(1), 0);
    t.exit(100, start(1));
    expect(child.ancestors.map((a) => a.exec_path)).toEqual(['/usr/bin/bash']);
  });

  it('stays bounded over 100k fork/exit pairs', () => {
    const t = withShell();
    const baseline = t.size;
    let exited = 0;
    for (let i = 0; i < 100_000; i++) {
      const pid = 1000 + (i % 30_000);
      t.fork(pid, start(10 + i), 100, start(1), 0);
      if (t.exit(pid, start(10 + i))) exited++;
    }
    expect(exited).toBe(100_000);
    expect(t.size).toBe(baseline);
    expect([...t.pids()]).toEqual([100]);
  });

  it('forgets whole sets of pids', () => {
    const t = withShell();
    t.fork(101, start(2), 100, start(1), 0);
    t.fork(102, start(3), 100, start(1), 0);
    t.forget([100, 102, 999]);
    expect([...t.pids()]).toEqual([101]);
  });

  it('compares start times at /proc tick resolution', () => {
    expect(startTicks(start(7) + 9_999_999)).toBe(7);
    const t = withShell();
    expect(t.get(100, start(1) + 5_000_000)).toBeDefined();
  });
});

describe('readProc', () => {
  it('reads the current process', () => {
    const p = readProc(process.pid)!;
    expect(p).toBeDefined();
    expect(p.ppid).toBe(process.ppid);
    expect(p.execPath).toBe(process.execPath);
    // node drops its own options from process.argv and resolves the script path;
    // the arguments after the script are as given.
    const rest = process.argv.slice(2);
    expect(p.argv.slice(p.argv.length - rest.length)).toEqual(rest);
    expect(p.argv).toHaveLength(process.argv.length + process.execArgv.length);
    const uptimeTicks = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 100;
    expect(p.startTicks).toBeGreaterThan(0);
    expect(p.startTicks).toBeLessThanOrEqual(uptimeTicks + 1);
  });

  describe('with a fake /proc', () => {
    let root: string;

    /** A /proc/PID with the given comm, ppid and start ticks. */
    function fakeProc(pid: number, comm: string, ppid: number, ticks: number, cmdline?: string, exe?: string): void {
      const dir = join(root, String(pid));
      mkdirSync(dir);
      // Fields 3..22 of proc(5): state, ppid, pgrp, session, tty_nr, tpgid, flags,
      // minflt, cminflt, majflt, cmajflt, utime, stime, cutime, cstime, priority,
      // nice, num_threads, itrealvalue, starttime; then more that are ignored.
      const rest = ['S', ppid, pid, pid, 0, -1, 4194560, 120, 0, 0, 0, 3, 1, 0, 0, 20, 0, 1, 0, ticks, 9441280, 900];
      writeFileSync(join(dir, 'stat'), `${pid} (${comm}) ${rest.join(' ')}\n`);
      if (cmdline !== undefined) writeFileSync(join(dir, 'cmdline'), cmdline);
      if (exe !== undefined) symlinkSync(exe, join(dir, 'exe'));
    }

    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'cicd-sensor-proc-'));
      fakeProc(4242, 'evil) 1 2 (x', 77, 123456, 'python3\0-c\0print(1)\0', '/usr/bin/python3.12');
      fakeProc(2, 'kthreadd', 0, 3, '');
      fakeProc(5, 'a b', 4, 10, 'x\0y'); // cmdline without a trailing NUL
      fakeProc(6, 'no-cmdline', 1, 1);
    });

    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('parses fields after the last ) of a comm with spaces and parentheses', () => {
      expect(readProc(4242, root)).toEqual({
        ppid: 77,
        startTicks: 123456,
        execPath: '/usr/bin/python3.12',
        argv: ['python3', '-c', 'print(1)'],
      });
    });

    it('reads a kernel thread: no exe, empty cmdline', () => {
      expect(readProc(2, root)).toEqual({ ppid: 0, startTicks: 3, execPath: '', argv: [] });
    });

    it('splits a cmdline without a trailing NUL', () => {
      expect(readProc(5, root)).toMatchObject({ ppid: 4, startTicks: 10, argv: ['x', 'y'] });
    });

    it('gives undefined for a process that is gone or half gone', () => {
      expect(readProc(999999, root)).toBeUndefined();
      expect(readProc(6, root)).toBeUndefined();
    });
  });
});
