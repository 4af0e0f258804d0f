/**
 * The daemon: job identity from a stand-in Runner.Worker with step labels,
 * two jobs at once, clean unregister, and its control protocol under abuse.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { MAX_REQUEST_BYTES } from '../../src/daemon/protocol.js';
import { u64Keys } from '../helpers/bpftoolMap.js';
import { alive, ask, cleanupDaemons, cli, exited, readJson, spawnIn, startDaemon, testCgroup, waitGone } from '../helpers/daemon.js';
import { cliPath, fixturesDir } from '../helpers/paths.js';
import { readEvents, requireRoot } from '../helpers/sensorRun.js';
import { execFileSync } from 'node:child_process';
import { cgroup2Root } from '../../src/platform/cgroup.js';

const work = mkdtempSync(join(tmpdir(), 'cs-daemon-work-'));
let daemon: { stateDir: string; pid: number };

function mapKeys(mapId: number, keyed: 'u64' | 'staging'): string[] {
  const dump = execFileSync('bpftool', ['-j', 'map', 'dump', 'id', String(mapId)], { encoding: 'utf8' });
  if (keyed === 'u64') return u64Keys(dump).map(String);
  return (JSON.parse(dump) as unknown[]).map((e) => JSON.stringify(e));
}

beforeAll(() => {
  requireRoot();
  daemon = startDaemon();
});

afterAll(async () => {
  await cleanupDaemons();
  rmSync(work, { recursive: true, force: true });
});

describe('a job under a stand-in Runner.Worker', () => {
  const marker = `rw${process.pid}`;
  let events: EventRecord[];
  let register: Record<string, unknown>;

  beforeAll(async () => {
    const dir = join(work, 'runner');
    mkdirSync(join(dir, '_temp'), { recursive: true });
    mkdirSync(join(dir, '_actions/octo-org/setup-thing/v2'), { recursive: true });
    writeFileSync(join(dir, '_temp/0001-first.sh'), `/bin/echo ${marker}-one\n`);
    writeFileSync(join(dir, '_temp/0002-second.sh'), `\n\n/bin/echo ${marker}-two\n/bin/true second line\n`);
    writeFileSync(join(dir, '_actions/octo-org/setup-thing/v2/index.js'), "require('node:fs').writeFileSync(process.argv[2], 'uses step was here\\n');\n");
    const shared = testCgroup('runner');
    // Runner.Listener's stand-in shares the worker's cgroup and keeps exec'ing.
    const listener = spawnIn(shared, ['bash', '-c', `while :; do /bin/true ${marker}-listener; sleep 0.05; done`]);
    const worker = spawnIn(shared, [join(fixturesDir, 'runner', 'Runner.Worker'), daemon.stateDir, 'runner-job', dir, cliPath]);
    expect(await exited(worker)).toBe(0);
    listener.kill('SIGKILL');
    register = readJson(join(dir, 'register.json'));
    const unregister = readJson(join(dir, 'unregister.json'));
    events = readEvents(unregister.events as string);
  }, 60_000);

  test('the worker was moved into a cgroup of its own', () => {
    expect(register).toMatchObject({ ok: true, isolated: true });
    expect(register.cgroup).toMatch(/cicd-sensor-runner-job$/);
  });

  test('each step is labelled from what the runner ran', () => {
    const execOf = (arg: string) => events.find((e) => e.kind === 'process_exec' && e.process.argv[1] === arg);
    expect(execOf(`${marker}-one`)?.step?.label).toBe(`run: /bin/echo ${marker}-one`);
    expect(execOf(`${marker}-two`)?.step?.label).toBe(`run: /bin/echo ${marker}-two`);
    const uses = events.find((e) => e.kind === 'file_open' && e.file?.path.endsWith('uses-marker.txt'));
    expect(uses?.step?.label).toBe('uses: octo-org/setup-thing@v2');
    // A step's label is shared by everything under its root process.
    const stepRoot = execOf(`${marker}-one`)!.step!.pid;
    expect(events.filter((e) => e.step?.pid === stepRoot).every((e) => e.step?.label === `run: /bin/echo ${marker}-one`)).toBe(true);
  });

  test('processes of the step carry the worker as their ancestor', () => {
    const e = events.find((x) => x.kind === 'process_exec' && x.process.argv[1] === `${marker}-two`)!;
    expect(e.process.ancestors.map((a) => a.exec_path)).toContain('/usr/bin/bash');
    expect(e.process.ancestors.some((a) => a.argv?.[1]?.endsWith('Runner.Worker'))).toBe(true);
  });

  test('the listener in the original cgroup is not tracked', () => {
    expect(events.some((e) => JSON.stringify(e).includes(`${marker}-listener`))).toBe(false);
  });
});

describe('two jobs at once', () => {
  test('each log holds exactly its own events', async () => {
    const jobs = ['alpha', 'beta'].map((name) => ({ name, cgroup: testCgroup(name) }));
    for (const j of jobs) {
      const r = await ask(daemon.stateDir, { op: 'register', job: { id: `two-${j.name}` }, cgroup: j.cgroup });
      expect(r.ok).toBe(true);
    }
    const children = jobs.map((j) =>
      spawnIn(j.cgroup, ['bash', '-c', `for i in 1 2 3 4 5; do /bin/echo marker-${j.name}-$i; cat /etc/hostname; done >/dev/null`]),
    );
    await Promise.all(children.map(exited));
    for (const j of jobs) {
      const r = await ask(daemon.stateDir, { op: 'unregister', id: `two-${j.name}` });
      const events = readEvents(r.events as string);
      const other = jobs.find((o) => o !== j)!.name;
      expect(events.filter((e) => e.kind === 'process_exec' && e.process.argv[1]?.startsWith(`marker-${j.name}`))).toHaveLength(5);
      expect(events.some((e) => JSON.stringify(e).includes(`marker-${other}`))).toBe(false);
      expect(events.every((e) => e.job.id === `two-${j.name}`)).toBe(true);
    }
  }, 60_000);
});

describe('unregister', () => {
  test('leaves no entry of the job in tracked_cgroups or staging_map, and an empty mirror', async () => {
    const cgroup = testCgroup('unreg');
    const stats0 = await ask(daemon.stateDir, { op: 'stats' });
    const maps = stats0.maps as Record<string, number>;
    const before = mapKeys(maps.tracked_cgroups!, 'u64');
    const r = await ask(daemon.stateDir, { op: 'register', job: { id: 'unreg' }, cgroup });
    expect(r.ok).toBe(true);
    // The job makes a child cgroup: the kernel tracks it as part of the job.
    const child = spawnIn(cgroup, ['sh', '-c', `mkdir ${cgroup}/sub && echo $$ > ${cgroup}/sub/cgroup.procs && /bin/true`]);
    await exited(child);
    const during = mapKeys(maps.tracked_cgroups!, 'u64');
    expect(during.length).toBe(before.length + 2);
    await ask(daemon.stateDir, { op: 'unregister', id: 'unreg' });
    expect(mapKeys(maps.tracked_cgroups!, 'u64').sort()).toEqual(before.sort());
    expect(mapKeys(maps.staging_map!, 'staging')).toEqual([]);
    const stats = await ask(daemon.stateDir, { op: 'stats' });
    expect(stats.jobs).toEqual([]);
    expect(Object.values(stats.mirror as Record<string, number>).every((n) => n === 0)).toBe(true);
  }, 30_000);
});

describe('the control protocol', () => {
  function rawExchange(lines: string): Promise<string> {
    return new Promise((resolve) => {
      const sock = net.connect(join(daemon.stateDir, 'control.sock'));
      let out = '';
      sock.on('connect', () => sock.end(lines));
      sock.on('data', (d) => (out += d));
      sock.on('close', () => resolve(out));
      sock.on('error', () => resolve(out));
    });
  }

  test('malformed and unknown requests get error replies, and the daemon carries on', async () => {
    const out = await rawExchange('this is not json\n{"op":"frobnicate"}\n[1,2]\n{"op":"register","job":{"id":"../etc"},"pid":1}\n{"op":"register","job":{"id":"x"}}\n{"op":"stats"}\n');
    const replies = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(replies).toHaveLength(6);
    expect(replies.slice(0, 5).every((r) => r.ok === false && typeof r.error === 'string')).toBe(true);
    expect(replies[1].error).toMatch(/unknown op/);
    expect(replies[3].error).toMatch(/job.id/);
    expect(replies[4].error).toMatch(/exactly one of cgroup or pid/);
    expect(replies[5].ok).toBe(true);
  });

  test('a client that vanishes mid-request harms nothing', async () => {
    await new Promise<void>((resolve) => {
      const sock = net.connect(join(daemon.stateDir, 'control.sock'));
      sock.on('connect', () => {
        sock.write('{"op":"sta');
        sock.destroy();
        resolve();
      });
    });
    const huge = await rawExchange('x'.repeat(MAX_REQUEST_BYTES + 1));
    expect(huge).toMatch(/too long/);
    expect((await ask(daemon.stateDir, { op: 'stats' })).ok).toBe(true);
    expect(alive(daemon.pid)).toBe(true);
  });

  test('the socket is 0600 and a second daemon on the same state dir is refused', () => {
    const mode = execFileSync('stat', ['-c', '%a', join(daemon.stateDir, 'control.sock')], { encoding: 'utf8' }).trim();
    expect(mode).toBe('600');
    const r = cli(['daemon', '--state-dir', daemon.stateDir, '--detach']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/already runs on/);
    expect(alive(daemon.pid)).toBe(true);
  });

  test('stats reports the attach plan, counters and jobs', async () => {
    const s = await ask(daemon.stateDir, { op: 'stats' });
    expect(s.pid).toBe(daemon.pid);
    expect((s.plan as { hook: string }[]).map((p) => p.hook)).toContain('file_open');
    // Counters for every hook, whatever ran before (this test may run alone).
    const hooks = s.hooks as { hook: string; sent: number; lost: number }[];
    expect(hooks.map((h) => h.hook)).toEqual(expect.arrayContaining(['process_exec', 'file_open', 'unix_socket_connect']));
    expect(hooks.every((h) => Number.isInteger(h.sent) && Number.isInteger(h.lost))).toBe(true);
    // Both ring buffers, their sizes and the counters of their hooks.
    const rings = s.rings as { ring: string; bytes: number; sent: number; lost: number }[];
    expect(rings.map((r) => [r.ring, r.bytes])).toEqual([['priority', 1 << 20], ['bulk', 16 << 20]]);
    const fileSent = hooks.filter((h) => h.hook.startsWith('file_')).reduce((sum, h) => sum + h.sent, 0);
    expect(rings[1]!.sent).toBe(fileSent);
    expect(s.linksAlive).toBeGreaterThan(10);
  });

  test('stop flushes, exits and cleans up its socket, pidfile and cgroup; a child process detaches its links after it', async () => {
    const d = startDaemon();
    const stats = await ask(d.stateDir, { op: 'stats' });
    const ours = (stats.links as { link: number }[]).map((l) => l.link).filter((id) => id > 0);
    expect(ours.length).toBeGreaterThan(10);
    const r = cli(['daemon', 'stop', '--state-dir', d.stateDir]);
    expect(r.status).toBe(0);
    expect(await waitGone(d.pid)).toBe(true);
    expect(() => readFileSync(join(d.stateDir, 'control.sock'))).toThrow();
    expect(() => readFileSync(join(d.stateDir, 'daemon.pid'))).toThrow();
    // The detaching child is forked once the daemon has left its cgroup, so that cgroup goes with the daemon.
    expect(existsSync(join(cgroup2Root()!, 'cicd-sensor', `daemon-${d.pid}`))).toBe(false);
    const left = (): number[] => {
      const now = new Set((JSON.parse(execFileSync('bpftool', ['-j', 'link', 'show'], { encoding: 'utf8' })) as { id: number }[]).map((l) => l.id));
      return ours.filter((id) => now.has(id));
    };
    let remaining = left();
    for (let waited = 0; remaining.length > 0 && waited < 20_000; waited += 200) {
      await new Promise((ok) => setTimeout(ok, 200));
      remaining = left();
    }
    expect(remaining).toEqual([]);
  }, 40_000);
});
