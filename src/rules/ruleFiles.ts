/**
 * Rule files named by the action's `rules` and `rule-modifiers` inputs:
 * paths or globs relative to the repository (`*` and `?` within a path
 * segment, `**` across segments). A pattern that matches no file is an
 * error the caller reports, never an empty rule set in silence.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

const GLOB_CHARS = /[*?[]/;

function globRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` matches zero or more whole segments
      out += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
}

/** The files of one pattern under root, sorted; [] when none. */
export function expandPattern(pattern: string, root: string): string[] {
  const absolute = isAbsolute(pattern) ? pattern : join(root, pattern);
  if (!GLOB_CHARS.test(pattern)) return existsSync(absolute) && statSync(absolute).isFile() ? [absolute] : [];
  const segments = absolute.split(sep);
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  const base = segments.slice(0, firstGlob).join(sep) || sep;
  if (!existsSync(base)) return [];
  const regex = globRegex(segments.slice(firstGlob).join('/'));
  const files: string[] = [];
  walk(base, files);
  return files.filter((f) => regex.test(relative(base, f).split(sep).join('/'))).sort();
}

export interface ResolvedFiles {
  readonly files: string[];
  /** patterns that matched nothing */
  readonly unmatched: string[];
}

/** Every pattern's files, in the order given, each file once. */
export function resolveRuleFiles(patterns: readonly string[], root: string): ResolvedFiles {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const found = expandPattern(pattern, root);
    if (found.length === 0) unmatched.push(pattern);
    for (const f of found) if (!files.includes(f)) files.push(f);
  }
  return { files, unmatched };
}
