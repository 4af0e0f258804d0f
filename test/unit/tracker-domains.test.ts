/**
 * Domains in the KernelTracker: one event per (process, source, name, query
 * type), DNS questions completed by their answers (or released without),
 * and connects named by what the job resolved.
 */
import { describe, expect, it } from '@jest/globals';
import type { EventRecord } from '../../src/events/eventRecord.js';
import type { ConnectSample, DomainSample, ExecSample, ExitSample } from '../../src/kernel/decode.js';
import { ANSWER_WAIT_MS, queryTypeName } from '../../src/kerneltracker/domains.js';
import { KernelTracker } from '../../src/kerneltracker/kernelTracker.js';
import { FakeMaps } from './fixtures/fakeMaps.js';

const CG = 10;
const base = { tid: 0, flags: 0, timeNs: 2e9, cgroupId: CG, startNs: 0 };

const exec = (pid: number, path: string): ExecSample => ({
  kind: 'exec', ...base, tid: pid, startNs: pid * 1e6, pid, ppid: 1, uid: 0, parentStartNs: 0, execPath: path, argv: [path], cwd: '/',
});

function domain(f: Partial<DomainSample>): DomainSample {
  return {
    kind: 'domain', ...base, pid: 100, source: 'dns_query', protocol: 'udp', family: 'ipv4', address: '127.0.0.53', port: 53,
    name: 'example.com', qtype: 1, txid: 7, rcode: 0, answers: [], cnames: [], ...f,
  };
}

const connect = (pid: number, address: string): ConnectSample => ({
  kind: 'connect', ...base, pid, protocol: 'tcp', family: 'ipv4', address, port: 443, viaSendmsg: false,
});

function setup() {
  let now = 0;
  const tracker = new KernelTracker(new FakeMaps(), 0, () => now);
  const events: EventRecord[] = [];
  tracker.registerJob({ id: 'j' }, [{ id: BigInt(CG) }], { write: (e) => events.push(e) });
  tracker.handle(exec(100, '/usr/bin/curl'));
  tracker.handle(exec(200, '/usr/bin/wget'));
  const domains = () => events.filter((e) => e.kind === 'domain');
  return { tracker, events, domains, advance: (ms: number) => (now += ms) };
}

describe('DNS questions and answers', () => {
  it('holds a question until its answer, then sends it once with the answers and the chain', () => {
    const { tracker, domains } = setup();
    tracker.handle(domain({ qtype: 1 }));
    expect(domains()).toHaveLength(0);
    tracker.handle(domain({ source: 'dns_answer', answers: ['93.184.216.34'], cnames: ['edge.example.net'] }));
    expect(domains()).toHaveLength(1);
    expect(domains()[0]).toMatchObject({
      kind: 'domain',
      cgroup_id: CG,
      process: { pid: 100, exec_path: '/usr/bin/curl' },
      domain: {
        name: 'example.com',
        source: 'dns',
        query_type: 'A',
        server: { address: '127.0.0.53', port: 53 },
        answers: ['93.184.216.34'],
        cnames: ['edge.example.net'],
      },
    });
  });

  it('sends one event per process, name and type; repeats are dropped', () => {
    const { tracker, domains } = setup();
    for (const qtype of [1, 28, 1, 28]) tracker.handle(domain({ qtype }));
    tracker.handle(domain({ pid: 200, qtype: 1 }));
    tracker.handle(domain({ name: 'other.example', qtype: 1 }));
    tracker.releaseDueDomains(true);
    expect(domains().map((e) => [e.process.pid, e.domain?.name, e.domain?.query_type])).toEqual([
      [100, 'example.com', 'A'],
      [100, 'example.com', 'AAAA'],
      [200, 'example.com', 'A'],
      [100, 'other.example', 'A'],
    ]);
  });

  it('answers the asking process first, and only the matching type', () => {
    const { tracker, domains } = setup();
    tracker.handle(domain({ pid: 100, qtype: 1 }));
    tracker.handle(domain({ pid: 200, qtype: 1 }));
    tracker.handle(domain({ pid: 200, qtype: 28 }));
    tracker.handle(domain({ source: 'dns_answer', pid: 200, qtype: 1, answers: ['10.0.0.2'] }));
    expect(domains().map((e) => [e.process.pid, e.domain?.query_type, e.domain?.answers])).toEqual([[200, 'A', ['10.0.0.2']]]);
  });

  it('sends a question without answers once the wait is over, or at the end', () => {
    const { tracker, domains, advance } = setup();
    tracker.handle(domain({ name: 'slow.example' }));
    advance(ANSWER_WAIT_MS - 1);
    tracker.releaseDueDomains();
    expect(domains()).toHaveLength(0);
    advance(1);
    tracker.releaseDueDomains();
    expect(domains()).toHaveLength(1);
    expect(domains()[0]?.domain?.answers).toBeUndefined();
    tracker.handle(domain({ name: 'never.example' }));
    tracker.unregisterJob('j');
    expect(domains().map((e) => e.domain?.name)).toEqual(['slow.example', 'never.example']);
  });

  it('keeps up with a storm of questions waiting for their answers', () => {
    const { tracker, domains } = setup();
    const N = 20_000;
    const started = Date.now();
    for (let i = 0; i < N; i++) tracker.handle(domain({ name: `h${i}.example` }));
    for (let i = N - 1; i >= 0; i--) tracker.handle(domain({ source: 'dns_answer', name: `h${i}.example`, answers: ['10.0.0.1'] }));
    expect(domains()).toHaveLength(N);
    // Answers are matched by name and type, not by a walk over everything held.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('names later connects to the answered addresses, per job', () => {
    const { tracker, events } = setup();
    tracker.handle(domain({ source: 'dns_answer', name: 'api.example', answers: ['10.1.1.1', '2001:db8::1'] }));
    tracker.handle(connect(100, '10.1.1.1'));
    tracker.handle(connect(100, '10.9.9.9'));
    const nets = events.filter((e) => e.kind === 'network_connect');
    expect(nets.map((e) => e.network?.domain)).toEqual(['api.example', undefined]);
    expect('domain' in nets[1]!.network!).toBe(false);
  });

  it('counts names from sockets whose process is unknown, and makes no event of them', () => {
    const { tracker, domains } = setup();
    tracker.handle(domain({ pid: 0, source: 'tls_sni', protocol: 'tcp', port: 443 }));
    expect(domains()).toHaveLength(0);
    expect(tracker.counts.ownerless).toBe(1);
  });
});

it('forgets what a process looked up once it exits', () => {
  const { tracker } = setup();
  tracker.handle(domain({ source: 'tls_sni', protocol: 'tcp' }));
  expect(tracker.mirrorSizes().domainProcesses).toBe(1);
  const exit: ExitSample = { kind: 'exit', ...base, pid: 100, tid: 100, startNs: 100 * 1e6, status: 0 };
  tracker.handle(exit);
  expect(tracker.mirrorSizes().domainProcesses).toBe(0);
});

it('sends a name asked of systemd-resolved at once, as a DNS lookup through its socket', () => {
  const { tracker, domains } = setup();
  const asked = domain({ source: 'resolved', protocol: 'unix', family: 'unix', address: '/run/systemd/resolve/io.systemd.Resolve', port: 0, qtype: 0 });
  tracker.handle(asked);
  tracker.handle(asked);
  expect(domains().map((e) => e.domain)).toEqual([
    { name: 'example.com', source: 'dns', server: { address: '/run/systemd/resolve/io.systemd.Resolve' } },
  ]);
});

describe('TLS SNI and HTTP Host', () => {
  it('sends each at once, once per process, with the server', () => {
    const { tracker, domains } = setup();
    for (let i = 0; i < 3; i++) tracker.handle(domain({ source: 'tls_sni', protocol: 'tcp', name: 'github.com', address: '140.82.112.3', port: 443 }));
    tracker.handle(domain({ source: 'http_host', protocol: 'tcp', name: 'github.com', address: '140.82.112.3', port: 80 }));
    expect(domains().map((e) => e.domain)).toEqual([
      { name: 'github.com', source: 'tls_sni', server: { address: '140.82.112.3', port: 443 } },
      { name: 'github.com', source: 'http_host', server: { address: '140.82.112.3', port: 80 } },
    ]);
  });

  it('ignores an IPv4 literal sent as a Host', () => {
    const { tracker, domains } = setup();
    tracker.handle(domain({ source: 'http_host', protocol: 'tcp', name: '10.0.0.1' }));
    expect(domains()).toHaveLength(0);
  });
});

it('names query types by mnemonic, unknown ones as TYPEn', () => {
  expect([1, 28, 65, 12, 999].map(queryTypeName)).toEqual(['A', 'AAAA', 'HTTPS', 'PTR', 'TYPE999']);
});
