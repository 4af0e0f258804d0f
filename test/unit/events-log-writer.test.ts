import { mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { EventLogWriter } from '../../src/events/logWriter.js';

const event = (seq: number): EventRecord =>
  ({
    seq,
    time: '2026-12-07T10:00:00.000000Z',
    kind: 'process_exec',
    job: { id: 'j' },
    cgroup_id: 1,
    process: { pid: seq, ppid: 1, exec_path: '/bin/true', argv: ['true'], ancestors: [] },
  }) as unknown as EventRecord;

describe('EventLogWriter', () => {
  test('a full disk loses lines on write, counted, and the recording goes on', () => {
    // /dev/full answers every write with ENOSPC, as a full /run does.
    const seen: number[] = [];
    const w = new EventLogWriter('/dev/full', (e) => seen.push(e.seq), undefined, (p) => openSync(p, 'w'));
    for (let i = 1; i <= 5; i++) w.write(event(i));
    expect(() => w.flush()).not.toThrow();
    w.write(event(6));
    expect(() => w.close()).not.toThrow();
    expect(w.lostOnWrite).toBe(6);
    expect(w.lastWriteError).toBe('ENOSPC');
    // The report still counts every event.
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('a healthy file loses nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-log-writer-'));
    try {
      const w = new EventLogWriter(join(dir, 'events.ndjson'), undefined, 256);
      for (let i = 1; i <= 20; i++) w.write(event(i));
      w.close();
      expect(w.lostOnWrite).toBe(0);
      const lines = readFileSync(join(dir, 'events.ndjson'), 'utf8').trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as EventRecord).seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('never opens a file or link that is there already', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-log-writer-'));
    try {
      const victim = join(dir, 'victim');
      writeFileSync(victim, 'keep\n');
      symlinkSync(victim, join(dir, 'events.ndjson'));
      expect(() => new EventLogWriter(join(dir, 'events.ndjson'))).toThrow(/EEXIST/);
      expect(readFileSync(victim, 'utf8')).toBe('keep\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
