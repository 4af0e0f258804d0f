/**
 * The action as a runner runs it: dist/pre.js, the job's steps and
 * dist/post.js as separate processes under a stand-in Runner.Worker
 * (test/fixtures/action/runner.mjs), with the runner's files and
 * environment, against a loopback artifact service. Shared by the action's
 * tests and the attack cases.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repairInterposition } from '../../src/proxy/interpose.js';
import { startArtifactServer } from './artifactServer.js';
import { adoptRootCgroups, alive, cleanupDaemons, waitGone } from './daemon.js';
import { ensureDockerd, stopDockerd } from './docker.js';
import { distDir, fixturesDir } from './paths.js';
import { requireRoot } from './sensorRun.js';

export type ArtifactServer = Awaited<ReturnType<typeof startArtifactServer>>;

export type Phase = { status: number; stdout: string; stderr: string };
export interface JobRun {
  work: string;
  phases: Record<string, Phase>;
  summary: string;
  outputs: string;
  envFile: string;
  stateDir: string;
}

const roots: string[] = [];
let artifacts: ArtifactServer;

/** Runs a job: the runner's files in a fresh directory, INPUT_* from inputs, steps from scripts. */
export async function runJob(
  scripts: string[],
  inputs: Record<string, string> = {},
  opts: { prefix?: string[]; env?: NodeJS.ProcessEnv; node?: string } = {},
): Promise<JobRun> {
  const work = mkdtempSync(join(tmpdir(), 'cs-action-'));
  roots.push(work);
  mkdirSync(join(work, '_temp'));
  const stateDir = join(work, 'sensor-state');
  const files = { GITHUB_STATE: 'state', GITHUB_ENV: 'env', GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary.md' };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: join(work, '_temp'),
    GITHUB_WORKSPACE: work,
    GITHUB_JOB: 'build',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_NAME: 'stand-in',
    CICD_SENSOR_STATE_DIR: stateDir,
    RUNNER_TOOL_CACHE: join(work, '_tool'),
    ...artifacts.env(),
    ...opts.env,
  };
  for (const [name, file] of Object.entries(files)) {
    env[name] = join(work, file);
    writeFileSync(join(work, file), '');
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const stepFiles = scripts.map((text, i) => {
    const path = join(work, '_temp', `step-${i + 1}.sh`);
    writeFileSync(path, text);
    return path;
  });
  // An unprivileged runner must be able to write its own files.
  if (opts.prefix) spawnSync('chmod', ['-R', 'a+rwX', work]);
  // The stand-in runner runs pre and post with its own runtime.
  const node = opts.node ?? process.execPath;
  const argv = [...(opts.prefix ?? []), node, join(fixturesDir, 'action', 'runner.mjs'), distDir, work, ...stepFiles];
  // Not spawnSync: the artifact service answering post lives in this process.
  const child = spawn(argv[0]!, argv.slice(1), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`stand-in runner failed (${code}): ${stderr}`);
  const result = JSON.parse(readFileSync(join(work, 'runner-result.json'), 'utf8')) as { phases: Record<string, Phase> };
  return {
    work,
    phases: result.phases,
    summary: readFileSync(join(work, 'summary.md'), 'utf8'),
    outputs: readFileSync(join(work, 'output'), 'utf8'),
    envFile: readFileSync(join(work, 'env'), 'utf8'),
    stateDir,
  };
}

export const output = (run: JobRun, name: string): string | undefined => {
  const m = new RegExp(`^${name}<<(.+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(run.outputs);
  return m?.[2];
};

/** What a test file's beforeAll calls: root, dockerd (the proxy and DOCKER_HOST exist only where one runs), the artifact service. */
export async function startActionJobs(): Promise<ArtifactServer> {
  requireRoot();
  await ensureDockerd();
  artifacts = await startArtifactServer();
  return artifacts;
}

/** A directory the test made that goes when the jobs do. */
export const keepUntilStopped = (dir: string): void => {
  roots.push(dir);
};

/** Daemons the action started: stopped (killed if they will not), their docker mounts undone. */
async function stopActionDaemons(): Promise<void> {
  for (const root of roots) {
    const stateDir = join(root, 'sensor-state');
    const pidfile = join(stateDir, 'daemon.pid');
    if (!existsSync(pidfile)) continue;
    const pid = Number(readFileSync(pidfile, 'utf8'));
    if (alive(pid)) spawnSync(process.execPath, [join(distDir, 'cli.js'), 'daemon', 'stop', '--state-dir', stateDir]);
    if (!(await waitGone(pid, 10_000))) process.kill(pid, 'SIGKILL');
    await waitGone(pid);
    repairInterposition(stateDir);
  }
}

/** What a test file's afterAll calls: every daemon, cgroup, dockerd and directory the jobs left stopped and removed. */
export async function stopActionJobs(): Promise<void> {
  await artifacts?.close();
  await stopActionDaemons();
  // The stand-in runners are gone: their job cgroups, and a killed daemon's own, are empty now.
  adoptRootCgroups(/^cicd-sensor(-4242-.*)?$/);
  await cleanupDaemons();
  await stopDockerd();
  if (!process.env.CS_KEEP_RUNS) for (const r of roots) rmSync(r, { recursive: true, force: true });
}
