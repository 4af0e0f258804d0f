/**
 * A file-open flood cannot hide what a job does next (issue 18): one
 * process floods distinct opens into a deliberately small bulk ring while
 * another of the same job runs 100 execs and 100 loopback connects. Every
 * exec and connect is in the log (they travel on the priority ring), and
 * the opens the flood lost are counted and attributed to the flooding
 * process. With one shared ring, a flood this size loses execs too.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { cleanupRuns, requireRoot, runSensor } from '../helpers/sensorRun.js';
import { repoRoot } from '../helpers/paths.js';

const ACTIONS = 100;
// Each flooding process opens every one of these once: distinct opens at a few µs each, far faster than the tracker handles them.
const FILES = 5000;
let dir: string;
let openstorm: string;

// Execs /bin/true and connects to its own listener, ACTIONS times each, then stops the flood.
const ACTOR = `
const fs = require('fs'), net = require('net'), { spawnSync } = require('child_process');
const [stop] = process.argv.slice(2);
const server = net.createServer((s) => s.destroy()).listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  fs.writeFileSync(stop + '.port', String(port));
  for (let i = 0; i < ${ACTIONS}; i++) {
    spawnSync('/bin/true', ['flood-marker-' + i]);
    await new Promise((resolve, reject) => net.connect(port, '127.0.0.1', resolve).on('error', reject).on('connect', function () { this.destroy(); }));
  }
  fs.writeFileSync(stop, '');
  server.close();
});`;

beforeAll(() => {
  requireRoot();
  dir = mkdtempSync(join(tmpdir(), 'cs-flood-'));
  writeFileSync(join(dir, 'actor.js'), ACTOR);
  openstorm = join(dir, 'openstorm');
  execFileSync('gcc', ['-O2', '-o', openstorm, join(repoRoot, 'bench', 'c', 'openstorm.c')]);
  execFileSync(openstorm, ['create', join(dir, 'files'), String(FILES)]);
});

afterAll(() => {
  cleanupRuns();
  rmSync(dir, { recursive: true, force: true });
});

type Status = {
  lostRecords: number;
  undecodable: number;
  hooks: { hook: string; lost: number; sent: number }[];
  rings: { ring: string; bytes: number; sent: number; lost: number }[];
  lostByProcess: { pid: number; name: string; fileOpens: number; fileOps: number }[];
};

test('execs and connects survive a file-open flood into a small ring; the lost opens are counted and attributed', async () => {
  const stop = join(dir, 'stop');
  // One flooding process after another until the actor is done; the actor starts once the flood has.
  const flood = `${openstorm} run ${join(dir, 'files')} ${FILES} 100000 1 ${stop}`;
  const script = `${flood} & sleep 0.3; ${process.execPath} ${join(dir, 'actor.js')} ${stop}; wait`;
  const run = await runSensor(['--ringbuf-size', '16384'], ['sh', '-c', script], { timeoutMs: 120_000 });
  expect(run.code).toBe(0);

  const execs = run.events.filter((e) => e.kind === 'process_exec' && /^flood-marker-\d+$/.test(e.process.argv[1] ?? ''));
  expect(new Set(execs.map((e) => e.process.argv[1])).size).toBe(ACTIONS);
  const port = Number(readFileSync(stop + '.port', 'utf8'));
  const connects = run.events.filter((e) => e.kind === 'network_connect' && e.network?.port === port);
  expect(connects).toHaveLength(ACTIONS);

  const status = (run.report as { status: Status }).status;
  const openLost = status.hooks.find((h) => h.hook === 'file_open')!.lost;
  expect(openLost).toBeGreaterThan(0);
  // Records that wrap around the end of a ring (one copy of it is mapped) arrive whole.
  expect(status.undecodable).toBe(0);
  expect(status.rings.find((r) => r.ring === 'priority')).toMatchObject({ bytes: 1 << 20, lost: 0 });
  expect(status.rings.find((r) => r.ring === 'bulk')).toMatchObject({ bytes: 16384, lost: status.lostRecords });
  // Every lost open is attributed; the flooding processes lost most (the actor's children lose their library opens too).
  expect(status.lostByProcess.reduce((sum, p) => sum + p.fileOpens, 0)).toBe(openLost);
  expect(status.lostByProcess.every((p) => p.fileOpens + p.fileOps > 0 && p.name !== '')).toBe(true);
  const flooded = status.lostByProcess.filter((p) => p.name.endsWith('openstorm'));
  expect(flooded.reduce((sum, p) => sum + p.fileOpens, 0)).toBeGreaterThan(openLost * 0.9);
  const flooder = status.lostByProcess[0]!;
  expect(flooder.name).toMatch(/openstorm$/);
  expect(run.summary).toContain(`(pid ${flooder.pid}) ${flooder.fileOpens.toLocaleString('en-US')} opens`);
  expect(run.stderr).toContain('Lost file records by process:');
}, 150_000);
