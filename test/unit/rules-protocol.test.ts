import { describe, expect, it } from '@jest/globals';
import { parseRequest, ProtocolError } from '../../src/daemon/protocol.js';

const line = (o: unknown) => JSON.stringify(o);
const rules = { sources: [{ name: '.github/rules/a.yml', text: 'rule_sets: []\n' }], monitorMode: false };

describe('rules in the control protocol', () => {
  it('register may carry the rule files\' text; the rules op replaces it later', () => {
    expect(parseRequest(line({ op: 'register', job: { id: 'j1' }, pid: 5, rules }))).toEqual({ op: 'register', job: { id: 'j1' }, pid: 5, rules });
    expect(parseRequest(line({ op: 'rules', id: 'j1', rules }))).toEqual({ op: 'rules', id: 'j1', rules });
  });
  it('carries builtin: false to leave the built-in rule set out (absent or true: in)', () => {
    expect(parseRequest(line({ op: 'rules', id: 'j1', rules: { ...rules, builtin: false } }))).toEqual({ op: 'rules', id: 'j1', rules: { ...rules, builtin: false } });
    expect(parseRequest(line({ op: 'rules', id: 'j1', rules: { ...rules, builtin: true } }))).toEqual({ op: 'rules', id: 'j1', rules });
  });
  it.each([
    [{ op: 'rules', id: '../x', rules }, /id is not a valid job id/],
    [{ op: 'rules', id: 'j1' }, /rules must be an object/],
    [{ op: 'rules', id: 'j1', rules: { sources: 'a.yml', monitorMode: false } }, /rules.sources must be an array/],
    [{ op: 'rules', id: 'j1', rules: { sources: [{ name: 'a.yml' }], monitorMode: false } }, /rules.sources\[0\].text must be a string/],
    [{ op: 'rules', id: 'j1', rules: { sources: [], monitorMode: 'yes' } }, /rules.monitorMode must be a boolean/],
    [{ op: 'register', job: { id: 'j1' }, pid: 5, rules: [] }, /rules must be an object/],
    [{ op: 'rules', id: 'j1', rules: { sources: [], monitorMode: false, builtin: 'no' } }, /rules.builtin must be a boolean/],
  ])('refuses %j', (req, message) => {
    expect(() => parseRequest(line(req))).toThrow(ProtocolError);
    expect(() => parseRequest(line(req))).toThrow(message);
  });
});
