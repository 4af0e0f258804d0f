// npm run bench: the phases in order. Each phase lives in its own module;
// this one only sequences them, collects results and guarantees cleanup.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { installSignalHandlers, isAborting, onCleanup, runCleanups } from './cleanup.mjs';
import { ensureDeps } from './deps.mjs';
import { measureDocker } from './docker.mjs';
import { measureBuiltinRules, measureDaemonReady, measureReport, measureRules, measureThroughput } from './figures.mjs';
import { measureEndToEnd, measureStartStop } from './startStop.mjs';
import { measureFlood } from './flood.mjs';
import { MODE_LABELS } from './modes.mjs';
import { FIGURE_IDS, parseOptions, USAGE, UsageError } from './options.mjs';
import { runRounds } from './rounds.mjs';
import { CLI, REPO, runTracked } from './sensor.mjs';
import { pairedRatio, summary } from './stats.mjs';
import { budgetLines, budgets, figureRows, formatMarkdown, formatTable, overheadRows } from './table.mjs';
import { buildTools } from './tools.mjs';
import { prepareWorkloads } from './workloads.mjs';

const log = (line) => process.stderr.write(`bench: ${line}\n`);

function gitState() {
  try {
    const git = (...args) => execFileSync('git', ['-C', REPO, ...args], { encoding: 'utf8' }).trim();
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', '--', 'src', 'bpf', 'native', 'dist').split('\n').filter(Boolean) };
  } catch {
    return undefined;
  }
}

/** Hashes of what the bench runs: dist/ may be rebuilt by someone else while the bench runs. */
function distHashes() {
  const files = ['dist/cli.js', 'dist/sensor.bpf.o', 'dist/lib/libcicdsensor.so'];
  return Object.fromEntries(
    files.map((f) => {
      try {
        return [f, createHash('sha256').update(readFileSync(join(REPO, f))).digest('hex').slice(0, 16)];
      } catch {
        return [f, 'missing'];
      }
    }),
  );
}

/** BPF programs already loaded by others (another sensor's hooks slow every mode, baseline too). */
function loadedBpfPrograms() {
  try {
    return JSON.parse(execFileSync('bpftool', ['prog', 'show', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).length;
  } catch {
    return undefined;
  }
}

/** The sensor must start here at all; its attach plan says which hooks the numbers are for. */
async function preflight(ctx) {
  const outDir = join(ctx.tmp, 'preflight');
  mkdirSync(outDir);
  const probe = await runTracked(ctx.tools, outDir, ['true']);
  rmSync(outDir, { recursive: true, force: true });
  if (probe.failure !== undefined) return { error: probe.failure };
  return { probe };
}

function overheads(workloads, modes, samples) {
  const out = {};
  for (const w of workloads) {
    const base = samples[w.id].baseline;
    out[w.id] = {};
    for (const m of modes) {
      const s = samples[w.id][m];
      out[w.id][m] = {
        wallMs: summary(s.map((x) => x.wallMs)),
        cpuMs: summary(s.map((x) => x.cpuMs)),
        ...(m === 'baseline' ? {} : { wall: pairedRatio(s, base, 'wallMs'), cpu: pairedRatio(s, base, 'cpuMs') }),
      };
    }
  }
  return out;
}

/** Every time-to-sensor.json the bench saw: the preflight, each tracked run, each background start. */
function readySamples(pre, rounds, throughput) {
  const values = [pre.probe?.readyMs];
  for (const byMode of Object.values(rounds.samples)) for (const s of byMode.tracked ?? []) values.push(s.sensor?.readyMs);
  for (const r of rounds.modeRounds.untracked ?? []) values.push(r.readyMs);
  for (const t of throughput ?? []) values.push(t.readyMs);
  return summary(values.filter((v) => v !== undefined));
}

/** The figures in the order they run; `--figures` picks some. */
const FIGURES = {
  startStop: (ctx, sizes) => measureStartStop(ctx, sizes),
  endToEnd: (ctx, sizes) => measureEndToEnd(ctx, sizes),
  throughput: (ctx, sizes, filesDir) => measureThroughput(ctx, filesDir, sizes),
  flood: (ctx, sizes, filesDir) => measureFlood(ctx, filesDir, sizes),
  rules: (ctx, sizes, filesDir) => measureRules(ctx, filesDir, sizes),
  builtinRules: (ctx, sizes, filesDir) => measureBuiltinRules(ctx, filesDir, sizes),
  report: (ctx, sizes) => measureReport(ctx, sizes),
  daemon: (ctx, sizes) => measureDaemonReady(ctx, sizes.reportRuns),
  docker: (ctx, sizes) => measureDocker(ctx, sizes),
};

async function figures(ctx, opts, filesDir) {
  const out = { errors: {} };
  for (const id of FIGURE_IDS.filter((f) => opts.figures.includes(f))) {
    if (isAborting()) break;
    try {
      out[id] = await FIGURES[id](ctx, opts.sizes, filesDir);
    } catch (err) {
      out.errors[id] = err.message;
    }
  }
  if (out.throughput) out.tracker = out.throughput.find((t) => t.lostRecords === 0) ?? out.throughput.at(-1);
  if (Object.keys(out.errors).length === 0) delete out.errors;
  return out;
}

function print(results) {
  const m = results.meta;
  const out = [];
  out.push(`cicd-sensor bench (${results.quick ? 'quick' : 'full'}): ${results.sizes.rounds} round(s), kernel ${m.kernel}, ${m.cpus} CPUs, load average ${m.loadStart.toFixed(2)} → ${m.loadEnd.toFixed(2)}, ${Math.round(m.elapsedS)} s`);
  out.push(`dist: ${Object.values(m.dist).join(' ')}${m.distChangedDuringRun ? ' (CHANGED during the run)' : ''}; BPF programs loaded by others at start: ${m.bpfProgramsLoadedByOthers ?? 'unknown'}`);
  out.push('');
  for (const w of results.workloads) out.push(`  ${w.label}: ${w.detail}`);
  out.push('');
  out.push(formatTable(overheadRows(results)));
  out.push('Each cell: workload wall time in that mode ÷ baseline wall time in the same round; median (min–max) over rounds.');
  out.push('');
  out.push(formatTable(overheadRows(results, 'cpu')));
  out.push("The same for the workload's CPU time (user+sys of it and its children, BPF programs in its syscalls included;");
  out.push("the tracker's own CPU is not in it). Less sensitive than wall time to other load on the machine.");
  for (const [mode, why] of Object.entries(results.unavailable)) out.push(`${MODE_LABELS[mode]}: n/a: ${why}`);
  for (const e of results.errors) out.push(`FAILED: ${MODE_LABELS[e.mode]} / ${e.workload} / round ${e.round + 1}: ${e.error.split('\n')[0]}`);
  out.push('');
  out.push(formatTable(figureRows(results)));
  out.push('');
  out.push('Budgets:');
  out.push(budgetLines(results.budgets));
  process.stdout.write(`${out.join('\n')}\n`);
}

async function bench(opts) {
  const started = Date.now();
  const loadStart = loadavg()[0];
  const distStart = distHashes();
  const bpfProgsStart = loadedBpfPrograms();
  const { missing } = ensureDeps(log);
  for (const pkg of ['gcc', 'make', 'libc6-dev']) if (missing[pkg]) throw new Error(missing[pkg]);
  const tmp = mkdtempSync(join(tmpdir(), 'cicd-sensor-bench-'));
  if (opts.keep) log(`keeping ${tmp}`);
  else onCleanup(`remove ${tmp}`, () => rmSync(tmp, { recursive: true, force: true }));
  mkdirSync(join(tmp, 'bin'));
  const ctx = { tmp, tools: await buildTools(join(tmp, 'bin')), log };
  const unavailable = {};
  if (missing.strace) unavailable.strace = missing.strace;
  if (missing.auditd) unavailable.auditd = missing.auditd;
  const pre = await preflight(ctx);
  if (pre.error) for (const m of ['tracked', 'untracked', 'egressAudit', 'egressBlock']) unavailable[m] = `cicd-sensor cannot run here: ${pre.error}`;
  const all = await prepareWorkloads(tmp, ctx.tools, opts.sizes, log);
  const workloads = all.filter((w) => opts.workloads.includes(w.id));
  const rounds = await runRounds(ctx, workloads, opts.modes.filter((m) => !unavailable[m]), workloads.length ? opts.sizes.rounds : 0);
  Object.assign(unavailable, rounds.unavailable);
  if (isAborting()) throw new Error('interrupted');
  const figs = opts.figures.length && !pre.error ? await figures(ctx, opts, join(tmp, 'files')) : {};
  if (isAborting()) throw new Error('interrupted');
  figs.ready = readySamples(pre, rounds, figs.throughput);
  const results = {
    quick: opts.quick,
    sizes: opts.sizes,
    meta: {
      date: new Date().toISOString(),
      kernel: release(),
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: totalmem() / 2 ** 30,
      node: process.version,
      loadStart,
      loadEnd: loadavg()[0],
      elapsedS: (Date.now() - started) / 1000,
      git: gitState(),
      dist: distStart,
      distChangedDuringRun: JSON.stringify(distStart) !== JSON.stringify(distHashes()),
      bpfProgramsLoadedByOthers: bpfProgsStart,
      attachPlan: pre.probe?.plan,
    },
    workloads: workloads.map(({ id, label, detail }) => ({ id, label, detail })),
    modes: opts.modes,
    unavailable,
    errors: rounds.errors,
    overhead: overheads(workloads, opts.modes, rounds.samples),
    figures: figs,
    samples: rounds.samples,
    modeRounds: rounds.modeRounds,
  };
  results.budgets = budgets(results);
  results.markdown = {
    overhead: formatMarkdown(overheadRows(results)),
    cpu: formatMarkdown(overheadRows(results, 'cpu')),
    figures: formatMarkdown(figureRows(results)),
  };
  return results;
}

export async function runBench(argv) {
  let opts;
  try {
    opts = parseOptions(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`bench: ${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (process.getuid?.() !== 0) {
    process.stderr.write('bench: the sensor loads BPF programs and auditd needs root: sudo npm run bench\n');
    return 3;
  }
  if (!existsSync(CLI)) {
    process.stderr.write(`bench: ${CLI} is missing: run npm run build first\n`);
    return 3;
  }
  installSignalHandlers();
  try {
    const results = await bench(opts);
    print(results);
    const output = resolve(opts.output ?? join(REPO, 'bench', 'results.json'));
    writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`\nresults: ${output}\n`);
    return 0;
  } catch (err) {
    if (isAborting()) return 130;
    log(`failed: ${err.stack ?? err}`);
    return 1;
  } finally {
    await runCleanups();
  }
}
