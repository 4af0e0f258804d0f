// The figures beside the overhead table: end-to-end throughput and lost
// records at the limit, the tracker's own cost through a large run, and the
// time to build a report from a 1,000,000-event log.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleTs } from './bundle.mjs';
import { run } from './proc.mjs';
import { CLI, countLines, daemonReadyRun, firstJsonLine, hasDaemon, startSensor } from './sensor.mjs';
import { summary } from './stats.mjs';
import { writeSyntheticLog } from './synth.mjs';
import { benchRuleSetYaml } from '../rules/ruleSet.mjs';

export const DEFAULT_RINGBUF = 16 << 20;
const BIG_RINGBUF = 256 << 20;

/** RFC 3339 with microseconds → ns since the epoch. */
function timeNs(iso) {
  const micros = Number(/\.\d{3}(\d{3})Z$/.exec(iso)?.[1] ?? 0);
  return Date.parse(iso) * 1e6 + micros * 1e3;
}

/**
 * One tracked open storm of files × procs distinct opens. End to end is
 * kernel to file: events.ndjson lines over the time from the first event to
 * the file's last write (its mtime: the last line reached the page cache;
 * the log is closed without fsync).
 */
async function throughputRun(ctx, filesDir, files, procs, ringbufBytes) {
  const outDir = join(ctx.tmp, `throughput-${ringbufBytes}`);
  const timingPath = `${outDir}.timing.json`;
  mkdirSync(outDir, { recursive: true });
  const flags = ringbufBytes === DEFAULT_RINGBUF ? [] : ['--ringbuf-size', String(ringbufBytes)];
  const command = [ctx.tools.timeit, timingPath, ctx.tools.openstorm, 'run', filesDir, String(files), String(procs), '2'];
  const sensor = await startSensor(ctx.tools, outDir, command, flags).done;
  if (sensor.failure !== undefined) throw new Error(`cicd-sensor run failed: ${sensor.failure}`);
  const eventsPath = join(outDir, 'events.ndjson');
  const lines = countLines(eventsPath);
  const first = lines > 0 ? firstJsonLine(eventsPath) : undefined;
  const lastWriteNs = Number(statSync(eventsPath, { bigint: true }).mtimeNs);
  const timing = JSON.parse(readFileSync(timingPath, 'utf8'));
  const e2eSeconds = first ? (lastWriteNs - timeNs(first.time)) / 1e9 : undefined;
  const workloadEndNs = timing.startRealtimeNs + timing.wallNs;
  rmSync(outDir, { recursive: true, force: true });
  return {
    ringbufBytes,
    opens: files * procs,
    events: lines,
    reportEvents: sensor.events,
    lostRecords: sensor.lostRecords,
    e2eSeconds,
    e2eEventsPerSec: e2eSeconds ? lines / e2eSeconds : undefined,
    workloadMs: timing.wallNs / 1e6,
    producerOpensPerSec: (files * procs) / (timing.wallNs / 1e9),
    // How long the tracker was still writing after the workload had finished.
    drainAfterWorkloadMs: (lastWriteNs - workloadEndNs) / 1e6,
    sensorCpuMs: sensor.sensorCpuMs,
    sensorPeakRssMb: sensor.sensorPeakRssMb,
    sensorPeakRssAnonMb: sensor.sensorPeakRssAnonMb,
    sensorPeakRssFileMb: sensor.sensorPeakRssFileMb,
    sensorWallMs: sensor.sensorWallMs,
    readyMs: sensor.readyMs,
    hooks: sensor.hooks,
  };
}

/**
 * At the default ring buffer first (the budget); if records were lost there,
 * again with a 256 MiB buffer, to show what the consumer sustains without loss.
 */
export async function measureThroughput(ctx, filesDir, sizes) {
  const runs = [];
  const files = sizes.openFiles;
  const procs = sizes.throughputProcs;
  for (const ringbuf of [DEFAULT_RINGBUF, BIG_RINGBUF]) {
    ctx.log(`throughput: ${(files * procs).toLocaleString('en')} distinct opens tracked, ring buffer ${ringbuf >> 20} MiB`);
    const r = await throughputRun(ctx, filesDir, files, procs, ringbuf);
    ctx.log(
      `throughput: ${r.events.toLocaleString('en')} events in ${r.e2eSeconds?.toFixed(2)} s end to end ` +
        `(${Math.round(r.e2eEventsPerSec ?? 0).toLocaleString('en')}/s), lost ${r.lostRecords}, ` +
        `tracker ${r.sensorCpuMs} ms CPU, peak RSS ${r.sensorPeakRssMb?.toFixed(0)} MB`,
    );
    runs.push(r);
    if (r.lostRecords === 0) break;
  }
  return runs;
}

/**
 * One tracked open storm with the given rule flags (the built-in rules are on
 * unless the flags say --no-builtin-rules): the tracker's CPU per event.
 */
async function rulesRun(ctx, filesDir, sizes, label, flags, i) {
  const outDir = join(ctx.tmp, `rules-${label}-${i}`);
  mkdirSync(outDir, { recursive: true });
  // The throughput run's size: enough events that the tracker's start-up is a small share of its CPU.
  const command = [ctx.tools.openstorm, 'run', filesDir, String(sizes.openFiles), String(sizes.throughputProcs), '2'];
  const sensor = await startSensor(ctx.tools, outDir, command, [...flags, '--fail-on', 'none']).done;
  rmSync(outDir, { recursive: true, force: true });
  if (sensor.failure !== undefined) throw new Error(`cicd-sensor run failed: ${sensor.failure}`);
  return {
    events: sensor.events,
    lostRecords: sensor.lostRecords,
    cpuMs: sensor.sensorCpuMs,
    usPerEvent: (sensor.sensorCpuMs * 1000) / Math.max(1, sensor.events),
    peakRssMb: sensor.sensorPeakRssMb,
    peakRssAnonMb: sensor.sensorPeakRssAnonMb,
    peakRssFileMb: sensor.sensorPeakRssFileMb,
  };
}

/**
 * The CPU of `cicd-sensor run --no-builtin-rules -- true`: start (BPF load,
 * whose verifier time is the tracker's system time) and stop with no
 * events, the fixed cost the net per-event figures are taken without.
 */
async function fixedCpuMs(ctx, rounds) {
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const outDir = join(ctx.tmp, `fixed-${i}`);
    mkdirSync(outDir, { recursive: true });
    const sensor = await startSensor(ctx.tools, outDir, ['true'], ['--no-builtin-rules']).done;
    rmSync(outDir, { recursive: true, force: true });
    if (sensor.failure !== undefined) throw new Error(`cicd-sensor run -- true failed: ${sensor.failure}`);
    samples.push(sensor.sensorCpuMs);
  }
  return summary(samples).median;
}

/** Pairs of runs, off then on, each pair on the same machine state; medians of µs/event. */
async function pairedRuns(ctx, filesDir, sizes, name, offFlags, onFlags) {
  const off = [];
  const on = [];
  for (let i = 0; i < sizes.rounds; i++) {
    off.push(await rulesRun(ctx, filesDir, sizes, `${name}-off`, offFlags, i));
    on.push(await rulesRun(ctx, filesDir, sizes, `${name}-on`, onFlags, i));
    ctx.log(`${name}: tracker ${off.at(-1).usPerEvent.toFixed(2)} µs/event off, ${on.at(-1).usPerEvent.toFixed(2)} on (${on.at(-1).events} events)`);
  }
  return { off, on, offUs: summary(off.map((r) => r.usPerEvent)), onUs: summary(on.map((r) => r.usPerEvent)) };
}

/**
 * The built-in rule set's cost as users get it: the open storm tracked with
 * --no-builtin-rules and with the default (built-in rules on), in pairs; the
 * ratio is of the medians, loading included (it happens once per job).
 */
export async function measureBuiltinRules(ctx, filesDir, sizes) {
  const { off, on, offUs, onUs } = await pairedRuns(ctx, filesDir, sizes, 'builtin-rules', ['--no-builtin-rules'], []);
  return { events: on[0].events, off: offUs, on: onUs, ratio: onUs.median / Math.max(1e-9, offUs.median), runs: { off, on } };
}

/** CPU of `cicd-sensor rules check FILE` (start-up, load, check), median of a few. */
async function checkCpuMs(ctx, file, label) {
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const watchPath = join(ctx.tmp, `rules-check-${label}-${i}.procwatch.json`);
    await run(ctx.tools.procwatch, [watchPath, '--', process.execPath, CLI, 'rules', 'check', file]);
    samples.push(JSON.parse(readFileSync(watchPath, 'utf8')).cpuMs);
  }
  return summary(samples).median;
}

/**
 * The tracker's cost per event and the rule engine's: the open storm tracked
 * with no rules and with the bench rule set (bench/rules/ruleSet.mjs:
 * built-in-like rules plus 60 shaped like the reference's), in pairs, the
 * tracker's CPU per event compared; also each net of the fixed cost of
 * starting and stopping (`run -- true`) and, with rules, of loading them
 * once. The rules-on runs give the peak RSS with rules.
 */
export async function measureRules(ctx, filesDir, sizes) {
  const rulesPath = join(ctx.tmp, 'bench-rules.yml');
  writeFileSync(rulesPath, benchRuleSetYaml(60));
  const emptyPath = join(ctx.tmp, 'no-rules.yml');
  writeFileSync(emptyPath, 'rule_sets: []\n');
  // Loading the rules happens once per job: measured apart, so the per-event figure is the evaluation's.
  const loadMs = Math.max(0, (await checkCpuMs(ctx, rulesPath, 'bench')) - (await checkCpuMs(ctx, emptyPath, 'empty')));
  // The built-in rules off in both arms: this figure is the engine's cost on the bench rule set alone.
  const { off, on, offUs, onUs } = await pairedRuns(ctx, filesDir, sizes, 'rules', ['--no-builtin-rules'], ['--no-builtin-rules', '--rules', rulesPath]);
  const events = on[0].events;
  const addedUsPerEvent = onUs.median - offUs.median - (loadMs * 1000) / Math.max(1, events);
  // Memory with the rules on: the budget is the worst run's, through the same events (its anon and file-backed parts beside it).
  const worst = on.reduce((a, b) => ((b.peakRssMb ?? 0) > (a.peakRssMb ?? 0) ? b : a));
  const onPeakRssMb = worst.peakRssMb ?? 0;
  const fixedMs = await fixedCpuMs(ctx, sizes.rounds);
  const net = (runs, extraMs) => summary(runs.map((r) => ((r.cpuMs - fixedMs - extraMs) * 1000) / Math.max(1, r.events)));
  const offNet = net(off, 0);
  const onNet = net(on, loadMs);
  ctx.log(`rules: net of ${fixedMs} ms start and stop, ${offNet.median.toFixed(2)} µs/event without rules, ${onNet.median.toFixed(2)} with`);
  return {
    events,
    off: offUs,
    on: onUs,
    offNet,
    onNet,
    fixedMs,
    loadMs,
    addedUsPerEvent,
    onPeakRssMb,
    onPeakRssAnonMb: worst.peakRssAnonMb,
    onPeakRssFileMb: worst.peakRssFileMb,
    peakRssAnonMb: summary(on.map((r) => r.peakRssAnonMb)),
    runs: { off, on },
  };
}

/** Time to build the report from a synthetic log, measured from process start to exit. */
export async function measureReport(ctx, sizes) {
  const script = await bundleTs(ctx.tmp, 'bench/lib/reportBench.ts', 'reportBench.mjs');
  const logPath = join(ctx.tmp, 'synthetic-events.ndjson');
  ctx.log(`report: writing a synthetic ${sizes.reportEvents.toLocaleString('en')}-event log`);
  const log = writeSyntheticLog(logPath, sizes.reportEvents);
  const runs = [];
  for (let i = 0; i < sizes.reportRuns; i++) {
    const watchPath = join(ctx.tmp, `report-${i}.procwatch.json`);
    const { stdout } = await run(ctx.tools.procwatch, [watchPath, '--', process.execPath, script, logPath]);
    const watch = JSON.parse(readFileSync(watchPath, 'utf8'));
    const inner = JSON.parse(stdout.trim().split('\n').pop());
    runs.push({ wallMs: watch.wallNs / 1e6, cpuMs: watch.cpuMs, peakRssMb: watch.vmHwmKb / 1024, ...inner });
    ctx.log(`report: ${inner.events.toLocaleString('en')} events in ${(watch.wallNs / 1e9).toFixed(2)} s (${(watch.cpuMs / 1000).toFixed(2)} s CPU)`);
  }
  rmSync(logPath, { force: true });
  return {
    log: { ...log, bytesPerEvent: log.bytes / log.events },
    runs,
    wallMs: summary(runs.map((r) => r.wallMs)),
    cpuMs: summary(runs.map((r) => r.cpuMs)),
  };
}

/** Time from starting `cicd-sensor daemon` to its ready file, when this dist/ has the daemon. */
export async function measureDaemonReady(ctx, runs) {
  if (!hasDaemon()) return { unavailable: 'dist/cli.js has no daemon' };
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const stateDir = join(ctx.tmp, `daemon-${i}`);
    mkdirSync(stateDir, { mode: 0o700 });
    const r = await daemonReadyRun(ctx.tools, stateDir);
    ctx.log(`daemon: ready in ${(r.readyMs / 1000).toFixed(2)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB`);
    samples.push(r);
  }
  return { runs: samples, readyMs: summary(samples.map((s) => s.readyMs)), idlePeakRssMb: summary(samples.map((s) => s.peakRssMb)) };
}
