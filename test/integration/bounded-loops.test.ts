/**
 * Kernels before 5.17 have no bpf_loop, so every BPF loop there is a plain
 * bounded loop (BOUNDED_LOOP in bpf/common.bpf.h). This kernel has
 * bpf_loop; CICD_SENSOR_DEBUG_BOUNDED_LOOPS makes the sensor load the other
 * path here, so it is verified by a real verifier and its records checked:
 * the path walk below gives the same paths, and the verifier really walked
 * the loops turn by turn (far more instructions than with bpf_loop). The
 * domain parsers' loops get the same comparison in domain-parsers.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvVar } from '../../src/action/constants.js';
import { cleanupRuns, requireRoot, runSensor, type RunResult } from '../helpers/sensorRun.js';

let work: string;
let deepDir: string;

beforeAll(() => {
  requireRoot();
  work = mkdtempSync(join(tmpdir(), 'cs-bounded-'));
  // 24 components below the temp dir: several turns of the path walk's loop.
  deepDir = join(work, ...Array.from({ length: 24 }, (_, i) => `level-${i}`));
  mkdirSync(deepDir, { recursive: true });
  writeFileSync(join(deepDir, 'deep.txt'), 'x\n');
});

afterAll(() => {
  cleanupRuns();
  rmSync(work, { recursive: true, force: true });
});

/** The instructions the verifier walked in all, from CICD_SENSOR_DEBUG_TIMING's breakdown. */
function verifiedInsns(stderr: string): number {
  const m = /instructions the verifier walked, (\d+) in all/.exec(stderr);
  if (!m) throw new Error(`no verifier breakdown on stderr:\n${stderr}`);
  return Number(m[1]);
}

function runDeep(bounded: boolean): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, [EnvVar.DebugTiming]: '1' };
  if (bounded) env[EnvVar.DebugBoundedLoops] = '1';
  else delete env[EnvVar.DebugBoundedLoops];
  return runSensor(['--no-daemon'], ['/bin/sh', '-c', `cat "${join(deepDir, 'deep.txt')}" >/dev/null; rm "${join(deepDir, 'deep.txt')}"; : >"${join(deepDir, 'deep.txt')}"`], { env, timeoutMs: 120_000 });
}

function deepPaths(run: RunResult): string[] {
  return run.events
    .filter((e) => e.kind.startsWith('file') && typeof (e as { file?: { path?: string } }).file?.path === 'string')
    .map((e) => `${e.kind} ${(e as unknown as { file: { path: string } }).file.path}`)
    .filter((line) => line.includes('deep.txt'))
    .sort();
}

it('loads and records the same deep paths with plain bounded loops as with bpf_loop', async () => {
  const loop = await runDeep(false);
  const bounded = await runDeep(true);
  expect(loop.code).toBe(0);
  expect(bounded.code).toBe(0);
  const expected = deepPaths(loop);
  expect(expected.length).toBeGreaterThanOrEqual(2); // the read, the removal
  expect(expected.every((line) => line.endsWith(join(deepDir, 'deep.txt')))).toBe(true);
  expect(deepPaths(bounded)).toEqual(expected);
  // The switch really changed the programs: turn-by-turn verification costs several times more.
  expect(verifiedInsns(bounded.stderr)).toBeGreaterThan(3 * verifiedInsns(loop.stderr));
}, 300_000);
