/**
 * What a job with sudo does to the sensor shows in its report (issue 13).
 * Each attack runs as root inside the job's cgroup, as `sudo` in a step
 * would, against a real daemon; each assertion is on the report the job
 * gets, which says nothing of the attack without the detection.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFindings } from '../../src/findings/readFindings.js';
import type { ReportModel } from '../../src/report/modelTypes.js';
import { ask, cleanupDaemons, exited, spawnIn, startDaemon, testCgroup } from '../helpers/daemon.js';
import { u64Keys } from '../helpers/bpftoolMap.js';
import { fixturesDir } from '../helpers/paths.js';
import { readEvents, requireRoot } from '../helpers/sensorRun.js';

const work = mkdtempSync(join(tmpdir(), 'cs-tamper-'));
const dockerSock = join(work, 'dockerd.sock');
let fakeDockerd: Server;
let daemon: { stateDir: string; pid: number };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  requireRoot();
  // dockerd's socket as far as the sensor can tell: the proxy forwards to it, a job must not reach it around the proxy.
  fakeDockerd = createServer((c) => c.end());
  await new Promise<void>((resolve) => fakeDockerd.listen(dockerSock, resolve));
  daemon = startDaemon(['--docker-upstream', dockerSock]);
}, 60_000);

afterAll(async () => {
  await cleanupDaemons();
  fakeDockerd?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Registers a job on a fresh cgroup (root may name one), as the action's pre step does. */
async function job(id: string, cgroup = testCgroup(id)): Promise<string> {
  const r = await ask(daemon.stateDir, { op: 'register', job: { id }, cgroup });
  expect(r).toMatchObject({ ok: true });
  return cgroup;
}

async function finish(id: string): Promise<{ model: ReportModel; tamper: string[]; events: string; dir: string }> {
  const r = await ask(daemon.stateDir, { op: 'unregister', id });
  expect(r).toMatchObject({ ok: true });
  const model = JSON.parse(readFileSync(r.report as string, 'utf8')) as ReportModel;
  const tamper = (model.alerts ?? []).filter((a) => a.kind === 'tamper').map((a) => a.message);
  return { model, tamper, events: r.events as string, dir: r.dir as string };
}

const sh = (cgroup: string, script: string) => exited(spawnIn(cgroup, ['/bin/sh', '-c', script]));

test('SIGSTOP and SIGCONT sent to the daemon are reported with their sender, and the stop with its length', async () => {
  const cgroup = await job('tamper-stop');
  expect(await sh(cgroup, `/bin/kill -STOP ${daemon.pid}; sleep 1.2; /bin/kill -CONT ${daemon.pid}`)).toBe(0);
  const { tamper } = await finish('tamper-stop');
  const text = tamper.join('\n');
  expect(text).toMatch(new RegExp(`SIGSTOP was sent to the sensor \\(pid ${daemon.pid}\\) at .* by pid \\d+ \\(/[^)]*kill\\), in job tamper-stop`));
  expect(text).toMatch(/SIGCONT was sent to the sensor/);
  const secs = Number(/was stopped for ([\d.]+) s between /.exec(text)?.[1]);
  expect(secs).toBeGreaterThan(1.0);
  expect(secs).toBeLessThan(5);
}, 60_000);

test('a tracer on the daemon is reported with the tracer', async () => {
  const cgroup = await job('tamper-trace');
  // strace seizes the daemon's main thread and stops it at every system call for a second.
  await sh(cgroup, `timeout -s INT 1 strace -p ${daemon.pid} -o /dev/null`);
  const { tamper } = await finish('tamper-trace');
  const text = tamper.join('\n');
  expect(text).toMatch(new RegExp(`The sensor \\(pid ${daemon.pid}, thread \\d+\\) was put under ptrace by pid \\d+ \\([^)]*strace\\), in job tamper-trace`));
  // Stopped at every system call: summed, not one alert per stop.
  expect(text).toMatch(/was traced \d+ times, [\d.]+ s in all, between /);
  expect(tamper.length).toBeLessThan(10);
  // The job's process_access event names the sensor as its target.
  expect(text).toMatch(new RegExp(`pid \\d+ \\([^)]*strace\\) reached into the sensor \\(pid ${daemon.pid}\\) with ptrace PTRACE_SEIZE`));
  expect((await ask(daemon.stateDir, { op: 'stats' })).ok).toBe(true);
}, 60_000);

test("an entry removed from tracked_cgroups is put back and the job's report says so", async () => {
  const cgroup = await job('tamper-map');
  const mapId = ((await ask(daemon.stateDir, { op: 'stats' })).maps as Record<string, number>).tracked_cgroups;
  const id = BigInt(execFileSync('stat', ['-c', '%i', cgroup], { encoding: 'utf8' }).trim());
  const key = Buffer.alloc(8);
  key.writeBigUInt64LE(id);
  const tracked = () => u64Keys(execFileSync('bpftool', ['-j', 'map', 'dump', 'id', String(mapId)], { encoding: 'utf8' }));
  expect(tracked()).toContain(id);
  execFileSync('bpftool', ['map', 'delete', 'id', String(mapId), 'key', ...[...key].map(String)]);
  expect(tracked()).not.toContain(id);
  await sleep(2500);
  expect(tracked()).toContain(id);
  // Tracked again, the job is seen again.
  expect(await sh(cgroup, 'exec /bin/echo after-map-delete')).toBe(0);
  const { tamper, events } = await finish('tamper-map');
  expect(tamper.join('\n')).toMatch(new RegExp(`cgroup ${cgroup} \\(id ${id}\\) was removed from the sensor's tracked_cgroups map .* tracked again`));
  expect(readEvents(events).some((e) => e.kind === 'process_exec' && e.process.argv.includes('after-map-delete'))).toBe(true);
}, 60_000);

test('a mount over the cgroup fs is reported, and the hidden job cgroup stays tracked', async () => {
  const parent = testCgroup('overmount');
  const cgroup = join(parent, 'job');
  mkdirSync(cgroup);
  await job('tamper-mount', cgroup);
  const worker = sh(cgroup, 'sleep 3; exec /bin/echo under-the-mount');
  await sleep(300);
  execFileSync('mount', ['-t', 'tmpfs', 'cs-tamper', parent]);
  try {
    expect(await worker).toBe(0);
    await sleep(1500); // reconcile ran while the cgroup's path was hidden
  } finally {
    execFileSync('umount', [parent]);
  }
  const { tamper, events } = await finish('tamper-mount');
  expect(tamper.join('\n')).toMatch(new RegExp(`A tmpfs file system was mounted on ${parent}, over the cgroup file system`));
  expect(readEvents(events).some((e) => e.kind === 'process_exec' && e.process.argv.includes('under-the-mount'))).toBe(true);
}, 60_000);

test("dockerd's socket reached through a symlink, a hard link, a bind mount, /proc/self/root and io_uring is a bypass, and each connect a docker_socket_direct finding", async () => {
  const uring = join(work, 'uringconnect');
  execFileSync('gcc', ['-O2', '-o', uring, join(fixturesDir, 'uringconnect.c')]);
  const alias = join(work, 'alias.sock');
  const hard = join(work, 'hard.sock');
  const bound = join(work, 'bound.sock');
  const proxy = join(daemon.stateDir, 'docker.sock');
  symlinkSync(dockerSock, alias);
  linkSync(dockerSock, hard);
  writeFileSync(bound, '');
  execFileSync('mount', ['--bind', dockerSock, bound]);
  const cgroup = await job('tamper-docker');
  const connect = (path: string) =>
    `python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])' ${path}`;
  const around = [alias, hard, bound, `/proc/self/root${dockerSock}`];
  try {
    expect(await sh(cgroup, [...around, proxy].map(connect).join(' && '))).toBe(0);
  } finally {
    execFileSync('umount', [bound]);
  }
  expect(await exited(spawnIn(cgroup, [uring, alias]))).toBe(0);
  const { model, tamper, events, dir } = await finish('tamper-docker');
  const bypassed = model.unixSockets.items.filter((u) => u.bypass).map((u) => u.path);
  expect(bypassed).toEqual(expect.arrayContaining([...around, dockerSock]));
  expect(tamper.filter((t) => /connected to dockerd's own socket/.test(t)).length).toBeGreaterThanOrEqual(5);
  // The mount of the test before was taken away before this job: not this job's concern.
  expect(tamper.join('\n')).not.toMatch(/mounted on/);
  const connects = readEvents(events).filter((e) => e.kind === 'unix_socket_connect');
  // The io_uring connect is an event of its own, with the path dockerd's socket was bound to.
  const viaUring = connects.filter((e) => e.process.exec_path === uring);
  expect(viaUring.map((e) => e.unix_socket?.path)).toEqual([dockerSock]);
  // Every path to dockerd's socket is marked in the event, and judged by the built-in rule; the proxy's socket is neither.
  const daemonConnects = connects.filter((e) => e.unix_socket?.docker_daemon === true);
  expect(daemonConnects.map((e) => e.unix_socket!.path).sort()).toEqual([...around, dockerSock].sort());
  expect(connects.find((e) => e.unix_socket?.path === proxy)?.unix_socket).toEqual({ path: proxy, socket_type: 'stream' });
  const findings = readFindings(join(dir, 'findings.ndjson')).findings.filter((f) => f.rule_id === 'docker_socket_direct');
  expect(findings.map((f) => f.seq).sort((a, b) => a - b)).toEqual(daemonConnects.map((e) => e.seq).sort((a, b) => a - b));
}, 60_000);

function links(stats: Record<string, unknown>): { link: number; prog: number; attached: boolean; name: string }[] {
  return stats.links as { link: number; prog: number; attached: boolean; name: string }[];
}

test('a BPF link detached with bpftool, and one given another program, are reported by name', async () => {
  const updater = join(work, 'linkupdate');
  execFileSync('gcc', ['-O2', '-o', updater, join(fixturesDir, 'linkupdate.c')]);
  await job('tamper-links');
  const before = links(await ask(daemon.stateDir, { op: 'stats' }));
  const connect4 = before.find((l) => l.name === 'cs_connect4')!;
  const connect6 = before.find((l) => l.name === 'cs_connect6')!;
  expect(connect4.attached && connect6.attached).toBe(true);
  const detach = spawnSync('bpftool', ['link', 'detach', 'id', String(connect6.link)], { encoding: 'utf8' });
  expect(detach.stderr).toBe('');
  const replaced = Number(execFileSync(updater, [String(connect4.link)], { encoding: 'utf8' }).trim());
  const after = links(await ask(daemon.stateDir, { op: 'stats' }));
  expect(after.find((l) => l.name === 'cs_connect6')!.attached).toBe(false);
  expect(after.find((l) => l.name === 'cs_connect4')!.prog).toBe(replaced);
  const { tamper } = await finish('tamper-links');
  const text = tamper.join('\n');
  expect(text).toMatch(new RegExp(`BPF link ${connect6.link} \\(program cs_connect6\\) was found detached at `));
  expect(text).toMatch(new RegExp(`BPF link ${connect4.link} \\(program cs_connect4\\) was found running another program \\(id ${replaced}, not ${connect4.prog}\\)`));
}, 60_000);
