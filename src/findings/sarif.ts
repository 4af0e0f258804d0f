/**
 * findings.sarif: SARIF 2.1.0 for GitHub code scanning. One run; the rules
 * that have results, with their description as help; each result anchored
 * to the workflow file and the step's line (GitHub drops a result without a
 * location, so a finding whose step was not found is anchored to the
 * file's first line), with a partialFingerprint built only from what stays
 * the same when the same thing happens in the next run (no pid, seq or time),
 * so code scanning tracks one alert across runs instead of opening new ones.
 */
import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../events/finding.js';
import { annotationText } from './annotations.js';
import { isDetection } from './severity.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** code scanning's security-severity scale (critical above 9.0, high 7.0-8.9, medium 4.0-6.9, low below) */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0', info: '0.0' };

export const SARIF_FILE = 'findings.sarif';

export interface SarifPlace {
  /** the workflow file, relative to the repository root */
  readonly file: string;
  readonly lineOf: (f: Finding) => number | undefined;
}

export interface SarifOptions {
  readonly toolVersion: string;
  readonly informationUri?: string;
  /** where results point; without it results have no location (a local run) */
  readonly place?: SarifPlace;
}

const ruleKey = (f: Finding): string => `${f.ruleset_id}/${f.rule_id}`;

function sarifRule(f: Finding): Record<string, unknown> {
  const help = f.description ?? f.rule_name ?? f.rule_id;
  return {
    id: ruleKey(f),
    name: f.rule_id,
    shortDescription: { text: f.rule_name ?? f.rule_id },
    fullDescription: { text: help },
    help: { text: help, markdown: help },
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: {
      tags: ['security', ...Object.entries(f.tags ?? {}).filter(([k]) => k !== 'severity').map(([k, v]) => `${k}:${v}`)],
      'security-severity': SECURITY_SEVERITY[f.severity],
      precision: 'high',
    },
  };
}

export function fingerprint(f: Finding, file: string | undefined): string {
  const parts = [ruleKey(f), file ?? '', f.job?.id ?? '', f.step?.label ?? '', f.process?.exec_path ?? '', f.summary ?? ''];
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

function result(f: Finding, ruleIndex: number, place: SarifPlace | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: ruleKey(f),
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: annotationText(f) },
    partialFingerprints: { 'cicdSensorFinding/v1': fingerprint(f, place?.file) },
    properties: { seq: f.seq, time: f.time, action: f.action, ...(f.response ? { response: f.response.kind } : {}) },
  };
  if (place) {
    const region = { startLine: place.lineOf(f) ?? 1 };
    out.locations = [{ physicalLocation: { artifactLocation: { uri: place.file }, region } }];
  }
  return out;
}

/** The SARIF log of a job's detections (collect hits are signals and stay out). */
export function findingsSarif(findings: readonly Finding[], o: SarifOptions): Record<string, unknown> {
  const detections = findings.filter(isDetection);
  const index = new Map<string, number>();
  const rules: Record<string, unknown>[] = [];
  for (const f of detections) {
    if (index.has(ruleKey(f))) continue;
    index.set(ruleKey(f), rules.length);
    rules.push(sarifRule(f));
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cicd-sensor',
            version: o.toolVersion,
            ...(o.informationUri ? { informationUri: o.informationUri } : {}),
            rules,
          },
        },
        results: detections.map((f) => result(f, index.get(ruleKey(f))!, o.place)),
      },
    ],
  };
}

const TOOL_VERSION = '0.1.0';

/** findings.sarif as written beside a job's log. */
export const sarifText = (findings: readonly Finding[], place?: SarifPlace): string =>
  `${JSON.stringify(findingsSarif(findings, { toolVersion: TOOL_VERSION, place }), null, 1)}\n`;
