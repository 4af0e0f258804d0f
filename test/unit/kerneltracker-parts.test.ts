/**
 * The KernelTracker's parts without a kernel: the job registry (inheritance,
 * grace after rmdir, reconcile), staging, processes by job (steps, pid
 * reuse, a job's end), and migration through the tracker.
 */
import { describe, expect, it } from '@jest/globals';
import type { EventRecord } from '../../src/events/eventRecord.js';
import type { CgroupSample, ExecSample, ExitSample, FileOpenSample, ForkSample } from '../../src/kernel/decode.js';
import { JobProcesses } from '../../src/kerneltracker/jobProcesses.js';
import { JobRegistry, REMOVED_GRACE_MS } from '../../src/kerneltracker/jobRegistry.js';
import { KernelTracker } from '../../src/kerneltracker/kernelTracker.js';
import { Staging } from '../../src/kerneltracker/staging.js';
import { FakeMaps } from './fixtures/fakeMaps.js';

const hdr = { tid: 0, flags: 0, timeNs: 1e9 };
const cg = (op: CgroupSample['op'], id: number, parentId: number, name = `c${id}`, pid = 1): CgroupSample => ({
  kind: 'cgroup', ...hdr, pid, startNs: 0, cgroupId: parentId, op, id, parentId, name,
});
const fork = (pid: number, ppid: number, cgroupId = 10, startNs = pid * 1e7): ForkSample => ({
  kind: 'fork', ...hdr, pid, startNs, cgroupId, ppid, uid: 0, parentStartNs: ppid * 1e7,
});
const exec = (pid: number, ppid: number, argv: string[], cgroupId = 10, startNs = pid * 1e7): ExecSample => ({
  kind: 'exec', ...hdr, pid, startNs, cgroupId, ppid, uid: 0, parentStartNs: ppid * 1e7, execPath: `/bin/${argv[0]}`, argv, cwd: '/',
});
const exit = (pid: number, startNs = pid * 1e7): ExitSample => ({ kind: 'exit', ...hdr, pid, startNs, cgroupId: 10, status: 0 });
const open = (pid: number, cgroupId: number, path = '/etc/hosts'): FileOpenSample => ({
  kind: 'file_open', ...hdr, pid, startNs: pid * 1e7, cgroupId, openFlags: 0, access: 1, path,
});
const sink = { write: () => undefined };

function registry(alive: (id: number) => boolean = () => true) {
  let now = 0;
  const maps = new FakeMaps();
  const reg = new JobRegistry(maps, () => now, alive);
  reg.register({ id: 'j' }, [{ id: 10n, path: '/sys/fs/cgroup/job' }], sink);
  return { maps, reg, advance: (ms: number) => (now += ms) };
}

describe('JobRegistry', () => {
  it('gives a cgroup made inside a job cgroup to the job, with its path and its parent container', () => {
    const { reg } = registry();
    reg.adopt('j', cg('promote', 20, 2), { id: 'box' });
    reg.adopt('j', cg('mkdir', 21, 20, 'inner'));
    reg.adopt('j', cg('mkdir', 11, 10, 'child'));
    expect(reg.jobOfCgroup(21)).toBe('j');
    expect(reg.containerOf(21)).toEqual({ id: 'box' });
    expect(reg.containerOf(11)).toBeUndefined();
    expect([...reg.cgroupsByJob.get('j')!]).toEqual([10, 20, 21, 11]);
  });

  it('keeps a removed cgroup for the grace period, then forgets it', () => {
    const { reg, advance } = registry();
    reg.adopt('j', cg('mkdir', 11, 10));
    reg.removed(11);
    advance(REMOVED_GRACE_MS - 1);
    reg.expireRemoved();
    expect(reg.jobOfCgroup(11)).toBe('j');
    advance(1);
    reg.expireRemoved();
    expect(reg.jobOfCgroup(11)).toBeUndefined();
    expect(reg.cgroupsByJob.get('j')?.has(11)).toBe(false);
  });

  it('treats a cgroup gone by id as removed (a missed rmdir), and never untracks it itself', () => {
    const gone = new Set<number>();
    const { maps, reg, advance } = registry((id) => !gone.has(id));
    reg.adopt('j', cg('mkdir', 11, 10, 'child'));
    maps.trackCgroup(11n);
    gone.add(11);
    reg.reconcile();
    // Only the kernel's rmdir hook removes a map entry: reconcile's view could be a mount's doing.
    expect(maps.cgroups.has(11n)).toBe(true);
    expect([...reg.liveCgroups()].map((c) => c.id)).toEqual([10]);
    expect(reg.jobOfCgroup(11)).toBe('j');
    advance(REMOVED_GRACE_MS);
    reg.expireRemoved();
    expect(reg.jobOfCgroup(11)).toBeUndefined();
    expect(reg.jobOfCgroup(10)).toBe('j');
  });

  it('refuses a cgroup another job has, and removing a job untracks only its cgroups', () => {
    const { maps, reg } = registry();
    expect(() => reg.register({ id: 'k' }, [{ id: 10n }], sink)).toThrow(/already belongs to job j/);
    reg.register({ id: 'k' }, [{ id: 30n }], sink);
    reg.remove('j');
    expect([...maps.cgroups]).toEqual([30n]);
    expect(reg.jobOfCgroup(30)).toBe('k');
    expect(reg.sizes()).toMatchObject({ jobs: 1, jobByCgroup: 1, cgroupsByJob: 1 });
  });
});

describe('Staging', () => {
  it('promotes a staged basename once, to its job and container', () => {
    const maps = new FakeMaps();
    const staging = new Staging(maps, () => 0);
    staging.stage('j', 'docker-abc.scope', { id: 'abc', image: 'nginx' });
    expect(maps.staged.has('docker-abc.scope')).toBe(true);
    expect(staging.promote('docker-abc.scope')).toEqual({ jobId: 'j', container: { id: 'abc', image: 'nginx' } });
    expect(staging.promote('docker-abc.scope')).toBeUndefined();
    expect(maps.staged.size).toBe(0);
    expect(Object.values(staging.sizes()).every((n) => n === 0)).toBe(true);
  });

  it("drops a job's entries at its end and leaves the others", () => {
    const maps = new FakeMaps();
    const staging = new Staging(maps, () => 0);
    staging.stage('j', 'a', { id: 'a' });
    staging.stage('k', 'b', { id: 'b' });
    staging.dropJob('j');
    expect([...maps.staged]).toEqual(['b']);
    expect(staging.promote('a')).toBeUndefined();
    expect(staging.promote('b')?.jobId).toBe('k');
  });
});

describe('JobProcesses', () => {
  const worker = { id: 'j', workerPid: 100 };

  it('starts a step at a direct child of the worker, named by its exec, shared by its subtree', () => {
    const p = new JobProcesses(new FakeMaps());
    p.nodeFor(fork(200, 100), worker);
    const root = p.nodeFor(exec(200, 100, ['make', 'all']), worker);
    p.nodeFor(fork(201, 200), worker);
    const child = p.nodeFor(exec(201, 200, ['cc', '-c', 'a.c']), worker);
    expect(root.step).toEqual({ pid: 200, label: 'run: make all' });
    expect(child.step).toBe(root.step);
    expect(() => ((root.step as { label: string }).label = 'x')).toThrow(TypeError);
  });

  it('gives no steps to a job without a worker', () => {
    const p = new JobProcesses(new FakeMaps());
    expect(p.nodeFor(exec(200, 100, ['make']), { id: 'j' }).step).toBeUndefined();
  });

  it('tells a reused pid from the process that had it', () => {
    const p = new JobProcesses(new FakeMaps());
    const first = p.nodeFor(exec(300, 100, ['sh'], 10, 3e9), worker);
    p.exited(300, 3e9);
    expect(p.jobOf(300)).toBeUndefined();
    const second = p.nodeFor(exec(300, 100, ['make'], 10, 4e9), worker);
    expect(second).not.toBe(first);
    expect(second.argv).toEqual(['make']);
    expect(p.table.get(300, 3e9)).toBeUndefined();
  });

  it("forgets a job's processes at its end, in the kernel too, and no one else's", () => {
    const maps = new FakeMaps();
    const p = new JobProcesses(maps);
    p.nodeFor(exec(200, 1, ['a']), { id: 'j' });
    p.nodeFor(exec(300, 1, ['b']), { id: 'k' });
    maps.trackTask(200);
    maps.trackTask(300);
    p.forgetJob('j');
    expect(p.jobOf(200)).toBeUndefined();
    expect(p.jobOf(300)).toBe('k');
    expect([...maps.tasks]).toEqual([300]);
    expect(p.sizes()).toEqual({ processes: 1, jobByPid: 1, processesByJob: 1 });
  });

  it('moves a process seen in another job to that job', () => {
    const p = new JobProcesses(new FakeMaps());
    p.nodeFor(exec(200, 1, ['a']), { id: 'j' });
    p.nodeFor(open(200, 30), { id: 'k' });
    p.forgetJob('j');
    expect(p.jobOf(200)).toBe('k');
  });
});

describe('KernelTracker attribution', () => {
  function tracker() {
    const maps = new FakeMaps();
    const t = new KernelTracker(maps, 0, () => 0, () => true);
    const events: EventRecord[] = [];
    t.registerJob({ id: 'j' }, [{ id: 10n }], { write: (e) => events.push(e) }, { workerPid: 100 });
    return { maps, t, events };
  }

  it('follows a job process that moves to a cgroup of its own (migration)', () => {
    const { t, events } = tracker();
    t.handle(exec(200, 100, ['sh']));
    t.handle(cg('attach', 50, 1, 'elsewhere', 200));
    t.handle(open(201, 50));
    expect(t.jobOfCgroup(50)).toBe('j');
    expect(events.map((e) => e.kind)).toEqual(['process_exec', 'file_open']);
  });

  it('untracks a cgroup the kernel tracked for no job it knows', () => {
    const { maps, t } = tracker();
    maps.trackCgroup(60n);
    t.handle(cg('attach', 60, 1, 'x', 999));
    expect(maps.cgroups.has(60n)).toBe(false);
    expect(t.counts.unattributed).toBe(1);
  });

  it('attributes by process when the cgroup is not (yet) known, with the step', () => {
    const { t, events } = tracker();
    t.handle(exec(200, 100, ['make']));
    t.handle(open(200, 77));
    expect(events[1]).toMatchObject({ kind: 'file_open', job: { id: 'j' }, step: { pid: 200, label: 'run: make' } });
  });

  it('ends a process: its exit is delivered and it leaves the mirror', () => {
    const { t, events } = tracker();
    t.handle(exec(200, 100, ['true']));
    t.handle(exit(200));
    expect(events.map((e) => e.kind)).toEqual(['process_exec', 'process_exit']);
    expect(t.mirrorSizes()).toMatchObject({ processes: 0, jobByPid: 0 });
  });
});
