/**
 * The action's rules: the `rules` and `rule-modifiers` inputs resolved in
 * the repository, read as the runner's user, checked, and sent to the
 * daemon as text. pre runs before any step, so before the repository is
 * checked out: when the files are not there yet, pre registers the job with
 * no rules and the action's main step (placed after checkout) loads them,
 * the daemon replaying the job's events so far through them.
 */
import * as core from '@actions/core';
import { request } from '../daemon/client.js';
import type { RulesPayload } from '../rules/jobRules.js';
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

/** The payload for files that all exist, checked; a ConfigurationError naming every problem otherwise. */
function checkedPayload(files: string[], monitorMode: boolean): RulesPayload {
  try {
    const sources = readRuleSources(files);
    bookFromSources(sources, { monitorMode });
    return { sources, monitorMode };
  } catch (err) {
    if (!(err instanceof RuleLoadError)) throw err;
    throw new ConfigurationError(`input ${Input.Rules}: the rule files have problems:\n${err.message}`);
  }
}

/** At registration: the rules if their files are there, else pending (an empty set the main step replaces). */
export function rulesAtRegistration(settings: Settings, workspace: string): ActionRules {
  const patterns = patternsOf(settings);
  if (patterns.length === 0) return { pending: false };
  const { files, unmatched } = resolveRuleFiles(patterns, workspace);
  if (unmatched.length > 0) return { payload: { sources: [], monitorMode: settings.monitorMode }, pending: true };
  return { payload: checkedPayload(files, settings.monitorMode), pending: false };
}

/** In main, after checkout: every pattern must match now. */
export function rulesAfterCheckout(settings: Settings, workspace: string): RulesPayload {
  const { files, unmatched } = resolveRuleFiles(patternsOf(settings), workspace);
  if (unmatched.length > 0) {
    throw new ConfigurationError(`input ${Input.Rules}/${Input.RuleModifiers}: no file in ${workspace} matches ${unmatched.map((p) => `'${p}'`).join(', ')}`);
  }
  return checkedPayload(files, settings.monitorMode);
}

/** Sends the repository's rules for a job registered with pending rules. */
export async function loadPendingRules(stateDir: string, jobId: string, settings: Settings, workspace: string): Promise<void> {
  const rules = rulesAfterCheckout(settings, workspace);
  const reply = await request(stateDir, { op: 'rules', id: jobId, rules }, 60_000);
  if (!reply.ok) throw new Error(`the sensor refused the rules: ${reply.error}`);
  core.info(`cicd-sensor: ${rules.sources.length} rule file(s) loaded; ${String(reply.findings)} finding(s) in the job so far`);
}
