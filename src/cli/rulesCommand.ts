/**
 * `cicd-sensor rules check FILE...` and `cicd-sensor rules eval`: rule files
 * validated, or a recorded events.ndjson replayed through them ("would my
 * new rule have fired on last week's builds"), without root or a kernel.
 */
import { existsSync } from 'node:fs';
import { loadRuleBook, type RuleBook } from '../rules/book.js';
import { builtinRuleFiles } from '../rules/builtin.js';
import { RuleEngine } from '../rules/engine.js';
import { providerHost } from '../rules/jobRules.js';
import { replayLog } from '../rules/replay.js';
import { RuleLoadError } from '../rules/specs.js';
import type { RulesEvalOptions } from './args.js';

/** The book, or undefined with every problem printed. */
function loadOrReport(files: readonly string[], monitorMode = false): RuleBook | undefined {
  try {
    return loadRuleBook(files, { monitorMode });
  } catch (err) {
    if (!(err instanceof RuleLoadError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.stderr.write(`cicd-sensor: ${err.problems.length} problem(s) in the rule files\n`);
    return undefined;
  }
}

/** The files to load: the built-in ones first when asked for. */
const withBuiltin = (files: readonly string[], builtin: boolean | undefined): string[] => [...(builtin ? builtinRuleFiles() : []), ...files];

export function rulesCheckCommand(files: readonly string[], builtin?: boolean): number {
  const all = withBuiltin(files, builtin);
  const book = loadOrReport(all);
  if (!book) return 1;
  process.stdout.write(`${all.length} file(s), ${book.rules.length} rule(s): ok\n`);
  return 0;
}

export function rulesEvalCommand(o: RulesEvalOptions, out: (line: string) => void = (l) => process.stdout.write(l)): number {
  const book = loadOrReport(withBuiltin(o.rules, o.builtin), o.monitorMode);
  if (!book) return 1;
  if (!existsSync(o.events)) {
    process.stderr.write(`cicd-sensor: ${o.events} does not exist\n`);
    return 2;
  }
  const engine = new RuleEngine(book, { providerHost: providerHost() });
  const unreadable = replayLog(o.events, (event) => {
    for (const finding of engine.evaluate(event).findings) out(`${JSON.stringify(finding)}\n`);
  });
  if (unreadable > 0) process.stderr.write(`cicd-sensor: ${unreadable} line(s) of ${o.events} are not JSON and were skipped\n`);
  return 0;
}
