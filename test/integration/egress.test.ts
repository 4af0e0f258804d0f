/**
 * The egress policy on the real kernel: a job in a network namespace of the
 * test's own asks a DNS server of the test's own (UDP and TCP, IPv4 and
 * IPv6, through glibc too), connects and sends datagrams to servers on the
 * host end of a veth pair. In block mode what the policy allows works and
 * the rest is refused (EPERM) or dropped (no answer: the server never sees
 * the question); in audit mode nothing is refused and the same things are
 * recorded as outside the policy.
 */
import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import net from 'node:net';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { readFindings } from '../../src/findings/readFindings.js';
import { TTL_FLOOR_ENV } from '../../src/policy/enforce.js';
import { startDnsServer, type DnsServer } from '../helpers/dnsServer.js';
import { createVethNamespace, type VethNamespace } from '../helpers/netns.js';
import { fixturesDir } from '../helpers/paths.js';
import { cleanupRuns, requireRoot, runSensor, type RunResult } from '../helpers/sensorRun.js';
import { join } from 'node:path';
import type { Zone } from '../helpers/packets.js';

const DNS4 = '198.51.100.1';
const DNS6 = '2001:db8:100::1';
const WEB = '198.51.100.10';
const WEB6 = '2001:db8:100::10';
const PORT = 8080;
const UDP_PORT = 9999;
const SERVERS = [WEB, '198.51.100.20', '198.51.100.21', '198.51.100.30', '198.51.100.40', '198.51.100.50', '198.51.100.51', '198.51.100.60', '198.51.100.70'];

let moves = 0;
const zone: Zone = {
  'allowed.cs-egress.test': { a: [WEB] },
  'six.cs-egress.test': { aaaa: [WEB6] },
  'blocked.cs-egress.test': { a: ['198.51.100.20'] },
  'a.b.wild.cs-egress.test': { a: ['198.51.100.40'] },
  'wild.cs-egress.test': { a: ['198.51.100.40'] },
  // A name whose address changes between answers (a CDN's rotation).
  'moving.cs-egress.test': {
    get a() {
      return [moves++ % 2 ? '198.51.100.51' : '198.51.100.50'];
    },
  },
  'glibc.cs-egress.test': { cname: 'target.cs-egress.test' },
  'target.cs-egress.test': { a: ['198.51.100.70'] },
  'short.cs-egress.test': { a: ['198.51.100.60'], ttl: 2 },
};

const ALLOWED = [
  `${DNS4}:53`,
  `[${DNS6}]:53`,
  `allowed.cs-egress.test:${PORT}`,
  `six.cs-egress.test:${PORT}`,
  `*.wild.cs-egress.test:${PORT}`,
  'moving.cs-egress.test',
  `glibc.cs-egress.test:${PORT}`,
  `short.cs-egress.test:${PORT}`,
  '198.51.100.30',
].join(' ');

let ns: VethNamespace;
let dns: DnsServer;
let dns6: DnsServer;
const closers: (() => void)[] = [];
let block: RunResult;
let audit: RunResult;
/** What the DNS server was asked during the block run. */
let blockQuestions: string[];
let udpAsked: boolean[];

function listen(host: string): Promise<void> {
  const server = net.createServer((s) => s.end());
  closers.push(() => server.close());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORT, host, () => resolve());
  });
}

function udpSink(host: string): Promise<void> {
  const sock = dgram.createSocket('udp4');
  closers.push(() => sock.close());
  return new Promise((resolve) => sock.bind(UDP_PORT, host, () => resolve()));
}

async function job(mode: string): Promise<RunResult> {
  const client = join(fixturesDir, 'egressClient.mjs');
  const env = { ...process.env, [TTL_FLOOR_ENV]: '1', EGRESS_TTL_WAIT_MS: '3500', EGRESS_GLIBC: '1' };
  return runSensor(['--egress-policy', mode, '--allowed-endpoints', ALLOWED, '--no-docker-proxy'],
    [...ns.exec, process.execPath, client, DNS4, DNS6, String(PORT), String(UDP_PORT)], { env, timeoutMs: 90_000 });
}

const outcome = (r: RunResult): Record<string, unknown> => JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');

beforeAll(async () => {
  requireRoot();
  ns = createVethNamespace(`eg${process.pid % 100000}`, [`${DNS4}/24`, `${DNS6}/64`, ...SERVERS.map((a) => `${a}/24`), `${WEB6}/64`],
    ['198.51.100.2/24', '2001:db8:100::2/64'], DNS4);
  for (const a of [DNS4, DNS6, WEB6, ...SERVERS]) ns.assertRoutedHere(a);
  dns = await startDnsServer(DNS4, zone);
  dns6 = await startDnsServer(DNS6, zone);
  for (const a of [...SERVERS, WEB6]) await listen(a);
  await udpSink('198.51.100.20');
  block = await job('block');
  blockQuestions = dns.questions.map((q) => q.name);
  udpAsked = dns.questions.map((q) => q.via === 'udp');
  audit = await job('audit');
}, 200_000);

afterAll(async () => {
  for (const close of closers) close();
  await dns?.close();
  await dns6?.close();
  ns?.teardown();
  cleanupRuns();
}, 60_000); // closing servers that clients still hold open, on a loaded machine

describe('block', () => {
  test('the job ran to its end', () => {
    expect(block.stderr).not.toMatch(/cannot enforce/);
    expect(block.code).toBe(0);
  });

  test('allowed names resolve and connect: IPv4 and IPv6, UDP and TCP DNS, glibc and its CNAME chain', () => {
    const o = outcome(block);
    expect(o).toMatchObject({
      allowed: [WEB],
      allowedConnect: 'ok',
      six: ['2001:db8:100:0:0:0:0:10'],
      sixConnect: 'ok',
      sixUdp: ['2001:db8:100:0:0:0:0:10'],
      tcp4: [WEB],
      glibc: '198.51.100.70',
      glibcConnect: 'ok',
    });
  });

  test('a name outside the list gets no answer (the server never sees it), over UDP and TCP', () => {
    const o = outcome(block);
    expect(['timeout', 'EPERM']).toContain(o.blocked);
    expect(['timeout', 'EPERM', 'ECONNRESET']).toContain(o.blockedTcp);
    // Over UDP the dropped question never reaches the server. Over TCP the kernel retransmits it, and once
    // `cicd-sensor run` has exited nothing drops the retransmission (README, Egress policy, Limits).
    expect(blockQuestions.filter((q, i) => q === 'blocked.cs-egress.test' && udpAsked[i])).toEqual([]);
    expect(blockQuestions).toContain('allowed.cs-egress.test');
    const events = block.events.filter((e) => e.kind === 'domain' && e.domain?.name === 'blocked.cs-egress.test');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.domain?.blocked === true && e.domain?.outside_policy === true)).toBe(true);
  });

  test('a connect to its address and a raw address outside the list get EPERM; an allowed raw address connects', () => {
    const o = outcome(block);
    expect(o).toMatchObject({ blockedConnect: 'EPERM', rawRefused: 'EPERM', rawAllowed: 'ok', udpRefused: 'EPERM' });
    const refused = (addr: string, port: number) =>
      block.events.find((e: EventRecord) => e.kind === 'network_connect' && e.network?.address === addr && e.network.port === port);
    expect(refused('198.51.100.21', PORT)?.network).toMatchObject({ blocked: true, outside_policy: true });
    expect(refused('198.51.100.20', UDP_PORT)?.network).toMatchObject({ protocol: 'udp', blocked: true });
    expect(refused('198.51.100.30', PORT)?.network?.blocked).toBeUndefined();
  });

  test('a wildcard allows subdomains at any depth, not the name itself', () => {
    const o = outcome(block);
    expect(o).toMatchObject({ wild: ['198.51.100.40'], wildConnect: 'ok' });
    expect(['timeout', 'EPERM']).toContain(o.wildBare);
  });

  test('an allowed name whose address changes keeps working', () => {
    const o = outcome(block);
    expect(o.moving1).not.toEqual(o.moving2);
    expect(o).toMatchObject({ moving1Connect: 'ok', moving2Connect: 'ok' });
  });

  test('an answer whose TTL ran out no longer allows its address; the next lookup renews it', () => {
    expect(outcome(block)).toMatchObject({ short: ['198.51.100.60'], shortConnect: 'ok', shortExpired: 'EPERM', shortRenewed: 'ok' });
  });
});

describe('every refusal is a finding (the built-in egress-policy rules, on by default)', () => {
  test('a refused connect and a dropped DNS question each give one, pointing at its event', () => {
    const findings = readFindings(join(block.outDir, 'findings.ndjson')).findings;
    const of = (rule: string) => findings.filter((f) => f.ruleset_id === 'cicd-sensor/egress-policy' && f.rule_id === rule);
    const connect = of('connect_refused');
    const lookup = of('lookup_refused');
    expect(connect.length).toBeGreaterThan(0);
    expect(lookup.length).toBeGreaterThan(0);
    const bySeq = new Map(block.events.map((e) => [e.seq, e]));
    expect(connect.every((f) => bySeq.get(f.seq)?.network?.blocked === true)).toBe(true);
    expect(lookup.every((f) => bySeq.get(f.seq)?.domain?.blocked === true)).toBe(true);
    expect(lookup.map((f) => bySeq.get(f.seq)?.domain?.name)).toContain('blocked.cs-egress.test');
  });

  test('audit refuses nothing, so it has no refusal findings', () => {
    const findings = readFindings(join(audit.outDir, 'findings.ndjson')).findings;
    expect(findings.filter((f) => f.ruleset_id === 'cicd-sensor/egress-policy')).toEqual([]);
  });
});

describe('audit', () => {
  test('nothing is refused', () => {
    expect(audit.code).toBe(0);
    expect(outcome(audit)).toMatchObject({
      blocked: ['198.51.100.20'],
      blockedConnect: 'ok',
      rawRefused: 'ok',
      udpRefused: 'ok',
      shortExpired: 'ok',
    });
    expect(audit.events.some((e) => e.network?.blocked || e.domain?.blocked)).toBe(false);
  });

  test('what block would refuse is recorded as outside the policy', () => {
    const outside = audit.events.filter((e) => e.network?.outside_policy || e.domain?.outside_policy);
    expect(outside.map((e) => e.network?.address ?? e.domain?.name)).toEqual(
      expect.arrayContaining(['198.51.100.20', '198.51.100.21', 'blocked.cs-egress.test']),
    );
    expect(outside.map((e) => e.network?.address ?? e.domain?.name)).not.toContain(WEB);
  });
});

test('nothing of the namespace is left', () => {
  ns.teardown();
  expect(execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })).not.toContain(ns.name);
});
