import { describe, expect, test } from '@jest/globals';
import { formatEndpoint, parseEndpoint, parseEndpoints, PolicyError } from '../../src/policy/endpoints.js';
import { parsePolicy } from '../../src/policy/policy.js';

describe('allowed-endpoints entries', () => {
  const cases: [string, object][] = [
    ['github.com:443', { kind: 'name', name: 'github.com', wildcard: false, port: 443 }],
    ['GitHub.COM.', { kind: 'name', name: 'github.com', wildcard: false }],
    ['*.actions.githubusercontent.com:443', { kind: 'name', name: 'actions.githubusercontent.com', wildcard: true, port: 443 }],
    ['*.npmjs.org', { kind: 'name', name: 'npmjs.org', wildcard: true }],
    ['_dmarc.example.com', { kind: 'name', name: '_dmarc.example.com', wildcard: false }],
    ['198.51.100.7', { kind: 'address', family: 4, bytes: Buffer.from([198, 51, 100, 7]), prefix: 32 }],
    ['198.51.100.7:443', { kind: 'address', family: 4, prefix: 32, port: 443 }],
    ['10.0.0.0/8', { kind: 'address', family: 4, bytes: Buffer.from([10, 0, 0, 0]), prefix: 8 }],
    ['10.1.2.3/8', { kind: 'address', family: 4, bytes: Buffer.from([10, 0, 0, 0]), prefix: 8 }],
    ['[2001:db8::1]:443', { kind: 'address', family: 6, prefix: 128, port: 443 }],
    ['2001:db8::1', { kind: 'address', family: 6, prefix: 128 }],
    ['2001:db8::/32', { kind: 'address', family: 6, prefix: 32 }],
    ['0.0.0.0/0', { kind: 'address', family: 4, prefix: 0 }],
  ];
  test.each(cases)('%s', (entry, want) => {
    expect(parseEndpoint(entry)).toMatchObject(want);
  });

  test('IPv6 bytes, the :: and an embedded IPv4 included', () => {
    const e = parseEndpoint('2001:db8::1');
    expect(e.kind === 'address' && e.bytes.toString('hex')).toBe('20010db8000000000000000000000001');
    const m = parseEndpoint('::ffff:198.51.100.1');
    expect(m.kind === 'address' && m.bytes.toString('hex')).toBe('00000000000000000000ffffc6336401');
    const p = parseEndpoint('2001:db8:ffff::/33');
    expect(p.kind === 'address' && p.bytes.toString('hex')).toBe('20010db8800000000000000000000000');
  });

  const malformed: [string, RegExp][] = [
    ['github.com:0', /port "0" is not 1-65535/],
    ['github.com:70000', /port "70000"/],
    ['github.com:https', /port "https"/],
    ['*github.com', /not a host name/],
    ['foo.*.com', /not a host name/],
    ['*', /not a host name/],
    ['-bad.com', /not a host name/],
    ['http://github.com', /not a host name|port/],
    ['300.1.1.1', /not an IPv4 address/],
    ['10.0.0.0/33', /prefix length "\/33" is not 0-32/],
    ['2001:db8::/129', /prefix length "\/129" is not 0-128/],
    ['[github.com]:443', /not an IPv6 address/],
    ['bad_host$.com', /not a host name/],
  ];
  test.each(malformed)('%s is refused with the entry and the accepted forms', (entry, why) => {
    let err: unknown;
    try {
      parseEndpoint(entry);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PolicyError);
    const msg = (err as Error).message;
    expect(msg).toContain(`"${entry}"`);
    expect(msg).toMatch(why);
    expect(msg).toContain('accepted: name:port');
  });

  test('a list: whitespace, newlines and comments', () => {
    const list = parseEndpoints('github.com:443  api.github.com:443\n# a comment\n\t198.51.100.0/24 # raw\n');
    expect(list.map(formatEndpoint)).toEqual(['github.com:443', 'api.github.com:443', '198.51.100.0/24']);
  });

  test('formatting round-trips', () => {
    for (const e of ['*.example.com:443', 'example.com', '198.51.100.7:80', '[2001:db8::1]:443', '2001:db8::/32', '2001:db8::1']) {
      expect(formatEndpoint(parseEndpoint(e))).toBe(e);
    }
  });
});

describe('the policy inputs', () => {
  test('defaults: audit, loopback allowed, containers follow egress', () => {
    expect(parsePolicy({})).toEqual({ mode: 'audit', endpoints: [], allowLoopback: true, containerPolicy: 'audit', containerHostPaths: [], containerJobPaths: [] });
    expect(parsePolicy({ egressPolicy: 'block' }).containerPolicy).toBe('block');
    expect(parsePolicy({ egressPolicy: 'block', containerPolicy: 'audit' }).containerPolicy).toBe('audit');
    expect(parsePolicy({ allowLoopback: 'false' }).allowLoopback).toBe(false);
  });

  test('bad values name the input and what is accepted', () => {
    expect(() => parsePolicy({ egressPolicy: 'deny' })).toThrow('egress-policy "deny": accepted: audit, block');
    expect(() => parsePolicy({ containerPolicy: 'x' })).toThrow('container-policy "x": accepted: audit, block');
    expect(() => parsePolicy({ allowLoopback: 'yes' })).toThrow('allow-loopback "yes": accepted: true, false');
    expect(() => parsePolicy({ allowedEndpoints: 'ok.com nope:port' })).toThrow(PolicyError);
  });

  test('the policy is immutable', () => {
    const p = parsePolicy({ allowedEndpoints: 'a.com' });
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.endpoints)).toBe(true);
  });
});
