/**
 * Reads rule files into specs: the structure of rule sets, rules and
 * modifiers as the format page (shared/rules-format.md) states it, every
 * problem kept with its place. Conditions stay text here; book.ts checks
 * them once every file is read (a correlation rule may name a rule further
 * down, a modifier a rule set of another file).
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import { SEVERITIES, type RuleAction, type Severity } from '../events/finding.js';
import { isRuleEventType, type RuleEventType } from './schema.js';
import type { ModifierSpec, ModifierTarget, RuleProblem, RuleSetSpec, RuleSpec, TargetRef, TargetSpec } from './specs.js';
import { entryFields, type Fields, FileContext } from './yamlFields.js';

export const ACTIONS: readonly RuleAction[] = ['collect', 'detect', 'terminate'];
const RULE_KEYS = ['rule_id', 'rule_name', 'description', 'type', 'event_type', 'condition', 'exceptions', 'action', 'max_alerts', 'tags', 'target'];
const RULESET_KEYS = ['ruleset_id', 'lists', 'rules'];
const MODIFIER_KEYS = ['modifier_id', 'targets', 'override_action', 'override_max_alerts', 'add_exceptions', 'add_target_exclude', 'disable'];
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DEFAULT_MAX_ALERTS = 10;

export interface LoadedFile {
  readonly ruleSets: RuleSetSpec[];
  readonly modifiers: ModifierSpec[];
}

function targetRefs(ctx: FileContext, nodes: Node[], label: string): TargetRef[] {
  const refs: TargetRef[] = [];
  for (const node of nodes) {
    const f = entryFields(ctx, node, 'target entry', label, ['provider_host', 'path']);
    if (!f) continue;
    const ref = { provider_host: f.string('provider_host'), path: f.string('path') };
    if (ref.provider_host === undefined && ref.path === undefined) f.problem(undefined, 'a target entry needs provider_host or path');
    refs.push(ref);
  }
  return refs;
}

function target(ctx: FileContext, f: Fields, label: string): TargetSpec {
  const node = f.map('target');
  if (!node) return { include: [], exclude: [] };
  const t = entryFields(ctx, node, 'target', label, ['include', 'exclude'])!;
  return { include: targetRefs(ctx, t.seq('include'), label), exclude: targetRefs(ctx, t.seq('exclude'), label) };
}

function tags(ctx: FileContext, f: Fields, label: string): Record<string, string> {
  const node = f.map('tags');
  const out: Record<string, string> = {};
  for (const pair of node?.items ?? []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof value === 'string' || typeof value === 'number') out[key] = String(value);
    else ctx.problem(pair.value as Node, `tag "${key}" must be a string`, label);
  }
  if (out.severity !== undefined && !(SEVERITIES as readonly string[]).includes(out.severity)) {
    ctx.problem(node, `severity must be one of ${SEVERITIES.join(', ')}, not "${out.severity}"`, label);
  }
  return out;
}

function ruleKind(f: Fields): { correlation: boolean; eventType?: RuleEventType } | undefined {
  const type = f.string('type');
  if (type !== undefined && type !== 'correlation') f.problem('type', `"type" is either absent or "correlation", not "${type}"`);
  const correlation = type === 'correlation';
  const eventType = f.string('event_type', !correlation);
  if (correlation && eventType !== undefined) f.problem('event_type', 'a correlation rule has no event_type');
  if (correlation && f.raw('exceptions')) f.problem('exceptions', 'a correlation rule has no exceptions');
  if (!correlation && eventType === undefined) return undefined;
  if (eventType !== undefined && !isRuleEventType(eventType)) {
    f.problem('event_type', `unknown event_type "${eventType}"`);
    return undefined;
  }
  return { correlation, ...(correlation ? {} : { eventType: eventType as RuleEventType | undefined }) };
}

function rule(ctx: FileContext, node: Node, rulesetId: string): RuleSpec | undefined {
  const idNode = isMap(node) ? node.get('rule_id') : undefined;
  const label = `${rulesetId}/${typeof idNode === 'string' ? idNode : '?'}`;
  const f = entryFields(ctx, node, 'rule', label, RULE_KEYS);
  if (!f) return undefined;
  const ruleId = f.string('rule_id', true);
  if (ruleId !== undefined && !IDENTIFIER.test(ruleId)) f.problem('rule_id', `rule_id "${ruleId}" is not a CEL identifier (letters, digits, _; not starting with a digit)`);
  const kind = ruleKind(f);
  const condition = f.cel('condition', true);
  const exceptions = f.cel('exceptions');
  const action = f.oneOf('action', ACTIONS, true);
  const maxAlerts = f.int('max_alerts', 1, 1_000_000) ?? DEFAULT_MAX_ALERTS;
  const ruleTags = tags(ctx, f, label);
  const ruleTarget = target(ctx, f, label);
  if (ruleId === undefined || !kind || !condition || !action) return undefined;
  const severity = (ruleTags.severity as Severity | undefined) ?? (action === 'collect' ? 'info' : 'medium');
  return {
    rulesetId, ruleId, condition, action, maxAlerts, severity, tags: ruleTags, target: ruleTarget, at: f.at,
    ...(kind.eventType ? { eventType: kind.eventType } : {}),
    ...(exceptions ? { exceptions } : {}),
    ...optionalStrings(f, { ruleName: 'rule_name', description: 'description' }),
  };
}

function optionalStrings(f: Fields, keys: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, key] of Object.entries(keys)) {
    const value = f.string(key);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function lists(ctx: FileContext, f: Fields, label: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pair of f.map('lists')?.items ?? []) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!IDENTIFIER.test(name)) ctx.problem(pair.key as Node, `list name "${name}" is not an identifier`, label);
    const items = isSeq(pair.value) ? pair.value.items : undefined;
    if (!items || !items.every((i) => isScalar(i) && typeof i.value === 'string')) {
      ctx.problem((pair.value ?? pair.key) as Node, `list "${name}" must be a list of strings`, label);
      continue;
    }
    out.set(name, items.map((i) => (i as { value: string }).value));
  }
  return out;
}

function ruleSet(ctx: FileContext, node: Node): RuleSetSpec | undefined {
  const f = entryFields(ctx, node, 'rule set', undefined, RULESET_KEYS);
  const rulesetId = f?.string('ruleset_id', true);
  if (!f || rulesetId === undefined) return undefined;
  const setLists = lists(ctx, f, rulesetId);
  const rules: RuleSpec[] = [];
  for (const item of f.seq('rules', true)) {
    const r = rule(ctx, item, rulesetId);
    if (r) rules.push(r);
  }
  return { rulesetId, lists: setLists, rules, at: f.at };
}

function modifierTargets(ctx: FileContext, f: Fields, label: string): ModifierTarget[] {
  const out: ModifierTarget[] = [];
  for (const node of f.seq('targets', true)) {
    const t = entryFields(ctx, node, 'modifier target', label, ['ruleset_id', 'rule_id']);
    const rulesetId = t?.string('ruleset_id', true);
    if (rulesetId === undefined) continue;
    const ruleId = t!.string('rule_id');
    out.push(ruleId === undefined ? { rulesetId } : { rulesetId, ruleId });
  }
  if (out.length === 0 && f.raw('targets')) f.problem('targets', 'a modifier needs at least one target');
  return out;
}

function modifier(ctx: FileContext, node: Node): ModifierSpec | undefined {
  const idNode = isMap(node) ? node.get('modifier_id') : undefined;
  const label = `modifier ${typeof idNode === 'string' ? idNode : '?'}`;
  const f = entryFields(ctx, node, 'rule modifier', label, MODIFIER_KEYS);
  const modifierId = f?.string('modifier_id', true);
  if (!f || modifierId === undefined) return undefined;
  const targets = modifierTargets(ctx, f, label);
  const overrideAction = f.oneOf('override_action', ACTIONS);
  const overrideMaxAlerts = f.int('override_max_alerts', 1, 100);
  const addExceptions = f.cel('add_exceptions');
  const addTargetExclude = targetRefs(ctx, f.seq('add_target_exclude'), label);
  const disable = f.bool('disable') ?? false;
  return {
    modifierId, targets, addTargetExclude, disable, at: f.at,
    ...(overrideAction ? { overrideAction } : {}),
    ...(overrideMaxAlerts !== undefined ? { overrideMaxAlerts } : {}),
    ...(addExceptions ? { addExceptions } : {}),
  };
}

function topLevel(ctx: FileContext, root: YAMLMap | undefined): LoadedFile {
  const out: LoadedFile = { ruleSets: [], modifiers: [] };
  if (!root) {
    ctx.problem(undefined, 'a rule file is a mapping with rule_sets: or rule_modifiers:');
    return out;
  }
  const f = entryFields(ctx, root, 'file', undefined, ['rule_sets', 'rule_modifiers'])!;
  const hasSets = f.raw('rule_sets') !== undefined;
  const hasModifiers = f.raw('rule_modifiers') !== undefined;
  if (hasSets && hasModifiers) f.problem('rule_modifiers', 'a file holds rule_sets or rule_modifiers, never both');
  if (!hasSets && !hasModifiers) f.problem(undefined, 'a rule file holds rule_sets: or rule_modifiers:');
  for (const node of f.seq('rule_sets')) {
    const set = ruleSet(ctx, node);
    if (set) out.ruleSets.push(set);
  }
  for (const node of f.seq('rule_modifiers')) {
    const m = modifier(ctx, node);
    if (m) out.modifiers.push(m);
  }
  return out;
}

/** Parses one rule file's text; problems are appended to `problems`. */
export function parseRuleFile(file: string, source: string, problems: RuleProblem[]): LoadedFile {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const ctx = new FileContext(file, source, counter);
  for (const err of doc.errors) {
    const pos = counter.linePos(err.pos[0]);
    problems.push({ at: { file, line: pos.line, col: pos.col }, message: `YAML: ${err.message.split('\n')[0]}` });
  }
  if (doc.errors.length > 0) return { ruleSets: [], modifiers: [] };
  const loaded = topLevel(ctx, isMap(doc.contents) ? doc.contents : undefined);
  problems.push(...ctx.problems);
  return loaded;
}

export function readRuleFile(file: string, problems: RuleProblem[]): LoadedFile {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    problems.push({ at: { file, line: 1, col: 1 }, message: `cannot read: ${(err as Error).message}` });
    return { ruleSets: [], modifiers: [] };
  }
  return parseRuleFile(file, source, problems);
}
