/**
 * dist/ is what runners execute: it must carry every shared library it
 * needs, load them from itself, need no glibc newer than Ubuntu 22.04's
 * floor (2.34 here, for margin), and match the record layout in C.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOOK_NAMES, OFFSETS, SIZEOF } from '../../src/kernel/layout.js';
import { distDir, repoRoot } from '../helpers/paths.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const elfFiles = walk(distDir).filter((f) => /\.(so(\.\d+)*|node)$/.test(f) && !f.includes('arm64'));

const versionKey = (v: string): number[] => v.split('.').map(Number);
const newer = (a: string, b: string): boolean => {
  const [x, y] = [versionKey(a), versionKey(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

test('dist holds the library, libbpf, libelf, koffi and the BPF object', () => {
  const names = walk(distDir).map((f) => f.slice(distDir.length + 1));
  expect(names).toEqual(
    expect.arrayContaining([
      'cli.js',
      'sensor.bpf.o',
      'lib/libcicdsensor.so',
      'lib/libbpf.so.1',
      'lib/libelf.so.1',
      'node_modules/@koromix/koffi-linux-x64/linux_x64/koffi.node',
    ]),
  );
});

test('every file of dist is committed: none is left out by .gitignore', () => {
  // A runner executes the repository as committed; an ignored file there exists only on the machine that built it.
  const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: repoRoot, encoding: 'utf8' });
  if (inside.stdout.trim() !== 'true') return;
  const files = walk(distDir).map((f) => f.slice(repoRoot.length + 1));
  const ignored = spawnSync('git', ['check-ignore', '--no-index', '--stdin'], { cwd: repoRoot, input: files.join('\n'), encoding: 'utf8' });
  expect(ignored.stdout.split('\n').filter(Boolean)).toEqual([]);
});

test.each(elfFiles.map((f) => [f.slice(distDir.length + 1), f]))('%s needs no glibc newer than 2.34', (_, file) => {
  const symbols = execFileSync('objdump', ['-T', file], { encoding: 'utf8' });
  const versions = [...symbols.matchAll(/GLIBC_(\d+(?:\.\d+)+)/g)].map((m) => m[1]!);
  const tooNew = [...new Set(versions)].filter((v) => newer(v, '2.34'));
  expect(tooNew).toEqual([]);
});

test('our library finds libbpf and libelf next to itself', () => {
  const dyn = execFileSync('readelf', ['-d', join(distDir, 'lib', 'libcicdsensor.so')], { encoding: 'utf8' });
  expect(dyn).toMatch(/RUNPATH.*\[\$ORIGIN\]/);
  expect(dyn).toContain('[libelf.so.1]');
  // Load it in a process whose library search path is emptied, and see which files got mapped.
  const script = `
    const koffi = (await import('koffi')).default;
    koffi.load(${JSON.stringify(join(distDir, 'lib', 'libcicdsensor.so'))});
    const maps = (await import('node:fs')).readFileSync('/proc/self/maps', 'utf8');
    console.log([...new Set(maps.split('\\n').map((l) => l.split(/\\s+/)[5]).filter((p) => /lib(bpf|elf)/.test(p ?? '')))].join('\\n'));`;
  const mapped = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    cwd: distDir,
    env: { PATH: process.env.PATH, LD_LIBRARY_PATH: '' },
  });
  const libs = mapped.trim().split('\n');
  expect(libs).toHaveLength(2);
  for (const lib of libs) expect(lib.startsWith(join(distDir, 'lib') + '/')).toBe(true);
});

/** Prints offsetof/sizeof for every field layout.ts names, as the C compiler lays them out. */
function cLayout(): Record<string, Record<string, number>> {
  const lines = Object.entries(OFFSETS).flatMap(([struct, fields]) => [
    `printf("%s %s %zu\\n", "${struct}", "sizeof", sizeof(struct ${struct}));`,
    ...Object.keys(fields).map((f) => `printf("%s %s %zu\\n", "${struct}", "${f}", offsetof(struct ${struct}, ${f}));`),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'cs-layout-'));
  try {
    const src = join(dir, 'layout.c');
    writeFileSync(src, `#include <stddef.h>\n#include <stdio.h>\n#include <linux/types.h>\n#include "records.h"\nint main(void) {\n${lines.join('\n')}\nreturn 0;\n}\n`);
    execFileSync('gcc', ['-I', join(repoRoot, 'bpf'), '-o', join(dir, 'layout'), src]);
    const out: Record<string, Record<string, number>> = {};
    for (const line of execFileSync(join(dir, 'layout'), { encoding: 'utf8' }).trim().split('\n')) {
      const [struct, field, value] = line.split(' ');
      (out[struct!] ??= {})[field!] = Number(value);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the TypeScript record offsets match bpf/records.h as C lays it out', () => {
  const c = cLayout();
  for (const [struct, fields] of Object.entries(OFFSETS)) {
    expect({ struct, sizeof: c[struct]?.sizeof }).toEqual({ struct, sizeof: SIZEOF[struct as keyof typeof SIZEOF] });
    for (const [field, offset] of Object.entries(fields)) {
      expect({ struct, field, offset: c[struct]?.[field] }).toEqual({ struct, field, offset });
    }
  }
});

test('the hook counter slots match enum cs_hook', () => {
  const header = readFileSync(join(repoRoot, 'bpf', 'records.h'), 'utf8');
  const body = header.slice(header.indexOf('enum cs_hook {'), header.indexOf('CS_HOOK_MAX,'));
  const names = [...body.matchAll(/CS_HOOK_([A-Z_]+)/g)].map((m) => m[1]!.toLowerCase());
  expect(names).toEqual([...HOOK_NAMES]);
});
