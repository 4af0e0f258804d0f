/** Events per kind over time, in a bounded number of buckets (see Timeline in modelTypes.ts). */
import type { EventKind } from '../events/eventRecord.js';
import type { Timeline } from './modelTypes.js';

const BUCKETS = 120;
const FIRST_BUCKET_MS = 10;

/** Milliseconds since the epoch of an RFC 3339 time, parsed once per distinct second. */
export class TimeParser {
  private second = '';
  /**
   * The least text after every text that starts with `second` (its last
   * character one higher): `time` starts with `second` exactly when it sorts
   * between the two, and two comparisons cost a fraction of startsWith,
   * which this runs once per event.
   */
  private secondEnd = '';
  private secondMs = 0;

  ms(time: string): number {
    // '2024-05-01T10:00:00.123456Z': the fraction after the 19 characters of the second.
    if (!(time >= this.second && time < this.secondEnd)) {
      const second = time.slice(0, 19);
      const last = second.charCodeAt(18);
      // Shorter than a second's text, or ending in U+FFFF: never taken as one (every time is parsed).
      const known = second.length === 19 && last < 0xffff;
      this.second = known ? second : '';
      this.secondEnd = known ? second.slice(0, 18) + String.fromCharCode(last + 1) : '';
      this.secondMs = Date.parse(`${second}Z`);
    }
    return this.secondMs + (time.charCodeAt(19) === 46 ? millis(time) : 0);
  }
}

/**
 * The earliest and the latest of a run of event times. Times are text, and
 * compare as text; a tracked event's also as the microseconds it was made
 * from (TrackedEvent.microsOf), which give the same order for the tracker's
 * times (RFC 3339 UTC, six digits of fraction, years 1970 to 2255) without
 * reading the text back. NaN: not known, so compared as text.
 */
export class TimeSpan {
  first: string | undefined;
  last: string | undefined;
  private firstMicros = NaN;
  private lastMicros = NaN;

  add(time: string, micros: number): void {
    const known = micros === micros;
    if (this.first === undefined || (known && this.firstMicros === this.firstMicros ? micros < this.firstMicros : time < this.first)) {
      this.first = time;
      this.firstMicros = micros;
    }
    if (this.last === undefined || (known && this.lastMicros === this.lastMicros ? micros > this.lastMicros : time > this.last)) {
      this.last = time;
      this.lastMicros = micros;
    }
  }
}

const digit = (time: string, at: number): number => {
  const d = time.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};

/** The milliseconds of '….123456Z' (digits read in place: this runs per event); 0 if they are not digits. */
function millis(time: string): number {
  const ms = digit(time, 20) * 100 + digit(time, 21) * 10 + digit(time, 22);
  return Number.isFinite(ms) ? ms : 0;
}

export class TimelineAcc {
  private startMs: number | undefined;
  private bucketMs = FIRST_BUCKET_MS;
  private readonly counts = new Map<EventKind, number[]>();

  add(kind: EventKind, ms: number): void {
    if (!Number.isFinite(ms)) return;
    this.startMs ??= ms;
    // Events slightly out of order land in the first bucket rather than move the start.
    let index = Math.max(0, Math.floor((ms - this.startMs) / this.bucketMs));
    while (index >= BUCKETS) {
      this.widen();
      index = Math.floor((ms - this.startMs) / this.bucketMs);
    }
    let row = this.counts.get(kind);
    if (row === undefined) this.counts.set(kind, (row = new Array<number>(BUCKETS).fill(0)));
    row[index]++;
  }

  private widen(): void {
    this.bucketMs *= 2;
    for (const row of this.counts.values()) {
      for (let i = 0; i < BUCKETS / 2; i++) row[i] = row[2 * i] + row[2 * i + 1];
      row.fill(0, BUCKETS / 2);
    }
  }

  toTimeline(): Timeline | undefined {
    if (this.startMs === undefined) return undefined;
    const counts = Object.fromEntries([...this.counts].map(([k, row]) => [k, [...row]]));
    return { startMs: this.startMs, bucketMs: this.bucketMs, counts };
  }
}
