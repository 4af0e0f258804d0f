/**
 * The attacks that hit CI in 2025, end to end on the real kernel, under the
 * stand-in Runner.Worker with the action's pre, steps and post, judged by
 * the built-in rules alone (issue 15, "Done when"):
 *
 * - a tj-actions-style dumper (test/fixtures/dumper.c: scans
 *   /proc/<pid>/cmdline for Runner.Worker, reads its maps, then its memory)
 *   is killed before it reads a byte (protect-runner), the summary opens
 *   with it as critical, and the job fails;
 * - an npm package installed from a local tarball whose preinstall does what
 *   Shai-Hulud 2 did (test/fixtures/attacks/shai-hulud) gives one finding
 *   per behaviour, each pointing at the event of that behaviour (a
 *   finding's seq is its event's line index in events.ndjson);
 * - an ordinary build (npm ci offline from a real lockfile, make -j2, git,
 *   docker build) gives no detect or terminate finding.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, linkSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { EventRecord } from '../../src/events/eventRecord.js';
import type { Finding } from '../../src/events/finding.js';
import { output, runJob, startActionJobs, stopActionJobs, type JobRun } from '../helpers/actionJob.js';
import { startDnsServer, type DnsServer } from '../helpers/dnsServer.js';
import { ensureImage, IMAGE } from '../helpers/docker.js';
import { cliPath, fixturesDir } from '../helpers/paths.js';

const ATTACKS = join(fixturesDir, 'attacks');
const DNS = '127.0.0.155';
const EXFIL_ANSWER = '127.0.0.156';

const work = mkdtempSync(join(tmpdir(), 'cs-attacks-'));
const dumper = join(work, 'dumper');
/** Stand-ins for the tools the worm ran, first on the step's PATH. */
const standins = join(work, 'bin');
/**
 * The worker runs from a binary named Runner.Worker, as the real one does
 * (…/bin/Runner.Worker): node, hard-linked under that name (copied where
 * /tmp is another file system), so its exec_path is what the rules know
 * the worker by. The action's phases run with plain node.
 */
const worker = join(work, 'runners', '2.330.0', 'bin', 'Runner.Worker');
/** npm must not ask the registry whether it is the newest (the tests reach no network). */
const NPM_QUIET = 'npm_config_update_notifier=false npm_config_audit=false npm_config_fund=false';
const jobOpts = { node: worker, env: { RUNNER_ACTION_NODE: process.execPath } };
let dns: DnsServer;

beforeAll(async () => {
  await startActionJobs();
  ensureImage();
  execFileSync('gcc', ['-O2', '-o', dumper, join(fixturesDir, 'dumper.c')]);
  mkdirSync(standins);
  for (const tool of ['trufflehog', 'systemctl']) execFileSync('gcc', ['-O2', '-o', join(standins, tool), join(ATTACKS, 'standin.c')]);
  mkdirSync(dirname(worker), { recursive: true });
  try {
    linkSync(realpathSync(process.execPath), worker);
  } catch {
    copyFileSync(process.execPath, worker); // another file system: a copy (about 100 MB) is the same program
  }
  dns = await startDnsServer(DNS, { 'webhook.site': { a: [EXFIL_ANSWER] } });
}, 180_000);

afterAll(async () => {
  await dns?.close();
  await stopActionJobs();
  rmSync(work, { recursive: true, force: true });
});

/** A job's events (line i is seq i) and findings, from its report directory. */
function recorded(run: JobRun): { events: EventRecord[]; findings: Finding[]; dir: string } {
  const dir = output(run, 'report-dir')!;
  const lines = (f: string) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l !== '');
  const events = lines('events.ndjson').map((l) => JSON.parse(l) as EventRecord);
  events.forEach((e, i) => expect(e.seq).toBe(i));
  return { events, findings: lines('findings.ndjson').map((l) => JSON.parse(l) as Finding), dir };
}

const judged = (f: Finding): boolean => f.action === 'detect' || f.action === 'terminate';

describe('a tj-actions-style memory dump of Runner.Worker', () => {
  let run: JobRun;
  let events: EventRecord[];
  let findings: Finding[];
  const dump = () => join(run.work, '_temp', 'dump');

  beforeAll(async () => {
    // As root, as the real one ran under sudo; it looks for Runner.Worker by its command line.
    run = await runJob([`${dumper} mem Runner.Worker "$RUNNER_TEMP/dump" || echo $? > "$RUNNER_TEMP/dumper.status"\n`], { 'artifact-name': 'attack-dumper' }, jobOpts);
    ({ events, findings } = recorded(run));
  }, 240_000);

  test('the dumper is killed before it reads a byte', () => {
    expect(readFileSync(join(run.work, '_temp', 'dumper.status'), 'utf8').trim()).toBe(String(128 + 9));
    expect(statSync(dump()).size).toBe(0);
    const prevented = events.filter((e) => e.kind === 'process_access' && e.access?.prevented === true);
    expect(prevented).toHaveLength(1);
    expect(prevented[0]!.access).toMatchObject({ operation: 'proc_mem_open', proc_file: 'mem', target: { exec_path: worker, in_job: false } });
  });

  test('the finding is critical, says it was prevented, and points at the prevented open', () => {
    const critical = findings.filter((f) => f.severity === 'critical' && judged(f));
    expect(critical.length).toBeGreaterThanOrEqual(1);
    const onMem = critical.find((f) => events[f.seq]?.access?.prevented === true);
    expect(onMem).toBeDefined();
    expect(onMem!.response?.kind).toBe('prevented');
    expect(events[onMem!.seq]).toMatchObject({ kind: 'process_access', process: { exec_path: dumper } });
  });

  test("the summary's first section names it critical", () => {
    const verdict = run.summary.slice(run.summary.indexOf('## Verdict'), run.summary.indexOf('## Network egress'));
    expect(run.summary.indexOf('## Verdict')).toBeGreaterThan(0);
    expect(verdict).toMatch(/> \[!CAUTION\]\n> <b>\d+ findings?: \d+ critical/);
    // The findings table, most severe first: critical rows only, the prevented open among them (maps came first).
    const rows = verdict.split('\n').filter((l) => /^\| <b>(critical|high|medium|low|info)<\/b> \|/.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r.startsWith('| <b>critical</b> | Runner.Worker or the sensor'))).toBe(true);
    expect(rows.some((r) => r.includes('Runner.Worker) (prevented) |'))).toBe(true);
  });

  test('the job fails by default (fail-on: critical), naming the finding', () => {
    expect(run.phases.post!.status).not.toBe(0);
    expect(run.phases.post!.stdout).toMatch(/::error::cicd-sensor: \d+ finding\(s\) at or above fail-on: critical: critical /);
  });
});

/**
 * Shai-Hulud 2's behaviours: the marker its preinstall logs, the rules that
 * must find it (their ids), and the event that is that behaviour. The
 * credential reads are one behaviour: each read is a signal (collect), the
 * second family read makes the finding. The privileged container with the
 * host's root bound is two risks of one create, and two rules say so.
 */
const BEHAVIOURS: { name: string; rules: string[]; event: (e: EventRecord, home: string) => boolean }[] = [
  {
    name: 'credentials',
    rules: ['credentials_of_several_families_in_install'],
    event: (e, home) => e.kind === 'file_open' && e.file?.access !== 'write' && e.file!.path.startsWith(`${home}/`) && /\.npmrc|credentials/.test(e.file!.path) && e.process.exec_path.endsWith('/node'),
  },
  { name: 'environ', rules: ['proc_environ_read'], event: (e) => e.kind === 'file_open' && /^\/proc\/\d+\/environ$/.test(e.file?.path ?? '') && e.file?.target_process !== undefined },
  { name: 'trufflehog', rules: ['secret_scanner_in_install'], event: (e) => e.kind === 'process_exec' && e.process.exec_path.endsWith('/trufflehog') },
  { name: 'webhook.site', rules: ['collection_service_contacted'], event: (e) => e.kind === 'domain' && e.domain?.name === 'webhook.site' },
  {
    name: 'workflow',
    rules: ['workflow_file_written'],
    event: (e) => e.kind === 'file_open' && e.file?.access !== 'read' && (e.file?.path ?? '').endsWith('/.github/workflows/shai-hulud-workflow.yml'),
  },
  { name: 'docker', rules: ['host_path_bind', 'privileged_container'], event: (e) => e.kind === 'container_create' },
  {
    name: 'systemctl',
    rules: ['resolver_stopped'],
    event: (e) => e.kind === 'process_exec' && e.process.exec_path.endsWith('/systemctl') && e.process.argv.includes('systemd-resolved'),
  },
];

describe('an npm package whose preinstall does what Shai-Hulud 2 did', () => {
  let run: JobRun;
  let events: EventRecord[];
  let findings: Finding[];
  let dir: string;
  let home: string;

  beforeAll(async () => {
    const pkg = join(work, 'pkg');
    cpSync(join(ATTACKS, 'shai-hulud'), pkg, { recursive: true });
    const env = { ...process.env, npm_config_update_notifier: 'false' };
    const tgz = join(work, execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: pkg, encoding: 'utf8', env }).trim());
    const step = [
      'export HOME="$RUNNER_TEMP/home"',
      'mkdir -p "$HOME/.aws" app',
      // What a runner's home holds: an npm token, cloud and git credentials.
      `printf '//registry.npmjs.org/:_authToken=npm_standin\\n' > "$HOME/.npmrc"`,
      `printf '[default]\\naws_access_key_id = AKIASTANDIN\\n' > "$HOME/.aws/credentials"`,
      `printf 'https://x:ghp_standin@github.com\\n' > "$HOME/.git-credentials"`,
      `export PATH="${standins}:$PATH" ATTACK_LOG="$RUNNER_TEMP/attack.log" ATTACK_DNS=${DNS} ATTACK_IMAGE=${IMAGE} ${NPM_QUIET}`,
      'cd app && echo \'{"name":"victim","version":"1.0.0","private":true}\' > package.json',
      `npm install --offline ${tgz}`,
      '',
    ].join('\n');
    run = await runJob([step], { 'artifact-name': 'attack-shai-hulud', 'fail-on': 'none' }, jobOpts);
    ({ events, findings, dir } = recorded(run));
    home = join(run.work, '_temp', 'home');
  }, 240_000);

  test('the preinstall did every behaviour, and the install went on', () => {
    expect(run.phases.step1!.status).toBe(0);
    const log = readFileSync(join(run.work, '_temp', 'attack.log'), 'utf8').trim().split('\n');
    expect(log).toEqual([...BEHAVIOURS.map((b) => b.name), 'done']);
    expect(dns.questions.map((q) => q.name)).toContain('webhook.site');
  });

  describe.each(BEHAVIOURS.map((b) => [b.name, b] as const))('%s', (_name, behaviour) => {
    test('gives its finding, pointing at the event of that behaviour', () => {
      const mine = findings.filter((f) => judged(f) && behaviour.event(events[f.seq]!, home));
      expect(mine.map((f) => f.rule_id).sort()).toEqual(behaviour.rules);
      // One event per behaviour, and the finding's seq is that event's line.
      expect(new Set(mine.map((f) => f.seq)).size).toBe(1);
      const event = events[mine[0]!.seq]!;
      for (const f of mine) expect(f).toMatchObject({ seq: event.seq, time: event.time, event_kind: event.kind, process: { pid: event.process.pid } });
    });
  });

  test('no other finding: every judged finding is one of the behaviours', () => {
    const other = findings.filter((f) => judged(f) && !BEHAVIOURS.some((b) => b.event(events[f.seq]!, home)));
    expect(other.map((f) => `${f.rule_id}: ${f.summary}`)).toEqual([]);
  });

  test('report --job-dir recomputes the same findings from the log alone', () => {
    const copy = join(work, 'job-copy');
    cpSync(dir, copy, { recursive: true });
    rmSync(join(copy, 'findings.ndjson'));
    const r = spawnSync(process.execPath, [cliPath, 'report', '--job-dir', copy], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const again = readFileSync(join(copy, 'findings.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Finding);
    const key = (f: Finding) => `${f.rule_id}@${f.seq}:${f.action}`;
    expect(again.map(key)).toEqual(findings.map(key));
    expect(r.stderr).toContain(`findings: ${join(copy, 'findings.ndjson')} (${findings.length})`);
  });

  test('report.html links every finding to its event, shown as its line', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    for (const f of findings) {
      expect(html).toContain(`<a href="#event-${f.seq}">`);
      expect(html).toContain(`id="event-${f.seq}"><summary>#${f.seq} `);
    }
  });
});

describe('an ordinary build', () => {
  let run: JobRun;
  let findings: Finding[];

  beforeAll(async () => {
    const step = [
      `export HOME="$RUNNER_TEMP/home" DOCKER_BUILDKIT=0 ${NPM_QUIET}`,
      'mkdir -p "$HOME"',
      // npm reads its own .npmrc (with a token): not a detection. The packages come from the local cache.
      `printf '//registry.npmjs.org/:_authToken=npm_standin\\ncache=/root/.npm\\n' > "$HOME/.npmrc"`,
      `cp -r ${join(ATTACKS, 'build')} app && cd app`,
      'npm ci --offline',
      'make -C c -j2',
      './c/hello',
      'printf "node_modules/\\n" > .gitignore',
      'git init -q . && git add -A && git -c user.name=ci -c user.email=ci@example.invalid commit -q -m build',
      'git checkout -q -b feature && git checkout -q -',
      `docker build -q -t cs-attacks-build:${process.pid} .`,
      `docker image rm cs-attacks-build:${process.pid} > /dev/null`,
      '',
    ].join('\n');
    run = await runJob([step], { 'artifact-name': 'ordinary-build' }, jobOpts);
    ({ findings } = recorded(run));
  }, 300_000);

  test('the build succeeds', () => {
    expect(run.phases.step1!.status).toBe(0);
    expect(readFileSync(join(run.work, 'app', 'built.txt'), 'utf8')).toBe('ok');
  });

  test('gives no detect or terminate finding, and the job passes', () => {
    expect(findings.filter(judged).map((f) => `${f.rule_id}: ${f.summary}`)).toEqual([]);
    expect(run.phases.post!.status).toBe(0);
  });
});
