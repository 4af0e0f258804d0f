/**
 * The action's rules: the built-in rule set (unless `builtin-rules: false`)
 * and, after it, the `rules` and `rule-modifiers` inputs resolved in the
 * repository, read as the runner's user, checked, and sent to the daemon as
 * text (the daemon adds the built-in files of its own install). pre runs
 * before any step, so before the repository is checked out: when the files
 * are not there yet, pre registers the job with the built-in rules alone
 * and the action's main step (placed after checkout) loads the whole set,
 * the daemon replaying the job's events so far through it.
 */
import * as core from '@actions/core';
import { request } from '../daemon/client.js';
import { payloadSources, type RulesPayload } from '../rules/jobRules.js';
import { resolveRuleFiles } from '../rules/ruleFiles.js';
import { bookFromSources, readRuleSources } from '../rules/sources.js';
import { RuleLoadError } from '../rules/specs.js';
import { ConfigurationError, type Settings } from './settings.js';
import { Input } from './constants.js';

export interface ActionRules {
  /** what to send: the files' text, or (pending) none yet */
  readonly payload?: RulesPayload;
  /** the patterns matched nothing yet: main loads them */
  readonly pending: boolean;
}

const patternsOf = (s: Settings): string[] => [...s.rules, ...s.ruleModifiers];

/** The workspace rule files are resolved in: the checkout, or where the step runs outside Actions. */
export const workspaceDir = (): string => process.env.GITHUB_WORKSPACE || process.cwd();

/** The payload for files that all exist, checked with the built-in set; a ConfigurationError naming every problem otherwise. */
function checkedPayload(files: string[], settings: Settings): RulesPayload {
  const { monitorMode, builtinRules } = settings;
  try {
    const payload: RulesPayload = { sources: readRuleSources(files), monitorMode, ...(builtinRules ? {} : { builtin: false }) };
    bookFromSources(payloadSources(payload), { monitorMode });
    return payload;
  } catch (err) {
    if (!(err instanceof RuleLoadError)) throw err;
    throw new ConfigurationError(`input ${Input.Rules}: the rule files have problems:\n${err.message}`);
  }
}

/**
 * At registration: the rules if their files are there, else pending (the
 * built-in set alone, which the main step replaces with the whole set).
 */
export function rulesAtRegistration(settings: Settings, workspace: string): ActionRules {
  const { files, unmatched } = resolveRuleFiles(patternsOf(settings), workspace);
  if (unmatched.length > 0) return { payload: checkedPayload([], settings), pending: true };
  return { payload: checkedPayload(files, settings), pending: false };
}

/** In main, after checkout: every pattern must match now. */
export function rulesAfterCheckout(settings: Settings, workspace: string): RulesPayload {
  const { files, unmatched } = resolveRuleFiles(patternsOf(settings), workspace);
  if (unmatched.length > 0) {
    throw new ConfigurationError(`input ${Input.Rules}/${Input.RuleModifiers}: no file in ${workspace} matches ${unmatched.map((p) => `'${p}'`).join(', ')}`);
  }
  return checkedPayload(files, settings);
}

/** Sends the repository's rules for a job registered with pending rules. */
export async function loadPendingRules(stateDir: string, jobId: string, settings: Settings, workspace: string): Promise<void> {
  const rules = rulesAfterCheckout(settings, workspace);
  const reply = await request(stateDir, { op: 'rules', id: jobId, rules }, 60_000);
  if (!reply.ok) throw new Error(`the sensor refused the rules: ${reply.error}`);
  core.info(`cicd-sensor: ${rules.sources.length} rule file(s) loaded; ${String(reply.findings)} finding(s) in the job so far`);
}
