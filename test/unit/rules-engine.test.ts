import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { type BookOptions, loadRuleBook } from '../../src/rules/book.js';
import { RuleEngine } from '../../src/rules/engine.js';
import { assertValidFinding } from '../helpers/schema.js';
import { connect, event, exec, fileOpen, lookup, proc, RUNNER } from './fixtures/ruleEvents.js';

const fixture = (name: string): string => join(process.cwd(), 'test/fixtures/rules', name);

function engineOf(files: string[], opts: BookOptions = {}): RuleEngine {
  return new RuleEngine(loadRuleBook(files.map(fixture), opts));
}

/** The rule ids that recorded a finding for each event, evaluated in order by one engine. */
function hits(engine: RuleEngine, ...events: EventRecord[]): string[] {
  return events.flatMap((e) => engine.evaluate(e).findings.map((f) => f.rule_id));
}

const npmInstall = { pid: 20, exec_path: '/usr/bin/npm', argv: ['npm', 'install'] };
const sh = { pid: 30, exec_path: '/bin/sh', argv: ['sh', '-c', 'node setup.js'] };
const underInstall = (exe: string) => proc(exe, [exe], [sh, npmInstall, RUNNER]);

describe('event rules', () => {
  const engine = engineOf(['features.yml']);

  it('tests an event only against rules of its type', () => {
    expect(engine.evaluate(event('process_exit', {}, proc('/usr/bin/curl'))).findings).toEqual([]);
    expect(hits(engine, fileOpen('/usr/bin/curl'))).toEqual([]);
    expect(hits(engine, exec(proc('/usr/bin/curl')))).toEqual(['curl_exec']);
  });

  it('lists, ancestors with argv, and exceptions', () => {
    expect(hits(engine, fileOpen('/home/runner/.npmrc', 'read', underInstall('/usr/bin/node')))).toEqual(['cred_read_under_install']);
    // the exception: npm reading its own config
    expect(hits(engine, fileOpen('/home/runner/.npmrc', 'read', underInstall('/usr/bin/npm')))).toEqual([]);
    // not below an install
    expect(hits(engine, fileOpen('/home/runner/.npmrc', 'read', proc('/usr/bin/node')))).toEqual([]);
    // a write is not a read
    expect(hits(engine, fileOpen('/home/runner/.npmrc', 'write', underInstall('/usr/bin/node')))).toEqual([]);
    // an installer ancestor without install/ci in its argv
    const view = proc('/usr/bin/node', ['node'], [{ pid: 20, exec_path: '/usr/bin/npm', argv: ['npm', 'view'] }]);
    expect(hits(engine, fileOpen('/home/runner/.npmrc', 'read', view))).toEqual([]);
  });

  it('folds case and normalises to NFC, in literals, lists and event values', () => {
    expect(hits(engine, fileOpen('/HOME/runner/.NpmRc', 'read', underInstall('/usr/bin/node')))).toEqual(['cred_read_under_install']);
    // the list item ".PEM" matches a lower-case path
    expect(hits(engine, fileOpen('/tmp/key.pem', 'read', underInstall('/usr/bin/node')))).toEqual(['cred_read_under_install']);
    // "--CAFÉ" (precomposed) in the rule, "--cafe" + combining acute in argv
    expect(hits(engine, exec(proc('/usr/bin/x', ['x', '--cafe\u0301'])))).toEqual(['folded_literal']);
    expect(hits(engine, exec(proc('/usr/bin/x', ['x', '--cafe'])))).toEqual([]);
  });

  it('descendants: the processes between an ancestor and the event', () => {
    expect(hits(engine, exec(proc('/bin/cat', ['cat'], [sh, npmInstall, RUNNER])))).toEqual(['npm_grandparent']);
    // npm's child is cat itself: npm.descendants is empty
    expect(hits(engine, exec(proc('/bin/cat', ['cat'], [npmInstall, sh, RUNNER])))).toEqual([]);
    // The same ancestor entries under a third process (their folded values are kept per entry, descendants per process).
    expect(hits(engine, exec(proc('/usr/bin/cat', ['cat', '-n'], [sh, npmInstall, RUNNER])))).toEqual(['npm_grandparent']);
  });

  it('inIpRange: IPv4, IPv6, IPv4-mapped, and false for what is not an IP', () => {
    expect(hits(engine, connect('169.254.169.254', 80))).toEqual(['metadata_connect']);
    expect(hits(engine, connect('::ffff:169.254.169.254', 80))).toEqual(['metadata_connect']);
    expect(hits(engine, connect('FD00:EC2::254', 80))).toEqual(['metadata_connect']);
    expect(hits(engine, connect('169.254.169.253', 80))).toEqual([]);
    expect(hits(engine, connect('2001:db8::7', 443))).toEqual(['ipv6_range']);
    expect(hits(engine, connect('2001:db8:1::7', 443))).toEqual([]);
    expect(hits(engine, connect('198.51.100.9', 443))).toEqual(['ipv4_range_any_form']);
    expect(hits(engine, connect('::ffff:198.51.100.9', 443))).toEqual(['ipv4_range_any_form']);
    expect(hits(engine, connect('not-an-ip', 443))).toEqual([]);
  });

  it('each event type\'s variables', () => {
    const cases: [EventRecord, string][] = [
      [connect('127.0.0.1', 3333), 'stratum_port'],
      [event('unix_socket_connect', { unix_socket: { path: '/var/run/docker.sock', socket_type: 'stream' } }), 'docker_socket'],
      [event('unix_socket_connect', { unix_socket: { path: '@dbus-abc', socket_type: 'stream' } }), 'abstract_socket'],
      [fileOpen('/etc/hosts', 'write', undefined, ['O_WRONLY', 'O_APPEND']), 'write_with_flags'],
      [event('file_remove', { file: { path: '/home/runner', is_dir: true } }), 'remove_dir'],
      [event('file_move', { file: { path: '/tmp/x.yml', target_path: '/w/.github/workflows/x.yml' } }), 'move_workflow'],
      [event('file_link', { file: { path: '/etc/passwd', target_path: '/tmp/pw', link_type: 'symbolic' } }), 'symlink_passwd'],
      [event('mount', { mount: { source: '/', target: '/mnt/host' } }), 'bind_root'],
      [lookup('PasteBin.com.'), 'paste_domain'],
      [event('http_request', { http: { method: 'POST', path: '/Upload', host: 'example.org:8080', source: 'cleartext_http' } }), 'http_post'],
      [
        event('process_access', {
          access: { operation: 'ptrace', request: 'PTRACE_ATTACH', target: { pid: 10, exec_path: '/home/runner/bin/Runner.Worker', in_job: false } },
        }),
        'ptrace_worker',
      ],
      [exec(proc('/usr/bin/x'), { process: { ...proc('/memfd:x'), memfd: true } }), 'memfd_exec'],
    ];
    for (const [e, rule] of cases) expect([e.kind, hits(engine, e)]).toEqual([e.kind, [rule]]);
    // and the near misses
    expect(hits(engine, connect('127.0.0.1', 3333, 'udp'))).toEqual([]);
    expect(hits(engine, event('file_remove', { file: { path: '/home/runner/x' } }))).toEqual([]);
    expect(hits(engine, fileOpen('/etc/hosts', 'read'))).toEqual([]);
    expect(hits(engine, event('file_link', { file: { path: '/etc/passwd', target_path: '/tmp/pw', link_type: 'hard' } }))).toEqual([]);
  });

  it('max_alerts: hits past it record no finding', () => {
    const own = engineOf(['features.yml']);
    expect(hits(own, ...[1, 2, 3].map(() => exec(proc('/usr/bin/curl'))))).toEqual(['curl_exec', 'curl_exec']);
  });

  it('terminate asks for the process to be stopped', () => {
    const result = engine.evaluate(exec(proc('/memfd:x'), { process: { ...proc('/memfd:x'), memfd: true } }));
    expect(result.terminate).toBe(true);
    expect(result.findings[0]).toMatchObject({ action: 'terminate', severity: 'critical' });
    expect(engine.evaluate(exec(proc('/usr/bin/curl'))).terminate).toBe(false);
  });

  it('monitor mode: terminate becomes detect', () => {
    const monitored = engineOf(['features.yml'], { monitorMode: true });
    const result = monitored.evaluate(exec(proc('/memfd:x'), { process: { ...proc('/memfd:x'), memfd: true } }));
    expect(result.terminate).toBe(false);
    expect(result.findings[0]!.action).toBe('detect');
  });

  it('target: include by owner prefix at a / boundary, exclude wins', () => {
    const scoped = (repository?: string) =>
      hits(engineOf(['features.yml']), { ...exec(proc('/usr/bin/scoped')), job: { id: `j-${repository}`, ...(repository ? { repository } : {}) } });
    expect(scoped('acme/app')).toEqual(['scoped_to_acme']);
    expect(scoped('ACME/App')).toEqual(['scoped_to_acme']);
    expect(scoped('acme/private')).toEqual([]);
    expect(scoped('acme-evil/app')).toEqual([]);
    expect(scoped(undefined)).toEqual([]);
  });

  it('findings follow the finding schema and name what happened', () => {
    const e = fileOpen('/home/runner/.npmrc', 'read', underInstall('/usr/bin/node'));
    const [finding] = engineOf(['features.yml']).evaluate(e).findings;
    assertValidFinding(finding);
    expect(finding).toMatchObject({
      ruleset_id: 'test/features',
      rule_id: 'cred_read_under_install',
      rule_name: 'Credential file read below a package install',
      action: 'detect',
      severity: 'high',
      tags: { severity: 'high', mitre_technique: 'T1552.001', custom: 'kept' },
      seq: e.seq,
      time: e.time,
      event_kind: 'file_open',
      job: { id: 'job-1' },
      step: { label: 'Run npm ci' },
      process: { exec_path: '/usr/bin/node', ancestors: [sh, npmInstall, RUNNER] },
      summary: 'node opened /home/runner/.npmrc for read',
    });
    expect(finding!.description).toMatch(/^What: /);
    expect(finding!.modifiers).toBeUndefined();
  });
});

describe('modifiers', () => {
  const engine = () => engineOf(['features.yml', 'modifiers.yml']);

  it('override_action and override_max_alerts, named in the finding', () => {
    const findings = [1, 2].flatMap(() => engine().evaluate(exec(proc('/usr/bin/curl'))).findings);
    expect(findings[0]).toMatchObject({ action: 'detect', modifiers: ['quiet_curl'] });
    const one = engine();
    expect(hits(one, exec(proc('/usr/bin/curl')), exec(proc('/usr/bin/curl')))).toEqual(['curl_exec']);
    const memfd = one.evaluate(exec(proc('/memfd:x'), { process: { ...proc('/memfd:x'), memfd: true } }));
    expect([memfd.terminate, memfd.findings[0]!.action, memfd.findings[0]!.modifiers]).toEqual([false, 'detect', ['no_memfd_kill']]);
  });

  it('add_exceptions is OR-ed with the rule\'s exceptions', () => {
    const e = engine();
    expect(hits(e, fileOpen('/home/runner/.npmrc', 'read', underInstall('/usr/bin/pnpm')))).toEqual([]);
    expect(hits(e, fileOpen('/home/runner/.npmrc', 'read', underInstall('/usr/bin/npm')))).toEqual([]);
    expect(hits(e, fileOpen('/home/runner/.npmrc', 'read', underInstall('/usr/bin/node')))).toEqual(['cred_read_under_install']);
  });

  it('disable and add_target_exclude', () => {
    expect(hits(engine(), connect('127.0.0.1', 3333))).toEqual([]);
    expect(hits(engine(), connect('169.254.169.254', 80))).toEqual([]); // job-1 is acme/app
    const other = { ...connect('169.254.169.254', 80), job: { id: 'job-2', repository: 'acme/other' } };
    expect(hits(engine(), other)).toEqual(['metadata_connect']);
  });
});

describe('correlation rules', () => {
  const npmrc = () => fileOpen('/home/runner/.npmrc');
  const scanner = () => exec(proc('/usr/local/bin/trufflehog'));

  it('fire once, when the rules they read have hit, on the event that completed them', () => {
    const engine = engineOf(['correlation.yml']);
    expect(hits(engine, npmrc())).toEqual(['npmrc_read']);
    const completing = scanner();
    const findings = engine.evaluate(completing).findings;
    expect(findings.map((f) => f.rule_id)).toEqual(['scanner_run', 'steal_and_scan', 'two_of_three']);
    expect(findings[1]).toMatchObject({ seq: completing.seq, severity: 'critical', event_kind: 'process_exec' });
    expect(hits(engine, scanner(), npmrc())).toEqual(['scanner_run']);
  });

  it('count past max_alerts, with + and -', () => {
    const engine = engineOf(['correlation.yml']);
    expect(hits(engine, npmrc(), npmrc(), npmrc(), npmrc())).toEqual(['npmrc_read', 'many_reads']);
  });

  it('ternaries, and correlations of correlations', () => {
    const engine = engineOf(['correlation.yml']);
    expect(hits(engine, lookup('pastebin.com'), npmrc())).toEqual(['paste_lookup', 'npmrc_read', 'two_of_three']);
    const result = engine.evaluate(scanner());
    expect(result.findings.map((f) => f.rule_id)).toEqual(['scanner_run', 'steal_and_scan', 'chained']);
    expect(result.terminate).toBe(true);
  });

  it('keep state per job, released at unregister', () => {
    const engine = engineOf(['correlation.yml']);
    const otherJob = { ...scanner(), job: { id: 'job-2' } };
    expect(hits(engine, npmrc(), otherJob)).toEqual(['npmrc_read', 'scanner_run']);
    expect(engine.jobCount).toBe(2);
    engine.release('job-1');
    expect(engine.jobCount).toBe(1);
    expect(hits(engine, npmrc())).toEqual(['npmrc_read']);
  });
});

describe('rules set aside by their required flags', () => {
  const rule = (id: string, condition: string) => ({ rule_id: id, event_type: 'file_open', condition, action: 'detect', tags: { severity: 'low' } });
  const rules = [
    rule('write_first', 'is_write && path.startsWith("/x/")'),
    rule('any', 'path.startsWith("/x/")'),
    rule('read_and_write', 'path.startsWith("/x/") && (is_read && is_write)'),
    rule('not_write', '!is_write && path.startsWith("/x/")'),
    rule('either', '(is_read || is_write) && path.startsWith("/x/")'),
    rule('read_last', 'path.startsWith("/x/") && is_read'),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'gated-rules-'));
  const file = join(dir, 'gated.yml');
  writeFileSync(file, JSON.stringify({ rule_sets: [{ ruleset_id: 'test/gated', rules }] }));
  const book = loadRuleBook([file]);
  rmSync(dir, { recursive: true, force: true });

  it('split the rules of a type by the flags their && chains require', () => {
    const gated = book.gated.get('file_open')!;
    expect(gated.flags).toEqual(['is_write', 'is_read']);
    expect(book.rules.map((r) => r.requires)).toEqual([['is_write'], [], ['is_read', 'is_write'], [], [], ['is_read']]);
    // Every list keeps book order; with no flag true, only the rules that require none.
    expect(gated.lists[0]!.rules.map((r) => r.spec.ruleId)).toEqual(['any', 'not_write', 'either']);
  });

  it.each([
    ['read', ['any', 'not_write', 'either', 'read_last']],
    ['write', ['write_first', 'any', 'either']],
    ['read_write', ['write_first', 'any', 'read_and_write', 'either', 'read_last']],
  ] as const)('find what every condition says, in rule order (%s)', (access, want) => {
    const engine = new RuleEngine(book);
    expect(hits(engine, fileOpen('/x/a', access))).toEqual(want);
    expect(hits(engine, fileOpen('/y/a', access))).toEqual([]);
  });
});
