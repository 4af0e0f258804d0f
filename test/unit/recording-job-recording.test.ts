/** JobRecording against a KernelTracker on fake maps and a real directory: log, report, stages, end. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '../../src/events/eventRecord.js';
import type { SensorStatus } from '../../src/events/sensorStatus.js';
import type { ExecSample } from '../../src/kernel/decode.js';
import type { EventStage } from '../../src/recording/eventStage.js';
import { JobRecording } from '../../src/recording/jobRecording.js';
import { KernelTracker } from '../../src/kerneltracker/kernelTracker.js';
import { FakeMaps } from './fixtures/fakeMaps.js';

const STATUS: SensorStatus = { plan: [], hooks: [], lostRecords: 0, undecodable: 0, ringbufBytes: 4096 };

const exec = (pid: number, argv: string[]): ExecSample => ({
  kind: 'exec', pid, tid: pid, flags: 0, timeNs: 1e9, cgroupId: 10, startNs: pid * 1e7,
  ppid: 1, uid: 0, parentStartNs: 1e7, execPath: `/bin/${argv[0]}`, argv, cwd: '/',
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-recording-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function record(stages: EventStage[] = [], notes: string[] = []) {
  const maps = new FakeMaps();
  const tracker = new KernelTracker(maps, 0, () => 0);
  const recording = new JobRecording(tracker, { identity: { id: 'j' }, dir, cgroups: [{ id: 10n }], stages, notes });
  return { maps, tracker, recording };
}

describe('JobRecording', () => {
  it('starts a fresh log and registers the job in the tracker', () => {
    writeFileSync(join(dir, 'events.ndjson'), 'a previous run\n');
    const { maps, tracker } = record();
    expect(readFileSync(join(dir, 'events.ndjson'), 'utf8')).toBe('');
    expect(tracker.jobIds()).toEqual(['j']);
    expect(maps.cgroups.has(10n)).toBe(true);
  });

  it('gives stages every event in log order, each after its line is logged', () => {
    const seen: { seq: number; linesBefore: number }[] = [];
    let recording: JobRecording;
    const stage: EventStage = {
      onEvent: (e) => {
        recording.flush();
        const lines = readFileSync(join(dir, 'events.ndjson'), 'utf8').split('\n').filter(Boolean);
        seen.push({ seq: e.seq, linesBefore: lines.length });
      },
    };
    const r = record([stage]);
    recording = r.recording;
    r.tracker.handle(exec(100, ['sh']));
    r.tracker.handle(exec(101, ['make']));
    expect(seen.map((s) => s.linesBefore)).toEqual([1, 2]);
    expect(seen[1]!.seq).toBeGreaterThan(seen[0]!.seq);
  });

  it('finishes once: tracker left, log closed, stages finished, report with every note written', () => {
    const finished: string[] = [];
    const stage: EventStage = {
      onEvent: () => undefined,
      finish: (end) => {
        finished.push(end.dir);
        end.note('a stage note');
      },
    };
    const { maps, tracker, recording } = record([stage], ['registered with a note']);
    tracker.handle(exec(100, ['sh']));
    recording.note('a docker note');
    expect(recording.end()).toBe(1);
    expect(recording.end()).toBe(1);
    expect(tracker.jobIds()).toEqual([]);
    expect(maps.cgroups.size).toBe(0);
    const done = recording.finish(STATUS);
    expect(finished).toEqual([dir]);
    expect(done.delivered).toBe(1);
    expect(done.model.events.total).toBe(1);
    expect(done.model.notes).toEqual(['registered with a note', 'a docker note', 'a stage note']);
    const summary = readFileSync(done.summary, 'utf8');
    for (const n of done.model.notes) expect(summary).toContain(n);
    const logged = readFileSync(done.events, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as EventRecord);
    expect(logged.map((e) => e.kind)).toEqual(['process_exec']);
    expect(existsSync(done.report)).toBe(true);
  });

  it('leaves nothing in the tracker when registration fails', () => {
    const maps = new FakeMaps();
    const tracker = new KernelTracker(maps, 0, () => 0);
    new JobRecording(tracker, { identity: { id: 'first' }, dir, cgroups: [{ id: 10n }] });
    const other = mkdtempSync(join(tmpdir(), 'cs-recording-'));
    try {
      expect(() => new JobRecording(tracker, { identity: { id: 'second' }, dir: other, cgroups: [{ id: 10n }] })).toThrow(/already belongs/);
      expect(tracker.jobIds()).toEqual(['first']);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
