/**
 * Domain capture end to end on the real kernel: a job resolves made-up names
 * through a DNS server of the test's own (glibc's getaddrinfo via getent and
 * curl, dig, nslookup, a raw UDP query, a query over TCP), connects to the answers, sends
 * an HTTP Host and a TLS SNI. Each name arrives once per process and type,
 * with its server and answers; the connects carry the names; every line is
 * valid against the event schema; the report lists the domains. A lookup
 * sent to a stand-in systemd-resolved over varlink is one too.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { startDnsServer, type DnsServer } from '../helpers/dnsServer.js';
import { fixturesDir } from '../helpers/paths.js';
import { cleanupRuns, requireRoot, runSensor, type RunResult } from '../helpers/sensorRun.js';

const DNS = '127.0.0.153';
const ALPHA = '127.0.0.41';
const WEB = '127.0.0.42';
const TLS_ADDR = '127.0.0.43';

const zone = {
  'alpha.cs-test.example': { a: [ALPHA] },
  'beta.cs-test.example': { cname: 'web.cs-test.example' },
  'web.cs-test.example': { a: [WEB] },
  'raw.cs-test.example': { a: ['127.0.0.45'] },
  'tcp.cs-test.example': { aaaa: ['fd00::45'] },
  'six.cs-test.example': { aaaa: ['::1'] },
  'dig.cs-test.example': { a: ['127.0.0.46'] },
  'look.cs-test.example': { a: ['127.0.0.47'] },
};

let work: string;
let dns: DnsServer;
let dns6: DnsServer;
let run: RunResult;
const closers: (() => void)[] = [];

function listening(server: net.Server, host: string): Promise<number> {
  closers.push(() => server.close());
  return new Promise((resolve) => server.listen(0, host, () => resolve((server.address() as net.AddressInfo).port)));
}

function selfSignedCert(dir: string): { key: string; cert: string } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=secure.cs-test.example', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { key, cert };
}

beforeAll(async () => {
  requireRoot();
  work = mkdtempSync(join(tmpdir(), 'cs-domains-'));
  dns = await startDnsServer(DNS, zone);
  dns6 = await startDnsServer('::1', zone);
  const resolv = join(work, 'resolv.conf');
  writeFileSync(resolv, `nameserver ${DNS}\noptions attempts:1 timeout:2\n`);
  const httpPort = await listening(http.createServer((_req, res) => res.end('ok')), WEB);
  const alphaPort = await listening(net.createServer((s) => s.destroy()), ALPHA);
  const { key, cert } = selfSignedCert(work);
  const { readFileSync } = await import('node:fs');
  const tlsServer = tls.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (s) => s.end());
  tlsServer.on('tlsClientError', () => undefined);
  const tlsPort = await listening(tlsServer, TLS_ADDR);
  const sixPort = await listening(net.createServer((s) => s.destroy()), '::1');
  run = await runSensor(
    [],
    [join(fixturesDir, 'domains.sh'), resolv, String(httpPort), process.execPath, DNS, ALPHA, String(alphaPort), TLS_ADDR, String(tlsPort), String(sixPort)],
    { cwd: work },
  );
}, 120_000);

afterAll(async () => {
  for (const close of closers) close();
  await dns?.close();
  await dns6?.close();
  cleanupRuns();
  if (work) rmSync(work, { recursive: true, force: true });
});

const domains = (): EventRecord[] => run.events.filter((e) => e.kind === 'domain');
const named = (name: string, source = 'dns'): EventRecord[] =>
  domains().filter((e) => e.domain?.name === name && e.domain.source === source);
const byExe = (events: EventRecord[], exe: string): EventRecord[] => events.filter((e) => e.process.exec_path.endsWith(`/${exe}`));

test('the workload succeeds and its questions reached the test server', () => {
  expect(run.code).toBe(0);
  expect(run.stderr).toMatch(/\n {2}domain {2}cgroup_skb\b/);
  expect(run.stderr).not.toMatch(/could not be decoded/);
  const asked = new Set(dns.questions.map((q) => q.name));
  for (const name of ['alpha.cs-test.example', 'beta.cs-test.example', 'raw.cs-test.example', 'tcp.cs-test.example']) expect(asked).toContain(name);
});

test('glibc lookups arrive once per process and type, with server and answers', () => {
  const alpha = byExe(named('alpha.cs-test.example'), 'getent');
  expect(alpha.map((e) => e.domain?.query_type).sort()).toEqual(['A', 'AAAA']);
  const a = alpha.find((e) => e.domain?.query_type === 'A')!;
  expect(a.domain).toEqual({
    name: 'alpha.cs-test.example',
    source: 'dns',
    query_type: 'A',
    server: { address: DNS, port: 53 },
    answers: [ALPHA],
  });
  expect(alpha.find((e) => e.domain?.query_type === 'AAAA')!.domain?.answers).toEqual([]);
});

test('a CNAME chain is followed, and the connect that follows carries the name asked for', () => {
  const beta = byExe(named('beta.cs-test.example'), 'curl').filter((e) => e.domain?.query_type === 'A');
  expect(beta).toHaveLength(1);
  expect(beta[0]!.domain).toMatchObject({ answers: [WEB], cnames: ['web.cs-test.example'] });
  const connects = byExe(run.events.filter((e) => e.kind === 'network_connect' && e.network?.address === WEB), 'curl');
  expect(connects).toHaveLength(1);
  expect(connects[0]!.network?.domain).toBe('beta.cs-test.example');
});

test('the HTTP Host and the TLS SNI each arrive once, with their source', () => {
  const host = named('beta.cs-test.example', 'http_host');
  expect(host).toHaveLength(1);
  expect(host[0]!.process.exec_path).toMatch(/\/curl$/);
  expect(host[0]!.domain?.server?.address).toBe(WEB);
  const sni = named('secure.cs-test.example', 'tls_sni');
  expect(sni).toHaveLength(1);
  expect(sni[0]!.domain?.server).toMatchObject({ address: TLS_ADDR });
  // Reached without DNS: no lookup of it was seen.
  expect(named('secure.cs-test.example')).toHaveLength(0);
});

test('dig and nslookup asking the server directly each give their question, server and answer', () => {
  for (const [name, exe, answer] of [
    ['dig.cs-test.example', 'dig', '127.0.0.46'],
    ['look.cs-test.example', 'nslookup', '127.0.0.47'],
  ] as const) {
    const asked = byExe(named(name), exe);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.domain).toEqual({ name, source: 'dns', query_type: 'A', server: { address: DNS, port: 53 }, answers: [answer] });
  }
});

test('a raw UDP query sent twice is one event; a query over TCP is seen too', () => {
  const raw = named('raw.cs-test.example');
  expect(raw).toHaveLength(1);
  expect(raw[0]!.domain).toMatchObject({ query_type: 'A', server: { address: DNS, port: 53 }, answers: ['127.0.0.45'] });
  const tcp = named('tcp.cs-test.example');
  expect(tcp).toHaveLength(1);
  expect(tcp[0]!.domain).toMatchObject({ query_type: 'AAAA', answers: ['fd00::45'] });
});

test('over IPv6 too: the question to ::1, its AAAA answer and the connect it names', () => {
  const six = named('six.cs-test.example');
  expect(six).toHaveLength(1);
  expect(six[0]!.domain).toMatchObject({ query_type: 'AAAA', server: { address: '::1', port: 53 }, answers: ['::1'] });
  const connects = run.events.filter((e) => e.kind === 'network_connect' && e.network?.address === '::1' && e.network.protocol === 'tcp');
  expect(connects).toHaveLength(1);
  expect(connects[0]!.network).toMatchObject({ family: 'ipv6', domain: 'six.cs-test.example' });
});

test('a connect to an address resolved by another process of the job is named', () => {
  const connects = run.events.filter((e) => e.kind === 'network_connect' && e.network?.address === ALPHA);
  expect(connects).toHaveLength(1);
  expect(connects[0]!.process.exec_path).toBe(process.execPath);
  expect(connects[0]!.network?.domain).toBe('alpha.cs-test.example');
});

test('a lookup sent to systemd-resolved over varlink is a DNS lookup through its socket', () => {
  const asked = named('resolved.cs-test.example');
  expect(asked).toHaveLength(1);
  expect(asked[0]!.process.exec_path).toMatch(/python3/);
  expect(asked[0]!.domain).toEqual({
    name: 'resolved.cs-test.example',
    source: 'dns',
    server: { address: '/run/systemd/resolve/io.systemd.Resolve' },
  });
  // Escapes, other interfaces and unterminated strings give nothing.
  const fromPython = domains().filter((e) => /python3/.test(e.process.exec_path));
  expect(fromPython.map((e) => e.domain?.name)).toEqual(['resolved.cs-test.example']);
});

test('the summary lists the domains and names the addresses', () => {
  expect(run.summary).toContain('## Network egress');
  for (const name of ['alpha.cs-test.example', 'beta.cs-test.example', 'secure.cs-test.example']) expect(run.summary).toContain(name);
  expect(run.summary).toMatch(/^\| beta\.cs-test\.example \| connected \| 127\.0\.0\.42 \|/m);
});

test('domain records lost to a full ring buffer are counted under the domain hook', async () => {
  const QUERIES = 5000;
  // Questions for distinct names to a port nobody listens on: every one is a record.
  const burst = `const s = require('dgram').createSocket('udp4');
    const q = (i) => { const l = Buffer.from('n' + i); return Buffer.concat([Buffer.from([0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, l.length]), l, Buffer.from([0, 0, 1, 0, 1])]); };
    let i = 0; const next = () => i < ${QUERIES} ? s.send(q(i++), 53, '127.0.0.154', next) : s.close(); next();`;
  // Domain records travel on the priority ring: make that one tiny.
  const env = { ...process.env, CICD_SENSOR_DEBUG_PRIORITY_RINGBUF_SIZE: '4096' };
  const tiny = await runSensor(['--ringbuf-size', '4096'], [process.execPath, '-e', burst], { env });
  expect(tiny.code).toBe(0);
  const hooks = (tiny.report as { status: { hooks: { hook: string; sent: number; lost: number }[] } }).status.hooks;
  const domain = hooks.find((h) => h.hook === 'domain')!;
  expect(domain.lost).toBeGreaterThan(0);
  expect(domain.sent + domain.lost).toBeGreaterThanOrEqual(QUERIES);
  const seen = tiny.events.filter((e) => e.kind === 'domain' && /^n\d+$/.test(e.domain?.name ?? '')).length;
  expect(seen).toBeLessThan(QUERIES);
  expect(seen).toBe(domain.sent);
}, 60_000);
