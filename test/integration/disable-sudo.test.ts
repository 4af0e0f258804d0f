/**
 * disable-sudo for real: a runner user the test creates, with a NOPASSWD
 * sudoers.d entry as hosted runners have, runs the action under the
 * stand-in Runner.Worker. Its steps after pre have no sudo (and cannot ask
 * the daemon for it back without post's token); after post it has sudo
 * again. A daemon that stops, or is killed and cleaned up with `daemon
 * kill`, gives back what it removed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adoptRootCgroups, alive, ask, cleanupDaemons, cli, startDaemon, testCgroup, waitGone } from '../helpers/daemon.js';
import { distDir, fixturesDir } from '../helpers/paths.js';
import { requireRoot } from '../helpers/sensorRun.js';
import { cleanupUsers, createUser, type TestUser } from '../helpers/unprivileged.js';

const SUDOERS = '/etc/sudoers.d';
let user: TestUser;
let grant: string;
const roots: string[] = [];

const sudoWorks = (): boolean => spawnSync('runuser', ['-u', user.name, '--', 'sudo', '-n', 'true']).status === 0;
const dropIns = (): string[] => readdirSync(SUDOERS).filter((f) => f.startsWith('zz-cicd-sensor-'));

/** The stand-in runner as the user: pre, the steps, post; what each phase did. */
async function runJobAs(steps: string[], inputs: Record<string, string>): Promise<{ work: string; phases: Record<string, { status: number; stdout: string }> }> {
  const work = mkdtempSync(join(tmpdir(), 'cs-sudo-'));
  roots.push(work);
  mkdirSync(join(work, '_temp'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE: process.execPath,
    FIXTURES: fixturesDir,
    RUNNER_TEMP: join(work, '_temp'),
    GITHUB_WORKSPACE: work,
    GITHUB_JOB: 'sudo',
    GITHUB_RUN_ID: '5151',
    CICD_SENSOR_STATE_DIR: join(work, 'sensor-state'),
    INPUT_UPLOAD_ARTIFACT: 'false',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  for (const name of ['state', 'env', 'output', 'summary.md']) writeFileSync(join(work, name), '');
  Object.assign(env, { GITHUB_STATE: join(work, 'state'), GITHUB_ENV: join(work, 'env'), GITHUB_OUTPUT: join(work, 'output'), GITHUB_STEP_SUMMARY: join(work, 'summary.md') });
  const stepFiles = steps.map((text, i) => {
    const path = join(work, '_temp', `step-${i + 1}.sh`);
    writeFileSync(path, text);
    return path;
  });
  spawnSync('chmod', ['-R', 'a+rwX', work]);
  const child = spawn('runuser', ['-u', user.name, '--', process.execPath, join(fixturesDir, 'action', 'runner.mjs'), distDir, work, ...stepFiles], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`stand-in runner failed (${code}): ${stderr}`);
  return { work, ...(JSON.parse(readFileSync(join(work, 'runner-result.json'), 'utf8')) as { phases: Record<string, { status: number; stdout: string }> }) };
}

beforeAll(() => {
  requireRoot();
  user = createUser('sudo');
  grant = join(SUDOERS, `cs-test-${user.name}`);
  writeFileSync(grant, `${user.name} ALL=(ALL) NOPASSWD:ALL\n`, { mode: 0o440 });
});

afterAll(async () => {
  for (const root of roots) {
    const stateDir = join(root, 'sensor-state');
    const pidfile = join(stateDir, 'daemon.pid');
    if (existsSync(pidfile)) {
      const pid = Number(readFileSync(pidfile, 'utf8'));
      if (alive(pid)) cli(['daemon', 'kill', '--state-dir', stateDir]);
      await waitGone(pid);
    }
  }
  adoptRootCgroups(/^cicd-sensor(-5151-.*)?$/);
  await cleanupDaemons();
  rmSync(grant, { force: true });
  for (const f of dropIns()) if (readFileSync(join(SUDOERS, f), 'utf8').includes(user.name)) rmSync(join(SUDOERS, f));
  await cleanupUsers();
  if (!process.env.CS_KEEP_RUNS) for (const r of roots) rmSync(r, { recursive: true, force: true });
}, 60_000);

describe('disable-sudo: true in the action', () => {
  let run: Awaited<ReturnType<typeof runJobAs>>;
  const probe = (file: string): string => `if sudo -n true 2>/dev/null; then echo allowed; else echo refused; fi > "$RUNNER_TEMP/${file}"\n`;
  // A step that knows the protocol asks for its sudo back, without post's token.
  const askBack = [
    `id=$("$NODE" "$FIXTURES/controlClient.mjs" "$CICD_SENSOR_STATE_DIR/control.sock" '{"op":"stats"}' | "$NODE" -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>console.log(JSON.parse(s).jobs[0].id))')`,
    `"$NODE" "$FIXTURES/controlClient.mjs" "$CICD_SENSOR_STATE_DIR/control.sock" "{\\"op\\":\\"sudo\\",\\"id\\":\\"$id\\",\\"disable\\":false}" > "$RUNNER_TEMP/asked-back"`,
  ].join('\n');

  beforeAll(async () => {
    expect(sudoWorks()).toBe(true);
    run = await runJobAs([probe('step1'), `${askBack}\n${probe('step2')}`], { 'disable-sudo': 'true', 'job-summary': 'false' });
  }, 180_000);

  const temp = (name: string): string => readFileSync(join(run.work, '_temp', name), 'utf8').trim();

  test('pre succeeds and says so', () => {
    expect(run.phases.pre!.status).toBe(0);
    expect(run.phases.pre!.stdout).toMatch(/the runner user's sudo is removed until the job ends/);
  });

  test('the steps after pre have no sudo', () => {
    expect(temp('step1')).toBe('refused');
    expect(temp('step2')).toBe('refused');
  });

  test('a step cannot ask the daemon for it back', () => {
    expect(JSON.parse(temp('asked-back'))).toEqual({ ok: false, error: expect.stringMatching(/takes the token its disable answered with/) });
  });

  test('post gives it back, and nothing of it is left in sudoers.d', () => {
    expect(run.phases.post!.status).toBe(0);
    expect(run.phases.post!.stdout).toMatch(/the runner user's sudo is given back/);
    expect(sudoWorks()).toBe(true);
    expect(dropIns()).toEqual([]);
  });
});

describe('the daemon gives back what it removed', () => {
  async function removed(id: string): Promise<{ stateDir: string; pid: number }> {
    const daemon = startDaemon();
    expect(await ask(daemon.stateDir, { op: 'register', job: { id }, cgroup: testCgroup(id) })).toMatchObject({ ok: true });
    const r = await ask(daemon.stateDir, { op: 'sudo', id, disable: true, user: user.name });
    expect(r).toMatchObject({ ok: true, file: expect.stringMatching(/^\/etc\/sudoers\.d\/zz-cicd-sensor-/) });
    expect(sudoWorks()).toBe(false);
    return daemon;
  }

  test('when the job is unregistered', async () => {
    const daemon = await removed('sudo-unregister');
    expect(await ask(daemon.stateDir, { op: 'unregister', id: 'sudo-unregister' })).toMatchObject({ ok: true });
    expect(sudoWorks()).toBe(true);
  }, 60_000);

  test('when the daemon stops', async () => {
    const daemon = await removed('sudo-stop');
    process.kill(daemon.pid, 'SIGTERM');
    expect(await waitGone(daemon.pid)).toBe(true);
    expect(sudoWorks()).toBe(true);
    expect(dropIns()).toEqual([]);
  }, 60_000);

  test('after kill -9: not until `daemon kill` (or the next daemon on the state directory) cleans up', async () => {
    const daemon = await removed('sudo-killed');
    process.kill(daemon.pid, 'SIGKILL');
    expect(await waitGone(daemon.pid)).toBe(true);
    expect(sudoWorks()).toBe(false);
    const k = cli(['daemon', 'kill', '--state-dir', daemon.stateDir]);
    expect(k.status).toBe(0);
    expect(JSON.parse(k.stdout)).toMatchObject({ sudoGivenBack: [user.name] });
    expect(sudoWorks()).toBe(true);
    expect(dropIns()).toEqual([]);
  }, 60_000);

  test('a user name sudoers would have to quote is refused', async () => {
    const daemon = startDaemon();
    expect(await ask(daemon.stateDir, { op: 'register', job: { id: 'sudo-names' }, cgroup: testCgroup('sudo-names') })).toMatchObject({ ok: true });
    expect(await ask(daemon.stateDir, { op: 'sudo', id: 'sudo-names', disable: true, user: 'ALL, root' })).toMatchObject({ ok: false, error: expect.stringMatching(/not a plain user name/) });
    expect(dropIns()).toEqual([]);
  }, 60_000);
});
