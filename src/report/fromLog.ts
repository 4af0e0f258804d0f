/**
 * A report rebuilt from a job's events log alone, for when the daemon is
 * gone (killed, or the runner lost it). A log without its done marker
 * (job.json) belongs to a run that ended early, and the report says so; a
 * torn last line (the daemon died mid-write) is counted, not trusted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventRecord, JobIdentity } from '../events/eventRecord.js';
import type { SensorStatus } from '../events/sensorStatus.js';
import { addFindings, type EventStage } from '../recording/eventStage.js';
import { EventLineParser, forEachLine } from './logReader.js';
import { ReportBuilder, type ReportModel } from './model.js';

export interface LogReport {
  model: ReportModel;
  endedEarly: boolean;
  unreadableLines: number;
}

const UNKNOWN_STATUS: SensorStatus = { plan: [], hooks: [], lostRecords: 0, undecodable: 0, ringbufBytes: 0 };

/**
 * notes: what the caller knows of the job that its log cannot tell (the
 * daemon had them); stages: what to run over the events again, in log order,
 * as the job's pipeline did (the rules, for findings recomputed from the log).
 */
export async function reportFromLog(jobDir: string, fallbackId = 'unknown', knownNotes: string[] = [], stages: EventStage[] = []): Promise<LogReport> {
  const markerPath = join(jobDir, 'job.json');
  const marker = existsSync(markerPath)
    ? (JSON.parse(readFileSync(markerPath, 'utf8')) as { job: JobIdentity; startedAt?: string; endedAt?: string })
    : undefined;
  const builder = new ReportBuilder({ workspace: process.env.GITHUB_WORKSPACE });
  let job: JobIdentity | undefined = marker?.job;
  let unreadableLines = 0;
  const parser = new EventLineParser();
  forEachLine(join(jobDir, 'events.ndjson'), (line) => {
    let event: EventRecord;
    try {
      event = parser.parse(line);
    } catch {
      unreadableLines++;
      return;
    }
    job ??= event.job;
    builder.add(event);
    for (const stage of stages) stage.onEvent(event);
  });
  const endedEarly = marker === undefined;
  const notes = [...knownNotes];
  for (const stage of stages) stage.finish?.({ dir: jobDir, note: (m) => notes.push(m) });
  if (endedEarly) notes.push('The sensor stopped before the job ended (no done marker): activity after its last event is missing, and its kernel counters were lost with it.');
  if (unreadableLines) notes.push(`${unreadableLines} unreadable line(s) in events.ndjson were skipped.`);
  const model = builder.build(UNKNOWN_STATUS, {
    job: job ?? { id: fallbackId },
    startedAt: marker?.startedAt,
    endedAt: marker?.endedAt,
    endedEarly,
    workspace: process.env.GITHUB_WORKSPACE,
    notes,
  });
  addFindings(model, stages);
  return { model, endedEarly, unreadableLines };
}
