// The printed result: the overhead table, the figures, and one PASS/FAIL
// line per budget. A budget miss is reported, never turned into a failing
// exit code: on a shared 2-core machine one noisy round must not break CI.
import { MODE_LABELS } from './modes.mjs';

const pct = (ratio) => `${ratio >= 1 ? '+' : '−'}${Math.abs((ratio - 1) * 100).toFixed(1)}%`;
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const int = (n) => Math.round(n).toLocaleString('en');

const usCell = (s) => (s.n === 1 ? `${s.median.toFixed(2)} µs` : `${s.median.toFixed(2)} µs (${s.min.toFixed(2)}–${s.max.toFixed(2)})`);

function ratioCell(s) {
  if (!s) return 'n/a';
  if (s.n === 1) return `${s.median.toFixed(2)}×`;
  return `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
}

function timeCell(s) {
  if (!s) return 'n/a';
  if (s.n === 1) return secs(s.median);
  return `${secs(s.median)} (${(s.min / 1000).toFixed(2)}–${(s.max / 1000).toFixed(2)})`;
}

/** Plain-text table; the first row is the header. */
export function formatTable(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) => r.map((cell, c) => String(cell).padEnd(widths[c])).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Markdown version of the same rows, for the README. */
export function formatMarkdown(rows) {
  const line = (r) => `| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(rows[0]), `|${rows[0].map(() => '---').join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/** `field`: 'wall' (the budgets) or 'cpu' (the workload's user+sys, which includes the BPF programs run in its syscalls). */
export function overheadRows(results, field = 'wall') {
  const modes = results.modes.filter((m) => m !== 'baseline');
  const header = [`workload (${field === 'wall' ? 'wall time' : 'CPU time'})`, 'baseline', ...modes.map((m) => MODE_LABELS[m])];
  const rows = results.workloads.map((w) => {
    const o = results.overhead[w.id];
    const cells = modes.map((m) => (results.unavailable[m] ? 'n/a' : ratioCell(o[m]?.[field])));
    return [w.label, timeCell(o.baseline?.[`${field}Ms`]), ...cells];
  });
  return [header, ...rows];
}

export function figureRows(results) {
  const f = results.figures;
  const rows = [['figure', 'value']];
  for (const t of f.throughput ?? []) {
    rows.push([
      `events/s end to end, open storm tracked, ${t.ringbufBytes >> 20} MiB ring buffer`,
      `${int(t.e2eEventsPerSec ?? 0)}/s (${int(t.events)} events in ${t.e2eSeconds?.toFixed(2)} s, ${int(t.lostRecords ?? 0)} lost; ` +
        `workload alone ${int(t.producerOpensPerSec)} opens/s; tracker ${t.sensorPeakRssMb?.toFixed(0)} MB peak RSS, ${secs(t.sensorCpuMs)} CPU)`,
    ]);
  }
  const big = f.tracker;
  if (big) {
    rows.push([`tracker peak RSS (VmHWM) through ${int(big.events)} events`, `${big.sensorPeakRssMb.toFixed(0)} MB ${rssSplit(big)}`]);
    rows.push([
      `tracker CPU time (utime+stime) through ${int(big.events)} events`,
      `${secs(big.sensorCpuMs)} (${((big.sensorCpuMs * 1000) / Math.max(1, big.events)).toFixed(1)} µs/event)`,
    ]);
  }
  if (f.rules) {
    const r = f.rules;
    rows.push([
      `tracker CPU per event, open storm (${int(r.events)} events), no rules vs the bench rule set (n=${r.on.n})`,
      `${r.off.median.toFixed(2)} µs vs ${r.on.median.toFixed(2)} µs; less loading the rules once (${r.loadMs.toFixed(0)} ms), rules add ${r.addedUsPerEvent.toFixed(2)} µs/event`,
    ]);
    if (r.offNet) {
      rows.push([
        `tracker CPU per event net of start and stop (${secs(r.fixedMs)}, cicd-sensor run -- true), open storm, without vs with rules`,
        `${usCell(r.offNet)} vs ${usCell(r.onNet)}`,
      ]);
    }
  }
  if (f.startStop) {
    rows.push([`start and stop: cicd-sensor run -- true, its own sensor (n=${f.startStop.own.n})`, timeCell(f.startStop.own)]);
    rows.push([`start and stop: cicd-sensor run -- true through a running daemon (n=${f.startStop.viaDaemon.n})`, timeCell(f.startStop.viaDaemon)]);
  }
  if (f.endToEnd) rows.push(...endToEndRows(f.endToEnd));
  if (f.builtinRules) {
    const b = f.builtinRules;
    rows.push([
      `tracker CPU per event, open storm (${int(b.events)} events), built-in rules off vs on (n=${b.on.n})`,
      `${b.off.median.toFixed(2)} µs vs ${b.on.median.toFixed(2)} µs (${b.ratio.toFixed(2)}x, loading included)`,
    ]);
  }
  rows.push(...floodRows(f.flood));
  if (f.rules?.onPeakRssMb) {
    const r = f.rules;
    // VmHWM is the peak of both parts at once; each part's own peak is shown, so they need not add up to it.
    const split = r.onPeakRssAnonMb
      ? ` (anon ≤ ${r.onPeakRssAnonMb.toFixed(0)} MB; file-backed ≤ ${r.onPeakRssFileMb?.toFixed(0)} MB: node's code and libraries, and the ring buffers' data, mapped once and in full)`
      : r.peakRssAnonMb ? ` (anon ${r.peakRssAnonMb.median.toFixed(0)} MB, median)` : '';
    rows.push([`tracker peak RSS (VmHWM) through ${int(r.events)} events with the bench rule set`, `${r.onPeakRssMb.toFixed(0)} MB${split}`]);
  }
  if (f.ready) rows.push([`ready: start of cicd-sensor run → sensor.json (n=${f.ready.n})`, timeCell(f.ready)]);
  if (f.daemon?.readyMs) {
    rows.push([
      `ready: start of cicd-sensor daemon → its ready file (n=${f.daemon.readyMs.n})`,
      `${timeCell(f.daemon.readyMs)}, idle peak RSS ${f.daemon.idlePeakRssMb.median.toFixed(0)} MB` +
        (f.daemon.runs[0]?.peakRssAnonMb ? ` (anon ${f.daemon.runs[0].peakRssAnonMb.toFixed(0)} MB)` : ''),
    ]);
  } else if (f.daemon?.unavailable) rows.push(['ready: cicd-sensor daemon', `n/a (${f.daemon.unavailable})`]);
  if (f.report) {
    const r = f.report;
    rows.push([
      `report (ReportBuilder + renderMarkdown) for ${int(r.runs[0]?.events ?? 0)} events, ${int(r.log.bytes / 2 ** 20)} MiB`,
      `${timeCell(r.wallMs)} wall, ${secs(r.cpuMs.median)} CPU, peak RSS ${Math.max(...r.runs.map((x) => x.peakRssMb)).toFixed(0)} MB`,
    ]);
  }
  if (f.errors) for (const [name, error] of Object.entries(f.errors)) rows.push([name, `FAILED: ${error}`]);
  if (f.docker) {
    const d = f.docker;
    const ms = (side) => `${d.msPerContainer[side].median.toFixed(0)} ms`;
    rows.push([
      `docker run --rm IMAGE true (${d.containers} in a row, n=${d.proxyOverReal.n}), proxy vs real socket, both tracked`,
      `${ratioCell(d.proxyOverReal)} (${ms('proxy')} vs ${ms('real')} per container; no sensor ${ms('baseline')}, tracking ${ratioCell(d.trackedOverBaseline)})`,
    ]);
  } else rows.push(['docker run --rm IMAGE true, proxy vs real socket', 'not measured']);
  return rows;
}

/** The flood figure: per high-value kind, the actor's actions found in the log, and the kernel's counts. */
function floodRows(flood) {
  if (!flood) return [];
  const rings = (flood.rings ?? []).map((r) => `${r.ring} ${r.bytes >> 20} MiB ${int(r.lost)} lost`).join(', ');
  const who = (flood.lostByProcess ?? []).map((p) => `${p.name} ${int(p.fileOpens)}`).join(', ');
  const rows = [[
    `flood: ${int(flood.opens)} opens beside ${flood.actorRounds} rounds of actions (${secs(flood.actorMs)} of the ${secs(flood.sensorWallMs)} run)`,
    `file_open ${int(flood.fileOpenSent)} sent, ${int(flood.fileOpenLost)} lost${who ? ` (most: ${who})` : ''}; rings: ${rings}; tracker ${flood.sensorPeakRssMb?.toFixed(0)} MB peak RSS`,
  ]];
  for (const k of flood.kinds) {
    const found = k.inLog === undefined ? 'not events' : `${int(k.inLog)} of ${int(k.did)} in the log`;
    rows.push([`flood: ${k.kind}`, `${found}; kernel sent ${int(k.sent)}, lost ${int(k.lost)}`]);
  }
  return rows;
}

/** Heap vs file-backed: the latter holds node and its libraries, and the ring buffers' data. */
function rssSplit(t) {
  if (t.sensorPeakRssAnonMb === undefined) return '';
  const ring = t.ringbufBytes ? `, incl. the ${t.ringbufBytes >> 20} MiB bulk ring buffer` : '';
  return `(anon ≤ ${t.sensorPeakRssAnonMb.toFixed(0)} MB, file-backed ≤ ${t.sensorPeakRssFileMb.toFixed(0)} MB${ring})`;
}

function budget(name, pass, value, note) {
  return { name, status: pass === undefined ? 'n/a' : pass ? 'PASS' : 'FAIL', value, ...(note ? { note } : {}) };
}

/** The spread crosses the limit: this verdict could flip on another run. */
const crosses = (s, limit) => s && s.n > 1 && s.min <= limit && s.max > limit;

function overheadBudgets(results) {
  const out = [];
  const build = results.overhead.build;
  for (const [mode, limit] of [['tracked', 1.03], ['untracked', 1.01]]) {
    const s = build?.[mode]?.wall;
    const name = `realistic build overhead, sensor ${mode} ≤ ${pct(limit).slice(1)}`;
    if (!s) out.push(budget(name, undefined, 'not measured'));
    else out.push(budget(name, s.median <= limit, `${pct(s.median)} (${pct(s.min)} … ${pct(s.max)})`, crosses(s, limit) ? 'spread crosses the limit' : undefined));
  }
  for (const w of results.workloads.filter((x) => x.id === 'connect' || x.id === 'dns')) {
    // Block against audit: the same lookups, only the verdict differs (budget: 1.05x).
    const o = results.overhead[w.id];
    const name = `${w.label}: egress block ≤ 1.05x egress audit`;
    const block = o.egressBlock?.wallMs?.median;
    const audit = o.egressAudit?.wallMs?.median;
    if (block === undefined || audit === undefined) out.push(budget(name, undefined, 'not measured'));
    else out.push(budget(name, block / audit <= 1.05, `${(block / audit).toFixed(3)}x (${block.toFixed(0)} vs ${audit.toFixed(0)} ms)`));
  }
  for (const w of results.workloads) {
    const o = results.overhead[w.id];
    const tracked = o.tracked?.wall;
    const audit = results.unavailable.auditd ? undefined : o.auditd?.wall;
    const strace = results.unavailable.strace ? undefined : o.strace?.wall;
    if (tracked && audit) {
      out.push(budget(`${w.label}: sensor tracked lower than auditd`, tracked.median < audit.median, `${pct(tracked.median)} vs ${pct(audit.median)}`));
    } else out.push(budget(`${w.label}: sensor tracked lower than auditd`, undefined, results.unavailable.auditd ?? 'not measured'));
    if (tracked && strace) {
      // "Far lower": at most a quarter of strace's overhead.
      const pass = tracked.median - 1 <= (strace.median - 1) / 4;
      out.push(budget(`${w.label}: sensor tracked overhead ≤ ¼ of strace's`, pass, `${pct(tracked.median)} vs ${pct(strace.median)}`));
    } else out.push(budget(`${w.label}: sensor tracked overhead ≤ ¼ of strace's`, undefined, results.unavailable.strace ?? 'not measured'));
  }
  return out;
}

function figureBudgets(results) {
  const f = results.figures;
  const out = [];
  const scaled = results.quick ? 'quick run: fewer events than the budget assumes' : undefined;
  const def = f.throughput?.[0];
  out.push(
    budget(
      '≥ 500,000 records/s end to end with 0 lost at the default ring buffer',
      def ? def.e2eEventsPerSec >= 500_000 && def.lostRecords === 0 : undefined,
      def ? `${int(def.e2eEventsPerSec ?? 0)}/s, ${int(def.lostRecords ?? 0)} lost` : 'not measured',
      scaled,
    ),
  );
  const t = f.tracker;
  const rssValue = t
    ? `${t.sensorPeakRssMb.toFixed(0)} MB through ${int(t.events)} events at ${t.ringbufBytes >> 20} MiB` +
      (def && def !== t ? `; ${def.sensorPeakRssMb?.toFixed(0)} MB at ${def.ringbufBytes >> 20} MiB, which delivered ${int(def.events)}` : '')
    : 'not measured';
  out.push(budget('tracker peak RSS ≤ 150 MB through 1,000,000 events', t ? t.sensorPeakRssMb <= 150 : undefined, rssValue, scaled));
  const rulesRss = f.rules?.onPeakRssMb;
  out.push(
    budget(
      'tracker peak RSS ≤ 150 MB through 1,000,000 events with rules on',
      rulesRss ? rulesRss <= 150 : undefined,
      rulesRss ? `${rulesRss.toFixed(0)} MB through ${int(f.rules.events)} events` : 'not measured',
      scaled,
    ),
  );
  out.push(floodBudget(f.flood, scaled));
  const rules = f.rules;
  out.push(
    budget(
      'rules add ≤ 2 µs of tracker CPU per event on the open storm',
      rules ? rules.addedUsPerEvent <= 2 : undefined,
      rules ? `${rules.addedUsPerEvent.toFixed(2)} µs/event (${rules.off.median.toFixed(2)} → ${rules.on.median.toFixed(2)})` : 'not measured',
    ),
  );
  out.push(...trackerBudgets(results));
  const r = f.report;
  out.push(budget('report ≤ 3 s for 1,000,000 events', r ? r.wallMs.median <= 3000 : undefined, r ? `${secs(r.wallMs.median)} for ${int(r.runs[0].events)} events` : 'not measured', scaled));
  const within = (name, s, limitMs) =>
    budget(name, s ? s.median <= limitMs : undefined, s ? `${secs(s.median)} median, ${secs(s.max)} worst` : 'not measured', crosses(s, limitMs) ? 'spread crosses the limit' : undefined);
  out.push(within('ready ≤ 1.5 s: cicd-sensor run → sensor.json', f.ready, 1500));
  if (f.daemon) out.push(within('ready ≤ 0.5 s: cicd-sensor daemon → ready file', f.daemon.readyMs, 500));
  out.push(within('cicd-sensor run -- true ≤ 0.5 s wall, its own sensor', f.startStop?.own, 500));
  out.push(within('cicd-sensor run -- true ≤ 0.5 s wall, through a running daemon', f.startStop?.viaDaemon, 500));
  const endToEnd = (name, e, ofMedians) =>
    budget(
      name,
      e ? e.median <= 1.05 : undefined,
      e ? `${e.median.toFixed(3)}x median of ${e.n} rounds' ratios (${e.min.toFixed(3)}–${e.max.toFixed(3)}); ratio of medians ${ofMedians.toFixed(3)}x` : 'not measured',
      results.quick ? 'quick run: a build of about a second, where start and stop weigh far more' : crosses(e, 1.05) ? 'spread crosses the limit' : undefined,
    );
  const e = f.endToEnd;
  out.push(endToEnd('end to end ≤ 1.05x: cicd-sensor run -- realistic 10 s build, start and stop included, its own sensor', e?.ratio, e?.ratioOfMedians));
  out.push(endToEnd('end to end ≤ 1.05x: the same through a running daemon', e?.daemonRatio, e?.daemonRatioOfMedians));
  return out;
}

/** The tracker's own cost at the open storm (issue 18): CPU per event and the storm's slowdown. */
function trackerBudgets(results) {
  const rules = results.figures.rules;
  const open = results.overhead.open?.tracked?.wall;
  // The kernel side's share: the workload's own CPU includes the BPF programs that run in its syscalls, not the tracker.
  const openCpu = results.overhead.open?.tracked?.cpu;
  return [
    budget(
      'tracker ≤ 3 µs of CPU per event on the open storm, net of start and stop (no rules)',
      rules?.offNet ? rules.offNet.median <= 3 : undefined,
      rules?.offNet ? `${usCell(rules.offNet)}; with rules ${usCell(rules.onNet)}` : 'not measured',
      rules?.offNet && crosses(rules.offNet, 3) ? 'spread crosses the limit' : undefined,
    ),
    budget(
      'open storm tracked ≤ 2x the workload alone (wall time)',
      open ? open.median <= 2 : undefined,
      open ? `${ratioCell(open)}` : 'not measured',
      crosses(open, 2) ? 'spread crosses the limit' : undefined,
    ),
    budget(
      'open storm tracked ≤ 2x the workload alone (its CPU time, the BPF programs in its syscalls included)',
      openCpu ? openCpu.median <= 2 : undefined,
      openCpu ? `${ratioCell(openCpu)}` : 'not measured',
      crosses(openCpu, 2) ? 'spread crosses the limit' : undefined,
    ),
  ];
}

/**
 * End to end: each round runs the four sides back to back (bare, own
 * sensor, own sensor without the built-in rules, through a daemon), each
 * from the same state; the ratio is each round's, its median and range
 * printed, the ratio of the sides' median times beside it.
 */
function endToEndRows(e) {
  const ofMedians = (r) => (r === undefined ? '' : `; ratio of medians ${r.toFixed(3)}x`);
  const rows = [
    [
      `end to end: cicd-sensor run --no-daemon -- build (start and stop included) ÷ bare build, median of ${e.ratio.n} rounds' ratios; ${e.detail}`,
      `${ratioCell(e.ratio)} (bare ${timeCell(e.bareMs)}, cicd-sensor run ${timeCell(e.sensorMs)}${ofMedians(e.ratioOfMedians)})`,
    ],
  ];
  if (e.daemonRatio) {
    rows.push([
      `end to end: the same through a daemon started before the round's side and stopped after it (cicd-sensor run registers its cgroup) ÷ bare build, ${e.daemonRatio.n} rounds`,
      `${ratioCell(e.daemonRatio)} (through the daemon ${timeCell(e.daemonMs)}${ofMedians(e.daemonRatioOfMedians)})`,
    ]);
  }
  if (e.rulesRatio) {
    rows.push([
      `end to end: the same build, built-in rules on ÷ off (--no-builtin-rules), ${e.rulesRatio.n} rounds`,
      `${ratioCell(e.rulesRatio)} (off ${timeCell(e.norulesMs)}, on ${timeCell(e.sensorMs)}${ofMedians(e.rulesRatioOfMedians)})`,
    ]);
  }
  if (e.cpuRatio) {
    rows.push([
      `end to end, CPU time (user+sys of the build and of cicd-sensor run, the daemon's beside it; the BPF programs run in the build's system calls) ÷ the bare build's, ${e.cpuRatio.n} rounds`,
      `own sensor ${ratioCell(e.cpuRatio)}, through the daemon ${ratioCell(e.daemonCpuRatio)} (bare ${timeCell(e.cpuMs.bare)}, own sensor ${timeCell(e.cpuMs.sensor)}, through the daemon ${timeCell(e.cpuMs.daemon)})`,
    ]);
  }
  return rows;
}

/** Nothing of a high-value kind lost to the flood: the kernel lost none, and every action of the actor is in the log. */
function floodBudget(flood, scaled) {
  const name = 'flood: 0 high-value records lost during a 1,000,000-open flood';
  if (!flood) return budget(name, undefined, 'not measured');
  const lost = flood.kinds.reduce((sum, k) => sum + k.lost, 0);
  const missing = flood.kinds.filter((k) => k.inLog !== undefined && k.inLog < k.did);
  const value = `${int(lost)} lost in the kernel; ${missing.length === 0 ? 'every action in the log' : `missing: ${missing.map((k) => `${k.kind} ${k.did - k.inLog}`).join(', ')}`}; ${int(flood.fileOpenLost)} file opens lost`;
  return budget(name, lost === 0 && missing.length === 0, value, scaled);
}

export function budgets(results) {
  return [...overheadBudgets(results), ...figureBudgets(results)];
}

export function budgetLines(list) {
  const width = Math.max(...list.map((b) => b.name.length));
  return list.map((b) => `${b.status.padEnd(4)}  ${b.name.padEnd(width)}  ${b.value}${b.note ? `  [${b.note}]` : ''}`).join('\n');
}
