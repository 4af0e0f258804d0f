/**
 * The built-in rule set, run through the engine users run: every rule has
 * positive and negative cases in the `*.cases.yaml` file next to it (the
 * Falco-rules practice), the files pass `rules check`, and every case's
 * event is a valid EventRecord, so a case cannot lean on a field the sensor
 * never writes.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { rulesCheckCommand } from '../../src/cli/rulesCommand.js';
import type { AncestorRef, EventRecord } from '../../src/events/eventRecord.js';
import { builtinRuleFiles, builtinRulesDir } from '../../src/rules/builtin.js';
import { rulesAtRegistration } from '../../src/action/rules.js';
import type { Settings } from '../../src/action/settings.js';
import { BUILTIN_ONLY, engineFromPayload, payloadSources, providerHost, ruleStageOf } from '../../src/rules/jobRules.js';
import { RuleStage } from '../../src/rules/ruleStage.js';
import { buildRuleBook } from '../../src/rules/book.js';
import { RuleEngine } from '../../src/rules/engine.js';
import { decodePrebuilt, encodePrebuilt, prebuiltParse } from '../../src/rules/prebuilt.js';
import { assertValidEvent, assertValidFinding } from '../helpers/schema.js';

interface CaseEvent extends Omit<Partial<EventRecord>, 'process'> {
  process?: Partial<Omit<EventRecord['process'], 'ancestors'>> & { ancestors?: Partial<AncestorRef>[] };
}
interface Case {
  rule: string;
  hit: boolean;
  name?: string;
  event?: CaseEvent;
  /** several events of one job, in order: the rule must (or must not) hit on the last */
  events?: CaseEvent[];
}
interface CasesFile {
  ruleset_id: string;
  cases: Case[];
}

const RUNNER: AncestorRef = { pid: 10, exec_path: '/home/runner/actions-runner/bin/Runner.Worker', argv: ['/home/runner/actions-runner/bin/Runner.Worker', 'spawnclient', '118', '121'] };
const dir = builtinRulesDir();
const casesFiles = readdirSync(dir).filter((n) => n.endsWith('.cases.yaml')).sort();
const cases: (Case & { ruleset: string; file: string })[] = casesFiles.flatMap((file) => {
  const parsed = parse(readFileSync(join(dir, file), 'utf8')) as CasesFile;
  return parsed.cases.map((c) => ({ ...c, ruleset: parsed.ruleset_id, file }));
});

/** A whole EventRecord from a case's partial one: a job step's process under Runner.Worker. */
function eventOf(partial: CaseEvent, jobId: string, seq: number): EventRecord {
  const p = partial.process ?? {};
  const exec_path = p.exec_path ?? '/usr/bin/bash';
  const ancestors = (p.ancestors ?? []).map((a, i) => ({ pid: 200 + i, exec_path: a.exec_path ?? '', ...(a.argv ? { argv: a.argv } : {}) }));
  return {
    seq,
    time: '2026-12-07T18:00:00.000000Z',
    job: { id: jobId, repository: 'acme/app' },
    cgroup_id: 7,
    step: { label: 'run: npm ci' },
    ...partial,
    kind: partial.kind!,
    process: { pid: 4242, ppid: ancestors[0]?.pid ?? RUNNER.pid, exec_path, argv: p.argv ?? [exec_path], ...p, ancestors: [...ancestors, RUNNER] },
  } as EventRecord;
}

const engine = engineFromPayload(BUILTIN_ONLY);
/** The same set parsed as the build parses it (src/rules/prebuilt.ts), stored, read back and built into an engine. */
function prebuiltEngine(): RuleEngine {
  const sources = payloadSources(BUILTIN_ONLY);
  const stored = decodePrebuilt(encodePrebuilt(sources));
  return new RuleEngine(buildRuleBook(sources.map((s) => prebuiltParse(stored, s)!)), { providerHost: providerHost() });
}
const prebuilt = prebuiltEngine();
const ruleIds = engine.book.rules.map((r) => `${r.spec.rulesetId}/${r.spec.ruleId}`);

describe('the built-in rule set', () => {
  it('passes rules check', () => {
    const out: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (out.push(String(chunk)), true));
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (out.push(String(chunk)), true));
    try {
      expect({ code: rulesCheckCommand(builtinRuleFiles()), out: out.join('') }).toEqual({ code: 0, out: expect.stringContaining('ok') });
    } finally {
      spy.mockRestore();
      err.mockRestore();
    }
  });

  it('is listed in the README as the rule files say (npm run rules:readme)', () => {
    const check = spawnSync(process.execPath, ['scripts/rulesReadme.mjs', '--check'], { encoding: 'utf8' });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
    const readme = readFileSync('README.md', 'utf8');
    for (const id of ruleIds) expect(readme).toContain(`| \`${id.slice(id.lastIndexOf('/') + 1)}\` |`);
  });

  it('has a rule file for every cases file and the reverse', () => {
    const ruleFiles = builtinRuleFiles().map((f) => f.slice(f.lastIndexOf('/') + 1).replace(/\.yaml$/, ''));
    expect(casesFiles.map((f) => f.replace(/\.cases\.yaml$/, ''))).toEqual(ruleFiles);
  });

  it('gives every rule a severity, an ATT&CK technique and a description with a why and a what to do', () => {
    for (const rule of engine.book.rules) {
      const label = `${rule.spec.rulesetId}/${rule.spec.ruleId}`;
      expect({ label, severity: rule.spec.tags.severity !== undefined }).toEqual({ label, severity: true });
      expect({ label, technique: /^T\d{4}(\.\d{3})?$/.test(rule.spec.tags.mitre_technique ?? '') }).toEqual({ label, technique: true });
      expect({ label, why: /Why:/.test(rule.spec.description ?? ''), todo: /What to do:/.test(rule.spec.description ?? '') }).toEqual({ label, why: true, todo: true });
    }
  });

  it('has at least one positive and one negative case for every rule, and no case for a rule that does not exist', () => {
    const named = cases.map((c) => `${c.ruleset}/${c.rule}`);
    expect(named.filter((id) => !ruleIds.includes(id))).toEqual([]);
    const missing = ruleIds.flatMap((id) => [
      ...(cases.some((c) => `${c.ruleset}/${c.rule}` === id && c.hit) ? [] : [`${id}: no positive case`]),
      ...(cases.some((c) => `${c.ruleset}/${c.rule}` === id && !c.hit) ? [] : [`${id}: no negative case`]),
    ]);
    expect(missing).toEqual([]);
  });

  it.each(cases.map((c, i) => [`${c.ruleset}/${c.rule} ${c.hit ? 'hits' : 'misses'}${c.name ? `: ${c.name}` : ''} (${c.file} #${i})`, c] as const))('%s', (_label, c) => {
    const jobId = `case-${_label.length}-${Math.random().toString(36).slice(2)}`;
    const events = (c.events ?? [c.event!]).map((e, i) => eventOf(e, jobId, i));
    let last: string[] = [];
    for (const event of events) {
      assertValidEvent(event);
      const result = engine.evaluate(event);
      for (const f of result.findings) assertValidFinding(f);
      // The set as the build stores it (dist/rules/builtin.prebuilt.json) judges alike.
      expect(prebuilt.evaluate(event)).toEqual(result);
      last = result.findings.map((f) => `${f.ruleset_id}/${f.rule_id}`);
    }
    engine.release(jobId);
    prebuilt.release(jobId);
    expect(last.includes(`${c.ruleset}/${c.rule}`)).toBe(c.hit);
  });
});

describe('loading the built-in rule set', () => {
  const cred = (path: string): EventRecord =>
    eventOf({ kind: 'file_open', process: { exec_path: '/usr/bin/node', argv: ['node', 'x.js'], ancestors: [{ pid: 1, exec_path: '/usr/bin/node', argv: ['node', '/usr/bin/npm', 'install'] }] }, file: { path, access: 'read' } }, 'load-1', 1);
  const dumper = (prevented: boolean): EventRecord =>
    eventOf({ kind: 'process_access', process: { exec_path: '/usr/bin/python3', argv: ['python3', 'dump.py'] }, access: { operation: 'proc_mem_open', target: { pid: 10, exec_path: RUNNER.exec_path, in_job: false }, ...(prevented ? { prevented: true } : {}) } }, 'load-2', 2);

  it('puts the built-in files ahead of the job\'s own, and leaves them out when turned off', () => {
    const own = { name: '.github/rules/a.yml', text: 'rule_sets: []\n' };
    const names = payloadSources({ sources: [own], monitorMode: false }).map((s) => s.name);
    expect(names.at(-1)).toBe(own.name);
    expect(names.slice(0, -1)).toEqual(builtinRuleFiles().map((f) => `builtin:${f.slice(f.lastIndexOf('/') + 1)}`));
    expect(payloadSources({ sources: [own], monitorMode: false, builtin: false })).toEqual([own]);
  });

  it('lets a job\'s rule modifiers change and disable built-in rules', () => {
    const modifiers = {
      name: '.github/rules/mods.yml',
      text: [
        'rule_modifiers:',
        '  - modifier_id: no_environ',
        '    targets: [{ ruleset_id: cicd-sensor/runner, rule_id: proc_environ_read }]',
        '    disable: true',
        '  - modifier_id: watch_only',
        '    targets: [{ ruleset_id: cicd-sensor/runner, rule_id: runner_memory_access }]',
        '    override_action: detect',
      ].join('\n'),
    };
    const modified = engineFromPayload({ sources: [modifiers], monitorMode: false });
    const ids = modified.book.rules.map((r) => r.spec.ruleId);
    expect(ids).not.toContain('proc_environ_read');
    expect(ids).toContain('runner_memory_access');
    const [finding] = modified.evaluate(dumper(false)).findings;
    expect(finding).toMatchObject({ rule_id: 'runner_memory_access', action: 'detect', modifiers: ['watch_only'] });
  });

  it('says a finding on an access protect-runner stopped was prevented, and a kill otherwise', () => {
    const kills: number[] = [];
    const stage = new RuleStage(engineFromPayload(BUILTIN_ONLY), (pid) => (kills.push(pid), { killed: true, detail: `SIGKILL to pid ${pid}` }));
    stage.onEvent(dumper(true));
    stage.onEvent(dumper(false));
    stage.onEvent(cred('/home/runner/.npmrc'));
    expect(stage.findings.map((f) => [f.rule_id, f.response?.kind])).toEqual([
      ['runner_memory_access', 'prevented'],
      ['runner_memory_access', 'killed'],
      ['npm_credentials_in_install', undefined],
    ]);
    expect(stage.findings[0]!.response!.detail).toMatch(/protect-runner stopped the access in the kernel before it happened; then SIGKILL/);
  });

  it('sends the built-in set with pre even while the repository\'s rule files are pending', () => {
    const base = { rules: ['.github/rules/*.yml'], ruleModifiers: [], monitorMode: false };
    const pending = rulesAtRegistration({ ...base, builtinRules: true } as unknown as Settings, '/nonexistent');
    expect(pending).toEqual({ payload: { sources: [], monitorMode: false }, pending: true });
    expect(engineFromPayload(pending.payload!).book.rules.length).toBe(engine.book.rules.length);
    const off = rulesAtRegistration({ ...base, rules: [], builtinRules: false } as unknown as Settings, '/nonexistent');
    expect(off).toEqual({ payload: { sources: [], monitorMode: false, builtin: false }, pending: false });
    expect(ruleStageOf({ files: [], builtin: false })).toBeUndefined();
    expect(ruleStageOf({ files: [] })).toBeInstanceOf(RuleStage);
  });
});
