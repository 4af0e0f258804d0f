/**
 * Rule modifiers applied to the rules they target, in the order they were
 * loaded (a later override wins). A modifier that names a rule set or rule
 * that is not loaded is a problem, not a no-op: a user who disables a noisy
 * rule by a misspelt id would otherwise keep getting it and not know why.
 */
import type { RuleAction } from '../events/finding.js';
import type { CelText, ModifierSpec, RuleProblem, RuleSetSpec, RuleSpec, TargetRef } from './specs.js';

/** What the modifiers made of one rule. */
export interface Modified {
  action: RuleAction;
  maxAlerts: number;
  disabled: boolean;
  addExceptions: CelText[];
  addTargetExclude: TargetRef[];
  /** modifier_ids that changed this rule, in order */
  modifiers: string[];
}

export function unmodified(rule: RuleSpec): Modified {
  return { action: rule.action, maxAlerts: rule.maxAlerts, disabled: false, addExceptions: [], addTargetExclude: [], modifiers: [] };
}

function apply(m: ModifierSpec, rule: RuleSpec, state: Modified, problems: RuleProblem[]): void {
  if (m.overrideAction) state.action = m.overrideAction;
  if (m.overrideMaxAlerts !== undefined) state.maxAlerts = m.overrideMaxAlerts;
  if (m.disable) state.disabled = true;
  if (m.addExceptions) {
    if (rule.eventType === undefined) {
      problems.push({ at: m.at, rule: `modifier ${m.modifierId}`, message: `add_exceptions cannot apply to correlation rule ${rule.rulesetId}/${rule.ruleId}` });
    } else state.addExceptions.push(m.addExceptions);
  }
  state.addTargetExclude.push(...m.addTargetExclude);
  if (!state.modifiers.includes(m.modifierId)) state.modifiers.push(m.modifierId);
}

/** Each rule's modified state, keyed "ruleset_id/rule_id". */
export function applyModifiers(sets: readonly RuleSetSpec[], modifiers: readonly ModifierSpec[], problems: RuleProblem[]): Map<string, Modified> {
  const states = new Map<string, Modified>();
  const byId = new Map(sets.map((s) => [s.rulesetId, s]));
  for (const set of sets) for (const rule of set.rules) states.set(`${set.rulesetId}/${rule.ruleId}`, unmodified(rule));
  const seen = new Set<string>();
  for (const m of modifiers) {
    if (seen.has(m.modifierId)) problems.push({ at: m.at, rule: `modifier ${m.modifierId}`, message: 'modifier_id is used twice' });
    seen.add(m.modifierId);
    for (const t of m.targets) {
      const set = byId.get(t.rulesetId);
      const rules = set?.rules.filter((r) => t.ruleId === undefined || r.ruleId === t.ruleId) ?? [];
      if (!set || rules.length === 0) {
        const what = set ? `rule ${t.rulesetId}/${t.ruleId}` : `rule set ${t.rulesetId}`;
        problems.push({ at: m.at, rule: `modifier ${m.modifierId}`, message: `targets ${what}, which is not loaded` });
      }
      for (const rule of rules) apply(m, rule, states.get(`${set!.rulesetId}/${rule.ruleId}`)!, problems);
    }
  }
  return states;
}
