import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';
import type { AttachPlanEntry } from '../../src/events/sensorStatus.js';
import { PolicyError } from '../../src/policy/endpoints.js';
import { compilePolicy, installPolicy, PolicyIds, POLICY_ID_MAX, requireEnforcement, TTL_CEILING_S, TTL_FLOOR_S, type PolicyMaps } from '../../src/policy/kernelPolicy.js';
import { parsePolicy } from '../../src/policy/policy.js';
import { nameservers } from '../../src/policy/resolvers.js';
import { policyVerdict } from '../../src/kerneltracker/eventBuilder.js';
import { Flag } from '../../src/kernel/layout.js';

const policy = (list: string, mode = 'block') => parsePolicy({ egressPolicy: mode, allowedEndpoints: list });

describe('compiling a policy for the kernel', () => {
  test('addresses become IPv6, IPv4 mapped, with the prefix counted in IPv6 bits', () => {
    const c = compilePolicy(policy('198.51.100.0/24 198.51.100.7:443 [2001:db8::1]:53 2001:db8::/32'));
    expect(c.addresses.map((a) => [a.addr16.toString('hex'), a.prefix, a.port])).toEqual([
      ['00000000000000000000ffffc6336400', 120, 0],
      ['00000000000000000000ffffc6336407', 128, 443],
      ['20010db8000000000000000000000001', 128, 53],
      ['20010db8000000000000000000000000', 32, 0],
    ]);
  });

  test('a name gets the ports of every wildcard covering it; a portless entry means any port', () => {
    const c = compilePolicy(policy('*.example.com:443 api.example.com:80 example.com:8080 *.a.example.com web.a.example.com:22 api.example.com:80'));
    const byName = Object.fromEntries(c.names.map((n) => [`${n.wildcard ? '*.' : ''}${n.name}`, n.ports]));
    expect(byName).toEqual({
      '*.example.com': [443],
      'api.example.com': [80, 443],
      // The name itself is not under its own wildcard.
      'example.com': [8080],
      '*.a.example.com': [],
      'web.a.example.com': [],
    });
  });

  test('more ports on one name than the kernel holds is an error at start', () => {
    expect(() => compilePolicy(policy('a.com:1 a.com:2 a.com:3 a.com:4 a.com:5'))).toThrow(/a\.com has 5 ports; at most 4/);
  });

  test('the host resolvers are allowed on port 53 only; mode, loopback and TTL bounds carried', () => {
    const c = compilePolicy(parsePolicy({ egressPolicy: 'audit', allowLoopback: 'false' }), { resolvers: ['127.0.0.53', '2001:db8::53'] });
    expect(c.addresses.map((a) => [a.addr16.toString('hex'), a.prefix, a.port])).toEqual([
      ['00000000000000000000ffff7f000035', 128, 53],
      ['20010db8000000000000000000000053', 128, 53],
    ]);
    expect(c.cfg).toEqual({ mode: 'audit', allowLoopback: false, ttlFloorS: TTL_FLOOR_S, ttlCeilingS: TTL_CEILING_S });
    expect(() => compilePolicy(policy(''), { resolvers: ['resolver.lan'] })).toThrow(PolicyError);
  });

  test('install: cleared first, entries in, switched on last', () => {
    const calls: string[] = [];
    const maps: PolicyMaps = {
      clearPolicy: (id) => calls.push(`clear ${id}`),
      addPolicyAddress: (id, _a, prefix, port) => calls.push(`addr ${id} ${prefix} ${port}`),
      addPolicyName: (id, name, wildcard, ports) => calls.push(`name ${id} ${wildcard ? '*.' : ''}${name} ${ports.join(',')}`),
      setPolicy: (id, cfg) => calls.push(`set ${id} ${cfg.mode}`),
    };
    installPolicy(maps, 7, compilePolicy(policy('*.example.com:443 198.51.100.7')));
    expect(calls).toEqual(['clear 7', 'addr 7 128 0', 'name 7 *.example.com 443', 'set 7 block']);
  });
});

describe('failing closed', () => {
  const plan = (domain: string): AttachPlanEntry[] => [
    { hook: 'network_connect', mechanism: 'cgroup_sock_addr', target: '' },
    { hook: 'udp_sendmsg', mechanism: 'cgroup_sock_addr', target: '' },
    { hook: 'domain', mechanism: domain, target: '', unavailable: [{ mechanism: 'cgroup_skb', target: '', error: 'Permission denied' }] },
  ];
  test('block needs the connect, sendmsg and packet hooks; audit runs with what there is', () => {
    expect(() => requireEnforcement(plan('cgroup_skb'), policy(''))).not.toThrow();
    expect(() => requireEnforcement(plan('none'), policy(''))).toThrow('egress-policy block cannot be enforced here: the domain hook is not attached (cgroup_skb: Permission denied)');
    expect(() => requireEnforcement(plan('none'), policy('', 'audit'))).not.toThrow();
    expect(() => requireEnforcement([], policy(''))).toThrow(/network_connect hook is not attached \(not in the attach plan\)/);
  });
});

describe('policy ids', () => {
  test('taken and released, never 0, bounded', () => {
    const ids = new PolicyIds();
    expect([ids.take(), ids.take()]).toEqual([1, 2]);
    ids.release(1);
    expect(ids.take()).toBe(1);
    for (let i = 3; i <= POLICY_ID_MAX; i++) ids.take();
    expect(() => ids.take()).toThrow(/more than 1023 jobs/);
  });
});

test('resolv.conf nameservers, zone index dropped, duplicates and junk ignored', () => {
  const text = '# comment\nnameserver 127.0.0.53\noptions edns0\nnameserver fe80::1%eth0\nnameserver 127.0.0.53\nnameserver bogus\nsearch x\n';
  expect(nameservers(text)).toEqual(['127.0.0.53', 'fe80::1']);
});

test('the record flags as event fields', () => {
  expect(policyVerdict(0)).toEqual({});
  expect(policyVerdict(Flag.EGRESS_DENIED)).toEqual({ outside_policy: true });
  expect(policyVerdict(Flag.EGRESS_DENIED | Flag.EGRESS_BLOCKED)).toEqual({ outside_policy: true, blocked: true });
});

test('the record flags match the CS_F_ defines of bpf/records.h', () => {
  const header = readFileSync(join(repoRoot, 'bpf', 'records.h'), 'utf8');
  const defines = Object.fromEntries([...header.matchAll(/#define CS_F_([A-Z0-9_]+) \(1u << (\d+)\)/g)].map((m) => [m[1]!, 1 << Number(m[2])]));
  expect(defines).toEqual({ ...Flag });
});
