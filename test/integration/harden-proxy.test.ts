/**
 * The docker proxy cannot be walked around. A fake dockerd records what
 * reaches it; a daemon started as through sudo forwards to it; every attack
 * runs as an unprivileged user inside a registered job, and must either be
 * staged like a plain create or never reach the upstream unseen.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask, cleanupDaemons, exited, readJson, spawnIn, testCgroup } from '../helpers/daemon.js';
import { fixturesDir } from '../helpers/paths.js';
import { readEvents, requireRoot } from '../helpers/sensorRun.js';
import { asUser, cleanupUsers, createUser, startDaemonFor, type TestUser } from '../helpers/unprivileged.js';

const rawClient = join(fixturesDir, 'rawClient.mjs');
const work = mkdtempSync(join(tmpdir(), 'cs-harden-proxy-'));
const tag = `${process.pid}`.padStart(8, '0').slice(-8);
/** Container ids the fake hands out: one per create, and one for a container no job made. */
const idFor = (n: number): string => `${n.toString(16).padStart(8, '0')}${'e'.repeat(48)}${tag}`;
const STRANGER = 'd'.repeat(56) + tag;

let user: TestUser;
let daemon: { stateDir: string; pid: number };
let proxy: string;
let job: string;
const seen: string[] = [];
let creates = 0;
let fake: http.Server;

function fakeDockerd(): http.Server {
  return http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.setHeader('Content-Type', 'application/json');
    req.resume();
    req.on('end', () => {
      const url = req.url ?? '';
      if (url.endsWith('/info')) return res.end(JSON.stringify({ CgroupDriver: 'cgroupfs' }));
      if (url.includes('create')) {
        res.statusCode = 201;
        return res.end(JSON.stringify({ Id: idFor(++creates), Warnings: [] }));
      }
      const inspect = /\/containers\/([^/]+)\/json$/.exec(url);
      if (inspect) return res.end(JSON.stringify({ Id: inspect[1] === 'stranger' ? STRANGER : idFor(1) }));
      if (url.endsWith('/exec')) {
        res.statusCode = 201;
        return res.end(JSON.stringify({ Id: 'f'.repeat(64) }));
      }
      res.statusCode = url.endsWith('/start') ? 204 : 200;
      res.end(url.endsWith('/start') ? undefined : 'OK');
    });
  });
}

const b64 = (s: string): string => Buffer.from(s, 'latin1').toString('base64');

/** Sends raw request parts to the proxy as the user, from inside the job's cgroup. */
async function send(parts: string[], waitMs = 2000): Promise<{ response: string; closed: boolean }> {
  const args = parts.map((p, i) => {
    if (p.length < 64 * 1024) return b64(p);
    const file = join(work, `part-${Date.now()}-${i}`);
    writeFileSync(file, p, { encoding: 'latin1', mode: 0o644 });
    return `@${file}`;
  });
  const child = spawnIn(job, asUser(user, [process.execPath, rawClient, proxy, String(waitMs), ...args]), {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  await exited(child);
  return JSON.parse(out) as { response: string; closed: boolean };
}

const createRequest = (path: string): string => {
  const body = JSON.stringify({ Image: 'img:1' });
  return `POST ${path} HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
};

async function staged(): Promise<number> {
  const s = await ask(daemon.stateDir, { op: 'stats' });
  return (s.mirror as Record<string, number>).stagingByBasename!;
}

beforeAll(async () => {
  requireRoot();
  user = createUser('prx');
  fake = fakeDockerd();
  const socket = join(work, 'fake-dockerd.sock');
  await new Promise<void>((resolve) => fake.listen(socket, resolve));
  chmodSync(work, 0o755);
  // The proxy copies the real socket's mode: the job's user may use Docker.
  chmodSync(socket, 0o666);
  daemon = startDaemonFor(user, ['--docker-upstream', socket]);
  proxy = join(daemon.stateDir, 'docker.sock');
  job = testCgroup('prx-job');
  expect(await ask(daemon.stateDir, { op: 'register', job: { id: 'prx' }, cgroup: job })).toMatchObject({ ok: true });
});

afterAll(async () => {
  await cleanupDaemons();
  cleanupUsers();
  fake?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a create dockerd would route', () => {
  test.each([
    ['percent-encoded', '/v1.41/%63ontainers/create'],
    ['with dot segments', '/v1.41/x/../containers/create'],
    ['with a doubled slash and an odd version', '//v1.41.0//containers/create'],
  ])('%s is staged like a plain one', async (_what, path) => {
    const before = await staged();
    const r = await send([createRequest(path)], 500);
    expect(r.response).toMatch(/^HTTP\/1\.1 201/);
    expect(await staged()).toBe(before + 1);
  });
});

describe('an Upgrade header dockerd does not honour', () => {
  test('does not turn the connection into a raw pipe: a create sent after it never reaches dockerd', async () => {
    const before = seen.length;
    const ping = 'GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n';
    const r = await send([ping, createRequest('/v1.41/containers/create?name=smuggled')]);
    expect(r.response).toMatch(/^HTTP\/1\.1 200/);
    expect(r.closed).toBe(true);
    expect(seen.slice(before)).toEqual(['GET /_ping']);
  });

  test('a create carrying an Upgrade header itself is refused', async () => {
    const before = seen.length;
    const req = createRequest('/v1.41/containers/create').replace('Host: docker\r\n', 'Host: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n');
    const r = await send([req]);
    expect(r.response).toMatch(/^HTTP\/1\.1 400/);
    expect(seen.slice(before)).toEqual([]);
  });
});

describe("a job's container", () => {
  test('is staged again when it is started again (every start makes a new cgroup)', async () => {
    const id = idFor(1);
    // What dockerd's runtime does for the first start: the cgroup appears and promotes the staging.
    const root = testCgroup('prx-docker');
    const before = await staged();
    execFileSync('mkdir', [join(root, id)]);
    const until = Date.now() + 5000;
    while ((await staged()) >= before && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const afterPromote = await staged();
    expect(afterPromote).toBe(before - 1);
    execFileSync('rmdir', [join(root, id)]);
    const r = await send([`POST /v1.41/containers/first/start HTTP/1.1\r\nHost: docker\r\nContent-Length: 0\r\n\r\n`], 500);
    expect(r.response).toMatch(/^HTTP\/1\.1 204/);
    expect(await staged()).toBe(afterPromote + 1);
  });

  test("an exec into a container that is not the job's is in the job's report", async () => {
    const body = JSON.stringify({ Cmd: ['sh'] });
    const r = await send([`POST /v1.41/containers/stranger/exec HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`], 500);
    expect(r.response).toMatch(/^HTTP\/1\.1 201/);
    // Unregistered last (below): the note is checked there.
  });
});

describe('the request parser under abuse', () => {
  test('CL+TE smuggling, malformed chunks and 1 MB of headers are refused and never forwarded', async () => {
    const before = seen.length;
    const smuggle = `POST /v1.41/build HTTP/1.1\r\nHost: docker\r\nContent-Length: 200\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${createRequest('/containers/create')}`;
    const badChunk = `POST /v1.41/containers/create HTTP/1.1\r\nHost: docker\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`;
    const hugeHeaders = `GET /_ping HTTP/1.1\r\nHost: docker\r\nX-Pad: ${'a'.repeat(1 << 20)}\r\n\r\n`;
    for (const req of [smuggle, badChunk, hugeHeaders]) {
      const r = await send([req], 1000);
      expect(r.response).toMatch(/^(HTTP\/1\.1 4\d\d|)$/);
      expect(r.closed).toBe(true);
    }
    expect(seen.slice(before).filter((s) => s.includes('create'))).toEqual([]);
  });

  test('slowloris and many connections leave the proxy serving and the daemon small', async () => {
    const slow = spawnIn(
      job,
      asUser(user, [
        process.execPath,
        '-e',
        `const net = require('net'); for (let i = 0; i < 300; i++) { const s = net.connect(${JSON.stringify(proxy)}); s.on('error', () => {}); s.write('GET /_ping HTTP/1.1\\r\\nHost: d'); setInterval(() => s.write('a'), 1000); }`,
      ]),
    );
    try {
      await new Promise((r) => setTimeout(r, 1500));
      const r = await send(['GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n'], 2000);
      expect(r.response).toMatch(/^HTTP\/1\.1 200/);
      const peak = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${daemon.pid}/status`, 'utf8'))?.[1]);
      console.log(`proxy fuzz: daemon peak RSS ${Math.round(peak / 1024)} MiB`);
      expect(peak).toBeLessThan(400 * 1024);
      expect(await ask(daemon.stateDir, { op: 'stats' })).toMatchObject({ ok: true });
    } finally {
      slow.kill('SIGKILL');
      await exited(slow);
    }
  }, 30_000);
});

describe('at the end of the job', () => {
  test('the report names the exec into a container that was not the job\'s, and its event says so', async () => {
    const u = await ask(daemon.stateDir, { op: 'unregister', id: 'prx' });
    expect(u).toMatchObject({ ok: true });
    expect(JSON.stringify(readJson(u.report as string))).toMatch(/docker exec in container stranger \(dddddddddddd\)/);
    const execs = readEvents(u.events as string).filter((e) => e.kind === 'container_exec');
    expect(execs.map((e) => e.container_exec)).toEqual([
      { container: 'stranger', container_id: STRANGER, job_container: false, privileged: false, cmd: ['sh'], refused: false },
    ]);
  });
});
