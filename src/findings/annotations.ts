/**
 * GitHub annotations for findings: `::error` for critical and high,
 * `::warning` for medium, `::notice` for low and info, each naming the step
 * and, when the workflow file and the step were found, anchored to the
 * step's line. GitHub shows at most 10 annotations per step, so a job gets
 * its 10 most severe; the job summary has the rest. Escaped by the
 * workflow-command rules (actions/toolkit's command.ts): `%`, CR and LF in
 * the message, and also `:` and `,` in properties.
 */
import type { Finding, Severity } from '../events/finding.js';
import { bySeverity, isDetection } from './severity.js';

export const MAX_ANNOTATIONS = 10;

const LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export interface AnnotationPlace {
  /** the workflow file, relative to the repository root */
  readonly file?: string;
  /** the line of a finding's step in it */
  readonly lineOf?: (f: Finding) => number | undefined;
}

export function annotationText(f: Finding): string {
  const step = f.step?.label ? ` in step "${f.step.label}"` : '';
  return `${f.rule_name ?? f.rule_id}${step}: ${f.summary ?? f.event_kind ?? ''} (event ${f.seq}, ${f.ruleset_id}/${f.rule_id})`;
}

/** The workflow commands, most severe first, at most MAX_ANNOTATIONS. */
export function annotationCommands(findings: readonly Finding[], place: AnnotationPlace = {}): string[] {
  return bySeverity(findings.filter(isDetection))
    .slice(0, MAX_ANNOTATIONS)
    .map((f) => {
      const props = [`title=${escapeProperty(`cicd-sensor: ${f.severity} finding`)}`];
      const line = place.file ? place.lineOf?.(f) : undefined;
      if (place.file) props.unshift(`file=${escapeProperty(place.file)}`, ...(line !== undefined ? [`line=${line}`] : []));
      return `::${LEVEL[f.severity]} ${props.join(',')}::${escapeData(annotationText(f))}`;
    });
}
