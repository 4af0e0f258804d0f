/**
 * The built-in rule set parsed at build time (src/rules/prebuilt.ts): the
 * book it gives is the book parsing the files gives, it is taken only for
 * the very text it was made from, and dist/ holds the one a build of these
 * files makes. (rules-builtin.test.ts runs every case through both.)
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRuleBook, type CompiledRule } from '../../src/rules/book.js';
import { builtinRulesDir, loadBuiltinSources, PREBUILT_FILE, prebuiltText } from '../../src/rules/builtin.js';
import { BUILTIN_ONLY, engineFromPayload, payloadSources } from '../../src/rules/jobRules.js';
import { decodePrebuilt, encodePrebuilt, prebuiltParse } from '../../src/rules/prebuilt.js';
import { bookFromSources } from '../../src/rules/sources.js';

const tmp = mkdtempSync(join(tmpdir(), 'cicd-sensor-prebuilt-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What a compiled rule is, closures aside; the conditions' parse left out of the specs (only the prebuilt carry it). */
function shape(rule: CompiledRule): unknown {
  const { condition, exceptions, ...spec } = rule.spec;
  return {
    spec, condition: [condition.text, condition.place], exceptionsText: exceptions?.text,
    action: rule.action, maxAlerts: rule.maxAlerts, modifiers: rule.modifiers, target: rule.target,
    exceptions: rule.exceptions.length, reads: rule.reads, requires: rule.requires, path: rule.path,
  };
}

/**
 * A built-in directory as the build lays it out (rules/builtin/ and the
 * prebuilt file beside it) with one file, runner.yaml's rules under another
 * name (the parse cache is the process's: the real file's entry stays as it is).
 */
function layout(name: string): string {
  const dir = join(tmp, name, 'rules', 'builtin');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'marked.yaml'), readFileSync(join(builtinRulesDir(), 'runner.yaml'), 'utf8'));
  return dir;
}

describe('the built-in rule set parsed at build time', () => {
  const sources = payloadSources(BUILTIN_ONLY);
  const stored = decodePrebuilt(encodePrebuilt(sources));

  it('builds the book parsing the files builds, rule for rule', () => {
    const parsed = engineFromPayload(BUILTIN_ONLY).book;
    const files = sources.map((s) => prebuiltParse(stored, s)!);
    expect(files.flatMap((f) => f.ruleSets.flatMap((set) => set.rules)).every((r) => r.condition.ast !== undefined)).toBe(true);
    const fromBuild = buildRuleBook(files);
    expect(fromBuild.rules.map(shape)).toEqual(parsed.rules.map(shape));
    expect([...fromBuild.gated.keys()]).toEqual([...parsed.gated.keys()]);
    expect(parsed.rules.length).toBeGreaterThan(20);
  });

  it('keeps the lists and the int literals through the stored text', () => {
    const runner = sources.find((s) => s.name === 'builtin:runner.yaml')!;
    const file = prebuiltParse(stored, runner)!;
    expect(file.ruleSets[0]!.lists).toBeInstanceOf(Map);
    const text = encodePrebuilt([{ name: 'x.yaml', text: 'rule_sets:\n  - ruleset_id: t\n    rules:\n      - rule_id: r\n        event_type: network_connect\n        condition: remote_port > 7\n        action: detect\n' }]);
    const ast = [...decodePrebuilt(text).values()][0]!.loaded.ruleSets[0]!.rules[0]!.condition.ast!;
    expect((ast.args as { args: unknown }[])[1]!.args).toBe(7n);
  });

  it('is not taken for a text other than the one it was made from, nor from another format', () => {
    const runner = sources.find((s) => s.name === 'builtin:runner.yaml')!;
    expect(prebuiltParse(stored, { ...runner, text: `${runner.text}\n# changed\n` })).toBeUndefined();
    expect(prebuiltParse(stored, { ...runner, name: 'builtin:other.yaml' })).toBeUndefined();
    expect(decodePrebuilt(JSON.stringify({ format: 0, files: [] })).size).toBe(0);
  });

  it('stands in for parsing the file only while the file is as it was built', () => {
    const dir = layout('stale');
    writeFileSync(join(dir, '..', PREBUILT_FILE), prebuiltText(dir));
    // Marked, so the book shows which parse it came from.
    const marked = readFileSync(join(dir, '..', PREBUILT_FILE), 'utf8').replace(/"description":"/g, '"description":"FROM THE BUILD ');
    writeFileSync(join(dir, '..', PREBUILT_FILE), marked);
    const sources = loadBuiltinSources(dir);
    expect(bookFromSources(sources).rules[0]!.spec.description).toMatch(/^FROM THE BUILD /);
    writeFileSync(join(dir, 'marked.yaml'), `${readFileSync(join(dir, 'marked.yaml'), 'utf8')}\n# edited after the build\n`);
    expect(bookFromSources(loadBuiltinSources(dir)).rules[0]!.spec.description).not.toMatch(/^FROM THE BUILD /);
  });

  it('is what dist/ holds for these files (npm run build)', () => {
    const built = join('dist', 'rules', PREBUILT_FILE);
    expect(existsSync(built)).toBe(true);
    const copy = join(tmp, 'fresh', 'rules', 'builtin');
    mkdirSync(copy, { recursive: true });
    cpSync(builtinRulesDir(), copy, { recursive: true });
    expect(readFileSync(built, 'utf8')).toBe(prebuiltText(copy));
  });
});
