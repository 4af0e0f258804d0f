/**
 * A job run by the stand-in Runner.Worker (test/fixtures/action/runner.mjs):
 * pre, the steps and post from dist/, with the runner's files and
 * environment in a fresh directory, optionally as another user (runuser).
 * The caller stops the daemon it leaves (stopJobDaemons).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alive, cli, waitGone } from './daemon.js';
import { distDir, fixturesDir } from './paths.js';

export type Phase = { status: number; stdout: string; stderr: string };

export interface ActionJob {
  work: string;
  stateDir: string;
  phases: Record<string, Phase>;
  /** A file the steps wrote into RUNNER_TEMP, trimmed. */
  temp(name: string): string;
}

const works: string[] = [];

export async function runActionJob(steps: string[], inputs: Record<string, string>, opts: { user?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ActionJob> {
  const work = mkdtempSync(join(tmpdir(), 'cs-job-'));
  works.push(work);
  mkdirSync(join(work, '_temp'));
  const stateDir = join(work, 'sensor-state');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE: process.execPath,
    FIXTURES: fixturesDir,
    RUNNER_TEMP: join(work, '_temp'),
    GITHUB_WORKSPACE: work,
    GITHUB_JOB: 'job',
    GITHUB_RUN_ID: '5151',
    CICD_SENSOR_STATE_DIR: stateDir,
    INPUT_UPLOAD_ARTIFACT: 'false',
    ...opts.env,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  for (const [name, file] of Object.entries({ GITHUB_STATE: 'state', GITHUB_ENV: 'env', GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary.md' })) {
    env[name] = join(work, file);
    writeFileSync(join(work, file), '');
  }
  const stepFiles = steps.map((text, i) => {
    const path = join(work, '_temp', `step-${i + 1}.sh`);
    writeFileSync(path, text);
    return path;
  });
  const runner = [process.execPath, join(fixturesDir, 'action', 'runner.mjs'), distDir, work, ...stepFiles];
  if (opts.user) await new Promise((resolve) => spawn('chmod', ['-R', 'a+rwX', work]).on('close', resolve));
  const argv = opts.user ? ['runuser', '-u', opts.user, '--', ...runner] : runner;
  const child = spawn(argv[0]!, argv.slice(1), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`stand-in runner failed (${code}): ${stderr}`);
  const { phases } = JSON.parse(readFileSync(join(work, 'runner-result.json'), 'utf8')) as { phases: Record<string, Phase> };
  return { work, stateDir, phases, temp: (name) => readFileSync(join(work, '_temp', name), 'utf8').trim() };
}

/** Stops (kills if need be) the daemons the jobs' pre steps started, and removes the jobs' directories. */
export async function cleanupActionJobs(): Promise<void> {
  for (const work of works.splice(0)) {
    const stateDir = join(work, 'sensor-state');
    const pidfile = join(stateDir, 'daemon.pid');
    if (existsSync(pidfile)) {
      const pid = Number(readFileSync(pidfile, 'utf8'));
      if (alive(pid)) cli(['daemon', 'kill', '--state-dir', stateDir]);
      await waitGone(pid);
    }
    if (!process.env.CS_KEEP_RUNS) rmSync(work, { recursive: true, force: true });
  }
}
