import { beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Finding, Severity } from '../../src/events/finding.js';
import { annotationCommands, escapeData, escapeProperty, MAX_ANNOTATIONS } from '../../src/findings/annotations.js';
import { findingsNdjson } from '../../src/findings/ndjson.js';
import { findingPlace } from '../../src/findings/place.js';
import { findingsSarif, fingerprint } from '../../src/findings/sarif.js';
import { failingFindings, highestSeverity, isFailOn } from '../../src/findings/severity.js';
import { jobSteps, stepForLabel, workflowFileOf } from '../../src/findings/workflowStep.js';
import { stepLabel } from '../../src/kerneltracker/steps.js';
import { assertValidFinding } from '../helpers/schema.js';

const WORKSPACE = join(process.cwd(), 'test/fixtures/rules/workflow');
const ENV = { GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/ci.yml@refs/heads/main', GITHUB_WORKSPACE: WORKSPACE, GITHUB_JOB: 'build' };

let seq = 0;
function finding(severity: Severity, over: Partial<Finding> = {}): Finding {
  return {
    ruleset_id: 'test/out',
    rule_id: `rule_${severity}`,
    rule_name: `A ${severity} rule`,
    description: 'What: it happened.\nWhy: it matters.',
    action: 'detect',
    severity,
    tags: { severity, mitre_technique: 'T1552' },
    seq: ++seq,
    time: '2026-12-07T15:00:00.000000Z',
    event_kind: 'process_exec',
    job: { id: 'job-1' },
    step: { label: 'run: npm ci' },
    process: { pid: 100 + seq, exec_path: '/usr/bin/node', argv: ['node', 'x.js'], ancestors: [] },
    summary: 'node executed /usr/bin/node: node x.js',
    ...over,
  };
}

describe('fail-on', () => {
  const all = [finding('low'), finding('critical'), finding('medium'), finding('high', { action: 'collect' }), finding('info')];
  it('fails on detections at or above the level', () => {
    expect(failingFindings(all, 'critical').map((f) => f.severity)).toEqual(['critical']);
    expect(failingFindings(all, 'medium').map((f) => f.severity)).toEqual(['critical', 'medium']);
    expect(failingFindings(all, 'low').map((f) => f.severity)).toEqual(['critical', 'medium', 'low']);
    expect(failingFindings(all, 'none')).toEqual([]);
  });
  it('knows its levels and the highest severity', () => {
    expect(['critical', 'high', 'medium', 'low', 'none'].every(isFailOn)).toBe(true);
    expect(isFailOn('info') || isFailOn('CRITICAL') || isFailOn('')).toBe(false);
    expect(highestSeverity(all)).toBe('critical');
    expect(highestSeverity([finding('high', { action: 'collect' })])).toBeUndefined();
  });
});

describe('findings.ndjson', () => {
  it('one valid Finding per line', () => {
    const text = findingsNdjson([finding('high'), finding('low')]);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) assertValidFinding(JSON.parse(line));
    expect(findingsNdjson([])).toBe('');
  });
});

describe('the step in the workflow file', () => {
  it('reads the file from GITHUB_WORKFLOW_REF', () => {
    expect(workflowFileOf(ENV.GITHUB_WORKFLOW_REF)).toBe('.github/workflows/ci.yml');
    expect(workflowFileOf('acme/app/.github/workflows/a@b.yml@refs/tags/v1')).toBe('.github/workflows/a@b.yml');
    expect(workflowFileOf(undefined)).toBeUndefined();
    expect(workflowFileOf('nonsense')).toBeUndefined();
  });
  it('finds a step by the label the tracker gave it, the first that fits', () => {
    const place = findingPlace(ENV)!;
    const line = (label: string) => place.lineOf(finding('high', { step: { label } }));
    expect(line('uses: actions/checkout@v4')).toBe(12);
    expect(line('run: npm ci')).toBe(13);
    expect(line('uses: github/codeql-action@v3')).toBe(18);
    const long = stepLabel('/bin/bash', ['bash', '/home/runner/work/_temp/x.sh'], () =>
      'echo this is a rather long line that the tracker clips at two hundred characters so the label ends with an ellipsis and the matching has to use the prefix only, which is what this step is here to show in the tests ok');
    expect(line(long)).toBe(21);
    expect(line('run: make')).toBeUndefined();
    expect(line('uses: actions/checkout@v3')).toBeUndefined();
  });
  it('has no steps for another job, a broken file, or no file', () => {
    expect(jobSteps('jobs: {}', 'build')).toEqual([]);
    expect(jobSteps('jobs: [', 'build')).toEqual([]);
    expect(stepForLabel([], 'run: x')).toBeUndefined();
    expect(findingPlace({ ...ENV, GITHUB_WORKSPACE: '/nonexistent' })!.lineOf(finding('high'))).toBeUndefined();
    expect(findingPlace({})).toBeUndefined();
  });
});

describe('annotations', () => {
  it('by severity, naming the step, anchored to its line', () => {
    const commands = annotationCommands([finding('low'), finding('critical'), finding('medium'), finding('info', { action: 'collect' })], findingPlace(ENV));
    expect(commands).toEqual([
      expect.stringMatching(/^::error file=\.github\/workflows\/ci\.yml,line=13,title=cicd-sensor%3A critical finding::A critical rule in step "run: npm ci": node executed/),
      expect.stringMatching(/^::warning file=.*,line=13,/),
      expect.stringMatching(/^::notice file=.*,line=13,/),
    ]);
  });
  it('at most 10, the most severe', () => {
    const many = [...Array.from({ length: 12 }, () => finding('low')), finding('high')];
    const commands = annotationCommands(many);
    expect(commands).toHaveLength(MAX_ANNOTATIONS);
    expect(commands[0]).toMatch(/^::error title=/);
  });
  it('escapes by the workflow-command rules', () => {
    expect(escapeData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const [command] = annotationCommands([finding('high', { summary: 'x\n::error::forged', step: { label: 'run: a,b' } })], { file: 'w:1.yml', lineOf: () => 3 });
    expect(command).toBe('::error file=w%3A1.yml,line=3,title=cicd-sensor%3A high finding::A high rule in step "run: a,b": x%0A::error::forged (event ' + command!.match(/\(event (\d+)/)![1] + ', test/out/rule_high)');
    expect(command!.split('\n')).toHaveLength(1);
  });
});

describe('SARIF', () => {
  beforeAll(async () => {
    // registers toBeValidSarifLog (the official SARIF 2.1.0 schema it ships) on jest's expect
    await import('@microsoft/jest-sarif');
  });
  const findings = [finding('critical'), finding('medium', { step: { label: 'uses: actions/checkout@v4' } }), finding('critical'), finding('low', { action: 'collect' })];

  it('is valid SARIF 2.1.0: one run, rules with help, results at the step line', () => {
    const log = findingsSarif(findings, { toolVersion: '0.1.0', informationUri: 'https://github.com/acme/cicd-sensor', place: findingPlace(ENV) });
    (expect(log) as unknown as { toBeValidSarifLog(): void }).toBeValidSarifLog();
    const run = (log.runs as { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: Record<string, any>[] }[])[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['test/out/rule_critical', 'test/out/rule_medium']);
    expect(run.tool.driver.rules[0]!.help.text).toMatch(/^What: /);
    expect(run.results).toHaveLength(3);
    expect(run.results.map((r) => [r.ruleIndex, r.level, r.locations[0].physicalLocation.region.startLine])).toEqual([
      [0, 'error', 13],
      [1, 'warning', 12],
      [0, 'error', 13],
    ]);
    expect(run.results[0]!.locations[0].physicalLocation.artifactLocation.uri).toBe('.github/workflows/ci.yml');
  });
  it('fingerprints stay the same across runs, and differ between different things', () => {
    const a = finding('high');
    const again = { ...a, seq: 999, time: '2027-01-01T00:00:00Z', process: { ...a.process, pid: 1 } };
    expect(fingerprint(again, 'f.yml')).toBe(fingerprint(a, 'f.yml'));
    expect(fingerprint({ ...a, summary: 'other' }, 'f.yml')).not.toBe(fingerprint(a, 'f.yml'));
    expect(fingerprint(a, 'g.yml')).not.toBe(fingerprint(a, 'f.yml'));
  });
  it('is valid with no location (a local run) and with no findings', () => {
    (expect(findingsSarif(findings, { toolVersion: '0.1.0' })) as unknown as { toBeValidSarifLog(): void }).toBeValidSarifLog();
    (expect(findingsSarif([], { toolVersion: '0.1.0' })) as unknown as { toBeValidSarifLog(): void }).toBeValidSarifLog();
  });
  it('fails the schema when broken (the check is real)', () => {
    const log = findingsSarif(findings, { toolVersion: '0.1.0' });
    (log as { version: string }).version = '2.0';
    (expect(log) as unknown as { not: { toBeValidSarifLog(): void } }).not.toBeValidSarifLog();
  });
});
