/**
 * What post does with a job's findings: findings.sarif next to the log,
 * annotations, the `findings` and `highest-severity` outputs, and the
 * verdict of `fail-on`. The one place post may fail the job: a user asked
 * for it with fail-on, and it names the findings that did it.
 */
import * as core from '@actions/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../events/finding.js';
import { annotationCommands } from '../findings/annotations.js';
import { findingPlace } from '../findings/place.js';
import { readFindings } from '../findings/readFindings.js';
import { findingsSarif } from '../findings/sarif.js';
import { type FailOn, failingFindings, highestSeverity, isDetection } from '../findings/severity.js';
import { Output } from './constants.js';

export const SARIF_FILE = 'findings.sarif';
const TOOL_VERSION = '0.1.0';

export interface FindingsOutcome {
  readonly findings: Finding[];
  /** files for the artifact */
  readonly files: string[];
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

export function publishFindings(dir: string, failOn: FailOn, env: NodeJS.ProcessEnv = process.env): FindingsOutcome {
  const { findings, unreadable } = readFindings(join(dir, 'findings.ndjson'));
  if (unreadable > 0) core.warning(`cicd-sensor: ${unreadable} line(s) of findings.ndjson could not be read`);
  const place = findingPlace(env);
  const sarifPath = join(dir, SARIF_FILE);
  writeFileSync(sarifPath, `${JSON.stringify(findingsSarif(findings, { toolVersion: TOOL_VERSION, place }), null, 1)}\n`);
  for (const command of annotationCommands(findings, place)) process.stdout.write(`${command}\n`);
  const detections = findings.filter(isDetection);
  core.setOutput(Output.Findings, String(detections.length));
  core.setOutput(Output.HighestSeverity, highestSeverity(findings) ?? '');
  const failure = failOnMessage(findings, failOn);
  return { findings, files: [join(dir, 'findings.ndjson'), sarifPath], ...(failure ? { failure } : {}) };
}
