/**
 * A hostile job cannot leave post without a connection to the daemon. It
 * runs as the runner's user, like post: a step of it grabs every connection
 * it can, hands them to a child that keeps them busy and ends; another
 * process of the user grabs the rest. Post, the worker's running step when
 * its turn comes, still gets its unregister and report answered; root's
 * requests are answered throughout; a connection that sends nothing is closed.
 */
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDLE_TIMEOUT_MS } from '../../src/daemon/controlServer.js';
import { MAX_CLIENTS_PER_UID, STEP_CLIENTS } from '../../src/daemon/slots.js';
import { ask, cleanupDaemons, exited, spawnIn, testCgroup } from '../helpers/daemon.js';
import { fixturesDir } from '../helpers/paths.js';
import { requireRoot } from '../helpers/sensorRun.js';
import { asUser, cleanupUsers, createUser, runAs, startDaemonFor, type TestUser } from '../helpers/unprivileged.js';

const client = join(fixturesDir, 'controlClient.mjs');
const hog = join(fixturesDir, 'controlHog.mjs');

let user: TestUser;
let daemon: { stateDir: string; pid: number };
let work: string;
const sock = (): string => join(daemon.stateDir, 'control.sock');

/** A Runner.Worker that registers its job, runs a hostile step, and runs post once told to. */
const WORKER = `#!/bin/bash
node=$1 client=$2 hog=$3 sock=$4 out=$5
"$node" "$client" "$sock" '{"op":"register","job":{"id":"slots-job"},"pid":"SELF"}' > "$out/register"
"$node" "$hog" "$sock" ${MAX_CLIENTS_PER_UID + STEP_CLIENTS + 8} handoff > "$out/step-hog"
while [ ! -e "$out/go" ]; do sleep 0.1; done
"$node" "$client" "$sock" '{"op":"unregister","id":"slots-job"}' > "$out/unregister"
"$node" "$client" "$sock" '{"op":"report","id":"slots-job"}' > "$out/report"
`;

const readLine = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8').split('\n')[0]!) as Record<string, unknown>;

async function waitFor(path: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!existsSync(path) || !readFileSync(path, 'utf8').includes('\n')) {
    if (Date.now() > end) throw new Error(`${path} did not appear within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(() => {
  requireRoot();
  user = createUser('slot');
  daemon = startDaemonFor(user);
  work = mkdtempSync(join(tmpdir(), 'cs-slots-'));
  chmodSync(work, 0o755);
  mkdirSync(join(work, 'out'));
  chownSync(join(work, 'out'), user.uid, user.gid);
  writeFileSync(join(work, 'Runner.Worker'), WORKER, { mode: 0o755 });
});

afterAll(async () => {
  // The user's processes first: the hog's child holds its connections until it dies.
  cleanupUsers();
  await cleanupDaemons();
  rmSync(work, { recursive: true, force: true });
}, 60_000);

test("post gets its report while the job's other processes hold every connection they can", async () => {
  const out = join(work, 'out');
  const cg = testCgroup('slots');
  const worker = spawnIn(cg, asUser(user, [join(work, 'Runner.Worker'), process.execPath, client, hog, sock(), out]));
  try {
    await waitFor(join(out, 'step-hog'), 30_000);
    expect(readLine(join(out, 'register'))).toMatchObject({ ok: true, id: 'slots-job' });
    // The step: its own few, then the uid's share; the rest refused, saying why.
    expect(readLine(join(out, 'step-hog'))).toMatchObject({ held: MAX_CLIENTS_PER_UID + STEP_CLIENTS, refused: 8, reason: expect.stringMatching(/connections open/) });
    const stats = await ask(daemon.stateDir, { op: 'stats' });
    expect(stats).toMatchObject({ ok: true });
    expect(stats.connections).toMatchObject({ [`uid ${user.uid}`]: MAX_CLIENTS_PER_UID, [`step ${worker.pid}`]: STEP_CLIENTS });

    writeFileSync(join(out, 'go'), '');
    expect(await exited(worker)).toBe(0);
    expect(readLine(join(out, 'unregister'))).toMatchObject({ ok: true, id: 'slots-job' });
    expect(readLine(join(out, 'report'))).toMatchObject({ ok: true, id: 'slots-job', model: expect.any(Object) });
    // The handed-off connections are still held, and still count against the user.
    expect((await ask(daemon.stateDir, { op: 'stats' })).connections).toMatchObject({ [`uid ${user.uid}`]: MAX_CLIENTS_PER_UID });
  } finally {
    worker.kill('SIGKILL');
  }
}, 90_000);

test('a process outside the steps gets nothing once the user holds its share, and is told why', async () => {
  const r = await runAs(user, [process.execPath, hog, sock(), '10', 'probe'], 20_000);
  expect(JSON.parse(r.stdout)).toMatchObject({ held: 0, refused: 10, reason: expect.stringMatching(new RegExp(`uid ${user.uid} has ${MAX_CLIENTS_PER_UID} connections open`)) });
  expect(await ask(daemon.stateDir, { op: 'stats' })).toMatchObject({ ok: true });
}, 30_000);

test('a connection that sends nothing is closed', async () => {
  const c = net.connect(sock());
  c.on('error', () => {});
  const started = Date.now();
  await new Promise((r) => c.on('close', r));
  const took = Date.now() - started;
  expect(took).toBeGreaterThanOrEqual(IDLE_TIMEOUT_MS - 500);
  expect(took).toBeLessThan(IDLE_TIMEOUT_MS + 5000);
}, IDLE_TIMEOUT_MS + 10_000);
