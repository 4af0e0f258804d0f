/**
 * One hit of a detection rule in a job: a line of findings.ndjson, an entry of
 * report.json's findings, a line of `cicd-sensor rules eval`. Mirrors
 * shared/finding.schema.json (names keep their meaning; fields may be added).
 */
import type { AncestorRef } from './eventRecord.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Most severe first: the order of verdicts, tables and `fail-on`. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type RuleAction = 'collect' | 'detect' | 'terminate';

export type ResponseKind = 'none' | 'killed' | 'prevented' | 'job_failed';

export interface Finding {
  ruleset_id: string;
  rule_id: string;
  rule_name?: string;
  description?: string;
  /** the action in force after modifiers and monitor mode */
  action: RuleAction;
  severity: Severity;
  tags?: Record<string, string>;
  /** seq of the EventRecord that matched (for a correlation rule: the one that completed it) */
  seq: number;
  time: string;
  event_kind?: string;
  job?: { id: string };
  step?: { label?: string };
  process?: { pid?: number; exec_path?: string; argv?: string[]; ancestors?: AncestorRef[] };
  /** one line naming what happened, for annotations and tables */
  summary?: string;
  /** modifier_ids that changed this rule */
  modifiers?: string[];
  /** what the sensor did about it */
  response?: { kind: ResponseKind; detail?: string };
}
