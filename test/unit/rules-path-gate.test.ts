import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { type CompiledRule, loadRuleBook, type RuleBook } from '../../src/rules/book.js';
import { builtinRuleFiles } from '../../src/rules/builtin.js';
import { RuleEngine } from '../../src/rules/engine.js';
import { type RuleEventType } from '../../src/rules/schema.js';
import { activationOf } from '../../src/rules/variables.js';
import { event, fileOpen, proc, RUNNER } from './fixtures/ruleEvents.js';

const fixture = (name: string): string => join(process.cwd(), 'test/fixtures/rules', name);

/** mulberry32: the same events on every run, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every string constant of the book's conditions and lists, and bits of paths around them. */
function fragmentsOf(book: RuleBook): string[] {
  const quoted = book.rules.flatMap((r) => [...r.spec.condition.text.matchAll(/"([^"]*)"/g)].map((m) => m[1]!));
  const atoms = book.rules.flatMap((r) => (r.path ?? []).map((a) => a.text));
  return [...new Set([...quoted, ...atoms, '/', '/home/runner/', '/proc/1234/', '/tmp/storm/d0001/file-000001.txt', 'x', '.', 'A', 'É', 'e\u0301', '/etc/', '/run/'])];
}

const PROCESSES = [
  proc('/usr/bin/bash'),
  proc('/usr/bin/git', ['git', 'commit']),
  proc('/usr/bin/node', ['node', 'x.js'], [{ pid: 20, exec_path: '/usr/bin/npm', argv: ['npm', 'install'] }, RUNNER]),
  proc('/usr/bin/python3', ['python3', 'setup.py'], [{ pid: 21, exec_path: '/usr/bin/pip', argv: ['pip', 'install', 'x'] }, RUNNER]),
  proc('/usr/bin/dpkg', ['dpkg', '-i']),
];

function randomEvent(next: () => number, fragments: readonly string[]): EventRecord {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  let path = '';
  for (let n = 1 + Math.floor(next() * 4); n > 0; n--) path += pick(fragments);
  if (next() < 0.1) path = path.toUpperCase();
  const process = pick(PROCESSES);
  const kind = pick(['file_open', 'file_open', 'file_open', 'file_remove', 'unix_socket_connect', 'http_request'] as const);
  if (kind === 'file_open') return fileOpen(path, pick(['read', 'write', 'read_write'] as const), process, next() < 0.3 ? ['O_WRONLY', 'O_TRUNC'] : undefined);
  if (kind === 'file_remove') return event(kind, { file: { path, is_dir: next() < 0.5 } }, process);
  if (kind === 'unix_socket_connect') return event(kind, { unix_socket: { path } }, process);
  return event(kind, { http: { method: 'GET', path, host: 'example.com', source: 'cleartext_http' } }, process);
}

function hitBy(rule: CompiledRule, activation: unknown): boolean {
  const frame: unknown[] = [];
  return rule.condition(activation, frame) === true && !rule.exceptions.some((e) => e(activation, frame) === true);
}

/** The rules of the event's type that hit, evaluated one by one with no index, and through the book's gates. */
function bothWays(book: RuleBook, e: EventRecord): { full: string[]; gated: string[]; selected: number } {
  const type = e.kind as RuleEventType;
  const activation = activationOf(e, type) as unknown as Record<string, unknown>;
  const all = book.byEventType.get(type) ?? [];
  const g = book.gated.get(type);
  const mask = g ? g.flags.reduce((m, name, i) => (activation[name] === true ? m | (1 << i) : m), 0) : 0;
  const selected = g ? [...g.lists[mask]!.select(activation.path)] : [];
  const ids = (rules: readonly CompiledRule[]) => rules.filter((r) => hitBy(r, activation)).map((r) => r.spec.ruleId);
  return { full: ids(all), gated: ids(selected), selected: selected.length };
}

describe('rules set aside by the path they require', () => {
  const books: [string, RuleBook][] = [
    ['built-in', loadRuleBook(builtinRuleFiles())],
    ['features', loadRuleBook([fixture('features.yml'), fixture('modifiers.yml')])],
    ['correlation', loadRuleBook([fixture('correlation.yml')])],
  ];

  it.each(books)('find what evaluating every rule finds, for random events (%s rules)', (_name, book) => {
    const next = random(18);
    const fragments = fragmentsOf(book);
    let hits = 0;
    let skipped = 0;
    for (let i = 0; i < 20000; i++) {
      const e = randomEvent(next, fragments);
      const { full, gated, selected } = bothWays(book, e);
      expect({ path: e.file?.path ?? e.unix_socket?.path ?? e.http?.path, kind: e.kind, hits: gated }).toEqual({ path: expect.any(String), kind: e.kind, hits: full });
      hits += full.length;
      skipped += (book.byEventType.get(e.kind as RuleEventType)?.length ?? 0) - selected;
    }
    // The events reach the rules (the comparison is not of empty lists) and the gates set rules aside.
    expect(hits).toBeGreaterThan(100);
    expect(skipped).toBeGreaterThan(1000);
  });

  it('evaluate only the rules without a path term on a storm path', () => {
    const book = loadRuleBook(builtinRuleFiles());
    const g = book.gated.get('file_open')!;
    const read = g.lists[g.flags.indexOf('is_read') >= 0 ? 1 << g.flags.indexOf('is_read') : 0]!;
    expect(read.rules.some((r) => r.path !== undefined)).toBe(true);
    expect(read.select('/tmp/storm/d0001/file-000001.txt')).toEqual(read.rules.filter((r) => r.path === undefined));
  });

  const dir = mkdtempSync(join(tmpdir(), 'path-gate-'));
  const rule = (id: string, condition: string) => ({ rule_id: id, event_type: 'file_open', condition, action: 'detect', tags: { severity: 'low' } });
  const file = join(dir, 'paths.yml');
  writeFileSync(file, JSON.stringify({ rule_sets: [{ ruleset_id: 'test/paths', lists: { keys: ['.pem', '.Key'] }, rules: [
    rule('suffix_list', 'list.keys.exists(k, path.endsWith(k))'),
    rule('exact_or_prefix', 'is_write && (path == "/etc/sudoers" || path.startsWith("/etc/sudoers.d/"))'),
    rule('prefix_and_suffix', 'path.startsWith("/proc/") && path.endsWith("/environ")'),
    rule('contains', 'path.contains("/.github/workflows/")'),
    rule('no_path_term', 'path.endsWith(".pem") || is_write'),
    rule('shadowed', '["/a"].exists(path, path.startsWith("/"))'),
  ] }] }));
  const book = loadRuleBook([file]);
  rmSync(dir, { recursive: true, force: true });

  it('take one path term of the && chain, the cheapest to look up', () => {
    const terms = Object.fromEntries(book.rules.map((r) => [r.spec.ruleId, r.path?.map((a) => `${a.test} ${a.text}`)]));
    expect(terms).toEqual({
      suffix_list: ['endsWith .pem', 'endsWith .key'],
      exact_or_prefix: ['== /etc/sudoers', 'startsWith /etc/sudoers.d/'],
      prefix_and_suffix: ['endsWith /environ'],
      contains: ['contains /.github/workflows/'],
      no_path_term: undefined,
      shadowed: undefined,
    });
  });

  it.each([
    ['/home/runner/id.PEM', 'write', ['suffix_list', 'no_path_term']],
    ['/etc/sudoers', 'write', ['exact_or_prefix', 'no_path_term']],
    ['/etc/sudoers.d/x', 'write', ['exact_or_prefix', 'no_path_term']],
    ['/etc/sudoers', 'read', []],
    ['/proc/12/environ', 'read', ['prefix_and_suffix']],
    ['/tmp/environ', 'read', []],
    ['/w/.github/workflows/ci.yml', 'read', ['contains']],
    ['relative/x.key', 'read', ['suffix_list']],
  ] as const)('find the same hits through the engine (%s, %s)', (path, access, want) => {
    const found = new RuleEngine(book).evaluate(fileOpen(path, access)).findings.map((f) => f.rule_id);
    // `shadowed` binds `path` to "/a" inside exists(): true for every event, never set aside.
    expect(found).toEqual([...want, 'shadowed']);
  });
});
