/** The Finding of a rule's hit on an event (shared/finding.schema.json). */
import type { EventRecord } from '../events/eventRecord.js';
import type { Finding } from '../events/finding.js';
import type { CompiledRule } from './book.js';
import { eventSummary } from './eventSummary.js';

export function findingOf(rule: CompiledRule, event: EventRecord): Finding {
  const spec = rule.spec;
  const p = event.process;
  const finding: Finding = {
    ruleset_id: spec.rulesetId,
    rule_id: spec.ruleId,
    ...(spec.ruleName !== undefined ? { rule_name: spec.ruleName } : {}),
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    action: rule.action,
    severity: spec.severity,
    tags: { ...spec.tags },
    seq: event.seq,
    time: event.time,
    event_kind: event.kind,
    job: { id: event.job.id },
    process: { pid: p.pid, exec_path: p.exec_path, argv: p.argv, ancestors: p.ancestors },
    summary: eventSummary(event),
  };
  if (event.step?.label !== undefined) finding.step = { label: event.step.label };
  if (rule.modifiers.length > 0) finding.modifiers = [...rule.modifiers];
  return finding;
}
