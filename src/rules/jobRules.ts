/** A job's rule stage from its rule files: what the daemon and `cicd-sensor run` put in a job's pipeline. */
import { loadRuleBook } from './book.js';
import { RuleEngine } from './engine.js';
import { RuleStage } from './ruleStage.js';
import { bookFromSources, type RuleSource } from './sources.js';

export interface JobRulesOptions {
  /** rule and modifier files, in load order */
  readonly files: readonly string[];
  readonly monitorMode?: boolean;
}

/** The forge rules' `target` is matched against: GitHub's own unless GITHUB_SERVER_URL says otherwise. */
export function providerHost(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return new URL(env.GITHUB_SERVER_URL ?? 'https://github.com').host;
  } catch {
    return 'github.com';
  }
}

/** The engine for the files (throws RuleLoadError naming every problem). */
export function jobEngine(o: JobRulesOptions): RuleEngine {
  return new RuleEngine(loadRuleBook(o.files, { monitorMode: o.monitorMode }), { providerHost: providerHost() });
}

/** The stage for a job with rules, or undefined for a job without. */
export function ruleStageOf(o: JobRulesOptions): RuleStage | undefined {
  return o.files.length === 0 ? undefined : new RuleStage(jobEngine(o));
}

/** What a register or rules request carries: the rule files' text. */
export interface RulesPayload {
  readonly sources: readonly RuleSource[];
  readonly monitorMode: boolean;
}

export function engineFromPayload(p: RulesPayload): RuleEngine {
  return new RuleEngine(bookFromSources(p.sources, { monitorMode: p.monitorMode }), { providerHost: providerHost() });
}
