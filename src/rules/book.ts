/**
 * The loaded rules, ready to evaluate: every file read, every condition
 * checked against the CEL subset and compiled, modifiers and monitor mode
 * applied, rules indexed by event type, and each correlation rule listed
 * under the rules it reads. Any problem anywhere fails the whole load
 * (RuleLoadError): a bad rule file is never half-loaded.
 */
import type { RuleAction } from '../events/finding.js';
import { CelIssue, type CelNode, parseCel } from './celAst.js';
import { type CheckScope, checkCondition } from './check.js';
import { type Compiled, compileCondition, type CompileContext, requiredFlags } from './compile.js';
import { readRuleFile, type LoadedFile } from './load.js';
import { applyModifiers, type Modified } from './modifiers.js';
import { PathGate, type PathAtom, requiredPath } from './pathGate.js';
import { placeAt } from './position.js';
import { type RuleEventType, variablesOf } from './schema.js';
import { type CelText, type RuleProblem, RuleLoadError, type RuleSetSpec, type RuleSpec, type TargetSpec } from './specs.js';

export interface CompiledRule {
  /** index in RuleBook.rules, and of the rule's count in a job's counts */
  readonly index: number;
  readonly spec: RuleSpec;
  /** after modifiers and monitor mode */
  readonly action: RuleAction;
  readonly maxAlerts: number;
  readonly modifiers: readonly string[];
  readonly target: TargetSpec;
  readonly condition: Compiled;
  /** an event any of these is true for is not a hit */
  readonly exceptions: readonly Compiled[];
  /** correlation rules: the indexes of the rules whose counts the condition reads */
  readonly reads: readonly number[];
  /** boolean variables the condition cannot be true without (compile.ts requiredFlags) */
  readonly requires: readonly string[];
  /** path tests one of which the condition cannot be true without (pathGate.ts requiredPath) */
  readonly path?: readonly PathAtom[];
}

/**
 * One event type's rules split by the boolean variables some of them
 * require: an open that reads skips every `is_write && ...` rule at once.
 */
export interface GatedRules {
  /** at most MAX_GATE_FLAGS of the variables the rules require */
  readonly flags: readonly string[];
  /** by the bitmask of which flags are true for the event: the rules that can hit, in book order, gated by path */
  readonly lists: readonly PathGate[];
}

export interface RuleBook {
  readonly rules: readonly CompiledRule[];
  readonly byEventType: ReadonlyMap<RuleEventType, readonly CompiledRule[]>;
  /** the same rules as the engine picks them per event */
  readonly gated: ReadonlyMap<RuleEventType, GatedRules>;
  /** by rule index: the correlation rules that read its count */
  readonly correlationsOf: ReadonlyMap<number, readonly CompiledRule[]>;
  /** the length of a job's counts array (rule indexes run below it) */
  readonly slots: number;
}

export interface BookOptions {
  /** every terminate becomes detect */
  readonly monitorMode?: boolean;
}

interface SetContext {
  readonly set: RuleSetSpec;
  readonly ruleIds: ReadonlySet<string>;
  readonly indexOf: ReadonlyMap<string, number>;
}

/** Parses, checks and compiles one CEL text; a problem at its place otherwise. */
function compileText(cel: CelText, scope: CheckScope, ctx: CompileContext, label: string, problems: RuleProblem[]): { run: Compiled; ast: CelNode } | undefined {
  try {
    const ast = cel.ast ?? parseCel(cel.text);
    checkCondition(ast, scope);
    return { run: compileCondition(ast, ctx), ast };
  } catch (err) {
    if (!(err instanceof CelIssue)) throw err;
    problems.push({ at: placeAt(cel.place, err.offset), rule: label, message: err.message });
    return undefined;
  }
}

function compileRule(rule: RuleSpec, mod: Modified, sc: SetContext, index: number, opts: BookOptions, problems: RuleProblem[]): CompiledRule | undefined {
  const label = `${rule.rulesetId}/${rule.ruleId}`;
  const correlation = rule.eventType === undefined;
  const scope: CheckScope = correlation
    ? { variables: {}, lists: new Set(), rules: new Set([...sc.ruleIds].filter((id) => id !== rule.ruleId)), referenced: new Set<string>() }
    : { variables: variablesOf(rule.eventType!), lists: new Set(sc.set.lists.keys()) };
  const ctx: CompileContext = { lists: sc.set.lists, ruleIndex: correlation ? (id) => sc.indexOf.get(id)! : undefined };
  const condition = compileText(rule.condition, scope, ctx, label, problems);
  const exceptionTexts = [...(rule.exceptions ? [rule.exceptions] : []), ...mod.addExceptions];
  const exceptions = exceptionTexts.map((text) => compileText(text, scope, ctx, label, problems)?.run);
  if (!condition || exceptions.some((e) => e === undefined)) return undefined;
  return {
    index, spec: rule, condition: condition.run, exceptions: exceptions as Compiled[],
    reads: [...(scope.referenced ?? [])].map((id) => sc.indexOf.get(id)!),
    requires: requiredFlags(condition.ast, (name) => scope.variables[name]?.kind === 'bool'),
    path: scope.variables.path?.kind === 'string' ? requiredPath(condition.ast, sc.set.lists) : undefined,
    action: opts.monitorMode && mod.action === 'terminate' ? 'detect' : mod.action,
    maxAlerts: mod.maxAlerts,
    modifiers: mod.modifiers,
    target: { include: rule.target.include, exclude: [...rule.target.exclude, ...mod.addTargetExclude] },
  };
}

function uniqueIds(sets: readonly RuleSetSpec[], problems: RuleProblem[]): void {
  const setAt = new Map<string, string>();
  for (const set of sets) {
    const first = setAt.get(set.rulesetId);
    if (first) problems.push({ at: set.at, rule: set.rulesetId, message: `ruleset_id is also used at ${first}` });
    setAt.set(set.rulesetId, `${set.at.file}:${set.at.line}`);
    const ruleAt = new Map<string, string>();
    for (const rule of set.rules) {
      const prev = ruleAt.get(rule.ruleId);
      if (prev) problems.push({ at: rule.at, rule: `${set.rulesetId}/${rule.ruleId}`, message: `rule_id is also used at ${prev}` });
      ruleAt.set(rule.ruleId, `${rule.at.file}:${rule.at.line}`);
    }
  }
}

/** Builds the book from loaded files; throws RuleLoadError naming every problem. */
export function buildRuleBook(files: readonly LoadedFile[], opts: BookOptions = {}, problems: RuleProblem[] = []): RuleBook {
  const sets = files.flatMap((f) => f.ruleSets);
  uniqueIds(sets, problems);
  const modified = applyModifiers(sets, files.flatMap((f) => f.modifiers), problems);
  const rules: CompiledRule[] = [];
  let next = 0;
  for (const set of sets) {
    const indexOf = new Map(set.rules.map((r, i) => [r.ruleId, next + i]));
    const sc: SetContext = { set, ruleIds: new Set(indexOf.keys()), indexOf };
    for (const rule of set.rules) {
      const mod = modified.get(`${set.rulesetId}/${rule.ruleId}`)!;
      const compiled = compileRule(rule, mod, sc, next++, opts, problems);
      if (compiled && !mod.disabled) rules.push(compiled);
    }
  }
  if (problems.length > 0) throw new RuleLoadError(problems);
  return indexBook(rules, next);
}

function indexBook(rules: CompiledRule[], slots: number): RuleBook {
  const byEventType = new Map<RuleEventType, CompiledRule[]>();
  const correlationsOf = new Map<number, CompiledRule[]>();
  for (const rule of rules) {
    const type = rule.spec.eventType;
    if (type !== undefined) {
      if (!byEventType.has(type)) byEventType.set(type, []);
      byEventType.get(type)!.push(rule);
      continue;
    }
    for (const ref of rule.reads) {
      if (!correlationsOf.has(ref)) correlationsOf.set(ref, []);
      correlationsOf.get(ref)!.push(rule);
    }
  }
  const gated = new Map([...byEventType].map(([type, list]) => [type, gate(list)]));
  return { rules, byEventType, gated, correlationsOf, slots };
}

/** Flags per event type past which rules are not split further (16 lists). */
const MAX_GATE_FLAGS = 4;

function gate(rules: readonly CompiledRule[]): GatedRules {
  const flags = [...new Set(rules.flatMap((r) => r.requires))].slice(0, MAX_GATE_FLAGS);
  const lists = Array.from({ length: 1 << flags.length }, (_, mask) =>
    new PathGate(rules.filter((r) => r.requires.every((name) => !flags.includes(name) || (mask & (1 << flags.indexOf(name))) !== 0))),
  );
  return { flags, lists };
}

/** Reads and builds rule files in order. */
export function loadRuleBook(paths: readonly string[], opts: BookOptions = {}): RuleBook {
  const problems: RuleProblem[] = [];
  const files = paths.map((p) => readRuleFile(p, problems));
  return buildRuleBook(files, opts, problems);
}
