/** Command-line parsing for `cicd-sensor`: strict, with usage errors a user can act on. */
import { readFileSync } from 'node:fs';
import { EnvVar } from '../action/constants.js';
import { DEFAULT_RINGBUF_BYTES, DEFAULT_STATE_DIR, parseDaemonOptions, type DaemonOptions } from '../daemon/options.js';
import type { JobIdentity } from '../events/eventRecord.js';
import { type FailOn, FAIL_ON_LEVELS, isFailOn } from '../findings/severity.js';
import { listValues, missing, scan, UsageError, type Spec } from '../options/argv.js';
import { PolicyError } from '../policy/endpoints.js';
import { parsePolicy, runnerPaths, type EgressPolicy } from '../policy/policy.js';

export { UsageError };

export const USAGE = `usage: cicd-sensor run [options] -- COMMAND [ARGS...]
       cicd-sensor daemon [--state-dir DIR] [--detach] [--ringbuf-size BYTES] [--no-function-hooks]
                          [--no-tls-requests] [--no-docker-proxy] [--docker-upstream PATH] [--interpose-docker]
       cicd-sensor daemon stop|stats|kill [--state-dir DIR]
       cicd-sensor job register [--state-dir DIR] --id ID (--cgroup PATH | --pid PID)
                                [--name N] [--workflow W] [--repository R] [--run-id N] [--run-attempt N]
                                [--protect] [--no-builtin-rules]
       cicd-sensor job unregister [--state-dir DIR] --id ID
       cicd-sensor report --job-dir DIR [--rules FILE...] [--monitor-mode] [--no-builtin-rules]
       cicd-sensor rules check [--builtin] FILE...
       cicd-sensor rules eval [--builtin] [--rules FILE...] --events EVENTS.ndjson [--monitor-mode]

run: runs COMMAND in a fresh cgroup with the eBPF sensor watching it, then
writes DIR/events.ndjson, DIR/summary.md and DIR/report.json and prints a
summary. Exits with COMMAND's exit code. When a daemon answers on its state
directory, COMMAND is registered with it as a job instead of loading BPF.

  --out DIR              where to write the report (default: ./cicd-sensor-report)
  --ringbuf-size BYTES   the file records' kernel ring buffer size, a power of two (default: 16777216);
                         every other kind has a 1 MiB ring of its own
  --summary-rows N       rows per table in summary.md (default: 50)
  --no-function-hooks    use the tracepoint fallbacks even where fentry works
  --no-tls-requests      leave the uprobes on the system libssl's SSL_write off: HTTPS requests are
                         not recorded, and no process on the host pays their trap
  --allow-unmonitored    run COMMAND even when the sensor cannot start, and say so
  --no-docker-proxy      leave DOCKER_HOST alone: containers COMMAND starts are not attributed
  --egress-policy MODE   audit (record what block would refuse) or block (refuse it)
  --allowed-endpoints LIST       destinations COMMAND may reach: name:port, *.name:port, name,
                                 1.2.3.4[:port], CIDR, [v6]:port, v6/len (space-separated)
  --allowed-endpoints-file FILE  the same, one or more per line, # comments
  --no-allow-loopback    loopback destinations need an entry too
  --rules FILE           evaluate the events against a rule file (repeat for more files); findings
                         are printed first and written to DIR/findings.ndjson
  --fail-on LEVEL        exit 1 when a finding at or above LEVEL was found (critical, high, medium,
                         low, none; default critical); COMMAND's own failing exit code wins
  --monitor-mode         terminate rules only detect
  --no-builtin-rules     leave out the built-in rule set (on by default, loaded ahead of --rules)
  --protect              stop COMMAND's processes from reading the sensor's memory (ptrace,
                         process_vm_readv, /proc/PID/mem): the caller is killed, or refused
  --state-dir DIR        the daemon to record through when it runs (default: $CICD_SENSOR_STATE_DIR,
                         else ${DEFAULT_STATE_DIR})
  --no-daemon            load this run's own sensor even when a daemon runs (so do --ringbuf-size,
                         --no-function-hooks, --no-tls-requests and an egress policy)
  -h, --help             show this help

report: rebuilds DIR/report.json, DIR/summary.md and DIR/report.html from
DIR/events.ndjson (for a job whose daemon is gone; says so when the run ended
early). The findings are recomputed: every event of the log is evaluated
again against the built-in rules and the files of --rules FILE (repeat for
more), DIR/findings.ndjson is rewritten, and the report links each finding to
its event's line (a finding the run acted on keeps what was done; nothing is
done to any process now). With --no-builtin-rules and no --rules, the
findings of DIR/findings.ndjson are shown as they are.

rules check, rules eval: --builtin loads the built-in rule set ahead of the
files (to check a rule-modifiers file that changes built-in rules, or to
replay a log through the rules a job gets by default).

rules check: validates rule files (shared rules format); each problem is
printed as FILE:LINE:COL: RULE: MESSAGE. Exits 0 when all load, 1 when not.

rules eval: replays a recorded events.ndjson through rule files (no root
needed) and prints one finding per line as JSON.

daemon: the long-lived tracker (root) for many jobs, controlled through
DIR/control.sock (default DIR: ${DEFAULT_STATE_DIR}); each job's events go
to DIR/jobs/<id>/events.ndjson. \`daemon kill\` is for a daemon that no longer
answers: SIGKILL, then its docker socket interposition and sockets undone.

exit codes: COMMAND's own; 1 rule files with problems (rules); 2 usage error; 3 the sensor cannot run here;
4 the daemon refused a request or cannot be reached.`;

export interface ReportCommandOptions {
  jobDir: string;
  /** Rule and modifier files, in load order (after the built-in set): the findings are recomputed from the log with them. */
  rules: string[];
  monitorMode: boolean;
  /** The built-in rule set ahead of the files. */
  builtinRules: boolean;
}

export interface RunOptions {
  outDir: string;
  ringbufBytes: number;
  summaryRows: number;
  noFunctionHooks: boolean;
  /** Leave the libssl uprobes off (http_request_tls). */
  noTlsRequests: boolean;
  allowUnmonitored: boolean;
  /** Run the docker proxy for the command (when a daemon socket exists). */
  dockerProxy: boolean;
  /** The egress policy, when one was asked for. */
  egress?: EgressPolicy;
  /** Rule files, in load order. */
  rules: string[];
  /** the built-in rule set ahead of the rule files */
  builtinRules: boolean;
  failOn: FailOn;
  monitorMode: boolean;
  /** protect-runner: the command may not read or trace the sensor. */
  protect: boolean;
  /**
   * The state directory of a daemon to record through, if one answers there;
   * undefined: load this run's own sensor (--no-daemon, or an option only
   * its own sensor can honour: --ringbuf-size, --no-function-hooks, --no-tls-requests, an egress policy).
   */
  daemonStateDir?: string;
  command: string[];
}

export type Parsed =
  | { help: true }
  | { help: false; subcommand: 'run'; options: RunOptions }
  | { help: false; subcommand: 'daemon'; options: DaemonOptions }
  | { help: false; subcommand: 'daemon-stop' | 'daemon-stats' | 'daemon-kill'; stateDir: string }
  | { help: false; subcommand: 'job-register'; stateDir: string; job: JobIdentity; cgroup?: string; pid?: number; protect: boolean; builtinRules: boolean }
  | { help: false; subcommand: 'job-unregister'; stateDir: string; id: string }
  | { help: false; subcommand: 'report'; options: ReportCommandOptions }
  | { help: false; subcommand: 'rules-check'; files: string[]; builtin?: true }
  | { help: false; subcommand: 'rules-eval'; options: RulesEvalOptions };

export interface RulesEvalOptions {
  /** rule and modifier files, in load order */
  rules: string[];
  /** the built-in rule set ahead of the files */
  builtin?: true;
  events: string;
  monitorMode: boolean;
}

function failOnArg(value: string | undefined): FailOn {
  if (value === undefined) return 'critical';
  if (!isFailOn(value)) throw new UsageError(`--fail-on: '${value}' is not one of ${FAIL_ON_LEVELS.join(', ')}`);
  return value;
}

const RUN_SPEC: Spec = {
  '--out': 'dir',
  '--ringbuf-size': 'ringbuf',
  '--summary-rows': 'rows',
  '--no-function-hooks': 'flag',
  '--no-tls-requests': 'flag',
  '--allow-unmonitored': 'flag',
  '--no-docker-proxy': 'flag',
  '--egress-policy': 'string',
  '--allowed-endpoints': 'string',
  '--allowed-endpoints-file': 'string',
  '--no-allow-loopback': 'flag',
  '--rules': 'list',
  '--fail-on': 'string',
  '--monitor-mode': 'flag',
  '--protect': 'flag',
  '--state-dir': 'dir',
  '--no-daemon': 'flag',
  '--no-builtin-rules': 'flag',
};

/** Options a daemon already running cannot take from one run: they need the run's own sensor. */
const OWN_SENSOR_OPTIONS = ['--no-daemon', '--ringbuf-size', '--no-function-hooks', '--no-tls-requests', '--egress-policy', '--allowed-endpoints', '--allowed-endpoints-file'];

function daemonStateDir(values: Map<string, unknown>): string | undefined {
  if (OWN_SENSOR_OPTIONS.some((o) => values.has(o))) return undefined;
  return (values.get('--state-dir') as string | undefined) ?? process.env[EnvVar.StateDir] ?? DEFAULT_STATE_DIR;
}

/** The egress policy flags of `run`; none given: no policy. */
function runPolicy(values: Map<string, unknown>): EgressPolicy | undefined {
  const mode = values.get('--egress-policy') as string | undefined;
  const list = values.get('--allowed-endpoints') as string | undefined;
  const file = values.get('--allowed-endpoints-file') as string | undefined;
  if (mode === undefined && list === undefined && file === undefined) {
    if (values.has('--no-allow-loopback')) throw new UsageError('--no-allow-loopback needs --egress-policy or --allowed-endpoints');
    return undefined;
  }
  let fromFile = '';
  try {
    fromFile = file === undefined ? '' : readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--allowed-endpoints-file ${file}: ${(err as Error).message}`);
  }
  try {
    return parsePolicy({
      egressPolicy: mode,
      allowedEndpoints: `${list ?? ''}\n${fromFile}`,
      allowLoopback: !values.has('--no-allow-loopback'),
      ...runnerPaths(process.env),
    });
  } catch (err) {
    if (err instanceof PolicyError) throw new UsageError(err.message);
    throw err;
  }
}

function parseRun(args: string[]): Parsed {
  const { values, rest, help } = scan(args, RUN_SPEC, true);
  if (help) return { help: true };
  if (rest.length === 0) throw new UsageError('no command given to run');
  const egress = runPolicy(values);
  return {
    help: false,
    subcommand: 'run',
    options: {
      outDir: (values.get('--out') as string) ?? 'cicd-sensor-report',
      ringbufBytes: (values.get('--ringbuf-size') as number) ?? DEFAULT_RINGBUF_BYTES,
      summaryRows: (values.get('--summary-rows') as number) ?? 50,
      noFunctionHooks: values.has('--no-function-hooks'),
      noTlsRequests: values.has('--no-tls-requests'),
      allowUnmonitored: values.has('--allow-unmonitored'),
      dockerProxy: !values.has('--no-docker-proxy'),
      ...(egress ? { egress } : {}),
      rules: listValues(values.get('--rules')),
      builtinRules: !values.has('--no-builtin-rules'),
      failOn: failOnArg(values.get('--fail-on') as string | undefined),
      monitorMode: values.has('--monitor-mode'),
      protect: values.has('--protect'),
      daemonStateDir: daemonStateDir(values),
      command: rest,
    },
  };
}

function parseDaemon(args: string[]): Parsed {
  const [action] = args;
  if (action === 'stop' || action === 'stats' || action === 'kill') {
    const { values, help } = scan(args.slice(1), { '--state-dir': 'dir' }, false);
    if (help) return { help: true };
    return { help: false, subcommand: `daemon-${action}`, stateDir: (values.get('--state-dir') as string) ?? DEFAULT_STATE_DIR };
  }
  if (action !== undefined && !action.startsWith('-') && action !== 'start') {
    throw new UsageError(`unknown daemon action '${action}' (start, stop, stats or kill)`);
  }
  const options = parseDaemonOptions(action === 'start' ? args.slice(1) : args);
  if (!options) return { help: true };
  return { help: false, subcommand: 'daemon', options };
}

const IDENTITY_FLAGS = {
  '--name': 'name',
  '--workflow': 'workflow',
  '--repository': 'repository',
  '--run-id': 'run_id',
  '--run-attempt': 'run_attempt',
} as const;

function parseJob(args: string[]): Parsed {
  const [action, ...rest] = args;
  if (action === 'register') {
    const spec: Spec = { '--state-dir': 'dir', '--id': 'string', '--cgroup': 'string', '--pid': 'pid', '--protect': 'flag', '--no-builtin-rules': 'flag' };
    for (const f of Object.keys(IDENTITY_FLAGS)) spec[f] = 'string';
    const { values, help } = scan(rest, spec, false);
    if (help) return { help: true };
    const id = values.get('--id') as string | undefined;
    if (!id) throw new UsageError('job register needs --id');
    const cgroup = values.get('--cgroup') as string | undefined;
    const pid = values.get('--pid') as number | undefined;
    if ((cgroup === undefined) === (pid === undefined)) throw new UsageError('job register needs exactly one of --cgroup or --pid');
    const job: JobIdentity = { id };
    for (const [flag, field] of Object.entries(IDENTITY_FLAGS)) {
      const v = values.get(flag);
      if (typeof v === 'string') job[field] = v;
    }
    const stateDir = (values.get('--state-dir') as string) ?? DEFAULT_STATE_DIR;
    return { help: false, subcommand: 'job-register', stateDir, job, cgroup, pid, protect: values.has('--protect'), builtinRules: !values.has('--no-builtin-rules') };
  }
  if (action === 'unregister') {
    const { values, help } = scan(rest, { '--state-dir': 'dir', '--id': 'string' }, false);
    if (help) return { help: true };
    const id = values.get('--id') as string | undefined;
    if (!id) throw new UsageError('job unregister needs --id');
    return { help: false, subcommand: 'job-unregister', stateDir: (values.get('--state-dir') as string) ?? DEFAULT_STATE_DIR, id };
  }
  throw new UsageError(action === undefined ? 'job needs an action (register or unregister)' : `unknown job action '${action}'`);
}

/**
 * `--rules` takes every file up to the next option (`--rules a.yml b.yml`)
 * and may be repeated; one pass, so the files keep the order given.
 */
function parseRulesEval(args: string[]): Parsed {
  const rules: string[] = [];
  let events: string | undefined;
  let monitorMode = false;
  let builtin = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '--monitor-mode') monitorMode = true;
    else if (arg === '--builtin') builtin = true;
    else if (arg === '--events') {
      events = args[++i];
      if (!events) throw missing('--events', 'string');
    } else if (arg === '--rules') {
      const start = rules.length;
      while (i + 1 < args.length && !args[i + 1]!.startsWith('-')) rules.push(args[++i]!);
      if (rules.length === start) throw new UsageError('--rules needs at least one file');
    } else throw new UsageError(arg.startsWith('-') ? `unknown option '${arg}'` : `unexpected argument '${arg}'`);
  }
  if (rules.length === 0 && !builtin) throw new UsageError('rules eval needs --rules FILE... or --builtin');
  if (!events) throw new UsageError('rules eval needs --events FILE');
  return { help: false, subcommand: 'rules-eval', options: { rules, events, monitorMode, ...(builtin ? { builtin } : {}) } };
}

function parseRules(args: string[]): Parsed {
  const [action, ...rest] = args;
  if (action === 'check') {
    if (rest.includes('-h') || rest.includes('--help')) return { help: true };
    const files = rest.filter((a) => a !== '--builtin');
    const unknown = files.find((a) => a.startsWith('-'));
    if (unknown) throw new UsageError(`unknown option '${unknown}'`);
    const builtin = files.length < rest.length;
    if (files.length === 0 && !builtin) throw new UsageError('rules check needs at least one file, or --builtin');
    return { help: false, subcommand: 'rules-check', files, ...(builtin ? { builtin } : {}) };
  }
  if (action === 'eval') return parseRulesEval(rest);
  throw new UsageError(action === undefined ? 'rules needs an action (check or eval)' : `unknown rules action '${action}'`);
}

export function parseArgs(argv: string[]): Parsed {
  if (argv.length === 0) throw new UsageError('no subcommand given');
  const [sub, ...rest] = argv;
  switch (sub) {
    case '-h':
    case '--help':
    case 'help':
      return { help: true };
    case 'run':
      return parseRun(rest);
    case 'daemon':
      return parseDaemon(rest);
    case 'job':
      return parseJob(rest);
    case 'rules':
      return parseRules(rest);
    case 'report': {
      const spec: Spec = { '--job-dir': 'dir', '--rules': 'list', '--monitor-mode': 'flag', '--no-builtin-rules': 'flag' };
      const { values, help } = scan(rest, spec, false);
      if (help) return { help: true };
      const jobDir = values.get('--job-dir') as string | undefined;
      if (!jobDir) throw new UsageError('report needs --job-dir');
      const options = {
        jobDir,
        rules: listValues(values.get('--rules')),
        monitorMode: values.has('--monitor-mode'),
        builtinRules: !values.has('--no-builtin-rules'),
      };
      return { help: false, subcommand: 'report', options };
    }
    default:
      throw new UsageError(`unknown subcommand '${sub}'`);
  }
}
