/**
 * protect-runner and this round's event kinds on the real kernel, under a
 * stand-in Runner.Worker that holds a secret and registers its job with
 * protection on. A tj-actions-style dumper (test/fixtures/dumper.c: finds
 * its target through /proc/<pid>/cmdline, reads maps, then the memory, and
 * writes what it read to a file created empty first) is killed before it
 * reads a byte, whichever way it reaches /proc/<pid>/mem and through ptrace
 * and process_vm_readv too; the same dumper against a process of the job
 * reads it, and is only recorded. Then mount, memfd exec, unix socket type,
 * is_dir and /proc/<pid>/ targets, each recorded with its fields.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { cleanupDaemons, exited, readJson, spawnIn, startDaemon, testCgroup } from '../helpers/daemon.js';
import { cliPath, fixturesDir } from '../helpers/paths.js';
import { readEvents, requireRoot } from '../helpers/sensorRun.js';

const work = mkdtempSync(join(tmpdir(), 'cs-protect-'));
const dumper = join(work, 'dumper');
const memfdexec = join(work, 'memfdexec');
const job = `protect-${process.pid}`;
const secret = `s3cr3t-${process.pid}-marker`;
const inner = `inner-target-${process.pid}`;
const MEM_MODES = ['mem', 'dirfd', 'dotdot', 'symlink', 'threadself', 'task'];
const ALL_MODES = [...MEM_MODES, 'ptrace', 'vmreadv'];
const IN_JOB_MODES = ['mem', 'ptrace', 'vmreadv'];

let events: EventRecord[];
let workerPid: number;
let workerExit: number;
const status = (step: string): number => Number(readFileSync(join(work, 'steps', `${step}.sh.status`), 'utf8'));
const output = (name: string): string => readFileSync(join(work, `out-${name}`), 'latin1');

/** Steps in run order: the dumper against the worker in every way, against a job process, then the other kinds. */
function writeSteps(): void {
  const steps: Record<string, string> = {};
  ALL_MODES.forEach((mode, i) => {
    steps[`1${i}-${mode}`] = `exec ${dumper} ${mode} ${job} ${work}/out-${mode}\n`;
  });
  steps['20-in-job'] = [
    // Holds the marker in its memory (argv) and its command line, where the dumper looks.
    `${process.execPath} -e 'setTimeout(() => {}, 30000)' ${inner} &`,
    'target=$!',
    'sleep 0.3',
    ...IN_JOB_MODES.map((m) => `${dumper} ${m} ${inner} ${work}/out-inner-${m}; echo $? > ${work}/inner-${m}.status`),
    'kill $target',
  ].join('\n');
  steps['30-mount'] = `mkdir -p ${work}/m-src ${work}/m-dst && cd ${work} && unshare -m --propagation private mount --bind m-src ${work}/m-dst\n`;
  steps['31-memfd'] = `${memfdexec} /bin/echo memfd-${process.pid}\n`;
  steps['32-unix'] = `node -e "const n=require('net'); const s=n.createServer().listen('${work}/u.sock',()=>n.connect('${work}/u.sock',()=>{s.close();process.exit(0)}))"\n`;
  steps['33-rmdir'] = `mkdir ${work}/gone-dir && rmdir ${work}/gone-dir\n`;
  steps['34-environ'] = 'cat /proc/$PPID/environ > /dev/null\n';
  mkdirSync(join(work, 'steps'));
  for (const [name, body] of Object.entries(steps)) writeFileSync(join(work, 'steps', `${name}.sh`), body);
}

beforeAll(async () => {
  requireRoot();
  execFileSync('gcc', ['-O2', '-o', dumper, join(fixturesDir, 'dumper.c')]);
  execFileSync('gcc', ['-O2', '-o', memfdexec, join(fixturesDir, 'memfdexec.c')]);
  chmodSync(work, 0o755);
  writeSteps();
  const daemon = startDaemon();
  const worker = spawnIn(testCgroup('protect'), [join(fixturesDir, 'protect', 'Runner.Worker'), daemon.stateDir, job, work, cliPath, secret]);
  workerPid = worker.pid!;
  workerExit = await exited(worker);
  events = readEvents(readJson(join(work, 'unregister.json')).events as string);
}, 120_000);

afterAll(async () => {
  await cleanupDaemons();
  rmSync(work, { recursive: true, force: true });
});

const accesses = (f: (e: EventRecord) => boolean = () => true): EventRecord[] => events.filter((e) => e.kind === 'process_access' && f(e));
const byDumper = (mode: string, needle = job) => (e: EventRecord) => e.process.argv[1] === mode && e.process.argv[2] === needle;

test('the protected worker ran every step and was never stopped (a prevented ptrace attach leaves it running)', () => {
  expect(workerExit).toBe(0);
  expect(readJson(join(work, 'register.json'))).toMatchObject({ ok: true, workerPid });
});

describe.each(ALL_MODES)('the dumper against Runner.Worker through %s', (mode) => {
  test('is killed before it reads a byte', () => {
    expect(status(`1${ALL_MODES.indexOf(mode)}-${mode}`)).toBe(128 + 9);
    expect(statSync(join(work, `out-${mode}`)).size).toBe(0);
  });

  test('is recorded as a prevented process_access naming the worker, outside the job', () => {
    const prevented = accesses(byDumper(mode)).filter((e) => e.access?.prevented);
    expect(prevented).toHaveLength(1);
    const a = prevented[0]!.access!;
    const operation = mode === 'ptrace' ? 'ptrace' : mode === 'vmreadv' ? 'process_vm_readv' : 'proc_mem_open';
    expect(a).toMatchObject({ operation, target: { pid: workerPid, exec_path: '/usr/bin/bash', in_job: false } });
    expect(a.target.argv?.[1]).toMatch(/Runner\.Worker$/);
    if (mode === 'ptrace') expect(a.request).toBe('PTRACE_ATTACH');
    if (operation === 'proc_mem_open') expect(a.proc_file).toBe('mem');
  });
});

test("reading the worker's maps is recorded, not prevented", () => {
  const maps = accesses(byDumper('mem')).filter((e) => e.access?.proc_file === 'maps');
  expect(maps).toHaveLength(1);
  expect(maps[0]!.access).toMatchObject({ operation: 'proc_mem_open', target: { pid: workerPid, in_job: false } });
  expect(maps[0]!.access?.prevented).toBeUndefined();
});

describe.each(IN_JOB_MODES)('the dumper against a process of the job through %s', (mode) => {
  test('reads it: the job may read its own processes', () => {
    expect(Number(readFileSync(join(work, `inner-${mode}.status`), 'utf8'))).toBe(0);
    expect(output(`inner-${mode}`)).toContain(inner);
  });

  test('is recorded with in_job and without prevented', () => {
    const found = accesses(byDumper(mode, inner)).filter((e) => e.access?.proc_file !== 'maps');
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found[0]!.access).toMatchObject({ target: { exec_path: process.execPath, in_job: true } });
    expect(found.every((e) => e.access?.prevented === undefined)).toBe(true);
  });
});

test('a bind mount is recorded with source, target and flags', () => {
  const m = events.find((e) => e.kind === 'mount' && e.mount?.target === `${work}/m-dst`);
  expect(m?.mount).toEqual({ source: `${work}/m-src`, target: `${work}/m-dst`, flags: ['MS_BIND'], operation: 'mount' });
});

test('execution from a memfd is marked on its process_exec', () => {
  const e = events.find((x) => x.kind === 'process_exec' && x.process.argv[1] === `memfd-${process.pid}`);
  expect(e?.process.memfd).toBe(true);
  const plain = events.find((x) => x.kind === 'process_exec' && x.process.argv[0]?.endsWith('memfdexec'));
  expect(plain?.process.memfd).toBeUndefined();
});

test('a unix socket connect says its socket type', () => {
  const e = events.find((x) => x.kind === 'unix_socket_connect' && x.unix_socket?.path === `${work}/u.sock`);
  expect(e?.unix_socket?.socket_type).toBe('stream');
});

test('a removed directory has is_dir', () => {
  const e = events.find((x) => x.kind === 'file_remove' && x.file?.path === `${work}/gone-dir`);
  expect(e?.file).toMatchObject({ is_dir: true });
  expect(e?.file).not.toHaveProperty('directory');
});

test("an open of another process's /proc/<pid>/environ names that process", () => {
  const e = events.find((x) => x.kind === 'file_open' && x.file?.path === `/proc/${workerPid}/environ`);
  expect(e?.file?.target_process).toMatchObject({ pid: workerPid, exec_path: '/usr/bin/bash' });
  const own = events.find((x) => x.kind === 'file_open' && /^\/proc\/\d+\//.test(x.file?.path ?? '') && x.file?.path.startsWith(`/proc/${x.process.pid}/`));
  expect(own?.file?.target_process).toBeUndefined();
});

test('the CLI with --protect protects the sensor itself', async () => {
  const needle = join(work, `cli-out-${process.pid}`);
  const child = spawn(process.execPath, [cliPath, 'run', '--protect', '--no-docker-proxy', '--out', needle, '--', dumper, 'mem', needle, join(work, 'out-cli')], {
    stdio: 'ignore',
  });
  expect(await exited(child)).toBe(128 + 9);
  expect(statSync(join(work, 'out-cli')).size).toBe(0);
  const cliEvents = readEvents(join(needle, 'events.ndjson'));
  expect(cliEvents.find((e) => e.access?.prevented)?.access).toMatchObject({ operation: 'proc_mem_open', target: { pid: child.pid } });
  expect(existsSync(join(needle, 'summary.md'))).toBe(true);
}, 60_000);
