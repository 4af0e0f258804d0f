/**
 * The sensor's start as `cicd-sensor run` does it (issue 18): the optional
 * hooks load in one instance beside the core, and a kernel that refuses
 * that instance gets each hook in one of its own, losing only the hook it
 * refuses. No kernel here refuses one, so CICD_SENSOR_DEBUG_SPLIT_SHARED
 * takes the shared instance as refused: the plan must read as it does
 * without, with every hook attached from an instance of its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvVar } from '../../src/action/constants.js';
import { cleanupRuns, requireRoot, runSensor } from '../helpers/sensorRun.js';

beforeAll(requireRoot);
afterAll(cleanupRuns);

interface PlanEntry {
  hook: string;
  mechanism: string;
  target: string;
  absent?: string;
  unavailable: { mechanism: string; error: string }[];
}

async function startOnce(env: NodeJS.ProcessEnv): Promise<{ plan: PlanEntry[]; stderr: string; execs: number }> {
  const r = await runSensor(['--no-daemon'], ['sh', '-c', 'true'], { env: { ...process.env, [EnvVar.DebugTiming]: '1', ...env } });
  expect(r.code).toBe(0);
  const plan = (JSON.parse(readFileSync(join(r.outDir, 'sensor.json'), 'utf8')) as { plan: PlanEntry[] }).plan;
  return { plan, stderr: r.stderr, execs: r.events.filter((e) => e.kind === 'process_exec').length };
}

/** The instances the timing lists as loaded ("load LABEL"), by label. */
const loads = (stderr: string): string[] => [...stderr.matchAll(/ at [\d.]+ ms: load (.+)$/gm)].map((m) => m[1]!);

test('the optional hooks share an instance, and a refused one is loaded again hook by hook with the same plan', async () => {
  const shared = await startOnce({});
  const split = await startOnce({ [EnvVar.DebugSplitShared]: '1' });
  expect(split.plan).toEqual(shared.plan);
  for (const hook of ['domain', 'tamper', 'io_uring_connect']) {
    expect({ hook, mechanism: shared.plan.find((e) => e.hook === hook)?.mechanism }).not.toEqual({ hook, mechanism: 'none' });
  }
  // Shared: the domain parsers' instance holds the others too (its label names them after its own, cut short).
  expect(loads(shared.stderr).filter((l) => /^(tp_btf|uprobe) /.test(l))).toEqual([]);
  // Split: four instances where there was one, one of them each hook's.
  expect(loads(split.stderr)).toHaveLength(loads(shared.stderr).length + 3);
  expect(loads(split.stderr).filter((l) => /^(cgroup_skb|tp_btf signal_generate|uprobe|tp_btf io_uring_complete)/.test(l))).toHaveLength(4);
  expect(split.execs).toBeGreaterThan(0);
}, 60_000);
