/**
 * The extension point of a job's pipeline: each stage sees every event of
 * its job, in log order, after the event's line is in the log. After, so a
 * stage (rule evaluation, policy) can only refer to events that are already
 * recorded, and a stage that throws cannot lose an event or tear a line.
 */
import type { EventRecord } from '../events/eventRecord.js';
import type { Finding } from '../events/finding.js';
import { findingEvents } from '../report/findingEvents.js';
import type { ReportModel } from '../report/modelTypes.js';

/** What a stage gets at the end of its job. */
export interface StageEnd {
  /** The job's directory: events.ndjson is closed; report.json and summary.md come after the stages. */
  dir: string;
  /** Adds a note to the job's report. */
  note(message: string): void;
}

export interface EventStage {
  /**
   * One event, in log order. The event and every part of it are shared with
   * the log writer's cache: read them, never change them.
   */
  onEvent(event: EventRecord): void;
  /** Called once, after the job's last event and before its report is built: write the stage's own files here. */
  finish?(end: StageEnd): void;
  /** A stage that judges events (the rule engine) gives the report its findings, in the order found. */
  readonly findings?: readonly Finding[];
  /** The event a finding of this stage points at (by its seq), for the report to show it. */
  findingEvent?(seq: number): EventRecord | undefined;
}

/** Puts the judging stages' findings, and the events they point at, into a job's report model. */
export function addFindings(model: ReportModel, stages: readonly EventStage[]): void {
  const judging = stages.filter((stage) => stage.findings !== undefined);
  if (judging.length === 0) return;
  model.findings = judging.flatMap((stage) => [...stage.findings!]);
  const eventOf = (seq: number) => judging.map((stage) => stage.findingEvent?.(seq)).find((e) => e !== undefined);
  model.findingEvents = findingEvents(model.findings, eventOf);
}
