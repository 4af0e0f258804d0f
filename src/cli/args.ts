/** Command-line parsing for `cicd-sensor`: strict, with usage errors a user can act on. */

export class UsageError extends Error {}

export const USAGE = `usage: cicd-sensor run [options] -- COMMAND [ARGS...]

Runs COMMAND in a fresh cgroup with the eBPF sensor watching it, then writes
DIR/events.ndjson, DIR/summary.md and DIR/report.json and prints a summary.
Exits with COMMAND's exit code.

options:
  --out DIR              where to write the report (default: ./cicd-sensor-report)
  --ringbuf-size BYTES   kernel ring buffer size, a power of two (default: 16777216)
  --summary-rows N       rows per table in summary.md (default: 50)
  --no-function-hooks    use the tracepoint fallbacks even where fentry works
  --allow-unmonitored    run COMMAND even when the sensor cannot start, and say so
  -h, --help             show this help

exit codes: COMMAND's own; 2 usage error; 3 the sensor cannot run here.`;

export interface RunOptions {
  outDir: string;
  ringbufBytes: number;
  summaryRows: number;
  noFunctionHooks: boolean;
  allowUnmonitored: boolean;
  command: string[];
}

export type Parsed = { help: true } | { help: false; subcommand: 'run'; options: RunOptions };

function intArg(flag: string, value: string | undefined, check: (n: number) => boolean, what: string): number {
  if (value === undefined) throw new UsageError(`${flag} needs a value (${what})`);
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || !check(n)) {
    throw new UsageError(`${flag}: '${value}' is not ${what}`);
  }
  return n;
}

const powerOfTwo = (n: number): boolean => n >= 4096 && n <= 1 << 30 && (n & (n - 1)) === 0;

export function parseArgs(argv: string[]): Parsed {
  if (argv.length === 0) throw new UsageError('no subcommand given');
  const [sub, ...rest] = argv;
  if (sub === '-h' || sub === '--help' || sub === 'help') return { help: true };
  if (sub !== 'run') throw new UsageError(`unknown subcommand '${sub}'`);
  const options: RunOptions = {
    outDir: 'cicd-sensor-report',
    ringbufBytes: 16 << 20,
    summaryRows: 50,
    noFunctionHooks: false,
    allowUnmonitored: false,
    command: [],
  };
  let i = 0;
  for (; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-')) break;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    const noValue = (): void => {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { help: true };
      case '--out': {
        const v = value();
        if (!v) throw new UsageError('--out needs a directory');
        options.outDir = v;
        break;
      }
      case '--ringbuf-size':
        options.ringbufBytes = intArg(flag, value(), powerOfTwo, 'a power of two between 4096 and 1073741824');
        break;
      case '--summary-rows':
        options.summaryRows = intArg(flag, value(), (n) => n >= 1 && n <= 10000, 'a number from 1 to 10000');
        break;
      case '--no-function-hooks':
        noValue();
        options.noFunctionHooks = true;
        break;
      case '--allow-unmonitored':
        noValue();
        options.allowUnmonitored = true;
        break;
      default:
        throw new UsageError(`unknown option '${arg}'`);
    }
  }
  options.command = rest.slice(i);
  if (options.command.length === 0) throw new UsageError('no command given to run');
  return { help: false, subcommand: 'run', options };
}
