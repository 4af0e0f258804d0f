/** Findings for a terminal, printed before the rest of `cicd-sensor run`'s summary. */
import type { Finding } from '../events/finding.js';
import { visible } from '../report/escape.js';
import { bySeverity, isDetection } from './severity.js';

function line(f: Finding): string {
  const step = f.step?.label ? ` [${f.step.label}]` : '';
  const response = f.response && f.response.kind !== 'none' ? ` -> ${f.response.kind}` : '';
  return `  ${f.severity.padEnd(8)} ${f.rule_name ?? f.rule_id}${step}: ${f.summary ?? f.event_kind ?? ''} (event ${f.seq})${response}`;
}

export function findingsText(findings: readonly Finding[]): string {
  const detections = bySeverity(findings.filter(isDetection));
  const signals = findings.length - detections.length;
  const counts = new Map<string, number>();
  for (const f of detections) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const head = detections.length === 0
    ? 'FINDINGS: none'
    : `FINDINGS: ${detections.length} (${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')})`;
  const lines = [head, ...detections.map((f) => visible(line(f)))];
  if (signals > 0) lines.push(`  and ${signals} signal(s) from collect rules (findings.ndjson)`);
  return lines.join('\n');
}
