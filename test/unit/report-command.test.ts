/**
 * `cicd-sensor report --job-dir DIR`: the report rebuilt from a job's log,
 * its findings recomputed with the rules given (not only read back from
 * findings.ndjson), each finding's event in report.json and on the page,
 * and what the run did about a finding kept.
 */
import { afterEach, beforeEach, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportCommand } from '../../src/cli/reportCommand.js';
import { eventLine } from '../../src/events/eventLine.js';
import type { Finding } from '../../src/events/finding.js';
import type { ReportModel } from '../../src/report/model.js';
import { jobEvents } from '../helpers/reportJob.js';

const RULES = `rule_sets:
  - ruleset_id: test/report
    rules:
      - rule_id: environ_read
        rule_name: Another process's environment read
        event_type: file_open
        condition: path.startsWith("/proc/") && path.endsWith("/environ")
        action: detect
        tags: { severity: critical }
      - rule_id: curl_run
        event_type: process_exec
        condition: process.exec_path.endsWith("/curl")
        action: terminate
        tags: { severity: medium }
`;

let dir: string;
let stderr: string;
const write = process.stderr.write.bind(process.stderr);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cicd-sensor-report-cmd-'));
  writeFileSync(join(dir, 'events.ndjson'), jobEvents().map(eventLine).join(''));
  writeFileSync(join(dir, 'rules.yml'), RULES);
  stderr = '';
  process.stderr.write = ((s: string) => ((stderr += s), true)) as typeof process.stderr.write;
});

afterEach(() => {
  process.stderr.write = write;
  rmSync(dir, { recursive: true, force: true });
});

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
const findingsOf = () => lines(join(dir, 'findings.ndjson')).map((l) => JSON.parse(l) as Finding);
const modelOf = () => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ReportModel;

it('recomputes the findings from the log with the rules, each pointing at its event line', async () => {
  // What the run wrote: a finding of a rule that no longer exists, and the curl kill.
  const old: Finding[] = [
    { ruleset_id: 'gone', rule_id: 'old', action: 'detect', severity: 'low', seq: 3, time: 't' },
    { ruleset_id: 'test/report', rule_id: 'curl_run', action: 'terminate', severity: 'medium', seq: 1413, time: 't', response: { kind: 'killed', detail: 'SIGKILL pid 2005' } },
  ];
  writeFileSync(join(dir, 'findings.ndjson'), old.map((f) => JSON.stringify(f) + '\n').join(''));
  expect(await reportCommand({ jobDir: dir, rules: [join(dir, 'rules.yml')], monitorMode: false, builtinRules: false })).toBe(0);

  const findings = findingsOf();
  expect(findings.map((f) => [f.rule_id, f.seq])).toEqual([['environ_read', 1403], ['curl_run', 1413]]);
  // The kill the run did is kept; nothing is killed now.
  expect(findings[1]!.response).toEqual({ kind: 'killed', detail: 'SIGKILL pid 2005' });
  const log = lines(join(dir, 'events.ndjson'));
  const model = modelOf();
  expect(model.findings?.map((f) => f.rule_id)).toEqual(['environ_read', 'curl_run']);
  // seq is the line index: the report's event is that line of the log, verbatim.
  expect(model.findingEvents).toEqual([
    { seq: 1403, line: log[1403] },
    { seq: 1413, line: log[1413] },
  ]);
  expect(JSON.parse(log[1403]!)).toMatchObject({ kind: 'file_open', file: { path: '/proc/1234/environ' } });
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  // (# and _ are entities on the page: markdown-inert everywhere.)
  expect(html).toContain('<a href="#event-1403">&#35;1403</a>');
  expect(html).toMatch(/<details class="event" id="event-1403"><summary>#1403 file&#95;open: events\.ndjson line 1,404<\/summary><pre>\{\n {2}&quot;seq&quot;: 1403,/);
  expect(stderr).toContain(`findings: ${join(dir, 'findings.ndjson')} (2)`);
});

it('says a terminate finding found only now was not acted on', async () => {
  expect(await reportCommand({ jobDir: dir, rules: [join(dir, 'rules.yml')], monitorMode: false, builtinRules: false })).toBe(0);
  expect(findingsOf()[1]).toMatchObject({ rule_id: 'curl_run', response: { kind: 'none', detail: 'recomputed from events.ndjson: nothing done now' } });
});

it('shows the recorded findings, with their events, when no rules are given', async () => {
  const recorded: Finding = { ruleset_id: 'r', rule_id: 'x', action: 'detect', severity: 'high', seq: 41, time: 't' };
  writeFileSync(join(dir, 'findings.ndjson'), JSON.stringify(recorded) + '\n');
  expect(await reportCommand({ jobDir: dir, rules: [], monitorMode: false, builtinRules: false })).toBe(0);
  expect(findingsOf()).toEqual([recorded]);
  const model = modelOf();
  expect(model.findings).toEqual([recorded]);
  expect(model.findingEvents?.map((e) => e.seq)).toEqual([41]);
});

it('refuses rule files with problems, writing nothing', async () => {
  writeFileSync(join(dir, 'bad.yml'), RULES.replace('path.startsWith', 'path.nope'));
  expect(await reportCommand({ jobDir: dir, rules: [join(dir, 'bad.yml')], monitorMode: false, builtinRules: false })).toBe(1);
  expect(stderr).toMatch(/bad\.yml:\d+:\d+/);
  expect(() => readFileSync(join(dir, 'report.json'))).toThrow();
});
