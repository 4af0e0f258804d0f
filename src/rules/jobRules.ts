/** A job's rule stage from its rule files: what the daemon and `cicd-sensor run` put in a job's pipeline. */
import { builtinRuleSources } from './builtin.js';
import { RuleEngine } from './engine.js';
import { RuleStage } from './ruleStage.js';
import { bookFromSources, readRuleSources, type RuleSource } from './sources.js';

export interface JobRulesOptions {
  /** rule and modifier files, in load order (after the built-in ones) */
  readonly files: readonly string[];
  readonly monitorMode?: boolean;
  /** the built-in rule set ahead of the files (default true) */
  readonly builtin?: boolean;
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
  return engineFromPayload({ sources: readRuleSources(o.files), monitorMode: o.monitorMode === true, builtin: o.builtin });
}

/** The stage for a job with rules (built-in or its own), or undefined for a job without. */
export function ruleStageOf(o: JobRulesOptions): RuleStage | undefined {
  return o.files.length === 0 && o.builtin === false ? undefined : new RuleStage(jobEngine(o));
}

/** What a register or rules request carries: the rule files' text. */
export interface RulesPayload {
  readonly sources: readonly RuleSource[];
  readonly monitorMode: boolean;
  /** the built-in rule set ahead of the sources; absent means true */
  readonly builtin?: boolean;
}

/** A job registered without rules gets the built-in set. */
export const BUILTIN_ONLY: RulesPayload = Object.freeze({ sources: [], monitorMode: false });

/** The sources a payload loads, in order: the built-in set (unless turned off), then the job's own. */
export function payloadSources(p: RulesPayload): RuleSource[] {
  return [...(p.builtin === false ? [] : builtinRuleSources()), ...p.sources];
}

export function engineFromPayload(p: RulesPayload): RuleEngine {
  return new RuleEngine(bookFromSources(payloadSources(p), { monitorMode: p.monitorMode }), { providerHost: providerHost() });
}
