/**
 * Lost records are counted in the kernel and shown in every report: a burst
 * into a deliberately tiny ring buffer loses records and says so; the same
 * burst at the default size loses none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanupRuns, requireRoot, runSensor } from '../helpers/sensorRun.js';

let dir: string;
const FILES = 20_000;
// Opens of distinct files in a tight loop: ~2 MB of records in about a tenth
// of a second, far more than 4 KiB can hold between two wakeups of the
// reader, and far less than the default 16 MiB even if the reader slept.
const burst = (sub: string) => [
  process.execPath,
  '-e',
  `const fs = require('fs'); fs.mkdirSync(${JSON.stringify(sub)}, { recursive: true });
   for (let i = 0; i < ${FILES}; i++) fs.closeSync(fs.openSync(${JSON.stringify(sub)} + '/f' + i, 'w'));`,
];

beforeAll(() => {
  requireRoot();
  dir = mkdtempSync(join(tmpdir(), 'cs-lost-'));
});

afterAll(() => {
  cleanupRuns();
  rmSync(dir, { recursive: true, force: true });
});

type Status = { lostRecords: number; hooks: { hook: string; lost: number; sent: number }[] };

test('a tiny ring buffer loses records, and every report says how many', async () => {
  const run = await runSensor(['--ringbuf-size', '4096'], burst(join(dir, 'tiny')));
  expect(run.code).toBe(0);
  const status = (run.report as { status: Status }).status;
  expect(status.lostRecords).toBeGreaterThan(0);
  const openLost = status.hooks.find((h) => h.hook === 'file_open')!.lost;
  expect(openLost).toBeGreaterThan(0);
  const written = run.events.filter((e) => e.kind === 'file_open' && e.file?.path.includes('/tiny/f')).length;
  expect(written).toBeLessThan(FILES);
  // Kernel counters add up: what was sent plus what was lost is every open.
  expect(written + openLost).toBeGreaterThanOrEqual(FILES);
  expect(run.summary).toContain(`${status.lostRecords.toLocaleString('en-US')} records were lost`);
  expect(run.stderr).toMatch(/\n!! [\d,]+ records were lost in the kernel/);
}, 60_000);

test('the default ring buffer takes the same burst without loss', async () => {
  const run = await runSensor([], burst(join(dir, 'default')));
  expect(run.code).toBe(0);
  const status = (run.report as { status: Status }).status;
  expect(status.lostRecords).toBe(0);
  const written = run.events.filter((e) => e.kind === 'file_open' && e.file?.path.includes('/default/f')).length;
  expect(written).toBe(FILES);
  expect(run.stderr).toMatch(/\n {2}Lost records {2}0\n/);
}, 60_000);
