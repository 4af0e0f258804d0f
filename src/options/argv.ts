/**
 * Strict option scanning for the command line and the daemon's own argv:
 * every flag declared with the kind of value it takes, every mistake a
 * UsageError a user can act on.
 */
export class UsageError extends Error {}

/** 'list': repeatable, each value kept in order (read with listValues). */
export type Kind = 'flag' | 'string' | 'dir' | 'ringbuf' | 'rows' | 'pid' | 'list';
export type Spec = Record<string, Kind>;

export const missing = (flag: string, kind: Kind): UsageError =>
  new UsageError(`${flag} needs ${kind === 'dir' ? 'a directory' : 'a value'}`);

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
    case 'list':
      // `--rules -- cmd` forgot the file: take no option-looking value (a file named so can be given as ./-x)
      if (!value || value.startsWith('-')) throw missing(flag, kind);
      return value;
    default:
      if (!value) throw missing(flag, kind);
      return value;
  }
}

export interface Scanned {
  /** a 'list' option's values are joined with NUL: read them with listValues */
  values: Map<string, string | number | true>;
  rest: string[];
  help: boolean;
}

/** Options up to `--` or the first non-option; the rest is returned untouched. */
export function scan(args: string[], spec: Spec, stopAtPositional: boolean): Scanned {
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
    const converted = convert(flag, kind, value);
    const before = values.get(flag);
    values.set(flag, kind === 'list' && typeof before === 'string' ? `${before}\0${converted}` : converted);
  }
  return { values, rest: args.slice(i), help: false };
}

/** A repeatable option's values, in order. */
export const listValues = (v: string | number | true | undefined): string[] => (typeof v === 'string' ? v.split('\0') : []);
