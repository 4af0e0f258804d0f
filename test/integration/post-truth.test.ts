/**
 * Post gets the truth, not files the job can rewrite. The action runs as a
 * runner does it on a self-hosted machine: pre, the steps and post as an
 * unprivileged user the test makes, from a copy of dist/ that user owns (the
 * runner's `_actions/`), with the runner's node under its own `externals/`,
 * and passwordless sudo for pre to start the daemon and post to stop it.
 * The job's step attacks as that user without sudo: it rewrites the
 * action's code root would run, and plants forged files where post used to
 * read and upload them. Post's summary, outputs and artifact come from the
 * daemon and are unaffected; the rewritten code never runs as root.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startArtifactServer, type Upload } from '../helpers/artifactServer.js';
import { alive, cleanupDaemons, waitGone } from '../helpers/daemon.js';
import { cliPath, distDir, fixturesDir } from '../helpers/paths.js';
import { requireRoot } from '../helpers/sensorRun.js';
import { cleanupUsers, createUser, ownedBy, type TestUser } from '../helpers/unprivileged.js';

const FORGED = 'FORGED-BY-THE-JOB';

let user: TestUser;
let artifacts: Awaited<ReturnType<typeof startArtifactServer>>;
let work: string;
let stateDir: string;
let codeBase: string;
let sudoers: string;
let pwned: string;
let phases: Record<string, { status: number; stdout: string; stderr: string }>;
let summary: string;
let outputs: string;
let daemonPid: number | undefined;
let daemonCmdline: string[] = [];

const output = (name: string): string | undefined => new RegExp(`^${name}<<(.+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(outputs)?.[2];

/** What the attacker's code does wherever it runs: leave a mark naming the uid it ran as. */
const payload = (mark: string): string =>
  `import { appendFileSync } from 'node:fs';\ntry { appendFileSync(${JSON.stringify(mark)}, process.getuid() + '\\n'); } catch {}\n`;

/** The job's step: rewrites the action's code root would run and plants forged report files, as the runner user. */
function attackStep(actionDist: string): string {
  // jobs/ lists nothing to the runner: the job's id is in the state pre saved, which the runner's files hold.
  const job = '"$job"';
  const finding = JSON.stringify({ ruleset_id: 'x/y', rule_id: 'forged', action: 'detect', severity: 'critical', seq: 0, time: '2026-12-07T00:00:00Z', summary: FORGED });
  return [
    `job=${stateDir}/jobs/$(sed -n 's/.*"jobId":"\\([^"]*\\)".*/\\1/p' "$GITHUB_STATE")`,
    '[ -d "$job" ] || exit 3',
    // The action's files are the runner's: the job can rewrite what root would run from them.
    `for f in cli.js tracker.js; do printf '%s' "$PAYLOAD" > ${actionDist}/$f; done`,
    `printf 'garbage' > ${actionDist}/sensor.bpf.o`,
    // Files post used to read or upload, planted in the job's directory (the runner may add files there).
    `printf '%s\\n' '${finding}' > ${job}/findings.ndjson || true`,
    `printf '${FORGED}.example:443\\n' > ${job}/allowed-endpoints.txt || true`,
    `printf '${FORGED}' > ${job}/events.ndjson.gz || true`,
    `printf '${FORGED}' > ${job}/findings.sarif || true`,
    `printf '${FORGED}' > ${job}/report.html || true`,
    // And the daemon's own files, which it must not be able to touch.
    `: > ${job}/events.ndjson 2>/dev/null && echo truncated-events >> "$RUNNER_TEMP/attack" || true`,
    `printf '${FORGED}' > ${job}/report.json || true`,
    `printf '${FORGED}' > ${job}/summary.md || true`,
    `printf '${FORGED}' >> ${job}/events.ndjson 2>/dev/null && echo appended-events >> "$RUNNER_TEMP/attack" || true`,
    '/bin/echo after-attack > /dev/null',
    '',
  ].join('\n');
}

function runnerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: work,
    RUNNER_TEMP: join(work, '_temp'),
    GITHUB_WORKSPACE: work,
    GITHUB_JOB: 'build',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_RUN_ID: '4243',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_NAME: 'self-hosted',
    RUNNER_TOOL_CACHE: join(work, '_tool'),
    CICD_SENSOR_STATE_DIR: stateDir,
    CICD_SENSOR_CODE_DIR: codeBase,
    PAYLOAD: payload(pwned),
    'INPUT_SUMMARY-ROWS': '3',
    'INPUT_ARTIFACT-NAME': 'post-truth',
    ...artifacts.env(),
  };
  for (const name of ['GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY']) {
    env[name] = join(work, name.toLowerCase());
    writeFileSync(env[name]!, '');
  }
  return env;
}

/** The stand-in runner as the user (setpriv keeps the environment given here). */
async function runJob(node: string, actionDist: string, steps: string[]): Promise<void> {
  const env = runnerEnv();
  const stepFiles = steps.map((text, i) => {
    const path = join(work, '_temp', `step-${i + 1}.sh`);
    writeFileSync(path, text);
    return path;
  });
  spawnSync('chown', ['-R', `${user.uid}:${user.gid}`, work]);
  const argv = ['setpriv', `--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--', node, join(fixturesDir, 'action', 'runner.mjs'), actionDist, work, ...stepFiles];
  const child = spawn(argv[0]!, argv.slice(1), { env, cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  // The daemon's command line while it runs: where root's code came from.
  const watch = setInterval(() => {
    try {
      daemonPid ??= Number(readFileSync(join(stateDir, 'daemon.pid'), 'utf8'));
      if (daemonCmdline.length === 0) daemonCmdline = readFileSync(`/proc/${daemonPid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      /* not started yet */
    }
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(watch);
  if (code !== 0) throw new Error(`stand-in runner failed (${code}): ${stderr}`);
  phases = (JSON.parse(readFileSync(join(work, 'runner-result.json'), 'utf8')) as { phases: typeof phases }).phases;
  summary = readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8');
  outputs = readFileSync(env.GITHUB_OUTPUT!, 'utf8');
}

/** One file of an uploaded zip, read with python's zipfile (the artifact service stores the zip as is). */
function zipEntry(upload: Upload, name: string): string {
  const zip = join(work, 'artifact.zip');
  writeFileSync(zip, upload.content);
  const r = spawnSync('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', zip, name], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

beforeAll(async () => {
  requireRoot();
  user = createUser('post');
  sudoers = join('/etc/sudoers.d', `cs-test-${user.name}`);
  writeFileSync(sudoers, `${user.name} ALL=(root) NOPASSWD: ALL\n`, { mode: 0o440 });
  artifacts = await startArtifactServer();
  work = mkdtempSync(join(tmpdir(), 'cs-post-work-'));
  stateDir = mkdtempSync(join(tmpdir(), 'cs-post-state-'));
  codeBase = mkdtempSync(join(tmpdir(), 'cs-post-code-'));
  chmodSync(codeBase, 0o755);
  pwned = join(tmpdir(), `cs-post-pwned-${process.pid}`);
  writeFileSync(pwned, '', { mode: 0o666 });
  chmodSync(pwned, 0o666);
  ownedBy(user, work);
  mkdirSync(join(work, '_temp'));
  // The runner's files: the action in _actions/, its node in externals/, both the user's.
  const actionDist = join(work, '_actions', 'org', 'cicd-sensor', 'v1', 'dist');
  cpSync(distDir, actionDist, { recursive: true });
  const node = join(work, 'externals', 'node', 'bin', 'node');
  mkdirSync(join(node, '..'), { recursive: true });
  cpSync(process.execPath, node);
  chownSync(work, user.uid, user.gid);
  await runJob(node, actionDist, ['/bin/echo first-step > /dev/null\n/bin/true\n/usr/bin/env true\n/bin/cat /dev/null\n/bin/ls / > /dev/null\n', attackStep(actionDist)]);
}, 240_000);

afterAll(async () => {
  await artifacts?.close();
  if (daemonPid !== undefined && alive(daemonPid)) {
    spawnSync(process.execPath, [cliPath, 'daemon', 'stop', '--state-dir', stateDir]);
    if (!(await waitGone(daemonPid, 10_000))) process.kill(daemonPid, 'SIGKILL');
  }
  await cleanupDaemons();
  cleanupUsers();
  for (const path of [sudoers, work, stateDir, codeBase, pwned]) if (path) rmSync(path, { recursive: true, force: true });
});

test('pre, the steps and post succeed as the runner user, and the job is not failed by anything it forged', () => {
  for (const [name, p] of Object.entries(phases)) expect([name, p.status]).toEqual([name, 0]);
  expect(phases.post!.stdout).not.toMatch(/::error/);
  expect(phases.post!.stdout).not.toMatch(/rebuilt from the events log/);
});

test('the daemon runs from root\'s copy of the code, node included, not from the runner\'s files', () => {
  expect(daemonCmdline[0]).toMatch(new RegExp(`^${codeBase}/[0-9a-f]{64}/bin/node$`));
  expect(daemonCmdline[1]).toMatch(new RegExp(`^${codeBase}/[0-9a-f]{64}/(cli|tracker)\\.js$`));
  const copy = join(daemonCmdline[0]!, '..', '..');
  for (const name of ['', 'cli.js', 'tracker.js', 'sensor.bpf.o', 'bin/node', ...readdirSync(join(copy, 'lib')).map((f) => `lib/${f}`)]) {
    const st = statSync(join(copy, name));
    expect([name, st.uid, st.mode & 0o022]).toEqual([name, 0, 0]);
  }
  expect(readFileSync(join(copy, 'tracker.js'), 'utf8')).toBe(readFileSync(join(distDir, 'tracker.js'), 'utf8'));
});

test('the rewritten action code never ran as root (post stopped the daemon through sudo with root\'s copy)', () => {
  expect(readFileSync(join(work, '_actions', 'org', 'cicd-sensor', 'v1', 'dist', 'cli.js'), 'utf8')).toContain(pwned);
  expect(readFileSync(pwned, 'utf8').split('\n').filter((uid) => uid === '0')).toEqual([]);
  expect(phases.post!.stdout).not.toMatch(/could not stop the sensor daemon/);
  expect(existsSync(join(stateDir, 'control.sock'))).toBe(false);
});

test('the runner user could not change the daemon\'s files', () => {
  const attack = join(work, '_temp', 'attack');
  expect(existsSync(attack) ? readFileSync(attack, 'utf8') : '').toBe('');
});

test("post's summary and outputs are the daemon's: forged findings and files are absent", () => {
  expect(summary).toMatch(/cicd-sensor report/);
  expect(summary).not.toContain(FORGED);
  expect(output('findings')).toBe('0');
  expect(output('highest-severity')).toBe('');
  expect(Number(output('events'))).toBeGreaterThan(5);
  expect(output('report-dir')).toMatch(new RegExp(`^${stateDir}/jobs/4243-1-build-\\d+$`));
});

describe('the artifact', () => {
  let upload: Upload;
  beforeAll(() => {
    upload = artifacts.uploads.find((u) => u.name === 'post-truth')!;
  });

  test('holds only the daemon\'s files, none of those the job planted', () => {
    // allowed-endpoints.txt (the recommendation) and findings.ndjson (the built-in rules') are the daemon's, always
    // made: the job's planted ones were replaced, and the content checks below show it.
    expect(upload.files.sort()).toEqual(['allowed-endpoints.txt', 'events.ndjson', 'findings.ndjson', 'findings.sarif', 'report.html', 'report.json', 'summary.md']);
    for (const name of upload.files) expect([name, zipEntry(upload, name).includes(FORGED)]).toEqual([name, false]);
    expect(zipEntry(upload, 'events.ndjson')).toMatch(/after-attack/);
  });

  test('its summary.md has summary-rows rows per table, like the job summary', () => {
    const md = zipEntry(upload, 'summary.md');
    const executables = md.split('### Executables')[1]!.split('\n\n')[1]!;
    expect(executables.split('\n').filter((l) => l.startsWith('| <code>'))).toHaveLength(3);
    expect(JSON.parse(zipEntry(upload, 'report.json'))).toMatchObject({ rowLimit: 3 });
  });
});
