/**
 * The action as a runner runs it: dist/pre.js, the job's steps and
 * dist/post.js as separate processes under a stand-in Runner.Worker
 * (test/fixtures/action/runner.mjs), with the runner's files and
 * environment in a fresh directory, optionally as another user (runuser),
 * against a loopback artifact service when the test file started one.
 * Shared by the action's tests, the attack cases and the tests of what pre
 * sets up (egress fail-closed, disable-sudo).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  /** A file the steps wrote into RUNNER_TEMP, trimmed. */
  temp(name: string): string;
}

export type ActionJob = JobRun;

export interface JobOptions {
  /** Run the stand-in runner as this user (runuser), its files made writable for it. */
  user?: string;
  env?: NodeJS.ProcessEnv;
  /** The runtime the stand-in runner itself runs on (and so the action's phases, unless RUNNER_ACTION_NODE says otherwise). */
  node?: string;
}

const roots: string[] = [];
let artifacts: ArtifactServer | undefined;

/**
 * Root's copies of the sensor's code (src/action/codeCopy.ts) for a job: not in /var/lib, and not
 * in the job's directory either, which an unprivileged runner may write (post runs only code root alone can change).
 */
function codeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cs-action-code-'));
  chmodSync(dir, 0o755);
  roots.push(dir);
  return dir;
}

/** The runner's environment for a job in work; uploads go to the artifact service when one runs, else are off. */
function runnerEnv(work: string, opts: JobOptions): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE: process.execPath,
    FIXTURES: fixturesDir,
    RUNNER_TEMP: join(work, '_temp'),
    GITHUB_WORKSPACE: work,
    GITHUB_JOB: 'build',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_NAME: 'stand-in',
    CICD_SENSOR_STATE_DIR: join(work, 'sensor-state'),
    RUNNER_TOOL_CACHE: join(work, '_tool'),
    CICD_SENSOR_CODE_DIR: codeDir(),
    ...(artifacts === undefined ? { INPUT_UPLOAD_ARTIFACT: 'false' } : artifacts.env()),
    ...opts.env,
  };
}

/** Runs a job: the runner's files in a fresh directory, INPUT_* from inputs, steps from scripts. */
export async function runJob(scripts: string[], inputs: Record<string, string> = {}, opts: JobOptions = {}): Promise<JobRun> {
  const work = mkdtempSync(join(tmpdir(), 'cs-action-'));
  roots.push(work);
  mkdirSync(join(work, '_temp'));
  const env = runnerEnv(work, opts);
  for (const [name, file] of Object.entries({ GITHUB_STATE: 'state', GITHUB_ENV: 'env', GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary.md' })) {
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
  if (opts.user !== undefined) spawnSync('chmod', ['-R', 'a+rwX', work]);
  const runner = [opts.node ?? process.execPath, join(fixturesDir, 'action', 'runner.mjs'), distDir, work, ...stepFiles];
  const argv = opts.user === undefined ? runner : ['runuser', '-u', opts.user, '--', ...runner];
  // Not spawnSync: the artifact service answering post lives in this process.
  const child = spawn(argv[0]!, argv.slice(1), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`stand-in runner failed (${code}): ${stderr}`);
  const result = JSON.parse(readFileSync(join(work, 'runner-result.json'), 'utf8')) as { phases: Record<string, Phase> };
  const read = (name: string) => readFileSync(join(work, name), 'utf8');
  return {
    work,
    phases: result.phases,
    summary: read('summary.md'),
    outputs: read('output'),
    envFile: read('env'),
    stateDir: env.CICD_SENSOR_STATE_DIR!,
    temp: (name) => read(join('_temp', name)).trim(),
  };
}

/** A job of the tests of what pre sets up: its own run id (its cgroups are told apart by it), no artifact. */
export function runActionJob(steps: string[], inputs: Record<string, string>, opts: Omit<JobOptions, 'node'> = {}): Promise<ActionJob> {
  return runJob(steps, inputs, { ...opts, env: { GITHUB_JOB: 'job', GITHUB_RUN_ID: '5151', INPUT_UPLOAD_ARTIFACT: 'false', ...opts.env } });
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

/** Stops (kills if need be) the daemons the jobs' pre steps started, undoes their docker mounts, and removes the jobs' directories. */
export async function cleanupActionJobs(): Promise<void> {
  for (const root of roots.splice(0)) {
    const stateDir = join(root, 'sensor-state');
    const pidfile = join(stateDir, 'daemon.pid');
    if (existsSync(pidfile)) {
      const pid = Number(readFileSync(pidfile, 'utf8'));
      if (alive(pid)) spawnSync(process.execPath, [join(distDir, 'cli.js'), 'daemon', 'stop', '--state-dir', stateDir]);
      if (!(await waitGone(pid, 10_000))) process.kill(pid, 'SIGKILL');
      await waitGone(pid);
      repairInterposition(stateDir);
    }
    if (!process.env.CS_KEEP_RUNS) rmSync(root, { recursive: true, force: true });
  }
}

/** What a test file's afterAll calls after startActionJobs: every daemon, cgroup, dockerd and directory the jobs left stopped and removed. */
export async function stopActionJobs(): Promise<void> {
  await artifacts?.close();
  artifacts = undefined;
  await cleanupActionJobs();
  // The stand-in runners are gone: their job cgroups, and a killed daemon's own, are empty now.
  adoptRootCgroups(/^cicd-sensor(-4242-.*)?$/);
  await cleanupDaemons();
  await stopDockerd();
}
