/**
 * The tamper checks without a kernel: links, tracked_cgroups and mounts as
 * fakes, each finding told once, to the right jobs, and standing while it lasts.
 */
import { describe, expect, it } from '@jest/globals';
import { KernelTracker } from '../../src/kerneltracker/kernelTracker.js';
import type { LinkState } from '../../src/native/sensor.js';
import type { MountEntry } from '../../src/platform/mounts.js';
import { TamperWatch, type TamperNotice, type TamperSensor } from '../../src/recording/tamper.js';
import { FakeMaps } from './fixtures/fakeMaps.js';

const ROOT = '/sys/fs/cgroup/unified';

function setup() {
  const maps = new FakeMaps();
  const gone = new Set<bigint>();
  let links: LinkState[] = [
    { link: 1, prog: 10, attached: true, name: 'cs_connect4' },
    { link: 2, prog: 20, attached: true, name: 'cs_exec' },
  ];
  let mounts: MountEntry[] = [{ id: 36, mountPoint: ROOT, fsType: 'cgroup2', source: 'cgroup2' }];
  const sensor: TamperSensor = {
    links: () => links,
    trackedCgroups: () => [...maps.cgroups],
    trackCgroup: (id) => maps.trackCgroup(id),
    cgroupAlive: (id) => !gone.has(id),
  };
  const tracker = new KernelTracker(maps, 0, () => 0);
  tracker.registerJob({ id: 'j' }, [{ id: 10n, path: `${ROOT}/j` }], { write: () => undefined });
  const told: TamperNotice[] = [];
  const watch = new TamperWatch(sensor, tracker, ROOT, 0, (n) => told.push(n), () => mounts);
  return {
    maps, gone, told, watch,
    setLinks: (l: LinkState[]) => (links = l),
    setMounts: (m: MountEntry[]) => (mounts = m),
  };
}

describe('TamperWatch', () => {
  it('tells a detached link and a replaced program once each, and keeps them standing', () => {
    const t = setup();
    t.watch.check();
    expect(t.told).toEqual([]);
    t.setLinks([
      { link: 1, prog: 99, attached: true, name: 'cs_connect4' },
      { link: 2, prog: 20, attached: false, name: 'cs_exec' },
    ]);
    t.watch.check();
    t.watch.check();
    expect(t.told.map((n) => n.message)).toEqual([
      expect.stringMatching(/^BPF link 1 \(program cs_connect4\) was found running another program \(id 99, not 10\)/),
      expect.stringMatching(/^BPF link 2 \(program cs_exec\) was found detached at /),
    ]);
    expect(t.watch.standingNotices()).toHaveLength(2);
  });

  it("puts back a live job cgroup missing from tracked_cgroups and tells that job; a removed one is left alone", () => {
    const t = setup();
    t.maps.untrackCgroup(10n);
    t.watch.check();
    expect(t.maps.cgroups.has(10n)).toBe(true);
    expect(t.told).toEqual([{ jobId: 'j', message: expect.stringMatching(new RegExp(`^cgroup ${ROOT}/j \\(id 10\\) was removed from the sensor's tracked_cgroups map`)) }]);
    t.maps.untrackCgroup(10n);
    t.gone.add(10n); // rmdir: the kernel's hook took it out, the record is on its way
    t.watch.check();
    expect(t.maps.cgroups.has(10n)).toBe(false);
    expect(t.told).toHaveLength(1);
  });

  it('tells a mount over the cgroup fs while it lasts, not one elsewhere', () => {
    const t = setup();
    const base = { id: 36, mountPoint: ROOT, fsType: 'cgroup2', source: 'cgroup2' };
    t.setMounts([base, { id: 90, mountPoint: '/mnt/x', fsType: 'tmpfs', source: 'x' }, { id: 91, mountPoint: '/sys/fs/cgroup', fsType: 'tmpfs', source: 'y' }]);
    t.watch.check();
    t.watch.check();
    expect(t.told.map((n) => n.message)).toEqual([expect.stringMatching(/^A tmpfs file system was mounted on \/sys\/fs\/cgroup, over the cgroup file system/)]);
    expect(t.watch.standingNotices()).toHaveLength(1);
    t.setMounts([base]);
    t.watch.check();
    expect(t.watch.standingNotices()).toEqual([]);
  });
});
