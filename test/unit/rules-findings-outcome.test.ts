import { afterAll, afterEach, describe, expect, it, jest } from '@jest/globals';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failOnMessage, findingsFromLogIfMissing, publishFindings, SARIF_FILE } from '../../src/action/findingsOutcome.js';
import type { Settings } from '../../src/action/settings.js';
import { eventLine } from '../../src/events/eventLine.js';
import { readFindings } from '../../src/findings/readFindings.js';
import { exec, proc } from './fixtures/ruleEvents.js';
import type { Finding } from '../../src/events/finding.js';
import { findingsNdjson } from '../../src/findings/ndjson.js';

const dir = mkdtempSync(join(tmpdir(), 'findings-outcome-'));
const outputFile = join(dir, 'github_output');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.GITHUB_OUTPUT;
});

const f = (severity: Finding['severity'], rule_id: string, action: Finding['action'] = 'detect'): Finding => ({
  ruleset_id: 't/s', rule_id, action, severity, seq: 1, time: '2026-12-07T15:00:00Z', summary: `${rule_id} happened`, step: { label: 'run: make' },
});

describe('publishFindings', () => {
  it('writes SARIF, prints annotations, sets outputs and judges fail-on', () => {
    writeFileSync(join(dir, 'findings.ndjson'), `${findingsNdjson([f('high', 'a'), f('critical', 'b'), f('info', 'c', 'collect')])}not json\n`);
    writeFileSync(outputFile, '');
    process.env.GITHUB_OUTPUT = outputFile;
    const printed: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      printed.push(String(chunk));
      return true;
    });
    let outcome;
    try {
      outcome = publishFindings(dir, 'high', { GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/ci.yml@refs/heads/main' });
    } finally {
      spy.mockRestore();
    }
    expect(outcome.findings).toHaveLength(3);
    expect(outcome.failure).toBe('cicd-sensor: 2 finding(s) at or above fail-on: high: critical b (b happened); high a (a happened)');
    expect(printed.filter((l) => l.startsWith('::error file=.github/workflows/ci.yml,title=')).length).toBe(2);
    expect(printed.some((l) => l.startsWith('::warning::cicd-sensor: 1 line(s) of findings.ndjson'))).toBe(true);
    const sarif = JSON.parse(readFileSync(join(dir, SARIF_FILE), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toHaveLength(2);
    const outputs = readFileSync(outputFile, 'utf8');
    expect(outputs).toMatch(/^findings<<.*\n2\n/m);
    expect(outputs).toMatch(/^highest-severity<<.*\ncritical\n/m);
    expect(outcome.files).toEqual([join(dir, 'findings.ndjson'), join(dir, SARIF_FILE)]);
  });
});

describe('failOnMessage', () => {
  it('names at most five findings and counts the rest; none never fails', () => {
    const many = Array.from({ length: 7 }, (_, i) => f('critical', `r${i}`));
    expect(failOnMessage(many, 'critical')).toMatch(/7 finding\(s\) .*r4 \(r4 happened\), and 2 more$/);
    expect(failOnMessage(many, 'none')).toBeUndefined();
    expect(failOnMessage([f('medium', 'm')], 'high')).toBeUndefined();
  });
});

describe('findingsFromLogIfMissing', () => {
  const settings = (rules: string[]) => ({ rules, ruleModifiers: [], monitorMode: false }) as unknown as Settings;
  it('replays the log through the job\'s rules when the daemon left no findings', () => {
    const job = join(dir, 'gone');
    const workspace = join(dir, 'ws');
    mkdirSync(job);
    mkdirSync(join(workspace, 'rules'), { recursive: true });
    copyFileSync(join(process.cwd(), 'test/fixtures/rules/features.yml'), join(workspace, 'rules', 'f.yml'));
    writeFileSync(join(job, 'events.ndjson'), `${eventLine(exec(proc('/usr/bin/curl')))}\n`);
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      findingsFromLogIfMissing(job, settings([]), workspace);
      expect(existsSync(join(job, 'findings.ndjson'))).toBe(false);
      findingsFromLogIfMissing(job, settings(['rules/*.yml']), workspace);
    } finally {
      spy.mockRestore();
    }
    expect(readFindings(join(job, 'findings.ndjson')).findings.map((f) => f.rule_id)).toEqual(['curl_exec']);
  });
});
