import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, UsageError } from '../../src/cli/args.js';
import { rulesCheckCommand, rulesEvalCommand } from '../../src/cli/rulesCommand.js';
import { eventLine } from '../../src/events/eventLine.js';
import { connect, exec, fileOpen, proc } from './fixtures/ruleEvents.js';

const fixture = (name: string): string => join(process.cwd(), 'test/fixtures/rules', name);
const dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function usage(...argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`accepted ${argv.join(' ')}`);
}

/** stderr written while fn runs, and its result. */
function withStderr<T>(fn: () => T): { result: T; stderr: string } {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    return { result: fn(), stderr: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

function withStdout<T>(fn: () => T): T {
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return fn();
  } finally {
    spy.mockRestore();
  }
}

describe('rules arguments', () => {
  it('check takes files', () => {
    expect(parseArgs(['rules', 'check', 'a.yml', 'b.yml'])).toEqual({ help: false, subcommand: 'rules-check', files: ['a.yml', 'b.yml'] });
    expect(usage('rules', 'check')).toMatch(/at least one file/);
    expect(usage('rules', 'check', '--fast', 'a.yml')).toMatch(/unknown option '--fast'/);
    expect(usage('rules')).toMatch(/check or eval/);
  });
  it('eval takes --rules FILE... (repeatable, in order) and --events', () => {
    expect(parseArgs(['rules', 'eval', '--rules', 'a.yml', 'b.yml', '--events', 'e.ndjson', '--rules', 'c.yml', '--monitor-mode'])).toEqual({
      help: false,
      subcommand: 'rules-eval',
      options: { rules: ['a.yml', 'b.yml', 'c.yml'], events: 'e.ndjson', monitorMode: true },
    });
    expect(usage('rules', 'eval', '--events', 'e')).toMatch(/needs --rules/);
    expect(usage('rules', 'eval', '--rules', 'a.yml')).toMatch(/needs --events/);
    expect(usage('rules', 'eval', '--rules', '--events', 'e')).toMatch(/--rules needs at least one file/);
  });
});

describe('rules check', () => {
  it('exits 0 for files that load', () => {
    const { result } = withStderr(() => rulesCheckCommand([fixture('features.yml'), fixture('modifiers.yml')]));
    expect(result).toBe(0);
  });
  it('--builtin checks a modifiers file against the built-in rules it changes', () => {
    const mods = join(dir, 'mods.yml');
    writeFileSync(mods, 'rule_modifiers:\n  - modifier_id: quiet\n    targets: [{ ruleset_id: cicd-sensor/host, rule_id: shell_rc_modified }]\n    disable: true\n');
    expect(withStderr(() => rulesCheckCommand([mods])).result).toBe(1);
    expect(withStdout(() => rulesCheckCommand([mods], true))).toBe(0);
    expect(parseArgs(['rules', 'check', '--builtin', mods])).toEqual({ help: false, subcommand: 'rules-check', files: [mods], builtin: true });
  });
  it('exits 1 and prints each problem with its position', () => {
    const { result, stderr } = withStderr(() => rulesCheckCommand([fixture('bad-conditions.yml')]));
    expect(result).toBe(1);
    expect(stderr).toContain(`${fixture('bad-conditions.yml')}:11:20: test/bad-conditions/uses_matches: matches() is not in the rule language's CEL subset`);
    expect(stderr).toMatch(/24 problem\(s\) in the rule files/);
  });
});

describe('rules eval', () => {
  const events = join(dir, 'events.ndjson');
  const log = [
    exec(proc('/usr/bin/curl')),
    fileOpen('/home/runner/.npmrc', 'read', proc('/usr/bin/node', ['node'], [{ pid: 9, exec_path: '/usr/bin/npm', argv: ['npm', 'ci'] }])),
    connect('::ffff:169.254.169.254', 80),
    { ...connect('10.0.0.1', 1), kind: 'process_exit' as const },
  ];
  writeFileSync(events, `${log.map((e) => eventLine(e)).join('\n')}\n{"torn": \n`);

  it('prints one finding per line, in log order, and counts lines it cannot read', () => {
    const lines: string[] = [];
    const { result, stderr } = withStderr(() => rulesEvalCommand({ rules: [fixture('features.yml')], events, monitorMode: false }, (l) => lines.push(l)));
    expect(result).toBe(0);
    const findings = lines.map((l) => JSON.parse(l) as { rule_id: string; seq: number; action: string; ruleset_id: string });
    expect(findings.map((f) => [f.rule_id, f.seq])).toEqual([
      ['curl_exec', log[0]!.seq],
      ['cred_read_under_install', log[1]!.seq],
      ['metadata_connect', log[2]!.seq],
    ]);
    expect(findings[0]).toMatchObject({ ruleset_id: 'test/features', action: 'collect' });
    expect(stderr).toMatch(/1 line\(s\) of .* are not JSON/);
  });
  it('--builtin replays the log through the built-in rule set too', () => {
    const lines: string[] = [];
    withStderr(() => rulesEvalCommand({ rules: [], builtin: true, events, monitorMode: false }, (l) => lines.push(l)));
    const findings = lines.map((l) => JSON.parse(l) as { rule_id: string; seq: number });
    expect(findings.map((f) => [f.rule_id, f.seq])).toEqual([
      ['npm_credentials_in_install', log[1]!.seq],
      ['cloud_metadata_connect', log[2]!.seq],
    ]);
    expect(parseArgs(['rules', 'eval', '--builtin', '--events', 'e.ndjson'])).toMatchObject({ options: { rules: [], builtin: true } });
  });
  it('exits 1 on rule problems, 2 on a missing log', () => {
    expect(withStderr(() => rulesEvalCommand({ rules: [fixture('bad/neither.yml')], events, monitorMode: false }, () => {})).result).toBe(1);
    expect(withStderr(() => rulesEvalCommand({ rules: [fixture('features.yml')], events: join(dir, 'none'), monitorMode: false }, () => {})).result).toBe(2);
  });
});
