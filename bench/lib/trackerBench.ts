/**
 * The tracker's userspace pipeline alone, in process and without root: the
 * open storm's records (a fork, then distinct file opens, then an exit, per
 * process), framed as cs_poll hands them over, through decodeBatch, the
 * KernelTracker, the job's recording (events.ndjson, the report as events
 * come, the rule stage when a rule file is given) exactly as the daemon and
 * `cicd-sensor run` assemble them. Prints one JSON line: CPU per event and
 * peak RSS. What `npm run bench` figures end to end, here without the
 * kernel, the ring buffer or the workload competing for the CPUs, and the
 * target for `node --cpu-prof` (the real tracker cannot be profiled that
 * way: SIGPROF makes the verifier fail the load; CICD_SENSOR_DEBUG_CPU_PROFILE
 * profiles it from the end of the load instead).
 *
 *   trackerBench.mjs OUT_DIR EVENTS [RULES.yml]
 */
import { mkdirSync } from 'node:fs';
import { decodeBatch } from '../../src/kernel/decode.js';
import { Kind, OFFSETS as O, SIZEOF } from '../../src/kernel/layout.js';
import { KernelTracker, type KernelMaps } from '../../src/kerneltracker/kernelTracker.js';
import { capYoungGeneration } from '../../src/platform/youngGeneration.js';
import { JobRecording } from '../../src/recording/jobRecording.js';
import { ruleStageOf } from '../../src/rules/jobRules.js';

const CGROUP = 7001;
const STORM_PID = 5000;
const FILES_PER_PROC = 20_000;
const BATCH_BYTES = 4 << 20;

const noMaps: KernelMaps = {
  trackCgroup: () => undefined,
  untrackCgroup: () => undefined,
  trackTask: () => undefined,
  untrackTask: () => undefined,
  stage: () => undefined,
  unstage: () => undefined,
  protect: () => undefined,
  unprotect: () => undefined,
};

/** A u64 as two u32 halves: no BigInt per field, so the generator's own garbage does not crowd the tracker's GC. */
function writeU64(b: Buffer, at: number, value: number): void {
  b.writeUInt32LE(value % 0x1_0000_0000, at);
  b.writeUInt32LE(Math.floor(value / 0x1_0000_0000), at + 4);
}

/** Writes records into one cs_poll batch: [u32 len][u32 0][record][pad to 8]. */
class BatchWriter {
  readonly buf = Buffer.alloc(BATCH_BYTES);
  used = 0;
  private timeNs = 10e9;

  /** Starts a record of kind with `fixed` bytes then `tail` bytes; returns its offset. */
  begin(kind: number, fixed: number, tail: Buffer | string, pid: number, startNs: number): number {
    const tailLen = typeof tail === 'string' ? Buffer.byteLength(tail) : tail.length;
    const len = fixed + tailLen;
    const at = this.used + 8;
    const b = this.buf;
    b.fill(0, this.used, at + fixed);
    b.writeUInt32LE(len, this.used);
    b.writeUInt16LE(kind, at + O.cs_header.kind);
    b.writeUInt16LE(len, at + O.cs_header.size);
    b.writeUInt32LE(pid, at + O.cs_header.pid);
    b.writeUInt32LE(pid, at + O.cs_header.tid);
    this.timeNs += 2_000;
    writeU64(b, at + O.cs_header.time_ns, this.timeNs);
    writeU64(b, at + O.cs_header.cgroup_id, CGROUP);
    writeU64(b, at + O.cs_header.start_time_ns, startNs);
    if (typeof tail === 'string') b.write(tail, at + fixed, 'latin1');
    else tail.copy(b, at + fixed);
    this.used = at + Math.ceil(len / 8) * 8;
    return at;
  }

  fits(): boolean {
    return this.used + 1024 < BATCH_BYTES;
  }
}

const startOf = (pid: number): number => 5e9 + pid * 1e6;

function fork(w: BatchWriter, pid: number): void {
  const at = w.begin(Kind.FORK, SIZEOF.cs_fork, '', pid, startOf(pid));
  w.buf.writeUInt32LE(STORM_PID, at + O.cs_fork.ppid);
  writeU64(w.buf, at + O.cs_fork.parent_start_time_ns, startOf(STORM_PID));
}

function exec(w: BatchWriter): void {
  const path = ['openstorm', 'bin', 'local', 'usr', ''].join('\0');
  const argv = ['/usr/local/bin/openstorm', 'run', '/tmp/storm', '20000', '50', '2', ''].join('\0');
  const cwd = ['runner', 'home', ''].join('\0');
  const at = w.begin(Kind.EXEC, SIZEOF.cs_exec, path + argv + cwd, STORM_PID, startOf(STORM_PID));
  w.buf.writeUInt32LE(1, at + O.cs_exec.ppid);
  w.buf.writeUInt16LE(path.length, at + O.cs_exec.path_len);
  w.buf.writeUInt16LE(argv.length, at + O.cs_exec.argv_len);
  w.buf.writeUInt16LE(cwd.length, at + O.cs_exec.cwd_len);
}

/** "file-NNNNNN.txt\0dNNNN\0storm\0tmp\0" with the digits written in place (no strings per open). */
const OPEN_NAME = Buffer.from('file-000000.txt\0d0000\0storm\0tmp\0', 'latin1');

function digits(b: Buffer, at: number, width: number, n: number): void {
  for (let k = width - 1; k >= 0; k--, n = Math.floor(n / 10)) b[at + k] = 0x30 + (n % 10);
}

/** openat(dfd, "file-NNNNNN.txt", O_RDONLY) as the dentry walk emits it, leaf first. */
function open(w: BatchWriter, pid: number, i: number): void {
  digits(OPEN_NAME, 5, 6, i);
  digits(OPEN_NAME, 17, 4, Math.floor(i / 1000));
  const name = OPEN_NAME;
  const at = w.begin(Kind.FILE_OPEN, SIZEOF.cs_file_open, name, pid, startOf(pid));
  w.buf[at + O.cs_file_open.access] = 1;
  w.buf[at + O.cs_file_open.path_enc] = 1;
  w.buf.writeUInt16LE(name.length, at + O.cs_file_open.path_len);
}

function exit(w: BatchWriter, pid: number): void {
  w.begin(Kind.EXIT, SIZEOF.cs_exit, '', pid, startOf(pid));
}

/** The storm's records, one batch at a time: each handed to consume() as it fills. */
function* stormBatches(events: number): Generator<BatchWriter> {
  const w = new BatchWriter();
  exec(w);
  const procs = Math.ceil(events / FILES_PER_PROC);
  for (let p = 0; p < procs; p++) {
    const pid = STORM_PID + 1 + p;
    fork(w, pid);
    for (let i = 0; i < Math.min(FILES_PER_PROC, events - p * FILES_PER_PROC); i++) {
      open(w, pid, i);
      if (!w.fits()) {
        yield w;
        // One buffer, refilled once the batch is handled, as the pump's: a new 4 MiB per batch piles up as external memory between GCs.
        w.used = 0;
      }
    }
    exit(w, pid);
  }
  yield w;
}

function main(outDir: string, events: number, rulesPath: string | undefined): void {
  mkdirSync(outDir, { recursive: true });
  const tracker = new KernelTracker(noMaps, 1.7e18);
  // The rule file alone, as the bench's tracked runs (--no-builtin-rules): the same set every time.
  const stage = rulesPath ? ruleStageOf({ files: [rulesPath], builtin: false }) : undefined;
  const recording = new JobRecording(tracker, {
    identity: { id: 'bench', name: 'open storm', repository: 'octo/app' },
    dir: outDir,
    cgroups: [{ id: BigInt(CGROUP) }],
    workerPid: 1,
    stages: stage ? [stage] : [],
  });
  let cpuUs = 0;
  let malformed = 0;
  // As the Recorder does (TB_NO_CAP: without it, to compare).
  if (!process.env.TB_NO_CAP) capYoungGeneration();
  for (const w of stormBatches(events)) {
    const c0 = process.cpuUsage();
    decodeBatch(w.buf, w.used, (s) => tracker.handle(s), () => malformed++);
    recording.flush();
    const c = process.cpuUsage(c0);
    cpuUs += c.user + c.system;
  }
  const delivered = recording.end();
  const out = {
    events: delivered,
    malformed,
    rules: rulesPath !== undefined,
    cpuMs: cpuUs / 1000,
    usPerEvent: cpuUs / Math.max(1, delivered),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    findings: stage?.findings.length ?? 0,
    ...(process.env.TB_HEAP ? { mem: process.memoryUsage(), spaces: (require("v8") as typeof import("node:v8")).getHeapSpaceStatistics().map((s) => `${s.space_name} ${(s.space_size / 2 ** 20).toFixed(1)}/${(s.space_used_size / 2 ** 20).toFixed(1)}`) } : {}),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main(process.argv[2] ?? 'tracker-bench', Number(process.argv[3] ?? 1_000_000), process.argv[4]);
