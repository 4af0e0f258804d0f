/**
 * disable-sudo for real: a runner user the test creates, with a NOPASSWD
 * sudoers.d entry as hosted runners have, runs the action under the
 * stand-in Runner.Worker. Its steps after pre have no sudo (and cannot ask
 * the daemon for it back without post's token); after post it has sudo
 * again. A daemon that stops, or is killed and cleaned up with `daemon
 * kill`, gives back what it removed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupActionJobs, runActionJob, type ActionJob } from '../helpers/actionJob.js';
import { adoptRootCgroups, ask, cleanupDaemons, cli, startDaemon, testCgroup, waitGone } from '../helpers/daemon.js';
import { requireRoot } from '../helpers/sensorRun.js';
import { cleanupUsers, createUser, type TestUser } from '../helpers/unprivileged.js';

const SUDOERS = '/etc/sudoers.d';
let user: TestUser;
let grant: string;

const sudoWorks = (): boolean => spawnSync('runuser', ['-u', user.name, '--', 'sudo', '-n', 'true']).status === 0;
const dropIns = (): string[] => readdirSync(SUDOERS).filter((f) => f.startsWith('zz-cicd-sensor-'));

beforeAll(() => {
  requireRoot();
  user = createUser('sudo');
  grant = join(SUDOERS, `cs-test-${user.name}`);
  writeFileSync(grant, `${user.name} ALL=(ALL) NOPASSWD:ALL\n`, { mode: 0o440 });
});

afterAll(async () => {
  await cleanupActionJobs();
  adoptRootCgroups(/^cicd-sensor(-5151-.*)?$/);
  await cleanupDaemons();
  rmSync(grant, { force: true });
  for (const f of dropIns()) if (readFileSync(join(SUDOERS, f), 'utf8').includes(user.name)) rmSync(join(SUDOERS, f));
  cleanupUsers();
}, 60_000);

describe('disable-sudo: true in the action', () => {
  let run: ActionJob;
  const probe = (file: string): string => `if sudo -n true 2>/dev/null; then echo allowed; else echo refused; fi > "$RUNNER_TEMP/${file}"\n`;
  // A step that knows the protocol asks for its sudo back, without post's token.
  const askBack = [
    `id=$("$NODE" "$FIXTURES/controlClient.mjs" "$CICD_SENSOR_STATE_DIR/control.sock" '{"op":"stats"}' | "$NODE" -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>console.log(JSON.parse(s).jobs[0].id))')`,
    `"$NODE" "$FIXTURES/controlClient.mjs" "$CICD_SENSOR_STATE_DIR/control.sock" "{\\"op\\":\\"sudo\\",\\"id\\":\\"$id\\",\\"disable\\":false}" > "$RUNNER_TEMP/asked-back"`,
  ].join('\n');

  beforeAll(async () => {
    expect(sudoWorks()).toBe(true);
    run = await runActionJob([probe('step1'), `${askBack}\n${probe('step2')}`], { 'disable-sudo': 'true', 'job-summary': 'false' }, { user: user.name });
  }, 180_000);

  const temp = (name: string): string => run.temp(name);

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
