/**
 * Severity order and `fail-on`: a job fails on a finding (a detect or
 * terminate hit; collect hits are signals) at or above the level. `info`
 * never fails a job, and `none` turns failing off.
 */
import { type Finding, type Severity, SEVERITIES } from '../events/finding.js';

export type FailOn = Exclude<Severity, 'info'> | 'none';

export const FAIL_ON_LEVELS: readonly FailOn[] = ['critical', 'high', 'medium', 'low', 'none'];

export function isFailOn(text: string): text is FailOn {
  return (FAIL_ON_LEVELS as readonly string[]).includes(text);
}

/** 0 for critical, larger for less severe. */
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** Findings proper: what detect and terminate rules recorded (collect hits are signals). */
export const isDetection = (f: Finding): boolean => f.action !== 'collect';

/** The findings that fail the job under `fail-on`, most severe first. */
export function failingFindings(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'none') return [];
  const limit = severityRank(failOn);
  return bySeverity(findings.filter((f) => isDetection(f) && severityRank(f.severity) <= limit));
}

/** Most severe first, then in log order. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.seq - b.seq);
}

/** The highest severity among the detections, or undefined when there are none. */
export function highestSeverity(findings: readonly Finding[]): Severity | undefined {
  return bySeverity(findings.filter(isDetection))[0]?.severity;
}
