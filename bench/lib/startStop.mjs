// Start and stop: what `cicd-sensor run` costs around a command that does
// nothing, with its own sensor and through a daemon already running; and
// end to end around a realistic build (start and stop included) against the
// bare build, in pairs. Timed from spawn to exit, as a user waits for it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { generateProject } from './project.mjs';
import { run, sensorPrograms, settle, startChild } from './proc.mjs';
import { CLI } from './sensor.mjs';
import { summary } from './stats.mjs';

/** Wall time from spawn to exit, in ms; rejects when the command fails. */
async function timed(label, cmd, args) {
  const start = process.hrtime.bigint();
  const child = startChild(label, cmd, args);
  const { code, signal } = await child.exited;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (code !== 0) throw new Error(`${label}: ${signal ? `signal ${signal}` : `exit code ${code}`}: ${child.stderr.text.trim().split('\n').slice(-3).join(' | ')}`);
  return ms;
}

/** `cicd-sensor run [flags] -- true`, n times; the wall times. */
async function runTrueTimes(ctx, n, flags, label) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const outDir = join(ctx.tmp, `start-stop-${label}-${i}`);
    times.push(await timed(`cicd-sensor run -- true (${label})`, process.execPath, [CLI, 'run', '--out', outDir, ...flags, '--', 'true']));
    rmSync(outDir, { recursive: true, force: true });
  }
  return times;
}

/**
 * A daemon for the runs that go through one; stopped (and, if it will not
 * stop, killed) afterwards. `body(stateDir, pid)`: pid is the daemon's, from
 * the `ready pid=N` line `daemon --detach` prints.
 */
async function withDaemon(ctx, name, body) {
  const stateDir = join(ctx.tmp, name);
  mkdirSync(stateDir, { mode: 0o700 });
  const started = await run(process.execPath, [CLI, 'daemon', '--state-dir', stateDir, '--detach']);
  const stop = onCleanup(`stop daemon ${stateDir}`, () => run(process.execPath, [CLI, 'daemon', 'kill', '--state-dir', stateDir], { allowFail: true }));
  try {
    const pid = Number(/ready pid=(\d+)/.exec(started.stdout)?.[1]);
    if (!(pid > 0)) throw new Error(`daemon --detach printed no 'ready pid=N' line: ${started.stdout.trim().slice(-200)}`);
    return await body(stateDir, pid);
  } finally {
    await run(process.execPath, [CLI, 'daemon', 'stop', '--state-dir', stateDir], { allowFail: true });
    stop.drop();
  }
}

export async function measureStartStop(ctx, sizes) {
  const own = await runTrueTimes(ctx, sizes.startStopRuns, ['--no-daemon'], 'own');
  ctx.log(`start and stop: cicd-sensor run -- true ${own.map((t) => (t / 1000).toFixed(2)).join(' ')} s (own sensor)`);
  const viaDaemon = await withDaemon(ctx, 'start-stop-daemon', (stateDir) => runTrueTimes(ctx, sizes.startStopRuns, ['--state-dir', stateDir], 'daemon'));
  ctx.log(`start and stop: cicd-sensor run -- true ${viaDaemon.map((t) => (t / 1000).toFixed(2)).join(' ')} s (through a daemon)`);
  return { own: summary(own), viaDaemon: summary(viaDaemon), samples: { own, viaDaemon } };
}

/**
 * The end-to-end workload: make -j2 of a generated C project of its own,
 * sized so the whole build takes about ten seconds bare on two vCPUs (the
 * issue's "10-second build"), then a tarball of the project and an `npm
 * pack` of a small package (offline), as a CI job's build step does.
 * Returns { detail, argv, reset }.
 */
function endToEndWorkload(ctx, sizes) {
  const projectDir = join(ctx.tmp, 'e2e-project');
  const outputs = generateProject(projectDir, sizes.endToEndBuildFiles);
  const pkgDir = join(ctx.tmp, 'e2e-pkg');
  const outDir = join(ctx.tmp, 'e2e-out');
  mkdirSync(join(pkgDir, 'lib'), { recursive: true });
  writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ name: 'e2e-pkg', version: '1.0.0', files: ['lib'] }));
  for (let i = 0; i < 200; i++) writeFileSync(join(pkgDir, 'lib', `m${i}.js`), `export const v${i} = ${i};\n`.repeat(50));
  const script = `make -s -j2 -C "$1" && mkdir -p "$3" && tar -czf "$3/src.tgz" -C "$1" . && cd "$2" && npm pack --silent --offline --pack-destination "$3" >/dev/null`;
  return {
    detail: `make -j2 of a generated C project, ${sizes.endToEndBuildFiles} units + 16 headers, from clean, then tar -czf of the project and npm pack of a 200-file package, offline`,
    argv: ['sh', '-c', script, 'e2e', projectDir, pkgDir, outDir],
    reset: () => {
      for (const p of outputs) rmSync(p, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

const SIDES = {
  bare: (w) => w.argv,
  sensor: (w, outDir) => [process.execPath, CLI, 'run', '--no-daemon', '--out', outDir, '--', ...w.argv],
  // The same run with the built-in rules off: what judging the build costs.
  norules: (w, outDir) => [process.execPath, CLI, 'run', '--no-daemon', '--no-builtin-rules', '--out', outDir, '--', ...w.argv],
  // Through a daemon already running (as the action's pre step leaves one): register, not load.
  daemon: (w, outDir, stateDir) => [process.execPath, CLI, 'run', '--state-dir', stateDir, '--out', outDir, '--', ...w.argv],
};
// A Latin square: each side runs first, second, third and last once in every four rounds.
const ORDERS = [
  ['bare', 'sensor', 'norules', 'daemon'],
  ['daemon', 'norules', 'bare', 'sensor'],
  ['sensor', 'daemon', 'norules', 'bare'],
  ['norules', 'bare', 'daemon', 'sensor'],
];

/** utime + stime of a process, all its threads, in ms (undefined once it is gone). */
function processCpuMs(pid) {
  // Fields after the command name, which is in parentheses and may hold spaces and ") ": utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  if (!Number.isFinite(ms)) throw new Error(`/proc/${pid}/stat has no utime and stime: ${stat.slice(0, 200)}`);
  return ms;
}
const CLOCK_TICKS = 100; // USER_HZ: 100 on every Linux architecture the sensor supports

/**
 * The side's command under timeit, which adds up the CPU of everything it
 * ran (for `cicd-sensor run`: the tracker and the build it ran); for the
 * daemon side, plus what the daemon spent meanwhile. Returns { ms, cpuMs }.
 */
async function timedWithCpu(ctx, label, argv, daemonPid) {
  const cpuPath = join(ctx.tmp, 'e2e-cpu.json');
  const daemonBefore = daemonPid ? processCpuMs(daemonPid) : 0;
  const ms = await timed(label, ctx.tools.timeit, [cpuPath, ...argv]);
  const daemonMs = daemonPid ? processCpuMs(daemonPid) - daemonBefore : 0;
  const t = JSON.parse(readFileSync(cpuPath, 'utf8'));
  return { ms, cpuMs: (t.userUs + t.sysUs) / 1000 + daemonMs };
}

/**
 * One timed side of a round. Every side starts from the same state: the
 * previous side's leftovers gone (the process that closes a run's links
 * after it exits, a stopped daemon's, their BPF programs), and no daemon
 * running but the one of the daemon side, started before the clock and
 * stopped after it, so the bare build never pays for a daemon's programs
 * and a run with its own sensor never pays for two sensors'.
 */
async function timedSide(ctx, w, side, round, baselinePrograms) {
  const settled = await settle(ctx.tmp, baselinePrograms);
  if (settled.left) ctx.log(`end to end: still there after ${(settled.waitedMs / 1000).toFixed(1)} s before the ${side} side: ${settled.left}`);
  w.reset();
  const outDir = join(ctx.tmp, `e2e-report-${round}`);
  const timeSide = (stateDir, daemonPid) => timedWithCpu(ctx, `end to end (${side})`, SIDES[side](w, outDir, stateDir), daemonPid);
  const result = side === 'daemon' ? await withDaemon(ctx, `e2e-daemon-${round}`, timeSide) : await timeSide();
  rmSync(outDir, { recursive: true, force: true });
  return { ...result, settleMs: settled.waitedMs };
}

/**
 * Bare, tracked by its own sensor, the same without the built-in rules, and
 * tracked through a running daemon, back to back, the order rotated from
 * round to round; the ratios of each round.
 */
export async function measureEndToEnd(ctx, sizes) {
  const w = endToEndWorkload(ctx, sizes);
  const baselinePrograms = sensorPrograms();
  const pairs = [];
  await timed('end-to-end warm-up', w.argv[0], w.argv.slice(1));
  for (let i = 0; i < sizes.endToEndPairs; i++) {
    const pair = { settleMs: {}, cpuMs: {} };
    for (const side of ORDERS[i % ORDERS.length]) {
      const { ms, cpuMs, settleMs } = await timedSide(ctx, w, side, i, baselinePrograms);
      pair[`${side}Ms`] = ms;
      pair.cpuMs[side] = cpuMs;
      pair.settleMs[side] = settleMs;
    }
    pair.ratio = pair.sensorMs / pair.bareMs;
    pair.daemonRatio = pair.daemonMs / pair.bareMs;
    pair.rulesRatio = pair.sensorMs / pair.norulesMs;
    pair.cpuRatio = pair.cpuMs.sensor / pair.cpuMs.bare;
    pair.daemonCpuRatio = pair.cpuMs.daemon / pair.cpuMs.bare;
    const s = (ms) => (ms / 1000).toFixed(2);
    ctx.log(
      `end to end ${i + 1}/${sizes.endToEndPairs}: bare ${s(pair.bareMs)} s, cicd-sensor run ${s(pair.sensorMs)} s (${pair.ratio.toFixed(3)}x), ` +
        `through a daemon ${s(pair.daemonMs)} s (${pair.daemonRatio.toFixed(3)}x), without built-in rules ${s(pair.norulesMs)} s; ` +
        `CPU ${Object.entries(pair.cpuMs).map(([k, v]) => `${k} ${s(v)} s`).join(', ')}; ` +
        `waited for leftovers ${Object.entries(pair.settleMs).map(([k, v]) => `${k} ${v} ms`).join(', ')}`,
    );
    pairs.push(pair);
  }
  return endToEndSummary(w, pairs);
}

/** The median of the rounds' ratios (the budget's figure) and, beside it, the ratio of the sides' medians. */
function endToEndSummary(w, pairs) {
  const times = (side) => summary(pairs.map((p) => p[`${side}Ms`]));
  const out = { detail: w.detail, bareMs: times('bare'), sensorMs: times('sensor'), daemonMs: times('daemon'), norulesMs: times('norules') };
  Object.assign(out, {
    ratio: summary(pairs.map((p) => p.ratio)),
    daemonRatio: summary(pairs.map((p) => p.daemonRatio)),
    rulesRatio: summary(pairs.map((p) => p.rulesRatio)),
    ratioOfMedians: out.sensorMs.median / out.bareMs.median,
    daemonRatioOfMedians: out.daemonMs.median / out.bareMs.median,
    rulesRatioOfMedians: out.sensorMs.median / out.norulesMs.median,
    // CPU time (the build's and the sensor's: the tracker, the BPF programs in the build's system calls, the daemon's share): less moved by other load than wall time.
    cpuMs: Object.fromEntries(Object.keys(SIDES).map((side) => [side, summary(pairs.map((p) => p.cpuMs[side]))])),
    cpuRatio: summary(pairs.map((p) => p.cpuRatio)),
    daemonCpuRatio: summary(pairs.map((p) => p.daemonCpuRatio)),
    pairs,
  });
  return out;
}
