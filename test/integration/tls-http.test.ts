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
 *
 * --no-tls-requests leaves the uprobes off: the plan says "turned off", no
 * uprobe is on libssl while the run lasts, and curl's request is not read.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../src/events/finding.js';
import type { AttachPlanEntry, HookCounters } from '../../src/events/sensorStatus.js';
import { ask, cleanupDaemons, startDaemon } from '../helpers/daemon.js';
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
/** The first run's uprobe links of cs_ssl_write, counted during it. */
let probesDuring = -1;

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

const highestProgId = (): number =>
  Math.max(0, ...(JSON.parse(execFileSync('bpftool', ['-j', 'prog', 'show'], { encoding: 'utf8' })) as { id: number }[]).map((p) => p.id));

function job(): string {
  const url = `https://127.0.0.1:${port}`;
  const node = `require('https').get({host:'127.0.0.1',port:${port},path:'/node/static',rejectUnauthorized:false},(r)=>{r.resume();r.on('end',()=>process.exit(0))})`;
  return [
    // The run's uprobes, counted inside the job while its sensor is attached (sslProbes).
    `bpftool -j prog show > ${work}/on-progs.json && bpftool -j link show > ${work}/on-links.json`,
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
  const since = highestProgId();
  run = await runSensor([], ['sh', '-c', job()], { env: { ...process.env, PY_CLIENT } });
  probesDuring = sslProbes(readFileSync(join(work, 'on-progs.json'), 'utf8'), readFileSync(join(work, 'on-links.json'), 'utf8'), since);
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
  expect(seen.filter((u) => u !== '/curl/off').sort()).toEqual(['/curl/first?token=t0p', '/curl/second', '/node/static', '/py/one?x=1', '/py/two', TOKEN_PATH]);
});

// One of the two is this host's case, decided by what it has, so neither is a skip.
if (UPROBES && LIBSSL !== undefined) {
  describe('where uprobes attach and libssl.so.3 is present', () => {
    test('the plan names the uprobe and the file it is on', () => {
      expect(plan()).toMatchObject({ mechanism: 'uprobe', unavailable: [] });
      expect(plan().target).toBe(`${realpathSync(LIBSSL!)}: SSL_write, SSL_write_ex, SSL_free`);
      // cs_ssl_write on SSL_write and SSL_write_ex.
      expect(probesDuring).toBe(2);
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

/**
 * The uprobe links of programs named cs_ssl_write whose id is above
 * afterId, from bpftool's JSON of the host's programs and links (this
 * bpftool does not name a perf link's file). Program ids only grow: with
 * afterId the highest before a run, these are the run's own, not those of
 * a sensor left running elsewhere or of an earlier run still detaching.
 */
function sslProbes(progsJson: string, linksJson: string, afterId: number): number {
  const progs = JSON.parse(progsJson) as { id: number; name?: string }[];
  const ids = new Set(progs.filter((p) => p.name === 'cs_ssl_write' && p.id > afterId).map((p) => p.id));
  return (JSON.parse(linksJson) as { type?: string; prog_id?: number }[]).filter((l) => l.type === 'perf_event' && ids.has(l.prog_id!)).length;
}
describe('--no-tls-requests', () => {
  let off: RunResult;
  let during = -1;

  beforeAll(async () => {
    const url = `https://127.0.0.1:${port}/curl/off`;
    const since = highestProgId();
    // Taken inside the job, while the run's sensor is attached.
    const links = `bpftool -j prog show > ${work}/progs.json && bpftool -j link show > ${work}/links.json`;
    off = await runSensor(['--no-tls-requests'], ['sh', '-c', `${links} && curl -sSk -o /dev/null -H 'Host: off.example.test' '${url}'`]);
    during = sslProbes(readFileSync(join(work, 'progs.json'), 'utf8'), readFileSync(join(work, 'links.json'), 'utf8'), since);
  }, 120_000);

  test('the plan shows the hook as none, turned off', () => {
    expect(off.code).toBe(0);
    const plans = JSON.parse(readFileSync(join(off.outDir, 'sensor.json'), 'utf8')).plan as AttachPlanEntry[];
    expect(plans.find((p) => p.hook === 'http_request_tls')).toMatchObject({
      mechanism: 'none',
      target: '',
      unavailable: [{ mechanism: 'uprobe', error: 'turned off' }],
    });
  });

  test('a daemon started with it says the same in its plan', async () => {
    try {
      const daemon = startDaemon(['--no-tls-requests']);
      const stats = await ask(daemon.stateDir, { op: 'stats' });
      const tls = (stats.plan as AttachPlanEntry[]).find((p) => p.hook === 'http_request_tls');
      expect(tls).toMatchObject({ mechanism: 'none', unavailable: [{ mechanism: 'uprobe', error: 'turned off' }] });
    } finally {
      await cleanupDaemons();
    }
  }, 120_000);

  test('no uprobe of the run is on libssl, and its HTTPS request is not recorded', () => {
    expect(seen).toContain('/curl/off');
    expect(during).toBe(0);
    expect(off.events.filter((e) => e.kind === 'http_request')).toEqual([]);
    // The sensor itself ran: the job's curl was recorded.
    expect(off.events.some((e) => e.kind === 'process_exec' && e.process.exec_path === '/usr/bin/curl')).toBe(true);
  });
});
