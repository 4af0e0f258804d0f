/** Rule files as loaded (load.ts), before their conditions are checked and compiled (book.ts). */
import type { RuleAction, Severity } from '../events/finding.js';
import type { CelNode } from './celAst.js';
import type { CelPlace } from './position.js';
import type { RuleEventType } from './schema.js';

/** Where something is: a file, and a 1-based line and column in it. */
export interface SourceAt {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** A CEL text and where it is in its file (position.ts placeAt finds an offset of it). */
export interface CelText {
  readonly text: string;
  readonly place: CelPlace;
  /** its parse, when the file was parsed at build time (the built-in set, prebuilt.ts) */
  readonly ast?: CelNode;
}

export interface TargetRef {
  readonly provider_host?: string;
  readonly path?: string;
}

export interface TargetSpec {
  readonly include: readonly TargetRef[];
  readonly exclude: readonly TargetRef[];
}

export interface RuleSpec {
  readonly rulesetId: string;
  readonly ruleId: string;
  readonly ruleName?: string;
  readonly description?: string;
  /** undefined for a correlation rule */
  readonly eventType?: RuleEventType;
  readonly condition: CelText;
  readonly exceptions?: CelText;
  readonly action: RuleAction;
  readonly maxAlerts: number;
  readonly severity: Severity;
  readonly tags: Readonly<Record<string, string>>;
  readonly target: TargetSpec;
  readonly at: SourceAt;
}

export interface RuleSetSpec {
  readonly rulesetId: string;
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly rules: readonly RuleSpec[];
  readonly at: SourceAt;
}

export interface ModifierTarget {
  readonly rulesetId: string;
  readonly ruleId?: string;
}

export interface ModifierSpec {
  readonly modifierId: string;
  readonly targets: readonly ModifierTarget[];
  readonly overrideAction?: RuleAction;
  readonly overrideMaxAlerts?: number;
  readonly addExceptions?: CelText;
  readonly addTargetExclude: readonly TargetRef[];
  readonly disable: boolean;
  readonly at: SourceAt;
}

/** One problem in a rule file: what `rules check` prints, one per line. */
export interface RuleProblem {
  readonly at: SourceAt;
  /** "ruleset_id/rule_id", "ruleset_id" or "modifier modifier_id", when known */
  readonly rule?: string;
  readonly message: string;
}

export function formatProblem(p: RuleProblem): string {
  return `${p.at.file}:${p.at.line}:${p.at.col}: ${p.rule ? `${p.rule}: ` : ''}${p.message}`;
}

/** A rule file set that cannot be loaded; every problem found, not just the first. */
export class RuleLoadError extends Error {
  constructor(readonly problems: readonly RuleProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'RuleLoadError';
  }
}
