/** The KernelTracker's mirror against fake kernel maps: staging, promote, expiry, cleanup. */
import { describe, expect, it } from '@jest/globals';
import type { EventRecord } from '../../src/events/eventRecord.js';
import type { CgroupSample, ExecSample, ExitSample, ForkSample } from '../../src/kernel/decode.js';
import { KernelTracker } from '../../src/kerneltracker/kernelTracker.js';
import { FakeMaps } from './fixtures/fakeMaps.js';

const base = { tid: 1, flags: 0, timeNs: 1e9, startNs: 5e9 };
const cgroupSample = (op: CgroupSample['op'], id: number, parentId: number, name: string): CgroupSample => ({
  kind: 'cgroup', ...base, pid: 1, cgroupId: parentId, op, id, parentId, name,
});
const exec = (pid: number, cgroupId: number): ExecSample => ({
  kind: 'exec', ...base, pid, cgroupId, ppid: 1, uid: 0, parentStartNs: 1e9, execPath: '/bin/sh', argv: ['sh'], cwd: '/',
});

function setup() {
  let now = 0;
  const maps = new FakeMaps();
  const tracker = new KernelTracker(maps, 0, () => now);
  const events: EventRecord[] = [];
  tracker.registerJob({ id: 'j' }, [{ id: 10n }], { write: (e) => events.push(e) });
  return { maps, tracker, events, advance: (ms: number) => (now += ms) };
}

describe('staging promote', () => {
  it('gives a promoted cgroup and its children to the job, with the container', () => {
    const { maps, tracker, events } = setup();
    tracker.stage('j', 'abc', { id: 'abc', name: 'web', image: 'nginx' });
    expect(maps.staged.has('abc')).toBe(true);
    tracker.handle(cgroupSample('promote', 20, 2, 'abc'));
    tracker.handle(cgroupSample('mkdir', 21, 20, 'inner'));
    tracker.handle(exec(500, 21));
    expect(maps.staged.size).toBe(0);
    expect(events[0]?.container).toEqual({ id: 'abc', name: 'web', image: 'nginx' });
    expect(events[0]?.job.id).toBe('j');
  });

  it('forgets staging entries never promoted, after the bound', () => {
    const { maps, tracker, advance } = setup();
    tracker.stage('j', 'never', { id: 'never' });
    advance(1000);
    tracker.expireStaging(5000);
    expect(maps.staged.has('never')).toBe(true);
    advance(5000);
    tracker.expireStaging(5000);
    expect(maps.staged.size).toBe(0);
    expect(tracker.mirrorSizes().stagingByBasename).toBe(0);
  });

  it('a promote with no staging owner is untracked again, not kept', () => {
    const { maps, tracker } = setup();
    maps.trackCgroup(30n);
    tracker.handle(cgroupSample('promote', 30, 2, 'unknown'));
    expect(maps.cgroups.has(30n)).toBe(false);
    expect(tracker.counts.unattributed).toBe(1);
  });
});

describe('unregister', () => {
  it('clears every kernel entry and mirror table of the job', () => {
    const { maps, tracker } = setup();
    tracker.stage('j', 'pending', { id: 'pending' });
    tracker.handle(cgroupSample('mkdir', 11, 10, 'child'));
    tracker.handle(exec(600, 11));
    tracker.unregisterJob('j');
    expect(maps.cgroups.size).toBe(0);
    expect(maps.staged.size).toBe(0);
    expect(maps.tasks.size).toBe(0);
    expect(Object.values(tracker.mirrorSizes()).every((n) => n === 0)).toBe(true);
  });

  it('removed cgroups keep attributing for the grace period, then leave', () => {
    const { tracker, events, advance } = setup();
    tracker.handle(cgroupSample('mkdir', 12, 10, 'c'));
    tracker.handle(cgroupSample('rmdir', 12, 10, 'c'));
    tracker.handle(exec(700, 12));
    expect(events).toHaveLength(1);
    advance(10_000);
    tracker.expireRemoved();
    tracker.handle(exec(701, 12));
    expect(events).toHaveLength(1);
    expect(tracker.counts.unattributed).toBe(1);
  });
});

describe('events', () => {
  it('are numbered per job, gapless in each log, however jobs interleave', () => {
    const { tracker, events } = setup();
    const other: EventRecord[] = [];
    tracker.registerJob({ id: 'k' }, [{ id: 40n }], { write: (e) => other.push(e) });
    for (let i = 0; i < 3; i++) {
      tracker.handle(exec(800 + i, 10));
      tracker.handle(exec(900 + i, 40));
    }
    expect(events.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(other.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(tracker.delivered('k')).toBe(3);
  });

  it('share frozen parts: the log caches their JSON, so changing one throws', () => {
    const { tracker, events } = setup();
    tracker.stage('j', 'box', { id: 'box' });
    tracker.handle(cgroupSample('promote', 20, 2, 'box'));
    tracker.handle(exec(500, 20));
    const [e] = events;
    expect(() => ((e!.process as { pid: number }).pid = 1)).toThrow(TypeError);
    expect(() => ((e!.job as { id: string }).id = 'x')).toThrow(TypeError);
    expect(() => ((e!.container as { id: string }).id = 'x')).toThrow(TypeError);
  });

  it('carry the exec flag as the decoder gives it', () => {
    const { tracker, events } = setup();
    tracker.handle({ ...exec(501, 10), argvTruncated: true });
    expect(events[0]?.process.argv_truncated).toBe(true);
  });
});

describe('a container create from the docker proxy', () => {
  const create = { image: 'alpine', privileged: true, binds: [], cap_add: [], devices: [], refused: true, refusal: 'refused --privileged' };
  const fork = (pid: number): ForkSample => ({ kind: 'fork', ...base, pid, cgroupId: 10, ppid: 1, uid: 0, parentStartNs: 1e9 });
  const docker = (pid: number): ExecSample => ({ ...exec(pid, 10), execPath: '/usr/bin/docker', argv: ['docker', 'run', '--privileged', 'alpine'] });
  const exit = (pid: number): ExitSample => ({ kind: 'exit', ...base, pid, cgroupId: 10, status: 256 });

  it('is numbered after the client\'s exec still in the ring, and names the client though it exited before delivery', () => {
    const { tracker, events } = setup();
    tracker.handle(fork(1200));
    // The proxy judges the create while the client's exec is still in the ring buffer.
    const pending = tracker.snapshotProxyRecord('j', 1200, 10, { kind: 'container_create', container_create: create });
    tracker.handle(docker(1200));
    tracker.handle(exit(1200));
    tracker.deliverProxyRecord(pending);
    expect(events.map((e) => e.kind)).toEqual(['process_exec', 'process_exit', 'container_create']);
    const e = events[2]!;
    expect(e.seq).toBeGreaterThan(events[0]!.seq);
    expect(e.process).toMatchObject({ pid: 1200, exec_path: '/usr/bin/docker', argv: ['docker', 'run', '--privileged', 'alpine'] });
    expect(e.container_create).toEqual(create);
  });

  it('is dropped when its job ended before delivery', () => {
    const { tracker, events } = setup();
    tracker.handle(docker(1300));
    const pending = tracker.snapshotProxyRecord('j', 1300, 10, { kind: 'container_create', container_create: create });
    tracker.unregisterJob('j');
    tracker.deliverProxyRecord(pending);
    expect(events.map((e) => e.kind)).toEqual(['process_exec']);
  });
});
