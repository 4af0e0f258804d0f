/**
 * http_request from HTTPS on the real kernel: the uprobes on the system
 * libssl's SSL_write/SSL_write_ex/SSL_free (bpf/tls.bpf.h) read the first
 * request of each OpenSSL connection before it is encrypted. Real clients
 * run as the job against a TLS server of the test's own on loopback: curl
 * (SSL_write), two requests on one connection, of which only the first is
 * the connection's; Debian's python3 (SSL_write_ex), two connections one
 * after the other in one process; node, whose OpenSSL is linked in
 * statically, so its request reaches the server and is not recorded (the
 * README's limit, asserted so a change in it is noticed).
 *
 * Where the kernel has no uprobes or the host no libssl.so.3, the plan must
 * say so with the reason, and the run must still work: that branch asserts
 * the refusal is the real one rather than skipping.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../src/events/finding.js';
import type { AttachPlanEntry, HookCounters } from '../../src/events/sensorStatus.js';
import { cleanupRuns, requireRoot, runSensor, type RunResult } from '../helpers/sensorRun.js';

const work = mkdtempSync(join(tmpdir(), 'cs-tls-'));
const PYTHON = '/usr/bin/python3';
const LIBSSL = ['/usr/lib/x86_64-linux-gnu', '/lib/x86_64-linux-gnu', '/usr/lib64', '/usr/lib']
  .map((d) => join(d, 'libssl.so.3'))
  .find((p) => existsSync(p));
const UPROBES = existsSync('/sys/bus/event_source/devices/uprobe');

/** What Shai-Hulud 2 asked for before registering its runner: a built-in rule's case, here over TLS. */
const TOKEN_PATH = '/repos/attacker/repo/actions/runners/registration-token';

let server: Server;
let port: number;
const seen: string[] = [];
let run: RunResult;

/** Two connections, one after the other, in one process: the second SSL object may reuse the first's address. */
const PY_CLIENT = `
import http.client, ssl, sys
ctx = ssl._create_unverified_context()
for method, path in (('GET', '/py/one?x=1'), ('POST', '/py/two')):
    c = http.client.HTTPSConnection('127.0.0.1', int(sys.argv[1]), context=ctx)
    c.request(method, path, body=b'data' if method == 'POST' else None, headers={'Host': 'Py.Example.test'})
    c.getresponse().read()
    c.close()
`;

function job(): string {
  const url = `https://127.0.0.1:${port}`;
  const node = `require('https').get({host:'127.0.0.1',port:${port},path:'/node/static',rejectUnauthorized:false},(r)=>{r.resume();r.on('end',()=>process.exit(0))})`;
  return [
    `curl -sSk -o /dev/null -o /dev/null -H 'Host: Example.TEST:${port}' '${url}/curl/first?token=t0p' '${url}/curl/second'`,
    `curl -sSk -o /dev/null -X POST -H 'Host: api.github.example' '${url}${TOKEN_PATH}'`,
    `${PYTHON} -c "$PY_CLIENT" ${port}`,
    `${process.execPath} -e "${node}"`,
  ].join(' && ');
}

beforeAll(async () => {
  requireRoot();
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(work, 'k.pem'), '-out', join(work, 'c.pem')], { stdio: 'ignore' });
  server = createServer({ key: readFileSync(join(work, 'k.pem')), cert: readFileSync(join(work, 'c.pem')) }, (req, res) => {
    seen.push(req.url ?? '');
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  port = (server.address() as AddressInfo).port;
  run = await runSensor([], ['sh', '-c', job()], { env: { ...process.env, PY_CLIENT } });
}, 120_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((res) => (server ? server.close(() => res()) : res()));
  rmSync(work, { recursive: true, force: true });
  cleanupRuns();
});

const plan = (): AttachPlanEntry => {
  const plans = JSON.parse(readFileSync(join(run.outDir, 'sensor.json'), 'utf8')).plan as AttachPlanEntry[];
  return plans.find((p) => p.hook === 'http_request_tls')!;
};
const tlsRequests = () => run.events.filter((e) => e.kind === 'http_request' && e.http?.source === 'openssl');

test('the job ran and every request reached the server', () => {
  expect(run.code).toBe(0);
  expect(seen.sort()).toEqual(['/curl/first?token=t0p', '/curl/second', '/node/static', '/py/one?x=1', '/py/two', TOKEN_PATH]);
});

// One of the two is this host's case, decided by what it has, so neither is a skip.
if (UPROBES && LIBSSL !== undefined) {
  describe('where uprobes attach and libssl.so.3 is present', () => {
    test('the plan names the uprobe and the file it is on', () => {
      expect(plan()).toMatchObject({ mechanism: 'uprobe', unavailable: [] });
      expect(plan().target).toBe(`${realpathSync(LIBSSL!)}: SSL_write, SSL_write_ex, SSL_free`);
    });

    test('the first request of each OpenSSL connection, with method, path without query and Host', () => {
      const got = tlsRequests().map((e) => ({ exe: e.process.exec_path, ...e.http }));
      const python = realpathSync(PYTHON);
      expect(got).toEqual([
        { exe: '/usr/bin/curl', method: 'GET', path: '/curl/first', host: `example.test:${port}`, source: 'openssl' },
        { exe: '/usr/bin/curl', method: 'POST', path: TOKEN_PATH, host: 'api.github.example', source: 'openssl' },
        { exe: python, method: 'GET', path: '/py/one', host: 'py.example.test', source: 'openssl' },
        { exe: python, method: 'POST', path: '/py/two', host: 'py.example.test', source: 'openssl' },
      ]);
    });

    test('node\'s own OpenSSL is not seen, and nothing is counted lost', () => {
      expect(run.events.some((e) => e.kind === 'http_request' && e.http?.path === '/node/static')).toBe(false);
      const hooks = (run.report!.status as { hooks: HookCounters[] }).hooks;
      expect(hooks.find((h) => h.hook === 'http_request')).toMatchObject({ sent: 4, lost: 0 });
    });

    test('the built-in rules judge a request read at SSL_write', () => {
      const token = tlsRequests().find((e) => e.http?.path === TOKEN_PATH)!;
      const findings = (run.report!.findings ?? []) as Finding[];
      expect(findings.filter((f) => f.rule_id === 'runner_registration_token_request')).toEqual([
        expect.objectContaining({ action: 'detect', seq: token.seq, event_kind: 'http_request' }),
      ]);
    });
  });
} else {
  describe('where uprobes cannot attach', () => {
    test('the plan says why, and the run records no TLS request', () => {
      expect(plan().mechanism).toBe('none');
      const why = plan().unavailable!.map((u) => u.error).join('; ');
      expect(why).toMatch(LIBSSL === undefined ? /no libssl\.so\.3/ : /attaching cs_ssl_write/);
      expect(tlsRequests()).toEqual([]);
    });
  });
}
