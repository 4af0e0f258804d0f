/**
 * What post does with a job's findings (the daemon's, from the `report`
 * op; findings.sarif is written there too): annotations, the `findings` and `highest-severity` outputs, and the
 * verdict of `fail-on`. The one place post may fail the job: a user asked
 * for it with fail-on, and it names the findings that did it.
 */
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import type { Finding } from '../events/finding.js';
import { annotationCommands } from '../findings/annotations.js';
import { findingPlace } from '../findings/place.js';
import { type FailOn, failingFindings, highestSeverity, isDetection } from '../findings/severity.js';
import { engineFromPayload } from '../rules/jobRules.js';
import { replayLog } from '../rules/replay.js';
import { resolveRuleFiles } from '../rules/ruleFiles.js';
import { readRuleSources } from '../rules/sources.js';
import { Output } from './constants.js';
import type { Settings } from './settings.js';

export interface FindingsOutcome {
  /** set when fail-on is met: the message the job fails with */
  readonly failure?: string;
}

/** The failure message naming the findings at or above fail-on, or undefined. */
export function failOnMessage(findings: readonly Finding[], failOn: FailOn): string | undefined {
  const failing = failingFindings(findings, failOn);
  if (failing.length === 0) return undefined;
  const named = failing.slice(0, 5).map((f) => `${f.severity} ${f.rule_name ?? f.rule_id} (${f.summary ?? `event ${f.seq}`})`);
  const more = failing.length > named.length ? `, and ${failing.length - named.length} more` : '';
  return `cicd-sensor: ${failing.length} finding(s) at or above fail-on: ${failOn}: ${named.join('; ')}${more}`;
}

/**
 * A job whose report did not come from the daemon (it ended early) has no
 * findings of its own: its log is replayed through the job's rules here
 * instead (nothing can be stopped any more, but nothing found is lost).
 * Trouble only warns: post reports, it does not fail.
 */
export function findingsFromLog(eventsPath: string, settings: Settings, workspace: string): Finding[] | undefined {
  const patterns = [...settings.rules, ...settings.ruleModifiers];
  if ((patterns.length === 0 && !settings.builtinRules) || !existsSync(eventsPath)) return undefined;
  try {
    const { files } = resolveRuleFiles(patterns, workspace);
    const payload = { sources: readRuleSources(files), monitorMode: settings.monitorMode, builtin: settings.builtinRules };
    const engine = engineFromPayload(payload);
    const findings: Finding[] = [];
    replayLog(eventsPath, (event) => findings.push(...engine.evaluate(event).findings));
    core.warning(`cicd-sensor: the sensor ended before the job did; the rules were applied to its log afterwards (${findings.length} finding(s), nothing stopped)`);
    return findings;
  } catch (err) {
    core.warning(`cicd-sensor: the job's log could not be checked against the rules: ${(err as Error).message}`);
    return undefined;
  }
}

/** Annotations, the findings outputs, and the verdict of fail-on, for the findings the report holds. */
export function publishFindings(findings: readonly Finding[], failOn: FailOn, env: NodeJS.ProcessEnv = process.env): FindingsOutcome {
  const place = findingPlace(env);
  for (const command of annotationCommands(findings, place)) process.stdout.write(`${command}\n`);
  const detections = findings.filter(isDetection);
  core.setOutput(Output.Findings, String(detections.length));
  core.setOutput(Output.HighestSeverity, highestSeverity(findings) ?? '');
  const failure = failOnMessage(findings, failOn);
  return failure ? { failure } : {};
}
