import { describe, expect, it } from '@jest/globals';
import { parseCel } from '../../src/rules/celAst.js';
import { checkCondition } from '../../src/rules/check.js';
import { compileCondition } from '../../src/rules/compile.js';
import { fold } from '../../src/rules/fold.js';
import { inRange, ipToBigint, parseCidr, type IpRange } from '../../src/rules/ipRange.js';
import { STRING, listOf } from '../../src/rules/schema.js';
import { prng } from './fixtures/prng.js';

function compiled(text: string, items: string[]) {
  const ast = parseCel(text);
  checkCondition(ast, { variables: { v: STRING, xs: listOf(STRING) }, lists: new Set(['items']) });
  return compileCondition(ast, { lists: new Map([['items', items]]) });
}

describe('list matching: the fast paths agree with the plain loop', () => {
  const alphabet = ['a', 'b', '.', '/', 'é', 'e\u0301', 'Z'];
  const rand = prng(19);
  const word = (max: number) => Array.from({ length: Math.floor(rand() * max) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  const methods: [string, (v: string, s: string) => boolean][] = [
    ['endsWith', (v, s) => v.endsWith(s)],
    ['startsWith', (v, s) => v.startsWith(s)],
    ['contains', (v, s) => v.includes(s)],
  ];
  it.each(methods)('%s', (method, naive) => {
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: 1 + Math.floor(rand() * 30) }, () => word(4));
      const fast = compiled(`list.items.exists(s, v.${method}(s))`, items);
      const slow = compiled(`xs.exists(s, v.${method}(s))`, []);
      for (let i = 0; i < 20; i++) {
        const v = fold(word(8));
        const folded = items.map(fold);
        const want = folded.some((s) => naive(v, s));
        expect([v, items, fast({ v }, [])]).toEqual([v, items, want]);
        expect(slow({ v, xs: folded }, [])).toBe(want);
      }
    }
  });
  it('== against a list, either side', () => {
    const left = compiled('list.items.exists(s, v == s)', ['Alpha', 'beta']);
    const right = compiled('list.items.exists(s, s == v)', ['Alpha', 'beta']);
    for (const f of [left, right]) expect([f({ v: 'alpha' }, []), f({ v: 'gamma' }, [])]).toEqual([true, false]);
  });
  it('nested exists keeps each variable in its own slot', () => {
    const f = compiled('xs.exists(a, xs.exists(b, a != b && a.startsWith(b)))', []);
    expect(f({ xs: ['ab', 'a'] }, [])).toBe(true);
    expect(f({ xs: ['ab', 'cd'] }, [])).toBe(false);
  });
});

describe('inIpRange', () => {
  const range = (cidr: string) => parseCidr(cidr) as IpRange;
  it.each([
    ['10.1.2.3', '10.0.0.0/8', true],
    ['11.1.2.3', '10.0.0.0/8', false],
    ['::ffff:10.1.2.3', '10.0.0.0/8', true],
    ['::ffff:a01:203', '10.0.0.0/8', true],
    ['10.1.2.3', '::ffff:10.0.0.0/104', true],
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['[2001:db8::1]', '2001:db8::/32', true],
    ['fe80::1%eth0', 'fe80::/10', true],
    ['1.2.3.4', '0.0.0.0/0', true],
    ['::1', '0.0.0.0/0', false],
    ['::1', '::/0', true],
    ['169.254.169.254', '169.254.169.254', true],
    ['example.com', '0.0.0.0/0', false],
    ['', '::/0', false],
  ])('%s in %s: %s', (ip, cidr, want) => {
    expect(inRange(ip, range(cidr))).toBe(want);
  });
  it('rejects what is not a CIDR', () => {
    for (const bad of ['10.0.0.0/33', '2001:db8::/129', '10.0.0/8', 'x/8', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/8/9']) {
      expect(typeof parseCidr(bad)).toBe('string');
    }
  });
  it('reads IPv4 inside IPv6 text', () => {
    expect(ipToBigint('::ffff:1.2.3.4')).toBe(ipToBigint('1.2.3.4'));
    expect(ipToBigint('64:ff9b::1.2.3.4')).toBe((0x64ff9bn << 96n) | 0x01020304n);
  });
});

describe('fold', () => {
  it('lower-cases and composes', () => {
    expect(fold('/Usr/BIN/Curl')).toBe('/usr/bin/curl');
    expect(fold('CAFE\u0301')).toBe('caf\u00e9');
    expect(fold('İ')).toBe('i\u0307');
  });
});
