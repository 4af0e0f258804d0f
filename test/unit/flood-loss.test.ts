/**
 * Issue 18's userspace half: lost file records attributed to the job's
 * processes (KernelTracker.lostFilesOf over the kernel's lost_files map),
 * per-ring counters in the status, and a verdict that names who flooded.
 */
import { describe, expect, it } from '@jest/globals';
import type { HookCounters } from '../../src/events/sensorStatus.js';
import type { ExecSample } from '../../src/kernel/decode.js';
import { HOOK_NAMES } from '../../src/kernel/layout.js';
import type { LostFilesEntry } from '../../src/kerneltracker/kernelMaps.js';
import { KernelTracker } from '../../src/kerneltracker/kernelTracker.js';
import { sensorStatus } from '../../src/kerneltracker/status.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { jobModel, STATUS } from '../helpers/reportJob.js';
import { FakeMaps } from './fixtures/fakeMaps.js';

const START = 5e9;
const exec = (pid: number, cgroupId: number, execPath: string): ExecSample => ({
  kind: 'exec', tid: pid, flags: 0, timeNs: 1e9, startNs: START, pid, cgroupId, ppid: 1, uid: 0, parentStartNs: 1e9, execPath, argv: [execPath], cwd: '/',
});
const lost = (pid: number, cgroupId: number, opens: number, ops = 0, comm = 'flood'): LostFilesEntry => ({ pid, startNs: START, cgroupId, comm, opens, ops });

class LossyMaps extends FakeMaps {
  entries: LostFilesEntry[] = [];
  lostFiles(): LostFilesEntry[] {
    return this.entries;
  }
}

describe('KernelTracker.lostFilesOf', () => {
  function setup() {
    const maps = new LossyMaps();
    const tracker = new KernelTracker(maps, 0);
    tracker.registerJob({ id: 'a' }, [{ id: 10n }], { write: () => {} });
    tracker.registerJob({ id: 'b' }, [{ id: 20n }], { write: () => {} });
    return { maps, tracker };
  }

  it("gives a job only its own processes' losses, most first, named by executable when known", () => {
    const { maps, tracker } = setup();
    tracker.handle(exec(100, 10, '/usr/bin/flood'));
    maps.entries = [lost(101, 10, 5, 2, 'helper'), lost(100, 10, 900), lost(200, 20, 7), lost(300, 99, 4)];
    expect(tracker.lostFilesOf('a')).toEqual([
      { pid: 100, name: '/usr/bin/flood', fileOpens: 900, fileOps: 0 },
      { pid: 101, name: 'helper', fileOpens: 5, fileOps: 2 },
    ]);
    expect(tracker.lostFilesOf('b')).toEqual([{ pid: 200, name: 'flood', fileOpens: 7, fileOps: 0 }]);
  });

  it("falls back to the job's process under that pid, only if it is the same process", () => {
    const { maps, tracker } = setup();
    tracker.handle(exec(100, 10, '/usr/bin/flood'));
    // It lost its opens after moving to a cgroup no job has (a job's task that left).
    maps.entries = [lost(100, 77, 9), { ...lost(100, 77, 3), startNs: START + 1e9 }];
    expect(tracker.lostFilesOf('a')).toEqual([{ pid: 100, name: '/usr/bin/flood', fileOpens: 9, fileOps: 0 }]);
  });

  it('is empty when the kernel map is (or the maps cannot say)', () => {
    const { tracker } = setup();
    expect(tracker.lostFilesOf('a')).toEqual([]);
    const bare = new KernelTracker(new FakeMaps(), 0);
    expect(bare.lostFilesOf('a')).toEqual([]);
  });
});

describe('per-ring status', () => {
  it('sums file hooks into the bulk ring and every other hook into the priority ring', () => {
    const counters: HookCounters[] = HOOK_NAMES.map((hook) => ({ hook, sent: 10, lost: hook === 'file_open' ? 3 : 0, suppressed: 0 }));
    const status = sensorStatus([], counters, { unattributed: 0, otherProtocol: 0, malformed: 0, ownerless: 0 }, { priority: 1 << 20, bulk: 16 << 20 });
    expect(status.rings).toEqual([
      { ring: 'priority', bytes: 1 << 20, sent: 10 * (HOOK_NAMES.length - 4), lost: 0 },
      { ring: 'bulk', bytes: 16 << 20, sent: 40, lost: 3 },
    ]);
    expect(status.ringbufBytes).toBe(16 << 20);
    expect(status.lostRecords).toBe(3);
  });
});

describe('the verdict on lost records', () => {
  const rings = [
    { ring: 'priority' as const, bytes: 1 << 20, sent: 50, lost: 0 },
    { ring: 'bulk' as const, bytes: 4096, sent: 100, lost: 1234 },
  ];

  it('names the processes whose file records were lost, and says the priority ring lost none', () => {
    const model = jobModel();
    model.status = {
      ...STATUS,
      lostRecords: 1234,
      rings,
      lostByProcess: [
        { pid: 7, name: '/usr/bin/flood', fileOpens: 1200, fileOps: 0 },
        { pid: 8, name: 'a|b<i>', fileOpens: 34, fileOps: 1 },
      ],
    };
    const md = renderMarkdown(model);
    expect(md).toContain('1,234 records were lost in the kernel');
    expect(md).toContain('only file records: the priority ring lost none');
    expect(md).toContain('/usr/bin/flood (pid 7) 1,200 opens');
    expect(md).toContain('(pid 8) 34 opens and 1 other file record');
    expect(md).not.toContain('<i>');
    expect(md).toMatch(/Ring buffer \(priority\)[^\n]*1 MiB, 50 records sent, 0 lost/);
    expect(md).toMatch(/Ring buffer \(bulk\)[^\n]*4 KiB, 100 records sent, 1,234 lost/);
  });

  it('says which ring was full when the priority ring lost records', () => {
    const model = jobModel();
    model.status = { ...STATUS, lostRecords: 5, rings: [{ ...rings[0]!, lost: 5 }, { ...rings[1]!, lost: 0 }] };
    expect(renderMarkdown(model)).toContain('(the priority ring buffer was full)');
    model.status = { ...model.status, lostRecords: 6, rings: [{ ...rings[0]!, lost: 5 }, { ...rings[1]!, lost: 1 }] };
    expect(renderMarkdown(model)).toContain('(both ring buffers were full)');
  });
});
