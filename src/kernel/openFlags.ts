/** O_* flag names for file_open events; four values differ between x86 and arm64. */

const COMMON: [number, string][] = [
  [0o100, 'O_CREAT'],
  [0o200, 'O_EXCL'],
  [0o400, 'O_NOCTTY'],
  [0o1000, 'O_TRUNC'],
  [0o2000, 'O_APPEND'],
  [0o4000, 'O_NONBLOCK'],
  [0o10000, 'O_DSYNC'],
  [0o20000, 'O_ASYNC'],
  [0o1000000, 'O_NOATIME'],
  [0o2000000, 'O_CLOEXEC'],
  [0o4000000, 'O_SYNC'],
  [0o10000000, 'O_PATH'],
];

const X86: [number, string][] = [
  [0o40000, 'O_DIRECT'],
  [0o100000, 'O_LARGEFILE'],
  [0o200000, 'O_DIRECTORY'],
  [0o400000, 'O_NOFOLLOW'],
];

const ARM64: [number, string][] = [
  [0o40000, 'O_DIRECTORY'],
  [0o100000, 'O_NOFOLLOW'],
  [0o200000, 'O_DIRECT'],
  [0o400000, 'O_LARGEFILE'],
];

const TMPFILE_BIT = 0o20000000;

// A job opens with a handful of flag combinations: name each once per
// architecture (the arrays are shared, never mutated).
const named = new Map<string, Map<number, string[]>>();

export function openFlagNames(flags: number, arch: string = process.arch): string[] {
  let byFlags = named.get(arch);
  if (byFlags === undefined) named.set(arch, (byFlags = new Map()));
  let names = byFlags.get(flags);
  if (names === undefined) {
    names = nameFlags(flags, arch);
    // Frozen only when kept: events share it, and the line encoder keeps its
    // JSON beside a frozen array (a job making endless flag values must not
    // make it keep one for each open).
    if (byFlags.size < 4096) byFlags.set(flags, (names = Object.freeze(names) as string[]));
  }
  return names;
}

function nameFlags(flags: number, arch: string): string[] {
  const table = [...COMMON, ...(arch === 'arm64' ? ARM64 : X86)];
  const names: string[] = [];
  const acc = flags & 3;
  names.push(['O_RDONLY', 'O_WRONLY', 'O_RDWR', 'O_ACCMODE'][acc]!);
  const tmpfile = (flags & TMPFILE_BIT) !== 0;
  for (const [bit, name] of table) {
    // O_TMPFILE's value includes O_DIRECTORY's bit; name it once.
    if (name === 'O_DIRECTORY' && tmpfile) continue;
    // O_SYNC includes O_DSYNC's bit; name it once.
    if (name === 'O_DSYNC' && (flags & 0o4010000) === 0o4010000) continue;
    if (name === 'O_SYNC' ? (flags & 0o4010000) === 0o4010000 : (flags & bit) !== 0) names.push(name);
  }
  if (tmpfile) names.push('O_TMPFILE');
  return names;
}

const bitTables = new Map<string, Map<string, number>>();

function bitTable(arch: string): Map<string, number> {
  let table = bitTables.get(arch);
  if (table === undefined) {
    table = new Map<string, number>([
      ['O_RDONLY', 0],
      ['O_WRONLY', 1],
      ['O_RDWR', 2],
      ['O_ACCMODE', 3],
      ['O_TMPFILE', TMPFILE_BIT | (arch === 'arm64' ? 0o40000 : 0o200000)],
      ...COMMON.map(([bit, name]): [string, number] => [name, name === 'O_SYNC' ? 0o4010000 : bit]),
      ...(arch === 'arm64' ? ARM64 : X86).map(([bit, name]): [string, number] => [name, bit]),
    ]);
    bitTables.set(arch, table);
  }
  return table;
}

/** The raw flags back from their names (rules read `flags` as the int open(2) got). */
export function openFlagBits(names: readonly string[], arch: string = process.arch): number {
  const table = bitTable(arch);
  let bits = 0;
  for (const name of names) bits |= table.get(name) ?? 0;
  return bits;
}
