import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { choosePrunable, KEEP_RECENT_COPIES, pathsInUse } from '../../src/daemon/codePrune.js';

const hash = (c: string): string => c.repeat(64);
let base: string;

function copy(name: string, ageS: number): string {
  const dir = join(base, name);
  mkdirSync(dir, { mode: 0o755 });
  const t = Date.now() / 1000 - ageS;
  utimesSync(dir, t, t);
  return dir;
}

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'cs-prune-unit-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

// Root's copies are root's: run as root, like the rest of the suite on CI.
test('keeps its own, the most recent others and those in use; gives up the rest, set-aside ones included', () => {
  const own = copy(hash('a'), 99_999);
  const recent = [copy(hash('b'), 10), copy(hash('c'), 20)];
  const old = copy(hash('d'), 30);
  const named = copy(hash('e'), 40);
  const aside = copy(`.prune.${hash('f')}.1`, 5);
  const fresh = copy('.copy.AbC123', 5);
  const stale = copy('.copy.XyZ789', 7200);
  writeFileSync(join(base, hash('9')), 'a file under a copy\'s name');
  symlinkSync(base, join(base, hash('8')));
  const { remove, keep } = choosePrunable(base, hash('a'), ['/usr/bin/node', `--flag=${hash('e')}`]);
  expect(KEEP_RECENT_COPIES).toBe(2);
  expect(remove.sort()).toEqual([old, aside, stale].sort());
  expect(keep.sort()).toEqual([own, ...recent, named, fresh].sort());
});

test('a path in use: what a process runs, works in, maps or names', () => {
  const proc = join(base, 'proc');
  mkdirSync(join(proc, '42'), { recursive: true });
  mkdirSync(join(proc, 'self'));
  symlinkSync('/code/x/bin/node', join(proc, '42', 'exe'));
  symlinkSync('/code/y', join(proc, '42', 'cwd'));
  writeFileSync(join(proc, '42', 'maps'), '7f00-7f01 r-xp 00000000 08:01 123 /code/z/lib/libcicdsensor.so\n7f02-7f03 rw-p 00000000 00:00 0 \n');
  writeFileSync(join(proc, '42', 'cmdline'), 'node\0/code/w/cli.js\0daemon\0');
  expect(pathsInUse(proc).sort()).toEqual(['/code/w/cli.js', '/code/x/bin/node', '/code/y', '/code/z/lib/libcicdsensor.so', 'daemon', 'node'].sort());
});
