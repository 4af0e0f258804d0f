#!/usr/bin/env node
/**
 * The sensor-core conformance suite without jest, for a minimal VM where
 * only node and the dist/ bundle exist. It makes the same run as
 * test/integration/workload.test.ts (test/fixtures/workload.sh against
 * loopback peers), adds the isolation check of isolation.test.ts (a busy
 * process outside the job yields nothing), and checks the attach plan
 * chose the mechanisms this kernel should give.
 *
 * usage: node test/kernels/conformance.mjs [--expect-file-open fexit|tracepoint]
 *          [--expect-protect lsm|bpf_send_signal] [--no-function-hooks]
 *          [--label NAME] [--result-file PATH] [--keep]
 *
 * A second run checks protect-runner: `run --protect` with a memory dumper
 * (test/fixtures/dumper.c, built as cs-dumper on PATH or CS_DUMPER) aimed at
 * the sensor itself through /proc/<pid>/mem, ptrace and process_vm_readv;
 * each is stopped before it reads (killed, or refused under BPF LSM) and
 * recorded as a prevented process_access, and an exec from a memfd
 * (cs-memfdexec) is marked.
 *
 * Prints one PASS/FAIL line per check and 'N passed, N failed'; exits 1 on
 * any failure. --result-file also writes the outcome as JSON (the VM runner
 * sends it back over a serial port of its own).
 *
 * A run of this round's hooks and fields: a bind mount, an HTTP request's
 * method, path and Host (in cleartext, and over TLS from curl through the
 * libssl uprobes), another process's /proc/<pid>/environ named, a
 * removed directory's is_dir, a unix socket's type; and the dumper's read of
 * the sensor's maps recorded as a process_access that is not prevented.
 *
 * A second run checks the egress policy in block mode (egress.test.ts's
 * checks, on loopback addresses with --no-allow-loopback: the VM has no
 * namespaces to spare).
 *
 * Differences from the jest suite, both deliberate: events are not
 * validated against the JSON schema (that needs ajv, and the schema test
 * runs on the host anyway), and on the fexit path extra opens with access
 * 'exec' are expected: fexit/do_filp_open also sees the kernel opening the
 * binary (and script) an execve runs, which the open syscalls never do.
 */
import { execFileSync, spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startZoneServer } from '../fixtures/egressDns.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = join(repoRoot, 'dist', 'cli.js');
const fixturesDir = join(repoRoot, 'test', 'fixtures');

/** The mechanism every hook but file_open has on any supported kernel. */
const FIXED_MECHANISMS = {
  process_exec: 'tp_btf',
  process_fork: 'tp_btf',
  process_exit: 'tp_btf',
  cgroup_tracking: 'tp_btf',
  network_connect: 'cgroup_sock_addr',
  udp_sendmsg: 'cgroup_sock_addr',
  file_remove: 'tracepoint',
  file_move: 'tracepoint',
  file_link: 'tracepoint',
  unix_socket_connect: 'tracepoint',
  domain: 'cgroup_skb',
  process_access: 'tracepoint',
  mount: 'tracepoint',
  http_request_tls: 'uprobe',
};

/** How a prevented access ends for the dumper: killed by the signal, or refused (its exit 2) by BPF LSM. */
const PREVENTED_EXIT = { bpf_send_signal: 128 + 9, lsm: 2 };

function parseArgs(argv) {
  const opts = { expectFileOpen: undefined, expectProtect: undefined, noFunctionHooks: false, label: '', resultFile: '', keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--expect-file-open') opts.expectFileOpen = argv[++i];
    else if (a === '--expect-protect') opts.expectProtect = argv[++i];
    else if (a === '--no-function-hooks') opts.noFunctionHooks = true;
    else if (a === '--label') opts.label = argv[++i];
    else if (a === '--result-file') opts.resultFile = argv[++i];
    else if (a === '--keep') opts.keep = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (opts.noFunctionHooks && opts.expectFileOpen === undefined) opts.expectFileOpen = 'tracepoint';
  if (opts.noFunctionHooks && opts.expectProtect === undefined) opts.expectProtect = 'bpf_send_signal';
  if (opts.expectProtect && !(opts.expectProtect in PREVENTED_EXIT)) {
    throw new Error(`--expect-protect takes lsm or bpf_send_signal, not ${opts.expectProtect}`);
  }
  if (opts.expectFileOpen && !['fexit', 'tracepoint'].includes(opts.expectFileOpen)) {
    throw new Error(`--expect-file-open takes fexit or tracepoint, not ${opts.expectFileOpen}`);
  }
  opts.label ||= opts.noFunctionHooks ? 'no-function-hooks' : 'default';
  return opts;
}

// ---- the peers and the run (as workload.test.ts's beforeAll) ----

function listen(servers, server, opts) {
  servers.push(server);
  return new Promise((res) => server.listen(opts, () => res(server.address()?.port ?? 0)));
}

const tcpServer = () => net.createServer((s) => s.destroy());

async function closedPort() {
  const s = tcpServer();
  const port = await new Promise((res) => s.listen(0, '127.0.0.1', () => res(s.address().port)));
  await new Promise((res) => s.close(res));
  return port;
}

async function startPeers(work) {
  const servers = [];
  const abstract = `cs-test-${process.pid}-${Date.now()}`;
  const unixPath = join(work, 'unix.sock');
  const udpSock = dgram.createSocket('udp4');
  servers.push(udpSock);
  const udp = await new Promise((res) => udpSock.bind(0, '127.0.0.1', () => res(udpSock.address().port)));
  const ports = {
    port4: await listen(servers, tcpServer(), { host: '127.0.0.1', port: 0 }),
    port6: await listen(servers, tcpServer(), { host: '::1', port: 0 }),
    closed: await closedPort(),
    udp,
  };
  await listen(servers, tcpServer(), { path: unixPath });
  await listen(servers, tcpServer(), { path: `\0${abstract}` });
  return { servers, ports, unixPath, abstract };
}

/** Outside the job: execs and opens named after a marker, as fast as it can (isolation.test.ts). */
function startBusy(marker) {
  return spawn('bash', ['-c', `while :; do /bin/true ${marker}-outside; cat /nonexistent-${marker} 2>/dev/null; done`], {
    stdio: 'ignore',
  });
}

function runSensor(flags, command, { cwd, outDir, timeoutMs, env = process.env }) {
  const argv = [cliPath, 'run', '--out', outDir, ...flags, '--', ...command];
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, argv, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', rej);
    child.on('close', (code) => {
      clearTimeout(timer);
      const read = (name) => (existsSync(join(outDir, name)) ? readFileSync(join(outDir, name), 'utf8') : '');
      const events = read('events.ndjson')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
      const report = read('report.json');
      res({ code: code ?? -1, stdout, stderr, events, summary: read('summary.md'), report: report ? JSON.parse(report) : undefined });
    });
  });
}

// ---- assertions: each check throws with what it saw ----

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const show = (v) => JSON.stringify(v);

function eq(actual, expected, what) {
  assert(show(actual) === show(expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);
}

function only(events, what) {
  assert(events.length === 1, `expected exactly one ${what}, got ${events.length}${events.length ? `: ${show(events.map(brief))}` : ''}`);
  return events[0];
}

function brief(e) {
  return { kind: e.kind, pid: e.process?.pid, exec: e.process?.exec_path, file: e.file, net: e.network, unix: e.unix_socket };
}

function containsAll(list, wanted, what) {
  const missing = wanted.filter((w) => !(list ?? []).includes(w));
  assert(missing.length === 0, `${what}: missing ${show(missing)} in ${show(list)}`);
}

/** The checks of workload.test.ts, in its order, plus isolation and the attach plan. */
function workloadChecks(ctx) {
  const { run, work, ports, unixPath, abstract, fexit } = ctx;
  const of = (kind) => run.events.filter((e) => e.kind === kind);
  // The path-specific checks below demand one open per file; on the fexit
  // path the exec opens (access 'exec') come on top and are allowed.
  const opens = () => of('file_open').filter((e) => !(fexit && e.file?.access === 'exec'));
  const mainBash = () =>
    only(
      of('process_exec').filter((e) => e.process.exec_path.endsWith('/bash') && e.process.argv[1]?.endsWith('workload.sh')),
      'workload exec',
    );
  const sub = join(work, 'sub');

  return [
    ['the command succeeds and the log is valid and complete', () => {
      eq(run.code, 0, `exit code (stderr: ${run.stderr.slice(-2000)})`);
      assert(run.events.length > 20, `only ${run.events.length} events`);
      assert(run.events.every((e) => e.job?.id === 'local'), 'an event without job.id local');
      run.events.forEach((e, i) => eq(e.seq, i, `seq of event ${i}`));
      assert(run.summary.includes('Lost'), 'summary.md does not mention Lost');
    }],
    ['exec with awkward argv arrives once, verbatim', () => {
      const e = only(of('process_exec').filter((x) => x.process.argv[0] === '/bin/echo'), 'echo exec');
      assert(/\/echo$/.test(e.process.exec_path), `exec_path ${e.process.exec_path}`);
      eq(e.process.argv, ['/bin/echo', 'two words', 'tab\there', 'ünïcødé ✓', '| `tick` <b>*bold*</b> [x](y) </details>'], 'argv');
      eq(e.process.argv_truncated, undefined, 'argv_truncated');
      eq(e.process.ppid, mainBash().process.pid, 'ppid');
      eq(e.process.ancestors[0]?.pid, mainBash().process.pid, 'first ancestor');
      eq(e.process.cwd, work, 'cwd');
    }],
    ['argv past 2 KiB is cut and flagged', () => {
      const e = only(of('process_exec').filter((x) => x.process.argv[0] === '/bin/true'), 'true exec');
      eq(e.process.argv_truncated, true, 'argv_truncated');
      const n = e.process.argv.length;
      assert(n > 50 && n < 201, `argv length ${n}`);
      assert(Buffer.byteLength(e.process.argv.join('\0')) <= 2048, 'argv longer than 2048 bytes');
    }],
    ['a fork without exec is its own process, a copy of its parent', () => {
      const bash = mainBash();
      const e = only(opens().filter((x) => x.file?.path === join(work, 'forked.txt')), 'forked open');
      assert(e.process.pid !== bash.process.pid, 'the forked open has the parent bash pid');
      eq(e.process.ppid, bash.process.pid, 'ppid');
      eq(e.process.exec_path, bash.process.exec_path, 'exec_path');
      eq(e.process.ancestors[0]?.pid, bash.process.pid, 'first ancestor');
      containsAll(e.file?.flags, ['O_CREAT', 'O_TRUNC', 'O_WRONLY'], 'flags');
    }],
    ['a relative open after cd has its absolute path', () => {
      const e = only(opens().filter((x) => x.file?.path === join(sub, 'rel.txt')), 'rel.txt open');
      assert(/\/cat$/.test(e.process.exec_path), `exec_path ${e.process.exec_path}`);
      eq(e.file?.access, 'read', 'access');
    }],
    ['create/truncate is a write open with its flags', () => {
      const e = only(opens().filter((x) => x.file?.path === join(sub, 'created.txt')), 'created.txt open');
      eq(e.file?.access, 'write', 'access');
      containsAll(e.file?.flags, ['O_CREAT', 'O_TRUNC'], 'flags');
      eq(e.process.pid, mainBash().process.pid, 'pid');
    }],
    ['remove, move, hard link and symlink each arrive once with absolute paths', () => {
      const removed = only(of('file_remove'), 'remove');
      eq(removed.file?.path, join(sub, 'removed.txt'), 'removed path');
      assert(/\/rm$/.test(removed.process.exec_path), `remove exec_path ${removed.process.exec_path}`);
      const moved = only(of('file_move'), 'move');
      eq([moved.file?.path, moved.file?.target_path], [join(sub, 'old.txt'), join(sub, 'new.txt')], 'move paths');
      const links = of('file_link');
      eq(links.length, 2, 'number of links');
      const hard = only(links.filter((l) => l.file?.link_type === 'hard'), 'hard link');
      eq([hard.file.path, hard.file.target_path], [join(sub, 'created.txt'), join(sub, 'hard.txt')], 'hard link paths');
      const soft = only(links.filter((l) => l.file?.link_type === 'symbolic'), 'symlink');
      eq([soft.file.path, soft.file.target_path], [join(sub, 'created.txt'), join(sub, 'soft.txt')], 'symlink paths');
    }],
    ['TCP v4, v6, a refused connect and unconnected UDP each arrive once', () => {
      const conns = of('network_connect');
      const find = (protocol, address, port) =>
        only(
          conns.filter((e) => e.network?.protocol === protocol && e.network.address === address && e.network.port === port),
          `${protocol} ${address}:${port}`,
        );
      eq(find('tcp', '127.0.0.1', ports.port4).network.family, 'ipv4', 'v4 family');
      eq(find('tcp', '::1', ports.port6).network.family, 'ipv6', 'v6 family');
      find('tcp', '127.0.0.1', ports.closed);
      const udp = find('udp', '127.0.0.1', ports.udp);
      assert(/node/.test(udp.process.exec_path), `udp exec_path ${udp.process.exec_path}`);
      containsAll(udp.process.ancestors.map((a) => a.pid), [mainBash().process.pid], 'udp ancestors');
    }],
    ['unix sockets by path and abstract name arrive once', () => {
      const unix = of('unix_socket_connect');
      only(unix.filter((e) => e.unix_socket?.path === unixPath), 'unix path connect');
      only(unix.filter((e) => e.unix_socket?.path === `@${abstract}`), 'abstract connect');
    }],
    ['every process exits once with its code', () => {
      const exits = of('process_exit');
      for (const pid of new Set(of('process_exec').map((e) => e.process.pid))) {
        only(exits.filter((e) => e.process.pid === pid), `exit of ${pid}`);
      }
      const bad = exits.filter((e) => e.process.exit_code !== 0);
      assert(bad.length === 0, `non-zero exits: ${show(bad.map((e) => [e.process.exec_path, e.process.exit_code]))}`);
    }],
    ['a busy process outside the job yields no events', () => {
      const outside = run.events.filter((e) => {
        const s = JSON.stringify(e);
        return s.includes(`${ctx.marker}-outside`) || s.includes(`/nonexistent-${ctx.marker}`);
      });
      eq(outside.map(brief), [], 'events from the busy process');
      assert(!run.events.some((e) => e.process.pid === ctx.busyPid || e.process.ppid === ctx.busyPid), 'an event from the busy pid');
    }],
    ['exec-access opens appear only on the fexit path', () => {
      const execOpens = of('file_open').filter((e) => e.file?.access === 'exec');
      if (!fexit) {
        eq(execOpens.map(brief), [], 'exec-access opens on the tracepoint path');
        return;
      }
      // Proof that the fexit program itself delivered events: only it sees the kernel's exec opens.
      const cat = only(of('process_exec').filter((x) => x.process.argv[0] === '/bin/cat'), 'cat exec');
      assert(
        execOpens.some((e) => e.file.path === cat.process.exec_path),
        `no exec-access open of ${cat.process.exec_path} (saw ${execOpens.length} exec opens)`,
      );
    }],
  ];
}

function planChecks(ctx) {
  const { run, opts } = ctx;
  const plan = () => {
    const p = run.report?.status?.plan;
    assert(Array.isArray(p), 'report.json has no status.plan');
    return p;
  };
  const checks = [
    ['every hook has a mechanism, no records lost', () => {
      const none = plan().filter((h) => h.mechanism === 'none').map((h) => h.hook);
      eq(none, [], 'hooks without a mechanism');
      eq(run.report.status.lostRecords, 0, 'lostRecords');
    }],
    ['the fixed hooks use their one mechanism', () => {
      const got = Object.fromEntries(plan().map((h) => [h.hook, h.mechanism]));
      for (const [hook, mech] of Object.entries(FIXED_MECHANISMS)) eq(got[hook], mech, hook);
    }],
  ];
  if (opts.expectFileOpen) {
    checks.push([`file_open uses ${opts.expectFileOpen}`, () => {
      const h = plan().find((x) => x.hook === 'file_open');
      eq(h?.mechanism, opts.expectFileOpen, `file_open mechanism (unavailable: ${show(h?.unavailable)})`);
      if (opts.noFunctionHooks) {
        const fexit = h.unavailable.find((u) => u.mechanism === 'fexit');
        eq(fexit?.error, 'disabled by request', 'why fexit was not used');
      }
    }]);
  }
  return checks;
}

// ---- the egress policy in block mode (egress.test.ts on loopback) ----

const EGRESS_SERVERS = ['127.0.0.10', '127.0.0.20', '127.0.0.21', '127.0.0.30', '127.0.0.40', '127.0.0.50', '127.0.0.51', '127.0.0.60', '::1'];

async function egressRun(outDir) {
  let moves = 0;
  const zone = {
    'allowed.cs-egress.test': { a: ['127.0.0.10'] },
    'six.cs-egress.test': { aaaa: ['::1'] },
    'blocked.cs-egress.test': { a: ['127.0.0.20'] },
    'a.b.wild.cs-egress.test': { a: ['127.0.0.40'] },
    'wild.cs-egress.test': { a: ['127.0.0.40'] },
    'moving.cs-egress.test': {
      get a() {
        return [moves++ % 2 ? '127.0.0.51' : '127.0.0.50'];
      },
    },
    'short.cs-egress.test': { a: ['127.0.0.60'], ttl: 2 },
  };
  const servers = [];
  const dns4 = await startZoneServer('127.0.0.1', zone);
  const dns6 = await startZoneServer('::1', zone);
  const port = await listen(servers, tcpServer(), { host: EGRESS_SERVERS[0], port: 0 });
  for (const host of EGRESS_SERVERS.slice(1)) await listen(servers, tcpServer(), { host, port });
  const sink = dgram.createSocket('udp4');
  servers.push(sink);
  const udpPort = await new Promise((res) => sink.bind(0, '127.0.0.20', () => res(sink.address().port)));
  const allowed = `127.0.0.1:53 [::1]:53 allowed.cs-egress.test:${port} six.cs-egress.test:${port} *.wild.cs-egress.test:${port} moving.cs-egress.test short.cs-egress.test:${port} 127.0.0.30`;
  const env = { ...process.env, CICD_SENSOR_POLICY_TTL_FLOOR: '1', EGRESS_TTL_WAIT_MS: '3500' };
  try {
    const run = await runSensor(['--egress-policy', 'block', '--no-allow-loopback', '--allowed-endpoints', allowed, '--no-docker-proxy'],
      [process.execPath, join(fixturesDir, 'egressClient.mjs'), '127.0.0.1', '::1', String(port), String(udpPort), '127.0.0.'],
      { cwd: outDir, outDir, timeoutMs: 300_000, env });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    return { run, port, udpPort, questions: [...dns4.questions], outcome: line.startsWith('{') ? JSON.parse(line) : {} };
  } finally {
    dns4.close();
    dns6.close();
    for (const s of servers) s.close();
  }
}

function egressChecks(e) {
  const o = e.outcome;
  const noAnswer = (v) => v === 'timeout' || v === 'EPERM' || v === 'ECONNRESET';
  const event = (pred) => e.run.events.find(pred);
  return [
    ['egress block: the job ran', () => eq(e.run.code, 0, `exit code (stderr: ${e.run.stderr.slice(-2000)})`)],
    ['egress block: allowed names resolve and connect (UDP and TCP DNS, IPv4 and IPv6)', () => {
      eq([o.allowed, o.allowedConnect, o.tcp4, o.six, o.sixConnect], [['127.0.0.10'], 'ok', ['127.0.0.10'], ['0:0:0:0:0:0:0:1'], 'ok'], 'outcomes');
    }],
    ['egress block: a name outside the list gets no answer and never reaches the server over UDP', () => {
      assert(noAnswer(o.blocked) && noAnswer(o.blockedTcp), `answers: ${show([o.blocked, o.blockedTcp])}`);
      eq(e.questions.filter((q) => q.name === 'blocked.cs-egress.test' && q.via === 'udp'), [], 'questions the server saw');
      assert(event((x) => x.domain?.name === 'blocked.cs-egress.test' && x.domain.blocked === true), 'no domain event with blocked');
    }],
    ['egress block: its address and a raw address get EPERM, an allowed raw address connects', () => {
      eq([o.blockedConnect, o.rawRefused, o.udpRefused, o.rawAllowed], ['EPERM', 'EPERM', 'EPERM', 'ok'], 'outcomes');
      assert(event((x) => x.network?.address === '127.0.0.21' && x.network.port === e.port && x.network.blocked === true), 'no network event with blocked');
    }],
    ['egress block: a wildcard, a moving address, a TTL that runs out and is renewed', () => {
      eq([o.wild, o.wildConnect, o.moving1Connect, o.moving2Connect], [['127.0.0.40'], 'ok', 'ok', 'ok'], 'outcomes');
      assert(noAnswer(o.wildBare), `wild.cs-egress.test itself answered: ${show(o.wildBare)}`);
      eq([o.shortConnect, o.shortExpired, o.shortRenewed], ['ok', 'EPERM', 'ok'], 'TTL outcomes');
    }],
  ];
}

// ---- this round's hooks and fields: mount, http_request, /proc/<pid>/ targets, is_dir, socket_type ----

/**
 * The TLS server's key and certificate: made by initramfs.sh on the host
 * for the VM (which has no openssl), made here with openssl elsewhere.
 */
function tlsCredentials(dir) {
  const made = join(dirname(fileURLToPath(import.meta.url)), 'tls');
  if (existsSync(join(made, 'key.pem'))) dir = made;
  else execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

/**
 * One run of a script that does each once: a bind mount in a private mount
 * namespace, an HTTP/1.1 request to a loopback server (with a Host header
 * and a query the event must cut), the same over TLS with curl (two
 * requests on one connection: only the first is recorded), a read of its
 * parent's environ, a directory made and removed, and a unix stream socket
 * reached.
 */
async function newHooksRun(opts) {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cs-hooks-')));
  const servers = [];
  const http = net.createServer((s) => s.once('data', () => s.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok')));
  const port = await listen(servers, http, { host: '127.0.0.1', port: 0 });
  const tls = https.createServer(tlsCredentials(dir), (req, res) => req.resume().on('end', () => res.end('ok')));
  const tlsPort = await listen(servers, tls, { host: '127.0.0.1', port: 0 });
  const tlsUrl = `https://127.0.0.1:${tlsPort}`;
  await listen(servers, tcpServer(), { path: join(dir, 'u.sock') });
  mkdirSync(join(dir, 'm-src'));
  mkdirSync(join(dir, 'm-dst'));
  const get = `{host:'127.0.0.1',port:${port},path:'/upload/v4?token=t0p',headers:{Host:'Codecov.Example:8080'}}`;
  const script = [
    `cd ${dir}`,
    `unshare -m --propagation private mount --bind m-src ${dir}/m-dst`,
    `node -e "require('http').get(${get},(r)=>{r.resume();r.on('end',()=>process.exit(0))})"`,
    `curl -sSk -o /dev/null -o /dev/null -H 'Host: Tls.Example:${tlsPort}' '${tlsUrl}/tls/first?token=t0p' '${tlsUrl}/tls/second'`,
    'cat /proc/$$/environ > /dev/null',
    'cat /proc/self/environ > /dev/null',
    'mkdir gone-dir && rmdir gone-dir',
    `node -e "require('net').connect('${dir}/u.sock',function(){this.destroy()})"`,
  ].join('\n');
  writeFileSync(join(dir, 'hooks.sh'), `${script}\n`);
  try {
    const flags = ['--no-docker-proxy', ...(opts.noFunctionHooks ? ['--no-function-hooks'] : [])];
    const run = await runSensor(flags, ['bash', '-e', join(dir, 'hooks.sh')], { cwd: dir, outDir: join(dir, 'report'), timeoutMs: 300_000 });
    return { run, dir, tlsPort };
  } finally {
    for (const s of servers) s.close();
    tls.closeAllConnections();
  }
}

function newHookChecks({ run, dir, tlsPort }) {
  const of = (kind) => run.events.filter((e) => e.kind === kind);
  return [
    ['new hooks: the script ran', () => eq(run.code, 0, `exit code (stderr: ${run.stderr.slice(-2000)})`)],
    ['a bind mount is recorded with source, target and flags', () => {
      const m = only(of('mount').filter((e) => e.mount?.target === join(dir, 'm-dst')), 'bind mount');
      const { source, target, flags, operation, ...rest } = m.mount;
      eq([source, target, flags, operation, rest], [join(dir, 'm-src'), join(dir, 'm-dst'), ['MS_BIND'], 'mount', {}], 'mount');
    }],
    ['an HTTP request: method, path without the query, Host as sent', () => {
      const h = only(of('http_request').filter((e) => e.http?.path === '/upload/v4'), 'http_request');
      const { method, path, host, source, ...rest } = h.http;
      eq([method, path, host, source, rest], ['GET', '/upload/v4', 'codecov.example:8080', 'cleartext_http', {}], 'http');
    }],
    ['an HTTPS request from curl: the first of its connection, read at SSL_write', () => {
      const h = only(of('http_request').filter((e) => e.http?.source === 'openssl'), 'TLS http_request');
      const { method, path, host, source, ...rest } = h.http;
      eq([method, path, host, source, rest], ['GET', '/tls/first', `tls.example:${tlsPort}`, 'openssl', {}], 'http');
      eq(h.process.argv[0], 'curl', 'the client');
    }],
    ["another process's /proc/<pid>/environ names it; a process's own does not", () => {
      const reads = of('file_open').filter((e) => /^\/proc\/(\d+|self)\/environ$/.test(e.file?.path ?? ''));
      const other = only(reads.filter((e) => e.file.target_process !== undefined), 'environ read of another process');
      eq(other.file.target_process.pid, other.process.ppid, 'the target is the reader\'s parent');
      const own = reads.filter((e) => e !== other);
      assert(own.length === 1 && own[0].file.target_process === undefined, `own environ read: ${show(own.map((e) => e.file))}`);
    }],
    ['a removed directory has is_dir', () => {
      const r = only(of('file_remove').filter((e) => e.file?.path === join(dir, 'gone-dir')), 'rmdir');
      eq(r.file.is_dir, true, 'is_dir');
    }],
    ['a unix socket connect says its type', () => {
      const u = only(of('unix_socket_connect').filter((e) => e.unix_socket?.path === join(dir, 'u.sock')), 'unix connect');
      eq(u.unix_socket.socket_type, 'stream', 'socket_type');
    }],
  ];
}

/** The dumper against the sensor under `run --protect`, one run per way in. */
async function protectRuns(opts) {
  const dumper = process.env.CS_DUMPER ?? 'cs-dumper';
  const memfdexec = process.env.CS_MEMFDEXEC ?? 'cs-memfdexec';
  const runs = {};
  for (const mode of ['mem', 'ptrace', 'vmreadv']) {
    const dir = mkdtempSync(join(tmpdir(), `cs-protect-${mode}-`));
    const out = join(dir, 'dumped');
    // The report directory is in the sensor's command line: the needle the dumper looks for.
    const report = join(dir, 'report');
    const flags = ['--protect', ...(opts.noFunctionHooks ? ['--no-function-hooks'] : [])];
    const run = await runSensor(flags, [dumper, mode, report, out], { cwd: dir, outDir: report, timeoutMs: 300_000 });
    runs[mode] = { run, dumped: existsSync(out) ? readFileSync(out).length : -1 };
    rmSync(dir, { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(tmpdir(), 'cs-memfd-'));
  runs.memfd = { run: await runSensor([], [memfdexec, '/bin/echo', `memfd-${process.pid}`], { cwd: dir, outDir: join(dir, 'report'), timeoutMs: 300_000 }) };
  rmSync(dir, { recursive: true, force: true });
  return runs;
}

function protectChecks(runs, opts) {
  const mech = opts.expectProtect;
  const checks = [];
  if (mech) {
    checks.push([`protect_runner uses ${mech}`, () => {
      const h = runs.mem.run.report?.status?.plan?.find((x) => x.hook === 'protect_runner');
      eq(h?.mechanism, mech, `protect_runner mechanism (unavailable: ${show(h?.unavailable)})`);
    }]);
  }
  for (const [mode, operation] of [['mem', 'proc_mem_open'], ['ptrace', 'ptrace'], ['vmreadv', 'process_vm_readv']]) {
    checks.push([`a dumper reaching the sensor through ${mode} is stopped before it reads`, () => {
      const { run, dumped } = runs[mode];
      if (mech) eq(run.code, PREVENTED_EXIT[mech], `dumper exit (stderr: ${run.stderr.slice(-1500)})`);
      eq(dumped, 0, 'bytes the dumper wrote');
      const prevented = run.events.filter((e) => e.kind === 'process_access' && e.access?.prevented && e.access.operation === operation);
      assert(prevented.length >= 1, `no prevented ${operation} (saw ${show(run.events.filter((e) => e.kind === 'process_access').map((e) => e.access))})`);
    }]);
  }
  checks.push(["reading the sensor's maps is a process_access, recorded and not prevented", () => {
    const maps = runs.mem.run.events.filter((e) => e.kind === 'process_access' && e.access?.proc_file === 'maps');
    const m = only(maps, 'maps access');
    eq([m.access.operation, m.access.target.in_job, m.access.prevented], ['proc_mem_open', false, undefined], 'maps access');
  }]);
  checks.push(['an exec from a memfd is marked', () => {
    const e = only(runs.memfd.run.events.filter((x) => x.kind === 'process_exec' && x.process.argv[1] === `memfd-${process.pid}`), 'memfd exec');
    eq(e.process.memfd, true, 'process.memfd');
  }]);
  return checks;
}

function runChecks(checks) {
  return checks.map(([name, fn]) => {
    try {
      fn();
      return { name, ok: true };
    } catch (err) {
      return { name, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  });
}

function planSummary(report) {
  return (report?.status?.plan ?? []).map((h) => ({
    hook: h.hook,
    mechanism: h.mechanism,
    target: h.target,
    ...(h.absent ? { absent: h.absent } : {}),
    unavailable: (h.unavailable ?? []).map((u) => `${u.mechanism} ${u.target}: ${u.error}`),
  }));
}

function print(result) {
  const out = [`== conformance [${result.label}] on ${result.kernel}`];
  for (const h of result.plan) {
    out.push(`   plan ${h.hook.padEnd(20)} ${h.mechanism.padEnd(16)} ${h.target}${h.absent ? ` (absent: ${h.absent})` : ''}`);
    for (const u of h.unavailable) out.push(`        unavailable: ${u}`);
  }
  for (const c of result.checks) out.push(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name}${c.ok ? '' : `\n      ${c.error}`}`);
  const failed = result.checks.filter((c) => !c.ok).length;
  out.push(`${result.checks.length - failed} passed, ${failed} failed`);
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (process.getuid?.() !== 0) throw new Error('the conformance run loads BPF programs: run it as root');
  const work = realpathSync(mkdtempSync(join(tmpdir(), 'cs-work-')));
  const outDir = mkdtempSync(join(tmpdir(), 'cs-run-'));
  mkdirSync(join(work, 'sub'));
  for (const f of ['rel.txt', 'removed.txt', 'old.txt']) writeFileSync(join(work, 'sub', f), f);
  const marker = `iso${process.pid}${Date.now()}`;
  const peers = await startPeers(work);
  const busy = startBusy(marker);
  const started = Date.now();
  let run;
  try {
    const { port4, port6, closed, udp } = peers.ports;
    run = await runSensor(
      opts.noFunctionHooks ? ['--no-function-hooks'] : [],
      [join(fixturesDir, 'workload.sh'), work, String(port4), String(port6), String(closed), String(udp), peers.unixPath, peers.abstract],
      { cwd: work, outDir, timeoutMs: Number(process.env.CS_CONFORMANCE_TIMEOUT_MS ?? 600_000) },
    );
  } finally {
    busy.kill('SIGKILL');
    for (const s of peers.servers) s.close();
  }
  const ctx = { run, work, marker, busyPid: busy.pid, opts, fexit: opts.expectFileOpen === 'fexit', ...peers };
  const egressDir = mkdtempSync(join(tmpdir(), 'cs-egress-'));
  const egress = await egressRun(egressDir);
  const protect = await protectRuns(opts);
  const hooks = await newHooksRun(opts);
  const checks = runChecks([
    ...planChecks(ctx),
    ...workloadChecks(ctx),
    ...egressChecks(egress),
    ...protectChecks(protect, opts),
    ...newHookChecks(hooks),
  ]);
  const result = {
    label: opts.label,
    kernel: readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim(),
    seconds: Math.round((Date.now() - started) / 100) / 10,
    ok: checks.every((c) => c.ok),
    plan: planSummary(run.report),
    checks,
    ...(run.code !== 0 ? { stderr: run.stderr.slice(-8000) } : {}),
  };
  print(result);
  if (opts.resultFile) writeFileSync(opts.resultFile, `${JSON.stringify(result)}\n`);
  if (opts.keep) process.stdout.write(`kept: work ${work}, report ${outDir}\n`);
  else for (const d of [work, outDir, egressDir, hooks.dir]) rmSync(d, { recursive: true, force: true });
  return result.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`conformance: ${err instanceof Error ? err.stack : err}\n`);
    process.exit(2);
  },
);
