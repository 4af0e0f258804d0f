import { describe, expect, test } from '@jest/globals';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { parseEndpoints } from '../../src/policy/endpoints.js';
import { EndpointRecommender, recommendationText } from '../../src/policy/recommend.js';

const proc = { pid: 1, ppid: 0, exec_path: '/usr/bin/curl', argv: ['curl'], ancestors: [] };
const base = { seq: 0, time: '2026-01-01T00:00:00.000001Z', job: { id: 'j' }, cgroup_id: 1, process: proc };
const connect = (address: string, port: number, extra: Partial<NonNullable<EventRecord['network']>> = {}): EventRecord => ({
  ...base,
  kind: 'network_connect',
  network: { protocol: 'tcp', family: address.includes(':') ? 'ipv6' : 'ipv4', address, port, ...extra },
});
const lookup = (name: string, blocked = false): EventRecord => ({
  ...base,
  kind: 'domain',
  domain: { name, source: 'dns', query_type: 'A', ...(blocked ? { blocked: true, outside_policy: true } : {}) },
});

function recommend(events: EventRecord[]) {
  const r = new EndpointRecommender();
  events.forEach((e) => r.add(e));
  return r.build();
}

describe('the recommended allowed-endpoints', () => {
  test('names with their ports, raw addresses marked, loopback left out, sorted', () => {
    const r = recommend([
      connect('198.51.100.7', 443, { domain: 'github.com' }),
      connect('198.51.100.7', 22, { domain: 'github.com' }),
      connect('198.51.100.9', 443, { domain: 'api.github.com' }),
      connect('2001:db8::5', 8443),
      connect('198.51.100.20', 80),
      connect('127.0.0.53', 53),
      connect('::1', 8080),
      lookup('github.com'),
    ]);
    expect(r.entries).toEqual([
      { entry: 'api.github.com:443', raw: false, lookedUpOnly: false },
      { entry: 'github.com:22', raw: false, lookedUpOnly: false },
      { entry: 'github.com:443', raw: false, lookedUpOnly: false },
      { entry: '198.51.100.20:80', raw: true, lookedUpOnly: false },
      { entry: '[2001:db8::5]:8443', raw: true, lookedUpOnly: false },
    ]);
  });

  test('a wildcard only where several subdomains of one name were used', () => {
    const few = recommend([connect('198.51.100.1', 443, { domain: 'a.example.com' }), connect('198.51.100.2', 443, { domain: 'b.example.com' })]);
    expect(few.entries.map((e) => e.entry)).toEqual(['a.example.com:443', 'b.example.com:443']);
    const many = recommend(['a', 'b', 'c'].map((l, i) => connect(`198.51.100.${i + 1}`, 443, { domain: `${l}.cdn.example.com` })));
    expect(many.entries.map((e) => e.entry)).toEqual(['*.cdn.example.com:443']);
    // No wildcard over a top-level domain.
    const tld = recommend(['a', 'b', 'c'].map((l, i) => connect(`198.51.100.${i + 1}`, 443, { domain: `${l}.com` })));
    expect(tld.entries.map((e) => e.entry)).toEqual(['a.com:443', 'b.com:443', 'c.com:443']);
  });

  test('names only looked up are listed bare and marked; refusals are comments, never entries', () => {
    const r = recommend([
      lookup('only.example.org'),
      lookup('evil.example.net', true),
      connect('198.51.100.66', 443, { blocked: true, outside_policy: true }),
      connect('198.51.100.67', 443, { domain: 'exfil.example.net', blocked: true, outside_policy: true }),
    ]);
    expect(r.entries).toEqual([{ entry: 'only.example.org', raw: false, lookedUpOnly: true }]);
    expect(r.refused).toEqual(['198.51.100.66:443', 'evil.example.net', 'exfil.example.net:443']);
    const text = recommendationText(r);
    expect(text).toContain('only.example.org  # looked up, never connected to');
    expect(text).toContain('# refused by the policy: exfil.example.net:443');
  });

  test('the text parses back as an allowed-endpoints list', () => {
    const r = recommend([connect('198.51.100.7', 443, { domain: 'github.com' }), connect('2001:db8::5', 8443), lookup('x.org')]);
    expect(parseEndpoints(recommendationText(r)).length).toBe(3);
  });
});
