/**
 * The daemon under stress and abuse: a fork storm leaves its memory flat,
 * kill -9 leaves every written line intact and the report says the run
 * ended early, SIGTERM flushes and closes every job.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cgroup2Root } from '../../src/platform/cgroup.js';
import { ask, cleanupDaemons, cli, exited, spawnIn, startDaemon, testCgroup, waitGone } from '../helpers/daemon.js';
import { fixturesDir } from '../helpers/paths.js';
import { readEvents, requireRoot } from '../helpers/sensorRun.js';

const work = mkdtempSync(join(tmpdir(), 'cs-faults-'));

function memoryKb(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1]);
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

beforeAll(requireRoot);

afterAll(async () => {
  await cleanupDaemons();
  rmSync(work, { recursive: true, force: true });
});

test('a storm of 100,000 short-lived processes leaves the process table and memory flat', async () => {
  const storm = join(work, 'forkstorm');
  execFileSync('gcc', ['-O2', '-o', storm, join(fixturesDir, 'forkstorm.c')]);
  const d = startDaemon();
  const cgroup = testCgroup('storm');
  expect((await ask(d.stateDir, { op: 'register', job: { id: 'storm' }, cgroup })).ok).toBe(true);
  // A warm-up storm first, so the baseline includes the JIT and buffers.
  await exited(spawnIn(cgroup, [storm, '2000']));
  await ask(d.stateDir, { op: 'stats' });
  const before = memoryKb(d.pid);
  const processesBefore = (await ask(d.stateDir, { op: 'stats' })).processes as number;
  expect(await exited(spawnIn(cgroup, [storm, '100000']))).toBe(0);
  const stats = await ask(d.stateDir, { op: 'stats' });
  const after = memoryKb(d.pid);
  const r = await ask(d.stateDir, { op: 'unregister', id: 'storm' });
  const lines = readFileSync(r.events as string, 'utf8').split('\n').filter(Boolean).length;
  console.log(
    `fork storm: ${lines} events; tracker RSS ${before.rss} kB before, ${after.rss} kB after, peak ${after.hwm} kB; process table ${processesBefore} -> ${stats.processes}`,
  );
  expect(stats.lostRecords).toBe(0);
  expect(lines).toBeGreaterThanOrEqual(102_000); // every child's exit, warm-up included
  expect(stats.processes as number).toBeLessThanOrEqual(processesBefore + 2);
  expect(after.rss - before.rss).toBeLessThan(64 * 1024);
}, 180_000);

test('after kill -9 every written line is intact and the report says the run ended early', async () => {
  const d = startDaemon();
  const cgroup = testCgroup('kill9');
  const r = await ask(d.stateDir, { op: 'register', job: { id: 'kill9' }, cgroup });
  // Listen for the exit now: the loop may well end while the daemon is dying.
  const done = exited(spawnIn(cgroup, ['bash', '-c', 'for i in $(seq 1 200); do /bin/echo tick-$i > /dev/null; done']));
  await new Promise((resolve) => setTimeout(resolve, 300));
  process.kill(d.pid, 'SIGKILL');
  await waitGone(d.pid);
  await done;
  const events = readEvents(r.events as string); // throws on a torn or invalid line
  expect(events.length).toBeGreaterThan(0);
  const jobDir = join(d.stateDir, 'jobs', 'kill9');
  expect(existsSync(join(jobDir, 'job.json'))).toBe(false);
  const report = cli(['report', '--job-dir', jobDir]);
  expect(report.status).toBe(0);
  expect(report.stderr).toMatch(/stopped before the job ended/);
  const model = JSON.parse(readFileSync(join(jobDir, 'report.json'), 'utf8'));
  expect(model.endedEarly).toBe(true);
  expect(readFileSync(join(jobDir, 'summary.md'), 'utf8')).toMatch(/ended early|stopped before/i);
}, 180_000);

test("the next daemon removes a killed daemon's cgroup, and a stopped one leaves its own behind neither", async () => {
  const parent = join(cgroup2Root()!, 'cicd-sensor');
  const killed = startDaemon();
  const dead = join(parent, `daemon-${killed.pid}`);
  expect(existsSync(dead)).toBe(true);
  process.kill(killed.pid, 'SIGKILL');
  expect(await waitGone(killed.pid)).toBe(true);
  expect(existsSync(dead)).toBe(true);
  const next = startDaemon();
  expect(existsSync(dead)).toBe(false);
  expect(cli(['daemon', 'stop', '--state-dir', next.stateDir]).status).toBe(0);
  expect(await waitGone(next.pid)).toBe(true);
  expect(existsSync(join(parent, `daemon-${next.pid}`))).toBe(false);
}, 60_000);

test('SIGTERM flushes every job, writes its report and exits cleanly', async () => {
  const d = startDaemon();
  const cgroup = testCgroup('term');
  const r = await ask(d.stateDir, { op: 'register', job: { id: 'term' }, cgroup });
  await exited(spawnIn(cgroup, ['/bin/echo', 'before-sigterm']));
  process.kill(d.pid, 'SIGTERM');
  expect(await waitGone(d.pid)).toBe(true);
  const jobDir = join(d.stateDir, 'jobs', 'term');
  const marker = JSON.parse(readFileSync(join(jobDir, 'job.json'), 'utf8'));
  expect(marker.endedBy).toBe('daemon stopped by SIGTERM');
  const events = readEvents(r.events as string);
  expect(events.some((e) => e.kind === 'process_exec' && e.process.argv[1] === 'before-sigterm')).toBe(true);
  expect(existsSync(join(jobDir, 'summary.md'))).toBe(true);
  expect(existsSync(join(d.stateDir, 'control.sock'))).toBe(false);
}, 60_000);
