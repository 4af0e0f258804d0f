/**
 * The action as a runner runs it: dist/pre.js, the job's steps and
 * dist/post.js as separate processes under a stand-in Runner.Worker, with
 * the runner's files and environment, against a loopback artifact service.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepUntilStopped, output, runJob, startActionJobs, stopActionJobs, type ArtifactServer, type JobRun } from '../helpers/actionJob.js';
import { alive, waitGone } from '../helpers/daemon.js';
import { distDir, fixturesDir } from '../helpers/paths.js';
import { actionRuntimes } from '../helpers/runtimes.js';
import { readEvents } from '../helpers/sensorRun.js';

let artifacts: ArtifactServer;

beforeAll(async () => {
  artifacts = await startActionJobs();
}, 120_000);

afterAll(stopActionJobs);

describe.each(actionRuntimes())('a job watched by the action under %s', (_name, node) => {
  let run: JobRun;
  // Artifact names are unique in a workflow run, and the name holds the runner's.
  const runner = node === process.execPath ? 'stand-in' : 'stand-in-node24';
  const hostile = ['<script>alert(1)</script>', '| `tick` |', '</details>', 'line\nbreak', 'x'.repeat(10_000)];

  beforeAll(async () => {
    const quoted = hostile.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    // More programs than summary-rows, so the summary has to say it cut.
    const steps = ['/bin/echo first-step > /dev/null\n/bin/true\n/usr/bin/env true\n/bin/cat /dev/null\n/bin/ls / > /dev/null\n', `/bin/echo ${quoted} > /dev/null\nprintf '%s\\n' "$DOCKER_HOST" > "$RUNNER_TEMP/docker-host"\n`];
    run = await runJob(steps, { 'summary-rows': '3' }, { node, env: { RUNNER_NAME: runner } });
  }, 240_000);

  test('every phase succeeds and the job is not failed', () => {
    for (const [name, p] of Object.entries(run.phases)) expect([name, p.status]).toEqual([name, 0]);
    expect(run.phases.post!.stdout).not.toMatch(/::error/);
  });

  test('post sets the outputs and leaves the report files', () => {
    const dir = output(run, 'report-dir')!;
    expect(Number(output(run, 'events'))).toBeGreaterThan(5);
    expect(output(run, 'lost')).toBe('0');
    for (const f of ['events.ndjson', 'report.json', 'summary.md', 'report.html']) expect(existsSync(join(dir, f))).toBe(true);
    const events = readEvents(join(dir, 'events.ndjson'));
    const first = events.find((e) => e.kind === 'process_exec' && e.process.argv[1] === 'first-step');
    expect(first?.step?.label).toBe('run: /bin/echo first-step > /dev/null');
    expect(first?.job).toMatchObject({ name: 'build', workflow: 'ci', repository: 'octo/repo', run_id: '4242' });
  });

  test('the artifact is uploaded to the artifact service', () => {
    const id = output(run, 'artifact-id');
    expect(id).toBeDefined();
    const upload = artifacts.uploads.find((u) => u.name === `cicd-sensor-build-attempt1-${runner}`);
    // findings.ndjson: the built-in rules judge every job, so every job has one
    expect(upload?.files.sort()).toEqual(['allowed-endpoints.txt', 'events.ndjson', 'findings.ndjson', 'findings.sarif', 'report.html', 'report.json', 'summary.md']);
  });

  test('DOCKER_HOST is exported to later steps, pointing at the proxy', () => {
    expect(run.envFile).toMatch(/DOCKER_HOST/);
    const seen = readFileSync(join(run.work, '_temp', 'docker-host'), 'utf8').trim();
    expect(seen).toBe(`unix://${join(run.stateDir, 'docker.sock')}`);
  });

  test('the job summary is written, escaped, under 1 MiB, with the verdict first and summary-rows rows', () => {
    expect(run.summary).toMatch(/cicd-sensor report/);
    expect(run.summary.indexOf('## Verdict')).toBeLessThan(run.summary.indexOf('## Network egress'));
    const executables = run.summary.split('### Executables')[1]!.split('\n\n')[1]!;
    expect(executables.split('\n').filter((l) => l.startsWith('| <code>'))).toHaveLength(3);
    expect(run.summary).toMatch(/_…and \d+ more in report\.json and report\.html/);
    expect(run.summary).not.toContain('<script>');
    expect(run.summary.split('</details>').length).toBe(run.summary.split('<details>').length);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1 << 20);
  });

  test('the daemon is stopped when no job remains', () => {
    expect(existsSync(join(run.stateDir, 'control.sock'))).toBe(false);
  });
});

describe('egress-policy block', () => {
  let run: JobRun;
  let probes: string[];
  let port: number;
  const server = net.createServer((sock) => sock.end());

  beforeAll(async () => {
    // Loopback with allow-loopback false: a destination outside the policy that needs no namespace.
    port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
    const step = `if (exec 3<>/dev/tcp/127.0.0.1/${port}) 2>/dev/null; then echo ok; else echo refused; fi > "$RUNNER_TEMP/step-probe"\n`;
    const inputs = { 'egress-policy': 'block', 'allow-loopback': 'false', 'allowed-endpoints': '198.51.100.7:443', 'artifact-name': 'egress-block' };
    run = await runJob([step], inputs, { env: { RUNNER_PROBE: `127.0.0.1:${port}` } });
    probes = (JSON.parse(readFileSync(join(run.work, 'runner-result.json'), 'utf8')) as { probes?: string[] }).probes ?? [];
  }, 240_000);

  afterAll(() => server.close());

  test('a step is refused what the policy does not allow', () => {
    expect(run.phases.pre!.status).toBe(0);
    expect(readFileSync(join(run.work, '_temp', 'step-probe'), 'utf8').trim()).toBe('refused');
    const events = readEvents(join(output(run, 'report-dir')!, 'events.ndjson'));
    const refused = events.find((e) => e.kind === 'network_connect' && e.network?.port === port);
    expect(refused?.network).toMatchObject({ address: '127.0.0.1', blocked: true, outside_policy: true });
  });

  test('Runner.Worker itself is not cut off (exempt by pid), and post uploads after the policy is lifted', () => {
    expect(probes).toEqual(['ok']);
    expect(run.phases.post!.status).toBe(0);
    const upload = artifacts.uploads.find((u) => u.name === 'egress-block');
    expect(upload?.files).toContain('allowed-endpoints.txt');
  });

  test('the summary lists the refusal and a recommended allowed-endpoints', () => {
    expect(run.summary).toMatch(/### Outside the egress policy/);
    expect(run.summary).toContain(`| 127.0.0.1:${port} | connect | <b>refused</b> |`);
    expect(run.summary).toMatch(/<b>Recommended allowed-endpoints[^<]*<\/b>\n\n<pre>\n/);
  });
});

// The stand-in checkout copies the workflow file into .github/workflows with cp, not git: the
// built-in rule workflow_file_written sees it, from pre (its rules are on while the repository's
// wait for checkout) through the replay when the repository's rules load.
describe('rules in a job', () => {
  const RULES = join(fixturesDir, 'rules', 'action');
  const checkout = (rules: string) =>
    `/bin/echo early-bird > /dev/null\nmkdir -p .github/rules .github/workflows\ncp ${RULES}/workflow.yml .github/workflows/ci.yml\ncp ${rules} .github/rules/ci.yml\n`;
  const steps = (rules = join(RULES, 'ci.yml')) => [checkout(rules), '#!cicd-sensor-main\n', '/bin/echo findme-critical > /dev/null\n'];
  const env = { GITHUB_WORKFLOW_REF: 'octo/repo/.github/workflows/ci.yml@refs/heads/main' };
  let run: JobRun;

  beforeAll(async () => {
    run = await runJob(steps(), { rules: '.github/rules/*.yml', 'artifact-name': 'with-rules' }, { env });
  }, 240_000);

  test('the action\'s step loads the checked-out rules, replaying what came before', () => {
    for (const name of ['pre', 'step1', 'step2', 'step3']) expect([name, run.phases[name]!.status]).toEqual([name, 0]);
    expect(run.phases.pre!.stdout).toMatch(/the rule files are not checked out yet/);
    expect(run.phases.step2!.stdout).toMatch(/1 rule file\(s\) loaded; 2 finding\(s\) in the job so far/);
    const findings = readFileSync(join(output(run, 'report-dir')!, 'findings.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { rule_id: string });
    expect(findings.map((f) => f.rule_id)).toEqual(['early_bird', 'workflow_file_written', 'findme']);
    expect([output(run, 'findings'), output(run, 'highest-severity')]).toEqual(['3', 'critical']);
  });

  test('the job summary and report.html open with the findings', () => {
    expect(run.summary).toMatch(/> \[!CAUTION\]\n> <b>3 findings: 1 critical, 2 high\./);
    const html = readFileSync(join(output(run, 'report-dir')!, 'report.html'), 'utf8');
    expect(html).toMatch(/<p class="headline tone-bad" role="status">3 findings: 1 critical, 2 high\./);
  });

  test('annotations by severity, at the step\'s line in the workflow file', () => {
    const annotations = run.phases.post!.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l));
    expect(annotations).toEqual([
      expect.stringMatching(/^::error file=\.github\/workflows\/ci\.yml,line=13,title=cicd-sensor%3A critical finding::Findme ran in step "run: \/bin\/echo findme-critical > \/dev\/null": /),
      expect.stringMatching(/^::error file=\.github\/workflows\/ci\.yml,line=7,title=cicd-sensor%3A high finding::Early bird ran in step "run: \/bin\/echo early-bird > \/dev\/null": /),
      expect.stringMatching(/^::error file=\.github\/workflows\/ci\.yml,line=7,title=cicd-sensor%3A high finding::A workflow file written by something other than git in step .*cicd-sensor\/tampering\/workflow_file_written\)$/),
    ]);
  });

  test('findings.sarif is valid SARIF 2.1.0, anchored to the steps, and in the artifact', async () => {
    await import('@microsoft/jest-sarif');
    const sarif = JSON.parse(readFileSync(join(output(run, 'report-dir')!, 'findings.sarif'), 'utf8'));
    (expect(sarif) as unknown as { toBeValidSarifLog(): void }).toBeValidSarifLog();
    const lines = sarif.runs[0].results.map((r: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => r.locations[0]!.physicalLocation.region.startLine);
    expect(lines).toEqual([7, 7, 13]);
    const upload = artifacts.uploads.find((u) => u.files.includes('findings.ndjson') && u.files.includes('findings.sarif'));
    expect(upload).toBeDefined();
  });

  test('fail-on (critical by default) fails the job in post, naming the finding', () => {
    expect(run.phases.post!.status).not.toBe(0);
    expect(run.phases.post!.stdout).toMatch(/::error::cicd-sensor: 1 finding\(s\) at or above fail-on: critical: critical Findme ran/);
  });

  test('fail-on: none does not', async () => {
    const lenient = await runJob(steps(), { rules: '.github/rules/*.yml', 'fail-on': 'none', 'artifact-name': 'lenient' }, { env });
    expect(lenient.phases.post!.status).toBe(0);
    expect(lenient.phases.post!.stdout).not.toMatch(/at or above fail-on/);
    expect(output(lenient, 'findings')).toBe('3');
  }, 240_000);

  test('a bad rule file fails the action\'s step with its problems, and the job is still reported', async () => {
    const bad = await runJob(steps(join(fixturesDir, 'rules', 'bad-conditions.yml')), { rules: '.github/rules/*.yml', 'artifact-name': 'bad-rules' }, { env });
    expect(bad.phases.step2!.status).not.toBe(0);
    expect(bad.phases.step2!.stdout).toMatch(/::error::input rules: the rule files have problems:.*ci\.yml:11:20: test\/bad-conditions\/uses_matches/);
    expect(bad.phases.post!.status).toBe(0);
    expect(output(bad, 'events')).toBeDefined();
  }, 240_000);
});

describe('trouble', () => {
  test('an unsupported platform (no root, no sudo) warns, writes a note, and does not fail the job', async () => {
    const run = await runJob(['true\n'], {}, { user: 'nobody' });
    expect(run.phases.pre!.status).toBe(0);
    expect(run.phases.pre!.stdout).toMatch(/::warning::cicd-sensor cannot watch this job; missing: root or passwordless sudo/);
    expect(run.phases.post!.status).toBe(0);
    expect(run.summary).toMatch(/Nothing was recorded/);
  }, 120_000);

  test('fail-on-unsupported fails the job there', async () => {
    const run = await runJob(['true\n'], { 'fail-on-unsupported': 'true' }, { user: 'nobody' });
    expect(run.phases.pre!.status).not.toBe(0);
  }, 120_000);

  test('a bad input fails with the input named', async () => {
    const run = await runJob(['true\n'], { 'summary-rows': 'lots' });
    expect(run.phases.pre!.status).not.toBe(0);
    expect(run.phases.pre!.stdout).toMatch(/input summary-rows: 'lots' is not a whole number from 1 to 1000/);
  }, 120_000);

  test('a daemon that never becomes ready is stopped after the timeout, with a note, and the job goes on', async () => {
    // A prebuilt sensor in the runner's tool cache (as sensor-url leaves it: the tree and its archive,
    // under the archive's full SHA-256) whose tracker hangs before ready.
    const toolCache = mkdtempSync(join(tmpdir(), 'cs-tool-'));
    keepUntilStopped(toolCache);
    const dir = join(toolCache, 'src', 'dist');
    cpSync(distDir, dir, { recursive: true });
    const pidFile = join(toolCache, 'hung.pid');
    writeFileSync(
      join(dir, 'tracker.js'),
      `import { mkdirSync, writeFileSync } from 'node:fs';
       const stateDir = process.argv[process.argv.indexOf('--state-dir') + 1];
       mkdirSync(stateDir, { recursive: true });
       writeFileSync(stateDir + '/daemon.pid', process.pid + '\\n');
       writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
       console.error('loading BPF programs (this one never finishes)');
       setInterval(() => {}, 1000);\n`,
    );
    const archive = join(toolCache, 'sensor.tgz');
    execFileSync('tar', ['-czf', archive, '-C', join(toolCache, 'src'), 'dist']);
    const sha = createHash('sha256').update(readFileSync(archive)).digest('hex');
    const cache = join(toolCache, 'cache');
    for (const [tool, place] of [['cicd-sensor', (d: string) => cpSync(dir, d, { recursive: true })], ['cicd-sensor-archive', (d: string) => cpSync(archive, join(d, 'sensor.tar.gz'))]] as const) {
      const at = join(cache, tool, `0.0.0-sha${sha}`, 'x64');
      mkdirSync(at, { recursive: true });
      place(at);
      writeFileSync(`${at}.complete`, '');
    }
    const run = await runJob(['/bin/echo unwatched > /dev/null\n'], { 'sensor-url': 'https://sensor.invalid/sensor.tgz', 'sensor-sha256': sha }, {
      env: { RUNNER_TOOL_CACHE: cache, CICD_SENSOR_READY_TIMEOUT: '2' },
    });
    expect(run.phases.pre!.status).toBe(0);
    expect(run.phases.pre!.stdout).toMatch(/::warning::cicd-sensor could not start watching this job: the sensor daemon did not become ready within 2 s/);
    expect(run.phases.pre!.stdout).toMatch(/it was stopped/);
    expect(run.phases.step1!.status).toBe(0);
    expect(run.phases.post!.status).toBe(0);
    expect(run.summary).toMatch(/could not start watching this job: the sensor daemon did not become ready within 2 s/);
    expect(run.summary).toMatch(/Nothing was recorded/);
    const hung = Number(readFileSync(pidFile, 'utf8'));
    expect(await waitGone(hung, 5_000)).toBe(true);
    expect(existsSync(join(run.stateDir, 'daemon.pid'))).toBe(false);
  }, 120_000);

  test('a daemon killed mid-job gives a prominent note and the job goes on', async () => {
    const kill = '\npid=$(cat "$CICD_SENSOR_STATE_DIR/daemon.pid"); kill -9 "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done\n';
    const run = await runJob(['/bin/echo before-kill > /dev/null\n', kill]);
    expect(run.phases.post!.status).toBe(0);
    expect(run.summary).toMatch(/The sensor was disturbed during this job/);
    expect(run.summary).toMatch(/is gone/);
    // Post could not get the report from the daemon: rebuilt from the log, and it says so.
    expect(run.summary).toMatch(/could not get the report from the sensor/);
    expect(run.summary).toMatch(/rebuilt by the post step from the events log/);
    const pid = Number(readFileSync(join(run.stateDir, 'daemon.pid'), 'utf8'));
    if (alive(pid)) await waitGone(pid);
  }, 240_000);
});
