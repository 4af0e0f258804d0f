/** Command-line parsing for `cicd-sensor`: strict, with usage errors a user can act on. */
import { readFileSync } from 'node:fs';
import type { JobIdentity } from '../events/eventRecord.js';
import { PolicyError } from '../policy/endpoints.js';
import { parsePolicy, type EgressPolicy } from '../policy/policy.js';

export class UsageError extends Error {}

export const DEFAULT_STATE_DIR = '/run/cicd-sensor';

export const USAGE = `usage: cicd-sensor run [options] -- COMMAND [ARGS...]
       cicd-sensor daemon [--state-dir DIR] [--detach] [--ringbuf-size BYTES] [--no-function-hooks]
                          [--no-docker-proxy] [--docker-upstream PATH] [--interpose-docker]
       cicd-sensor daemon stop|stats|kill [--state-dir DIR]
       cicd-sensor job register [--state-dir DIR] --id ID (--cgroup PATH | --pid PID)
                                [--name N] [--workflow W] [--repository R] [--run-id N] [--run-attempt N]
       cicd-sensor job unregister [--state-dir DIR] --id ID
       cicd-sensor report --job-dir DIR

run: runs COMMAND in a fresh cgroup with the eBPF sensor watching it, then
writes DIR/events.ndjson, DIR/summary.md and DIR/report.json and prints a
summary. Exits with COMMAND's exit code.

  --out DIR              where to write the report (default: ./cicd-sensor-report)
  --ringbuf-size BYTES   kernel ring buffer size, a power of two (default: 16777216)
  --summary-rows N       rows per table in summary.md (default: 50)
  --no-function-hooks    use the tracepoint fallbacks even where fentry works
  --allow-unmonitored    run COMMAND even when the sensor cannot start, and say so
  --no-docker-proxy      leave DOCKER_HOST alone: containers COMMAND starts are not attributed
  --egress-policy MODE   audit (record what block would refuse) or block (refuse it)
  --allowed-endpoints LIST       destinations COMMAND may reach: name:port, *.name:port, name,
                                 1.2.3.4[:port], CIDR, [v6]:port, v6/len (space-separated)
  --allowed-endpoints-file FILE  the same, one or more per line, # comments
  --no-allow-loopback    loopback destinations need an entry too
  -h, --help             show this help

report: rebuilds DIR/report.json and DIR/summary.md from DIR/events.ndjson
(for a job whose daemon is gone; says so when the run ended early).

daemon: the long-lived tracker (root) for many jobs, controlled through
DIR/control.sock (default DIR: ${DEFAULT_STATE_DIR}); each job's events go
to DIR/jobs/<id>/events.ndjson. \`daemon kill\` is for a daemon that no longer
answers: SIGKILL, then its docker socket interposition and sockets undone.

exit codes: COMMAND's own; 2 usage error; 3 the sensor cannot run here;
4 the daemon refused a request or cannot be reached.`;

export interface RunOptions {
  outDir: string;
  ringbufBytes: number;
  summaryRows: number;
  noFunctionHooks: boolean;
  allowUnmonitored: boolean;
  /** Run the docker proxy for the command (when a daemon socket exists). */
  dockerProxy: boolean;
  /** The egress policy, when one was asked for. */
  egress?: EgressPolicy;
  command: string[];
}

export interface DaemonOptions {
  stateDir: string;
  detach: boolean;
  ringbufBytes: number;
  noFunctionHooks: boolean;
  /** Run the docker proxy (when a daemon socket exists). */
  dockerProxy: boolean;
  /** The real docker socket; default: DOCKER_HOST (unix://) or /var/run/docker.sock. */
  dockerUpstream?: string;
  /** Also put the proxy on the upstream's own path, for clients that ignore DOCKER_HOST. */
  interposeDocker: boolean;
}

export type Parsed =
  | { help: true }
  | { help: false; subcommand: 'run'; options: RunOptions }
  | { help: false; subcommand: 'daemon'; options: DaemonOptions }
  | { help: false; subcommand: 'daemon-stop' | 'daemon-stats' | 'daemon-kill'; stateDir: string }
  | { help: false; subcommand: 'job-register'; stateDir: string; job: JobIdentity; cgroup?: string; pid?: number }
  | { help: false; subcommand: 'job-unregister'; stateDir: string; id: string }
  | { help: false; subcommand: 'report'; jobDir: string };

type Kind = 'flag' | 'string' | 'dir' | 'ringbuf' | 'rows' | 'pid';

const missing = (flag: string, kind: Kind): UsageError =>
  new UsageError(`${flag} needs ${kind === 'dir' ? 'a directory' : 'a value'}`);
type Spec = Record<string, Kind>;

const powerOfTwo = (n: number): boolean => n >= 4096 && n <= 1 << 30 && (n & (n - 1)) === 0;

function intArg(flag: string, value: string, check: (n: number) => boolean, what: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || !check(n)) {
    throw new UsageError(`${flag}: '${value}' is not ${what}`);
  }
  return n;
}

function convert(flag: string, kind: Kind, value: string): string | number {
  switch (kind) {
    case 'ringbuf':
      return intArg(flag, value, powerOfTwo, 'a power of two between 4096 and 1073741824');
    case 'rows':
      return intArg(flag, value, (n) => n >= 1 && n <= 10000, 'a number from 1 to 10000');
    case 'pid':
      return intArg(flag, value, (n) => n >= 1 && n <= 4194304, 'a process id');
    default:
      if (!value) throw missing(flag, kind);
      return value;
  }
}

interface Scanned {
  values: Map<string, string | number | true>;
  rest: string[];
  help: boolean;
}

/** Options up to `--` or the first non-option; the rest is returned untouched. */
function scan(args: string[], spec: Spec, stopAtPositional: boolean): Scanned {
  const values = new Map<string, string | number | true>();
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-')) {
      if (stopAtPositional) break;
      throw new UsageError(`unexpected argument '${arg}'`);
    }
    if (arg === '-h' || arg === '--help') return { values, rest: [], help: true };
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const kind = spec[flag];
    if (!kind) throw new UsageError(`unknown option '${arg}'`);
    if (kind === 'flag') {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      values.set(flag, true);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw missing(flag, kind);
    values.set(flag, convert(flag, kind, value));
  }
  return { values, rest: args.slice(i), help: false };
}

const RUN_SPEC: Spec = {
  '--out': 'dir',
  '--ringbuf-size': 'ringbuf',
  '--summary-rows': 'rows',
  '--no-function-hooks': 'flag',
  '--allow-unmonitored': 'flag',
  '--no-docker-proxy': 'flag',
  '--egress-policy': 'string',
  '--allowed-endpoints': 'string',
  '--allowed-endpoints-file': 'string',
  '--no-allow-loopback': 'flag',
};

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
    return parsePolicy({ egressPolicy: mode, allowedEndpoints: `${list ?? ''}\n${fromFile}`, allowLoopback: !values.has('--no-allow-loopback') });
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
      ringbufBytes: (values.get('--ringbuf-size') as number) ?? 16 << 20,
      summaryRows: (values.get('--summary-rows') as number) ?? 50,
      noFunctionHooks: values.has('--no-function-hooks'),
      allowUnmonitored: values.has('--allow-unmonitored'),
      dockerProxy: !values.has('--no-docker-proxy'),
      ...(egress ? { egress } : {}),
      command: rest,
    },
  };
}

const DAEMON_SPEC: Spec = {
  '--state-dir': 'dir',
  '--detach': 'flag',
  '--ringbuf-size': 'ringbuf',
  '--no-function-hooks': 'flag',
  '--no-docker-proxy': 'flag',
  '--docker-upstream': 'string',
  '--interpose-docker': 'flag',
};

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
  const { values, help } = scan(action === 'start' ? args.slice(1) : args, DAEMON_SPEC, false);
  if (help) return { help: true };
  return {
    help: false,
    subcommand: 'daemon',
    options: {
      stateDir: (values.get('--state-dir') as string) ?? DEFAULT_STATE_DIR,
      detach: values.has('--detach'),
      ringbufBytes: (values.get('--ringbuf-size') as number) ?? 16 << 20,
      noFunctionHooks: values.has('--no-function-hooks'),
      dockerProxy: !values.has('--no-docker-proxy'),
      dockerUpstream: values.get('--docker-upstream') as string | undefined,
      interposeDocker: values.has('--interpose-docker'),
    },
  };
}

/** The daemon's options as tracker.js arguments (for --detach). */
export function daemonArgs(o: DaemonOptions): string[] {
  const args = ['--state-dir', o.stateDir, '--ringbuf-size', String(o.ringbufBytes)];
  if (o.noFunctionHooks) args.push('--no-function-hooks');
  if (!o.dockerProxy) args.push('--no-docker-proxy');
  if (o.dockerUpstream) args.push('--docker-upstream', o.dockerUpstream);
  if (o.interposeDocker) args.push('--interpose-docker');
  return args;
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
    const spec: Spec = { '--state-dir': 'dir', '--id': 'string', '--cgroup': 'string', '--pid': 'pid' };
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
    return { help: false, subcommand: 'job-register', stateDir: (values.get('--state-dir') as string) ?? DEFAULT_STATE_DIR, job, cgroup, pid };
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
    case 'report': {
      const { values, help } = scan(rest, { '--job-dir': 'dir' }, false);
      if (help) return { help: true };
      const jobDir = values.get('--job-dir') as string | undefined;
      if (!jobDir) throw new UsageError('report needs --job-dir');
      return { help: false, subcommand: 'report', jobDir };
    }
    default:
      throw new UsageError(`unknown subcommand '${sub}'`);
  }
}
