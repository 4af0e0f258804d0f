import { afterAll, afterEach, describe, expect, it, jest } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failOnMessage, findingsFromLog, publishFindings } from '../../src/action/findingsOutcome.js';
import type { Settings } from '../../src/action/settings.js';
import { eventLine } from '../../src/events/eventLine.js';
import { exec, proc } from './fixtures/ruleEvents.js';
import type { Finding } from '../../src/events/finding.js';

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
  it('prints annotations, sets outputs and judges fail-on', () => {
    writeFileSync(outputFile, '');
    process.env.GITHUB_OUTPUT = outputFile;
    const printed: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      printed.push(String(chunk));
      return true;
    });
    let outcome;
    try {
      outcome = publishFindings([f('high', 'a'), f('critical', 'b'), f('info', 'c', 'collect')], 'high', { GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/ci.yml@refs/heads/main' });
    } finally {
      spy.mockRestore();
    }
    expect(outcome.failure).toBe('cicd-sensor: 2 finding(s) at or above fail-on: high: critical b (b happened); high a (a happened)');
    expect(printed.filter((l) => l.startsWith('::error file=.github/workflows/ci.yml,title=')).length).toBe(2);
    const outputs = readFileSync(outputFile, 'utf8');
    expect(outputs).toMatch(/^findings<<.*\n2\n/m);
    expect(outputs).toMatch(/^highest-severity<<.*\ncritical\n/m);
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

describe('findingsFromLog', () => {
  const settings = (rules: string[]) => ({ rules, ruleModifiers: [], monitorMode: false }) as unknown as Settings;
  it('replays the log through the job\'s rules when the daemon could not judge it', () => {
    const job = join(dir, 'gone');
    const workspace = join(dir, 'ws');
    mkdirSync(job);
    mkdirSync(join(workspace, 'rules'), { recursive: true });
    copyFileSync(join(process.cwd(), 'test/fixtures/rules/features.yml'), join(workspace, 'rules', 'f.yml'));
    writeFileSync(join(job, 'events.ndjson'), `${eventLine(exec(proc('/usr/bin/curl')))}\n`);
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let found;
    try {
      expect(findingsFromLog(join(job, 'events.ndjson'), settings([]), workspace)).toBeUndefined();
      found = findingsFromLog(join(job, 'events.ndjson'), settings(['rules/*.yml']), workspace);
    } finally {
      spy.mockRestore();
    }
    expect(found!.map((f) => f.rule_id)).toEqual(['curl_exec']);
  });
});
