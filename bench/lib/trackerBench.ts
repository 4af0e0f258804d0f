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
 *
 * TB_MIX=build feeds a build's records instead (buildBatches), made before
 * the clock starts; TB_BUILTIN=1 adds the built-in rules (found next to the
 * bundle, as dist/ has them); TB_V8='--flag' sets V8 flags at run time, as
 * the tracker would have to (its users start it, so not on the command
 * line); TB_NO_CAP leaves the young generation uncapped.
 */
import { mkdirSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
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

/** A path as the dentry walk emits it: components leaf first, each NUL-ended. */
const leafFirst = (path: string): string => `${path.split('/').filter(Boolean).reverse().join('\0')}\0`;

function execAs(w: BatchWriter, pid: number, ppid: number, path: string, argv: string[], cwd: string): void {
  const p = leafFirst(path);
  const a = `${argv.join('\0')}\0`;
  const c = leafFirst(cwd);
  const at = w.begin(Kind.EXEC, SIZEOF.cs_exec, p + a + c, pid, startOf(pid));
  w.buf.writeUInt32LE(ppid, at + O.cs_exec.ppid);
  writeU64(w.buf, at + O.cs_exec.parent_start_time_ns, startOf(ppid));
  w.buf.writeUInt16LE(p.length, at + O.cs_exec.path_len);
  w.buf.writeUInt16LE(a.length, at + O.cs_exec.argv_len);
  w.buf.writeUInt16LE(c.length, at + O.cs_exec.cwd_len);
}

function forkOf(w: BatchWriter, pid: number, ppid: number): void {
  const at = w.begin(Kind.FORK, SIZEOF.cs_fork, '', pid, startOf(pid));
  w.buf.writeUInt32LE(ppid, at + O.cs_fork.ppid);
  writeU64(w.buf, at + O.cs_fork.parent_start_time_ns, startOf(ppid));
}

function openPath(w: BatchWriter, pid: number, path: string, access: number): void {
  const name = leafFirst(path);
  const at = w.begin(Kind.FILE_OPEN, SIZEOF.cs_file_open, name, pid, startOf(pid));
  w.buf[at + O.cs_file_open.access] = access;
  w.buf[at + O.cs_file_open.path_enc] = 1;
  w.buf.writeUInt16LE(name.length, at + O.cs_file_open.path_len);
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
  execAs(w, STORM_PID, 1, '/usr/local/bin/openstorm', ['/usr/local/bin/openstorm', 'run', '/tmp/storm', '20000', '50', '2'], '/home/runner');
  const procs = Math.ceil(events / FILES_PER_PROC);
  for (let p = 0; p < procs; p++) {
    const pid = STORM_PID + 1 + p;
    forkOf(w, pid, STORM_PID);
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

const HEADERS = Array.from({ length: Number(process.env.TB_HEADERS ?? 84) }, (_, i) =>
  i % 3 === 0 ? `/usr/lib/gcc/x86_64-linux-gnu/12/include/h${i}.h` : i % 3 === 1 ? `/usr/include/x86_64-linux-gnu/bits/h${i}.h` : `/usr/include/h${i}.h`,
);
const CFLAGS = ['-O2', '-g', '-Wall', '-Wextra', '-fstack-protector-strong', '-D_FORTIFY_SOURCE=2', '-Iinclude', '-Isrc', '-MMD', '-MP', '-std=c11', '-fPIC'];

/**
 * A build's mix, after the bench's end-to-end build (startStop.mjs): per
 * unit make forks sh, sh runs gcc, gcc runs cc1 (its source, TB_HEADERS
 * header opens, 84 unless set, its two outputs) then as; 100 events a unit
 * with the 84 headers, and lines of ~1.4 KB (the compiler's argv and its
 * parents' in every line's process context).
 */
function* buildBatches(events: number): Generator<BatchWriter> {
  const w = new BatchWriter();
  const MAKE = STORM_PID;
  execAs(w, MAKE, 1, '/usr/bin/make', ['make', '-j2'], '/home/runner/work/app');
  let pid = MAKE + 1;
  for (let unit = 0, sent = 0; sent < events; unit++, sent += 100) {
    const [sh, gcc, cc1, as] = [pid, pid + 1, pid + 2, pid + 3];
    pid += 4;
    const src = `src/unit${unit}.c`;
    const obj = `build/unit${unit}.o`;
    const ccArgs = [...CFLAGS, '-c', src, '-o', obj];
    forkOf(w, sh, MAKE);
    execAs(w, sh, MAKE, '/usr/bin/dash', ['/bin/sh', '-c', `gcc ${ccArgs.join(' ')}`], '/home/runner/work/app');
    forkOf(w, gcc, sh);
    execAs(w, gcc, sh, '/usr/bin/x86_64-linux-gnu-gcc-12', ['gcc', ...ccArgs], '/home/runner/work/app');
    forkOf(w, cc1, gcc);
    execAs(w, cc1, gcc, '/usr/libexec/gcc/x86_64-linux-gnu/12/cc1',
      ['/usr/libexec/gcc/x86_64-linux-gnu/12/cc1', '-quiet', '-Iinclude', '-Isrc', '-imultiarch', 'x86_64-linux-gnu', '-MMD', `build/unit${unit}.d`, '-MP', '-D_FORTIFY_SOURCE=2', src, '-quiet', '-dumpdir', 'build/', '-dumpbase', `unit${unit}.c`, '-dumpbase-ext', '.c', '-mtune=generic', '-march=x86-64', '-g', '-O2', '-Wall', '-Wextra', '-std=c11', '-fstack-protector-strong', '-fPIC', '-fasynchronous-unwind-tables', '-fstack-clash-protection', '-fcf-protection', '-o', `/tmp/cc${unit}.s`],
      '/home/runner/work/app');
    openPath(w, cc1, `/home/runner/work/app/${src}`, 1);
    for (const h of HEADERS) openPath(w, cc1, h, 1);
    openPath(w, cc1, `/home/runner/work/app/build/unit${unit}.d`, 2);
    openPath(w, cc1, `/tmp/cc${unit}.s`, 2);
    exit(w, cc1);
    forkOf(w, as, gcc);
    execAs(w, as, gcc, '/usr/bin/x86_64-linux-gnu-as', ['as', '--gdwarf-5', '--64', '-o', obj, `/tmp/cc${unit}.s`], '/home/runner/work/app');
    openPath(w, as, `/tmp/cc${unit}.s`, 1);
    openPath(w, as, `/home/runner/work/app/${obj}`, 2);
    exit(w, as);
    exit(w, gcc);
    exit(w, sh);
    if (w.used + 65_536 > BATCH_BYTES) {
      yield w;
      w.used = 0;
    }
  }
  yield w;
}

function main(outDir: string, events: number, rulesPath: string | undefined): void {
  mkdirSync(outDir, { recursive: true });
  const tracker = new KernelTracker(noMaps, 1.7e18);
  // The rule file alone, as the bench's tracked runs (--no-builtin-rules): the same set every time; TB_BUILTIN=1 adds the built-in set, as a default run has it.
  const builtin = process.env.TB_BUILTIN === '1';
  const stage = rulesPath || builtin ? ruleStageOf({ files: rulesPath ? [rulesPath] : [], builtin }) : undefined;
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
  // V8 flags set at run time, as the tracker would (TB_V8='--maglev'): to measure a flag where it would be set.
  if (process.env.TB_V8) setFlagsFromString(process.env.TB_V8);
  // The build's records made beforehand (they are small): the generator's work and garbage stay out of the profile.
  const batches = process.env.TB_MIX === 'build' ? Array.from(buildBatches(events), (w) => ({ buf: Buffer.from(w.buf.subarray(0, w.used)), used: w.used })) : stormBatches(events);
  for (const w of batches) {
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
    builtinRules: builtin,
    cpuMs: cpuUs / 1000,
    usPerEvent: cpuUs / Math.max(1, delivered),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    findings: stage?.findings.length ?? 0,
    ...(process.env.TB_HEAP ? { mem: process.memoryUsage(), spaces: (require("v8") as typeof import("node:v8")).getHeapSpaceStatistics().map((s) => `${s.space_name} ${(s.space_size / 2 ** 20).toFixed(1)}/${(s.space_used_size / 2 ** 20).toFixed(1)}`) } : {}),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main(process.argv[2] ?? 'tracker-bench', Number(process.argv[3] ?? 1_000_000), process.argv[4]);
