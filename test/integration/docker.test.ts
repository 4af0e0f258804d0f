/**
 * The docker proxy with a real dockerd: containers a job starts through it
 * are part of the job (staging promote), containers started around it are
 * not, and Docker behaves through it exactly as it does without it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { ask, cleanupDaemons, spawnIn, startDaemon, testCgroup, waitGone } from '../helpers/daemon.js';
import { docker, ensureDockerd, ensureImage, IMAGE, REAL_SOCKET, restartDockerd, stopDockerd } from '../helpers/docker.js';
import { cleanupRuns, readEvents, requireRoot, runSensor } from '../helpers/sensorRun.js';

let daemon: { stateDir: string; pid: number };
let proxy: string;
const work = mkdtempSync(join(tmpdir(), 'cs-docker-'));
const tag = `${process.pid}`;

function finished(child: ReturnType<typeof spawn>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, out, err })));
}

const withHost = (host: string): NodeJS.ProcessEnv => ({ ...process.env, DOCKER_HOST: `unix://${host}`, DOCKER_BUILDKIT: '0' });

async function jobRun(id: string, argv: string[], env: NodeJS.ProcessEnv): Promise<{ events: EventRecord[]; code: number; err: string }> {
  const cgroup = testCgroup(id);
  expect((await ask(daemon.stateDir, { op: 'register', job: { id }, cgroup })).ok).toBe(true);
  const r = await finished(spawnIn(cgroup, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] }));
  const u = await ask(daemon.stateDir, { op: 'unregister', id });
  return { events: readEvents(u.events as string), code: r.code, err: r.err };
}

function stagingKeys(stateDir: string): Promise<number> {
  return ask(stateDir, { op: 'stats' }).then((s) => {
    const id = (s.maps as Record<string, number>).staging_map!;
    return (JSON.parse(execFileSync('bpftool', ['-j', 'map', 'dump', 'id', String(id)], { encoding: 'utf8' })) as unknown[]).length;
  });
}

beforeAll(async () => {
  requireRoot();
  await ensureDockerd();
  ensureImage();
  daemon = startDaemon();
  proxy = join(daemon.stateDir, 'docker.sock');
}, 180_000);

afterAll(async () => {
  await cleanupDaemons();
  cleanupRuns();
  for (const name of [`cs-exec-${tag}`, `cs-logs-${tag}`, `cs-created-${tag}`]) docker(['rm', '-f', name]);
  docker(['rmi', '-f', `cs-built-${tag}`]);
  await stopDockerd();
  rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('a container the job starts through the proxy', () => {
  let events: EventRecord[];
  let port: number;
  const name = `cs-job-${tag}`;

  beforeAll(async () => {
    const server = net.createServer((s) => s.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
    // Not last: sh would exec it in place of itself, and the init has no parent in the container.
    const script = `echo data > /tmp/written.txt; nc 127.0.0.1 ${port} </dev/null; /bin/echo inside-${tag}; true`;
    const r = await jobRun('dock', ['docker', 'run', '--rm', '--network', 'host', '--name', name, IMAGE, 'sh', '-c', script], withHost(proxy));
    server.close();
    expect(r.code).toBe(0);
    events = r.events;
  }, 120_000);

  const inContainer = (): EventRecord[] => events.filter((e) => e.container?.name === name);

  test('its exec, file write and connect carry the job and the container', () => {
    const c = inContainer();
    const exec = c.find((e) => e.kind === 'process_exec' && e.process.argv.join(' ') === `/bin/echo inside-${tag}`);
    const write = c.find((e) => e.kind === 'file_open' && e.file?.path === '/tmp/written.txt');
    const connect = c.find((e) => e.kind === 'network_connect' && e.network?.port === port);
    for (const e of [exec, write, connect]) {
      expect(e).toBeDefined();
      expect(e!.job.id).toBe('dock');
      expect(e!.container).toMatchObject({ name, image: IMAGE });
      expect(e!.container!.id).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(write!.file?.access).toBe('write');
  });

  test('ancestry inside the container ends at its init', () => {
    const exec = inContainer().find((e) => e.kind === 'process_exec' && e.process.argv[0] === '/bin/echo')!;
    const chain = exec.process.ancestors.map((a) => a.argv?.[0]);
    expect(chain[0]).toBe('sh');
    expect(exec.process.ancestors.every((a) => !a.exec_path.includes('containerd'))).toBe(true);
  });
});

describe('containers started around the proxy', () => {
  test('one started through the proxy outside every job, and one on the real socket, add nothing', async () => {
    const outside = docker(['run', '--rm', '--name', `cs-outside-${tag}`, IMAGE, 'true'], { host: proxy });
    expect(outside.status).toBe(0);
    const r = await jobRun('bypass', ['docker', 'run', '--rm', '--name', `cs-bypass-${tag}`, IMAGE, 'true'], withHost(REAL_SOCKET));
    expect(r.code).toBe(0);
    expect(r.events.filter((e) => e.container !== undefined)).toEqual([]);
    expect(r.events.some((e) => e.kind === 'unix_socket_connect' && e.unix_socket?.path === REAL_SOCKET)).toBe(true);
    const summary = readFileSync(join(daemon.stateDir, 'jobs', 'bypass', 'summary.md'), 'utf8');
    expect(summary).toMatch(/not attributed/);
  }, 120_000);

  test('a create that never starts leaves no staging entry after unregister', async () => {
    const cgroup = testCgroup('staged');
    await ask(daemon.stateDir, { op: 'register', job: { id: 'staged' }, cgroup });
    const r = await finished(spawnIn(cgroup, ['docker', 'create', '--name', `cs-created-${tag}`, IMAGE, 'true'], { env: withHost(proxy), stdio: ['ignore', 'pipe', 'pipe'] }));
    expect(r.code).toBe(0);
    expect(await stagingKeys(daemon.stateDir)).toBe(1);
    await ask(daemon.stateDir, { op: 'unregister', id: 'staged' });
    expect(await stagingKeys(daemon.stateDir)).toBe(0);
  }, 60_000);
});

describe('Docker through the proxy behaves as without it', () => {
  test('run -i round-trips stdin, the same as on the real socket', () => {
    for (const host of [proxy, REAL_SOCKET]) {
      const r = docker(['run', '-i', '--rm', IMAGE, 'sh', '-c', 'cat; echo done'], { host, input: 'hello through\n' });
      expect([host, r.status, r.stdout]).toEqual([host, 0, 'hello through\ndone\n']);
    }
  });

  test('exec, with and without stdin', () => {
    const name = `cs-exec-${tag}`;
    expect(docker(['run', '-d', '--name', name, IMAGE, 'sleep', '60'], { host: proxy }).status).toBe(0);
    expect(docker(['exec', name, 'echo', 'hi'], { host: proxy }).stdout).toBe('hi\n');
    expect(docker(['exec', '-i', name, 'cat'], { host: proxy, input: 'piped\n' }).stdout).toBe('piped\n');
    docker(['rm', '-f', name], { host: proxy });
  });

  test('logs -f streams lines as they are written', async () => {
    const name = `cs-logs-${tag}`;
    expect(docker(['run', '-d', '--name', name, IMAGE, 'sh', '-c', 'echo one; sleep 3; echo two'], { host: proxy }).status).toBe(0);
    const started = Date.now();
    const follow = spawn('docker', ['logs', '-f', name], { env: withHost(proxy) });
    let firstAt = 0;
    let out = '';
    follow.stdout.on('data', (d) => {
      out += d;
      if (!firstAt && out.includes('one')) firstAt = Date.now();
    });
    await new Promise((resolve) => follow.on('close', resolve));
    expect(out).toBe('one\ntwo\n');
    expect(firstAt - started).toBeLessThan(2500); // "one" came before "two" was written
    docker(['rm', '-f', name]);
  }, 30_000);

  test('build of a small context', () => {
    const ctx = join(work, 'ctx');
    execFileSync('mkdir', ['-p', ctx]);
    writeFileSync(join(ctx, 'Dockerfile'), `FROM ${IMAGE}\nCOPY hello.txt /hello.txt\nRUN cat /hello.txt\n`);
    writeFileSync(join(ctx, 'hello.txt'), 'built through the proxy\n');
    const r = docker(['build', '-t', `cs-built-${tag}`, ctx], { host: proxy });
    expect(r.status).toBe(0);
    expect(docker(['run', '--rm', `cs-built-${tag}`, 'cat', '/hello.txt'], { host: proxy }).stdout).toBe('built through the proxy\n');
  }, 120_000);

  test('save | load of the image', () => {
    const saved = execFileSync('docker', ['save', IMAGE], { env: withHost(proxy), maxBuffer: 64 << 20 });
    expect(saved.length).toBeGreaterThan(100_000);
    const r = docker(['load'], { host: proxy, input: saved });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Loaded image/);
  }, 120_000);

  test('20 parallel runs', async () => {
    const runs = Array.from({ length: 20 }, () => finished(spawn('docker', ['run', '--rm', IMAGE, 'true'], { env: withHost(proxy) })));
    const results = await Promise.all(runs);
    expect(results.map((r) => r.code)).toEqual(Array(20).fill(0));
  }, 180_000);
});

describe('the upstream daemon going away', () => {
  test('gives the client a clear error, and the proxy serves again once dockerd is back', async () => {
    await stopDockerd(true);
    const down = docker(['version'], { host: proxy });
    expect(down.status).not.toBe(0);
    expect(down.stderr + down.stdout).toMatch(/cicd-sensor docker proxy: the Docker daemon at .* is unavailable/);
    await restartDockerd();
    expect(docker(['run', '--rm', IMAGE, 'true'], { host: proxy }).status).toBe(0);
  }, 180_000);
});

describe('the systemd cgroup driver', () => {
  test('a container scope named docker-<id>.scope is promoted into the job', async () => {
    const fakeId = 'f'.repeat(56) + tag.padStart(8, '0').slice(-8);
    const fakeSocket = join(work, 'fake-dockerd.sock');
    const fake = http.createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      if (req.url?.endsWith('/info')) return res.end(JSON.stringify({ CgroupDriver: 'systemd' }));
      req.resume();
      req.on('end', () => {
        res.statusCode = 201;
        res.end(JSON.stringify({ Id: fakeId, Warnings: [] }));
      });
    });
    await new Promise<void>((resolve) => fake.listen(fakeSocket, resolve));
    const d = startDaemon(['--docker-upstream', fakeSocket]);
    const dproxy = join(d.stateDir, 'docker.sock');
    const cgroup = testCgroup('sdjob');
    await ask(d.stateDir, { op: 'register', job: { id: 'sd' }, cgroup });
    const create = `require('http').request({ socketPath: ${JSON.stringify(dproxy)}, method: 'POST', path: '/v1.41/containers/create?name=sd1', headers: { 'Content-Type': 'application/json' } }, (r) => { r.resume(); r.on('end', () => process.exit(r.statusCode === 201 ? 0 : 1)); }).end(JSON.stringify({ Image: 'img:1' }));`;
    expect((await finished(spawnIn(cgroup, [process.execPath, '-e', create], { stdio: ['ignore', 'pipe', 'pipe'] }))).code).toBe(0);
    // What systemd would make for the container: a scope under a slice.
    const slice = testCgroup('system-slice');
    const scope = join(slice, `docker-${fakeId}.scope`);
    execFileSync('mkdir', [scope]);
    expect((await finished(spawnIn(scope, ['/bin/echo', `in-scope-${tag}`], { stdio: ['ignore', 'pipe', 'pipe'] }))).code).toBe(0);
    const u = await ask(d.stateDir, { op: 'unregister', id: 'sd' });
    fake.close();
    const exec = readEvents(u.events as string).find((e) => e.kind === 'process_exec' && e.process.argv[1] === `in-scope-${tag}`);
    expect(exec?.container).toEqual({ id: fakeId, name: 'sd1', image: 'img:1' });
    expect(exec?.job.id).toBe('sd');
  }, 60_000);
});

describe('interposition on the default socket path', () => {
  const mounted = (): boolean => readFileSync('/proc/self/mountinfo', 'utf8').includes(' /run/docker.sock ');
  const defaultEnv = (): NodeJS.ProcessEnv => {
    const env = { ...process.env };
    delete env.DOCKER_HOST;
    return env;
  };

  test('clients of /var/run/docker.sock are attributed, and stop restores the real socket', async () => {
    expect(mounted()).toBe(false);
    const d = startDaemon(['--interpose-docker']);
    expect(mounted()).toBe(true);
    const cgroup = testCgroup('interposed');
    await ask(d.stateDir, { op: 'register', job: { id: 'interposed' }, cgroup });
    const name = `cs-default-${tag}`;
    const r = await finished(spawnIn(cgroup, ['docker', 'run', '--rm', '--name', name, IMAGE, '/bin/echo', 'via-default'], { env: defaultEnv(), stdio: ['ignore', 'pipe', 'pipe'] }));
    expect(r.code).toBe(0);
    const u = await ask(d.stateDir, { op: 'unregister', id: 'interposed' });
    const events = readEvents(u.events as string);
    expect(events.some((e) => e.container?.name === name && e.kind === 'process_exec')).toBe(true);
    // The report's bypass alert; the built-in docker_socket_direct rule's description also says "not attributed".
    expect(readFileSync(u.summary as string, 'utf8')).not.toMatch(/used the docker daemon.{1,6}s socket directly/);
    await ask(d.stateDir, { op: 'stop' });
    await waitGone(d.pid);
    expect(mounted()).toBe(false);
    expect(docker(['version']).status).toBe(0);
  }, 120_000);

  test('after kill -9 the next start on the same state dir repairs the mounts', async () => {
    const d = startDaemon(['--interpose-docker']);
    process.kill(d.pid, 'SIGKILL');
    await waitGone(d.pid);
    expect(mounted()).toBe(true); // the crash left the proxy's dead socket on the path
    expect(docker(['version']).status).not.toBe(0);
    const again = startDaemon(['--interpose-docker'], d.stateDir);
    expect(docker(['version']).status).toBe(0); // through the new proxy
    await ask(again.stateDir, { op: 'stop' });
    await waitGone(again.pid);
    expect(mounted()).toBe(false);
    expect(docker(['version']).status).toBe(0);
  }, 120_000);
});

describe('cicd-sensor run', () => {
  test('starts the proxy and points the command at it', async () => {
    const name = `cs-run-${tag}`;
    const run = await runSensor([], ['docker', 'run', '--rm', '--name', name, IMAGE, '/bin/echo', 'from-run']);
    expect(run.code).toBe(0);
    const exec = run.events.find((e) => e.kind === 'process_exec' && e.process.argv[1] === 'from-run');
    expect(exec?.container).toMatchObject({ name, image: IMAGE });
  }, 120_000);
});
