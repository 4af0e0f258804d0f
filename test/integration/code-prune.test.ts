/**
 * Root's copies of the sensor's code are pruned by a daemon started from
 * one, once it is ready: the one it runs from, the most recent others and any
 * copy a process still uses stay; links and copies that are not root's alone
 * are never touched.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cgroup2Root } from '../../src/platform/cgroup.js';
import { alive, ask, waitGone } from '../helpers/daemon.js';
import { distDir } from '../helpers/paths.js';
import { requireRoot } from '../helpers/sensorRun.js';

const hash = (c: string): string => c.repeat(64);
let base: string;
let outside: string;
let stateDir: string;
let daemonPid = 0;
let user: ChildProcess | undefined;

/** A copy of the given age (seconds), with one file. */
function fakeCopy(name: string, ageS: number): string {
  const dir = join(base, name);
  mkdirSync(dir, { mode: 0o755 });
  writeFileSync(join(dir, 'cli.js'), '// a sensor of another version\n');
  const t = Date.now() / 1000 - ageS;
  utimesSync(dir, t, t);
  return dir;
}

beforeAll(() => {
  requireRoot();
  base = mkdtempSync(join(tmpdir(), 'cs-code-'));
  outside = mkdtempSync(join(tmpdir(), 'cs-code-outside-'));
  writeFileSync(join(outside, 'keep'), 'not the daemon\'s to remove\n');
});

afterAll(async () => {
  user?.kill('SIGKILL');
  if (daemonPid && alive(daemonPid)) {
    process.kill(daemonPid, 'SIGKILL');
    await waitGone(daemonPid);
    spawnSync('rmdir', [join(cgroup2Root()!, 'cicd-sensor', `daemon-${daemonPid}`)]);
  }
  for (const dir of [base, outside, stateDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a daemon started from a copy keeps its own, the two used last and the ones in use, and removes the rest', async () => {
  const own = join(base, hash('a'));
  cpSync(distDir, own, { recursive: true });
  const recent = [fakeCopy(hash('b'), 60), fakeCopy(hash('c'), 120)];
  const old = [fakeCopy(hash('e'), 3600), fakeCopy(hash('f'), 7200)];
  // The oldest of all, but a post step of an older job still runs in it.
  const used = fakeCopy(hash('d'), 9000);
  user = spawn('sleep', ['120'], { cwd: used, stdio: 'ignore' });
  const staleHalf = fakeCopy('.copy.stale1', 7200);
  const freshHalf = fakeCopy('.copy.fresh1', 10);
  // Never the daemon's to remove: a link under a copy's name, and a copy someone else owns.
  symlinkSync(outside, join(base, hash('1')));
  const foreign = fakeCopy(hash('2'), 9000);
  chownSync(foreign, 65534, 65534);

  stateDir = mkdtempSync(join(tmpdir(), 'cs-daemon-'));
  const r = spawnSync(process.execPath, [join(own, 'cli.js'), 'daemon', '--state-dir', stateDir, '--detach'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  daemonPid = Number(/pid=(\d+)/.exec(r.stdout)?.[1]);
  expect(await ask(stateDir, { op: 'stats' })).toMatchObject({ ok: true, pid: daemonPid });

  const log = join(stateDir, 'daemon.log');
  const end = Date.now() + 20_000;
  while (Date.now() < end && !/removed \d+ old code cop/.test(readFileSync(log, 'utf8'))) await new Promise((res) => setTimeout(res, 100));
  expect(readFileSync(log, 'utf8')).toMatch(/removed 3 old code copies/);

  const left = (dirs: string[]): boolean[] => dirs.map((d) => existsSync(d));
  expect(left([own, ...recent, used, freshHalf, foreign])).toEqual([true, true, true, true, true, true]);
  expect(left([...old, staleHalf])).toEqual([false, false, false]);
  expect(existsSync(join(outside, 'keep'))).toBe(true);
  expect(existsSync(join(base, hash('1')))).toBe(true);
  expect(spawnSync('ls', ['-A', base], { encoding: 'utf8' }).stdout).not.toMatch(/\.prune\./);
  // The daemon still answers, from its own copy.
  expect(await ask(stateDir, { op: 'stats' })).toMatchObject({ ok: true });
}, 60_000);
