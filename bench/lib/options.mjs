// Command line of `npm run bench`: sizes, rounds and which parts to run.
import { MODE_IDS } from './modes.mjs';

export const WORKLOAD_IDS = ['exec', 'open', 'connect', 'dns', 'build'];
export const FIGURE_IDS = ['startStop', 'endToEnd', 'throughput', 'flood', 'rules', 'builtinRules', 'report', 'daemon', 'docker'];

/** Full sizes: each storm runs for a few seconds on a 2-core runner; the figures go to 1,000,000 events. */
const FULL = {
  rounds: 3,
  execs: 1000,
  openFiles: 20_000,
  openProcs: 10,
  connects: 10_000,
  dnsQueries: 10_000,
  buildFiles: 200,
  // The throughput run: the open storm's files, opened by this many processes.
  throughputProcs: 50,
  // The flood figure: openFiles × floodProcs opens (1,000,000) beside floodRounds of high-value actions.
  floodProcs: 50,
  floodRounds: 200,
  reportEvents: 1_000_000,
  reportRuns: 3,
  // docker run --rm IMAGE true, back to back, per side and round.
  containers: 10,
  // cicd-sensor run -- true, per side (own sensor, through a daemon).
  startStopRuns: 9,
  // Rounds of the end-to-end figure (4 builds of ~11 s each): two turns of its four orders.
  endToEndPairs: 8,
  // Units of the end-to-end build's own project: about ten seconds bare on two vCPUs, tar and npm pack included.
  endToEndBuildFiles: 440,
};

/** --quick: the same harness, tiny sizes and one round, for CI. */
const QUICK = {
  rounds: 1,
  execs: 100,
  openFiles: 2_000,
  openProcs: 2,
  connects: 500,
  dnsQueries: 500,
  buildFiles: 12,
  throughputProcs: 10,
  floodProcs: 10,
  floodRounds: 20,
  reportEvents: 20_000,
  reportRuns: 1,
  containers: 2,
  startStopRuns: 3,
  endToEndPairs: 2,
  endToEndBuildFiles: 12,
};

export const USAGE = `usage: npm run bench [-- options]

Runs each workload with and without the sensor (and under auditd and strace),
prints a table with budgets, and writes bench/results.json. Needs root.

options:
  --quick              tiny sizes, one round (CI smoke run, about a minute)
  --rounds N           rounds of every workload in every mode (default 3; --quick 1)
  --workloads a,b      subset of: ${WORKLOAD_IDS.join(', ')}, or none (figures only)
  --modes a,b          subset of: ${MODE_IDS.join(', ')} (baseline is always run)
  --figures a,b        subset of: ${FIGURE_IDS.join(', ')}
  --no-figures         skip every figure (throughput, tracker cost, report timing, ...)
  --end-to-end-pairs N rounds of the end-to-end figure (default 8; --quick 2)
  --output FILE        where to write the results (default bench/results.json)
  --keep               keep the temp dir (event logs, project) for inspection
  -h, --help           this help`;

export class UsageError extends Error {}

function list(value, allowed, flag) {
  const items = (value ?? '').split(',').filter(Boolean);
  const bad = items.filter((i) => !allowed.includes(i));
  if (items.length === 0 || bad.length > 0) throw new UsageError(`${flag}: expected a comma-separated subset of ${allowed.join(', ')}`);
  return allowed.filter((a) => items.includes(a));
}

function count(value, flag) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new UsageError(`${flag}: expected a number from 1 to 50`);
  return n;
}

export function parseOptions(argv) {
  const opts = { quick: false, rounds: undefined, pairs: undefined, workloads: WORKLOAD_IDS, modes: MODE_IDS, figures: FIGURE_IDS, keep: false, output: undefined, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case '--quick': opts.quick = true; break;
      case '--rounds': opts.rounds = count(value(), arg); break;
      case '--end-to-end-pairs': opts.pairs = count(value(), arg); break;
      case '--workloads': {
        const v = value();
        opts.workloads = v === 'none' ? [] : list(v, WORKLOAD_IDS, arg);
        break;
      }
      case '--figures': opts.figures = list(value(), FIGURE_IDS, arg); break;
      case '--modes': opts.modes = list(['baseline', value()].join(','), MODE_IDS, arg); break;
      case '--no-figures': opts.figures = []; break;
      case '--output': opts.output = value(); break;
      case '--keep': opts.keep = true; break;
      case '-h': case '--help': opts.help = true; break;
      default: throw new UsageError(`unknown option '${arg}'`);
    }
  }
  const sizes = { ...(opts.quick ? QUICK : FULL) };
  if (opts.rounds !== undefined) sizes.rounds = opts.rounds;
  if (opts.pairs !== undefined) sizes.endToEndPairs = opts.pairs;
  return { ...opts, sizes };
}
