/**
 * Only the job is observed: a busy process outside the tracked cgroup
 * yields nothing, and a child cgroup the job makes is tracked from birth
 * and leaves the kernel map when removed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cgroup2Root } from '../../src/platform/cgroup.js';
import { u64Keys } from '../helpers/bpftoolMap.js';
import { fixturesDir } from '../helpers/paths.js';
import { cleanupRuns, newOutDir, requireRoot, runSensor, type RunResult } from '../helpers/sensorRun.js';

const marker = `iso${process.pid}${Date.now()}`;
let busy: ChildProcess | undefined;
let run: RunResult;
let dir: string;

beforeAll(async () => {
  requireRoot();
  dir = mkdtempSync(join(tmpdir(), 'cs-iso-'));
  // Outside the job: execs and opens named after the marker, as fast as it can.
  busy = spawn('bash', ['-c', `while :; do /bin/true ${marker}-outside; cat /nonexistent-${marker} 2>/dev/null; done`], {
    stdio: 'ignore',
  });
  const outDir = newOutDir();
  const script = join(fixturesDir, 'child-cgroup.sh');
  run = await runSensor([], [script, cgroup2Root()!, marker, join(dir, 'out'), join(outDir, 'sensor.json')], { outDir });
}, 120_000);

afterAll(() => {
  busy?.kill('SIGKILL');
  cleanupRuns();
  rmSync(dir, { recursive: true, force: true });
});

test('the job ran', () => {
  expect(run.code).toBe(0);
});

test('a busy process outside the job yields no events', () => {
  const outside = run.events.filter((e) => JSON.stringify(e).includes(`${marker}-outside`) || JSON.stringify(e).includes(`/nonexistent-${marker}`));
  expect(outside).toEqual([]);
  const busyPid = busy?.pid;
  expect(run.events.some((e) => e.process.pid === busyPid || e.process.ppid === busyPid)).toBe(false);
});

test('a child cgroup the job creates is tracked at once', () => {
  const childId = Number(readFileSync(join(dir, 'out.child-id'), 'utf8'));
  const inChild = run.events.filter((e) => e.kind === 'process_exec' && e.process.argv[1] === `in-child-${marker}`);
  expect(inChild).toHaveLength(1);
  expect(inChild[0]!.cgroup_id).toBe(childId);
});

test('after rmdir the child is gone from tracked_cgroups, the job cgroup stays', () => {
  const keys = u64Keys(readFileSync(join(dir, 'out.map'), 'utf8'));
  const childId = BigInt(readFileSync(join(dir, 'out.child-id'), 'utf8').trim());
  const selfId = BigInt(readFileSync(join(dir, 'out.self-id'), 'utf8').trim());
  expect(keys).toContain(selfId);
  expect(keys).not.toContain(childId);
});
