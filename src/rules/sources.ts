/**
 * Rule files as text: the action reads the repository's rule files (as the
 * runner's user) and sends their text to the root daemon, which parses it,
 * so the daemon never opens a path a job step named.
 */
import { readFileSync } from 'node:fs';
import { buildRuleBook, type BookOptions, type RuleBook } from './book.js';
import { type LoadedFile, parseRuleFile } from './load.js';
import { RuleLoadError, type RuleProblem } from './specs.js';

export interface RuleSource {
  /** the file's name, for messages */
  readonly name: string;
  readonly text: string;
}

/** Reads files into sources; a file that cannot be read is a RuleLoadError. */
export function readRuleSources(paths: readonly string[]): RuleSource[] {
  const problems: RuleProblem[] = [];
  const sources: RuleSource[] = [];
  for (const name of paths) {
    try {
      sources.push({ name, text: readFileSync(name, 'utf8') });
    } catch (err) {
      problems.push({ at: { file: name, line: 1, col: 1 }, message: `cannot read: ${(err as Error).message}` });
    }
  }
  if (problems.length > 0) throw new RuleLoadError(problems);
  return sources;
}

/**
 * Files that parsed cleanly, by name and text: the daemon builds a book per
 * job (and again when the repository's rules arrive) from the same built-in
 * files, and parsing YAML is most of a book's cost. Parsed files are never
 * changed by building a book, so they are shared. Bounded: oldest out first.
 */
const parsed = new Map<string, LoadedFile>();
const PARSED_MAX = 64;

function parseCached(source: RuleSource, problems: RuleProblem[]): LoadedFile {
  const key = `${source.name}\0${source.text}`;
  const hit = parsed.get(key);
  if (hit) return hit;
  const before = problems.length;
  const file = parseRuleFile(source.name, source.text, problems);
  if (problems.length === before) {
    if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, file);
  }
  return file;
}

/** A parse of source made elsewhere (the build's, prebuilt.ts): the next parse of its text is that. */
export function seedParsed(source: RuleSource, file: LoadedFile): void {
  if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value!);
  parsed.set(`${source.name}\0${source.text}`, file);
}

export function bookFromSources(sources: readonly RuleSource[], opts: BookOptions = {}): RuleBook {
  const problems: RuleProblem[] = [];
  const files = sources.map((s) => parseCached(s, problems));
  return buildRuleBook(files, opts, problems);
}
