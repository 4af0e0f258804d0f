/**
 * Rules of the codebase's shape that a reviewer should not have to check by
 * eye (STYLE.md): no function in src/ longer than a screen, the daemon never
 * imports the command line, and one module speaks FFI. Read with the
 * TypeScript compiler's own parser, so strings and comments cannot fool it.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname ?? '.', '../..');
const SRC = join(ROOT, 'src');
const MAX_FUNCTION_LINES = 60;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const parse = (path: string, text = readFileSync(path, 'utf8')): ts.SourceFile =>
  ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);

/** Every function, method, accessor and arrow with a body, with its length in lines (first to last). */
function longFunctions(sf: ts.SourceFile, max: number): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name?.getText(sf) ?? '(anonymous)';
      if (last - first + 1 > max) found.push(`${relative(ROOT, sf.fileName)}:${first + 1} ${name} (${last - first + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Module specifiers of every import and re-export, resolved against the file when relative. */
function imports(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const st of sf.statements) {
    const spec = (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec)) continue;
    out.push(spec.text.startsWith('.') ? resolve(dirname(sf.fileName), spec.text) : spec.text);
  }
  return out;
}

const files = sourceFiles(SRC).map((f) => parse(f));

describe('source shape', () => {
  it(`has no function in src/ over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(files.flatMap((sf) => longFunctions(sf, MAX_FUNCTION_LINES))).toEqual([]);
  });

  it('counts a long function, arrows and methods included (the check can fail)', () => {
    const body = Array.from({ length: MAX_FUNCTION_LINES }, (_, i) => `  x += ${i};`).join('\n');
    const sf = parse('/tmp/long.ts', `class A {\n  m(x: number) {\n${body}\n  }\n}\nconst f = (x: number) => {\n${body}\n};\n`);
    expect(longFunctions(sf, MAX_FUNCTION_LINES)).toEqual([
      `${relative(ROOT, '/tmp/long.ts')}:2 m (${MAX_FUNCTION_LINES + 2} lines)`,
      `${relative(ROOT, '/tmp/long.ts')}:${MAX_FUNCTION_LINES + 5} (anonymous) (${MAX_FUNCTION_LINES + 2} lines)`,
    ]);
  });

  it('keeps src/daemon free of imports from src/cli (the command line uses the daemon, never the reverse)', () => {
    const daemon = files.filter((sf) => sf.fileName.startsWith(join(SRC, 'daemon') + '/'));
    expect(daemon.length).toBeGreaterThan(5);
    const intoCli = daemon.flatMap((sf) => imports(sf).filter((m) => m.startsWith(join(SRC, 'cli'))).map((m) => `${relative(ROOT, sf.fileName)} -> ${relative(ROOT, m)}`));
    expect(intoCli).toEqual([]);
  });

  it('imports koffi from one module only', () => {
    const users = files.filter((sf) => imports(sf).includes('koffi')).map((sf) => relative(ROOT, sf.fileName));
    expect(users).toEqual(['src/native/ffi.ts']);
  });
});
