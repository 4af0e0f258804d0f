/** The CLI's contract for bad input and hosts it cannot watch: clear words, fixed exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from '../helpers/paths.js';
import { cleanupRuns, requireRoot, runSensor } from '../helpers/sensorRun.js';

const cli = (args: string[], prefix: string[] = []) => {
  const argv = [...prefix, process.execPath, cliPath, ...args];
  return spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8' });
};

// runuser drops root for the "not root" cases without needing a login shell.
const asNobody = ['runuser', '-u', 'nobody', '--'];

beforeAll(requireRoot);
afterAll(cleanupRuns);

test.each([
  [[], /no subcommand/],
  [['run'], /no command given/],
  [['run', '--'], /no command given/],
  [['run', '--bogus', '--', 'true'], /unknown option '--bogus'/],
  [['frobnicate'], /unknown subcommand 'frobnicate'/],
  [['run', '--ringbuf-size', '1000', '--', 'true'], /power of two/],
])('usage error %j exits 2 with the usage', (args, message) => {
  const r = cli(args);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toContain('usage: cicd-sensor run');
});

test('--help prints the usage and exits 0', () => {
  const r = cli(['--help']);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('usage: cicd-sensor run');
});

test('without root it names what is missing and exits 3, running nothing', () => {
  const r = cli(['run', '--out', '/tmp', '--', 'sh', '-c', 'echo RAN'], asNobody);
  expect(r.status).toBe(3);
  expect(r.stderr).toMatch(/cicd-sensor: cannot monitor: root is required/);
  expect(r.stdout).not.toContain('RAN');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
});

test('--allow-unmonitored runs the command anyway and says so', () => {
  const r = cli(['run', '--allow-unmonitored', '--', 'sh', '-c', 'echo RAN; exit 4'], asNobody);
  expect(r.status).toBe(4);
  expect(r.stdout).toContain('RAN');
  expect(r.stderr).toMatch(/UNMONITORED/);
});

test('the exit code of the command is passed through, signals as 128+n', async () => {
  expect((await runSensor([], ['sh', '-c', 'exit 7'])).code).toBe(7);
  expect((await runSensor([], ['sh', '-c', 'kill -TERM $$'])).code).toBe(143);
}, 60_000);

test('the printed summary shows the attach plan', async () => {
  const run = await runSensor([], ['true']);
  expect(run.stderr).toMatch(/Attach plan:\n {2}process_exec {2}tp_btf\b[\s\S]*\n {2}file_open {2}(fexit|tracepoint)\b/);
}, 60_000);

test('a command that does not exist exits 127 and still reports', async () => {
  const run = await runSensor([], ['/nonexistent/command']);
  expect(run.code).toBe(127);
  expect(run.summary).toContain('Lost records');
}, 60_000);

test('CICD_SENSOR_DEBUG_CPU_PROFILE writes the tracker\'s CPU profile, the sensor loaded all the same', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpu-profile-'));
  try {
    const path = join(dir, 'tracker.cpuprofile');
    const run = await runSensor([], ['sh', '-c', 'for i in 1 2 3 4 5; do cat /etc/hostname >/dev/null; done'], {
      env: { ...process.env, CICD_SENSOR_DEBUG_CPU_PROFILE: path },
    });
    expect(run.code).toBe(0);
    expect(run.events.some((e) => e.kind === 'file_open' && e.file?.path === '/etc/hostname')).toBe(true);
    const profile = JSON.parse(readFileSync(path, 'utf8')) as { nodes: { callFrame: { functionName: string } }[]; samples: number[] };
    expect(profile.samples.length).toBeGreaterThan(0);
    expect(profile.nodes.map((n) => n.callFrame.functionName)).toContain('(root)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
