/**
 * The events findings point at, as their events.ndjson lines, so a report
 * shows each finding's event itself (issue 17: every finding linked to its
 * event's line). A finding's seq is its event's line index in the job's log
 * (seq counts a job's events from 0 without gaps), so the line is
 * `seq + 1` in events.ndjson; the report keeps the text, since the log may
 * not travel with the page.
 */
import { eventLine } from '../events/eventLine.js';
import type { EventRecord } from '../events/eventRecord.js';
import { SEVERITIES, type Finding } from '../events/finding.js';
import type { FindingEvent } from './modelTypes.js';

/** Events kept per report: enough for every finding max_alerts lets through in a busy job. */
export const MAX_FINDING_EVENTS = 500;
/** A line longer than this (a huge argv) is cut in the report; events.ndjson has it whole. */
export const FINDING_LINE_CHARS = 16_384;

const rank = (f: Finding): number => {
  const i = SEVERITIES.indexOf(f.severity);
  return (f.action === 'collect' ? SEVERITIES.length : 0) + (i < 0 ? SEVERITIES.length : i);
};

/** One line per distinct seq, the most severe findings' events first when there are too many. */
export function findingEvents(findings: readonly Finding[], eventOf: (seq: number) => EventRecord | undefined): FindingEvent[] {
  const seqs = [...findings].sort((a, b) => rank(a) - rank(b) || a.seq - b.seq).map((f) => f.seq);
  const out: FindingEvent[] = [];
  for (const seq of new Set(seqs)) {
    if (out.length === MAX_FINDING_EVENTS) break;
    const event = eventOf(seq);
    if (event === undefined) continue;
    const line = eventLine(event).trimEnd();
    out.push(line.length > FINDING_LINE_CHARS ? { seq, line: line.slice(0, FINDING_LINE_CHARS), cut: true } : { seq, line });
  }
  return out.sort((a, b) => a.seq - b.seq);
}
