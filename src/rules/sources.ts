/**
 * Rule files as text: the action reads the repository's rule files (as the
 * runner's user) and sends their text to the root daemon, which parses it,
 * so the daemon never opens a path a job step named.
 */
import { readFileSync } from 'node:fs';
import { buildRuleBook, type BookOptions, type RuleBook } from './book.js';
import { parseRuleFile } from './load.js';
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

export function bookFromSources(sources: readonly RuleSource[], opts: BookOptions = {}): RuleBook {
  const problems: RuleProblem[] = [];
  const files = sources.map((s) => parseRuleFile(s.name, s.text, problems));
  return buildRuleBook(files, opts, problems);
}
