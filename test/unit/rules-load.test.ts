import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { loadRuleBook } from '../../src/rules/book.js';
import { type RuleProblem, RuleLoadError } from '../../src/rules/specs.js';

const DIR = join(process.cwd(), 'test/fixtures/rules');
const fixture = (name: string): string => join(DIR, name);

function problemsOf(files: string[]): RuleProblem[] {
  try {
    loadRuleBook(files.map(fixture));
  } catch (err) {
    if (err instanceof RuleLoadError) return [...err.problems];
    throw err;
  }
  throw new Error('loaded without problems');
}

function problemOf(problems: RuleProblem[], rule: string): RuleProblem {
  const found = problems.filter((p) => p.rule === rule);
  expect(found.map((p) => p.message)).toHaveLength(1);
  return found[0]!;
}

describe('rule files that load', () => {
  it('loads the test rule sets and modifiers together', () => {
    const book = loadRuleBook(['features.yml', 'correlation.yml', 'modifiers.yml'].map(fixture));
    expect(book.rules.length).toBeGreaterThan(20);
    expect(book.byEventType.get('file_open')?.map((r) => r.spec.ruleId)).toContain('cred_read_under_install');
    // drop_stratum disables stratum_port
    expect(book.rules.map((r) => r.spec.ruleId)).not.toContain('stratum_port');
  });
});

describe('CEL subset rejections', () => {
  const problems = problemsOf(['bad-conditions.yml']);
  const cases: [string, RegExp, number, number][] = [
    // rule, message, line, column of the offending spot in the file
    ['uses_matches', /matches\(\) is not in the rule language/, 11, 20],
    ['uses_size_function', /size\(\) is not in the rule language/, 15, 20],
    ['uses_size_method', /size\(\) is not in the rule language/, 19, 20],
    ['uses_index', /index access/, 23, 20],
    ['uses_arithmetic', /arithmetic is only allowed in correlation rules/, 27, 20],
    ['uses_has', /has\(\) is not in the rule language/, 31, 20],
    ['uses_all', /all\(\) is not in the rule language/, 35, 20],
    ['uses_filter', /filter\(\) is not in the rule language/, 39, 20],
    ['uses_map', /map\(\) is not in the rule language/, 43, 20],
    ['uses_exists_one', /exists_one\(\) is not in the rule language/, 47, 20],
    ['unknown_variable', /unknown variable "remote_ip"/, 51, 20],
    ['unknown_field', /unknown variable "cmdline" of process/, 55, 28],
    ['unknown_list', /unknown list "missing"/, 59, 25],
    ['bad_cidr', /"10\.0\.0\.0\/33" is not a CIDR: the prefix length must be 0-32/, 63, 41],
    ['cidr_not_literal', /the CIDR of inIpRange\(\) must be a string literal/, 67, 41],
    ['non_bool', /the condition must be bool, not string/, 71, 20],
    ['syntax_error', /syntax error/, 75, 34],
    ['type_mismatch', /the right of == must be int, not string/, 79, 35],
    ['ternary_outside_correlation', /\?: is only allowed in correlation rules/, 83, 22],
    ['bad_exceptions', /matches\(\) is not in the rule language/, 88, 21],
    ['multiplies', /\* is not in the rule language/, 92, 20],
    ['unknown_rule', /unknown rule "nowhere" in this rule set/, 96, 25],
    ['bad_count_field', /rule\.uses_has has only total_count, not "hits"/, 100, 34],
    ['block_literal_position', /matches\(\) is not in the rule language/, 106, 13],
  ];
  it.each(cases)('%s', (rule, message, line, col) => {
    const p = problemOf(problems, `test/bad-conditions/${rule}`);
    expect(p.message).toMatch(message);
    expect(p.at).toEqual({ file: fixture('bad-conditions.yml'), line, col });
  });
  it('reports every bad rule at once, and nothing else', () => {
    expect(problems).toHaveLength(cases.length);
  });
  it('formats problems as file:line:col: rule: message', () => {
    try {
      loadRuleBook([fixture('bad-conditions.yml')]);
    } catch (err) {
      expect((err as Error).message.split('\n')[0]).toBe(
        `${fixture('bad-conditions.yml')}:11:20: test/bad-conditions/uses_matches: matches() is not in the rule language's CEL subset`,
      );
    }
  });
});

describe('structural rejections', () => {
  it('a file with rule_sets and rule_modifiers both', () => {
    expect(problemsOf(['bad/both-keys.yml']).map((p) => p.message)).toEqual([
      'a file holds rule_sets or rule_modifiers, never both',
    ]);
  });
  it('a file with neither', () => {
    const messages = problemsOf(['bad/neither.yml']).map((p) => p.message);
    expect(messages).toContain('a rule file holds rule_sets: or rule_modifiers:');
    expect(messages.some((m) => m.startsWith('unknown key "rules"'))).toBe(true);
  });
  it('broken YAML, at its place', () => {
    const [p] = problemsOf(['bad/yaml-syntax.yml']);
    expect(p!.message).toMatch(/^YAML: /);
    expect(p!.at.file).toBe(fixture('bad/yaml-syntax.yml'));
  });
  it('a file that cannot be read', () => {
    expect(problemsOf(['bad/does-not-exist.yml'])[0]!.message).toMatch(/^cannot read: ENOENT/);
  });

  const problems = problemsOf(['bad/structure.yml']);
  const cases: [string, RegExp][] = [
    ['1starts_with_digit', /rule_id "1starts_with_digit" is not a CEL identifier/],
    ['missing_condition', /"condition" is required/],
    ['missing_action', /"action" is required/],
    ['bad_action', /"action" must be one of collect, detect, terminate, not "block"/],
    ['missing_event_type', /"event_type" is required/],
    ['unknown_event_type', /unknown event_type "file_read"/],
    ['correlation_with_event_type', /a correlation rule has no event_type/],
    ['unknown_key', /unknown key "exception"/],
    ['bad_severity', /severity must be one of critical, high, medium, low, info, not "urgent"/],
    ['bad_max_alerts', /"max_alerts" must be an integer from 1/],
  ];
  it.each(cases)('%s', (rule, message) => {
    expect(problemOf(problems, `test/structure/${rule}`).message).toMatch(message);
  });
  it('a rule_id used twice in a set, a ruleset_id used twice', () => {
    expect(problemOf(problems, 'test/structure/dup').message).toMatch(/rule_id is also used at .*structure\.yml:46$/);
    expect(problemOf(problems, 'test/structure').message).toMatch(/ruleset_id is also used at .*structure\.yml:3/);
  });
  it('a ruleset_id used in two files', () => {
    const twice = problemsOf(['features.yml', 'features.yml']);
    expect(twice.map((p) => p.message)).toEqual([expect.stringMatching(/^ruleset_id is also used at .*features\.yml:4$/)]);
  });
});

describe('modifier rejections', () => {
  const problems = problemsOf(['features.yml', 'bad/modifiers.yml']);
  const cases: [string, RegExp][] = [
    ['too_many_alerts', /"override_max_alerts" must be an integer from 1 to 100/],
    ['unknown_set', /targets rule set test\/nowhere, which is not loaded/],
    ['unknown_rule', /targets rule test\/features\/nowhere, which is not loaded/],
    ['bad_action', /"override_action" must be one of collect, detect, terminate, not "kill"/],
  ];
  it.each(cases)('%s', (id, message) => {
    expect(problemOf(problems, `modifier ${id}`).message).toMatch(message);
  });
  it('add_exceptions checked against the target rule\'s event type', () => {
    const p = problemOf(problems, 'test/features/curl_exec');
    expect(p.message).toMatch(/unknown variable "remote_port"/);
    expect(p.at).toMatchObject({ file: fixture('bad/modifiers.yml'), line: 14 });
  });
});
