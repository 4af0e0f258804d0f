/**
 * An event's time has two forms that must agree: the text (`time`) and, for
 * events the tracker builds, the microseconds the line encoder and the
 * report use instead of reading the text back.
 */
import { describe, expect, it } from '@jest/globals';
import { TrackedEvent, type EventKind, type EventRecord } from '../../src/events/eventRecord.js';
import type { SensorStatus } from '../../src/events/sensorStatus.js';
import { eventLine } from '../../src/events/eventLine.js';
import { microsText, TIME_JSON_MAX, writeTimeJson } from '../../src/events/eventTime.js';
import { ReportBuilder } from '../../src/report/model.js';
import { TimeSpan } from '../../src/report/timeline.js';
import { prng } from './fixtures/prng.js';

// Microseconds are exact in a double up to 2^53 (the year 2255): the tracker's clock is well within.
const LAST = Date.UTC(2199, 11, 31, 23, 59, 59) * 1e3 + 999_999;
const LEAP_SECOND_BEFORE = Date.UTC(2024, 1, 29, 23, 59, 59) * 1e3;

/** Edge values, then a spread of times up to the end of 2199, some in the same second as the one before. */
function micros(): number[] {
  const rand = prng(18);
  const out = [0, 1, 999_999, 1_000_000, -1, -1_000_001, LEAP_SECOND_BEFORE + 123_456, LEAP_SECOND_BEFORE + 999_999, LEAP_SECOND_BEFORE + 1_000_000, LAST];
  for (let i = 0; i < 3000; i++) {
    const last = out[out.length - 1]!;
    out.push(rand() < 0.5 && last < LAST - 1000 ? last + Math.floor(rand() * 1000) : Math.floor(rand() * LAST));
  }
  return out;
}

describe('writeTimeJson', () => {
  it('writes the JSON of microsText, however the seconds follow each other', () => {
    const out = Buffer.alloc(TIME_JSON_MAX + 4);
    for (const m of micros()) {
      out.fill(0xff);
      const end = writeTimeJson(out, 2, m);
      expect(end - 2).toBeLessThanOrEqual(TIME_JSON_MAX);
      expect(out.toString('latin1', 2, end)).toBe(JSON.stringify(microsText(m)));
      expect(out[1]).toBe(0xff);
      expect(out[end]).toBe(0xff);
    }
  });
});

const STATUS: SensorStatus = { plan: [], hooks: [], lostRecords: 0, undecodable: 0, ringbufBytes: 1 << 20 };

function tracked(m: number, kind: EventKind, stepLabel: string): TrackedEvent {
  const process = { pid: 7, ppid: 1, exec_path: '/bin/sh', argv: ['sh'], ancestors: [] };
  const e = new TrackedEvent(m, kind, { id: 'j' }, 9, undefined, { pid: 7, label: stepLabel }, process);
  if (kind === 'file_open') e.file = { path: `/tmp/f${m % 7}`, access: 'read' };
  return e;
}

describe('a tracked event', () => {
  it('is the plain record its text says, to JSON, to the line and to a key walk', () => {
    const e = tracked(LEAP_SECOND_BEFORE + 5, 'file_open', 'build');
    const plain: EventRecord = JSON.parse(JSON.stringify(e));
    expect(Object.keys(JSON.parse(JSON.stringify(e)))).toEqual(['seq', 'time', 'kind', 'job', 'cgroup_id', 'step', 'process', 'file']);
    expect(eventLine(e)).toBe(`${JSON.stringify(e)}\n`);
    expect(eventLine(plain)).toBe(eventLine(e));
    expect(TrackedEvent.microsOf(e)).toBe(LEAP_SECOND_BEFORE + 5);
    expect(TrackedEvent.microsOf(plain)).toBeNaN();
  });

  it('gives the report what its text gives: span, timeline and steps', () => {
    const rand = prng(7);
    const events = micros()
      .filter((m) => m >= 0)
      .slice(0, 1500)
      .map((m, i) => tracked(m, i % 3 ? 'file_open' : 'process_exec', `step ${i % 4}`));
    // Out of order, as two rings or a late record may deliver them.
    events.sort(() => rand() - 0.5);
    const fromTracked = new ReportBuilder();
    const fromText = new ReportBuilder();
    const mixed = new ReportBuilder();
    events.forEach((e, i) => {
      const plain = JSON.parse(JSON.stringify(e)) as EventRecord;
      fromTracked.add(e);
      fromText.add(plain);
      mixed.add(i % 2 ? e : plain);
    });
    const meta = { job: { id: 'j' }, startedAt: 'x', endedAt: 'y' };
    const expected = fromText.build(STATUS, meta);
    expect(expected.events.firstTime).toBe(events.map((e) => e.time).sort()[0]);
    expect(fromTracked.build(STATUS, meta)).toEqual(expected);
    expect(mixed.build(STATUS, meta)).toEqual(expected);
  });
});

describe('TimeSpan', () => {
  it('orders by the numbers as by the text', () => {
    const times = micros().filter((m) => m >= 0);
    const byText = new TimeSpan();
    const byNumber = new TimeSpan();
    for (const m of times) {
      byText.add(microsText(m), NaN);
      byNumber.add(microsText(m), m);
    }
    const sorted = times.map(microsText).sort();
    expect(byNumber.first).toBe(sorted[0]);
    expect(byNumber.last).toBe(sorted[sorted.length - 1]);
    expect([byText.first, byText.last]).toEqual([byNumber.first, byNumber.last]);
  });
});
