/**
 * The built-in rule set: YAML files in the rule format, shipped next to the
 * bundle (dist/rules/builtin/, copied there by the build) and read from the
 * repository's rules/builtin/ when running from sources (tests). They load
 * ahead of a job's own files, so a job's rule modifiers can change or
 * disable them. The engine knows nothing of what they say: they are data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePrebuilt, encodePrebuilt, prebuiltParse } from './prebuilt.js';
import { readRuleSources, type RuleSource, seedParsed } from './sources.js';

/** The built-in rule set's files end so; their cases (`*.cases.yaml`) sit beside them. */
const RULE_FILE = /^[a-z0-9_-]+\.yaml$/;

/** The directory of the built-in rule files. */
export function builtinRulesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, 'rules', 'builtin'), resolve(here, '../../rules/builtin')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`cicd-sensor's built-in rules are not found next to ${here}; run 'npm run build'`);
}

/** The built-in rule files, sorted by name (their load order). */
export function builtinRuleFiles(dir: string = builtinRulesDir()): string[] {
  return readdirSync(dir)
    .filter((name) => RULE_FILE.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** The build's parse of the built-in files (prebuilt.ts), beside their directory; absent when running from sources. */
export const PREBUILT_FILE = 'builtin.prebuilt.json';

/** The built-in files as sources, named as findings and messages name them. */
function readBuiltinSources(dir: string): RuleSource[] {
  return readRuleSources(builtinRuleFiles(dir)).map((s) => ({ name: `builtin:${s.name.slice(s.name.lastIndexOf('/') + 1)}`, text: s.text }));
}

/** What the build writes to PREBUILT_FILE for the files in dir. */
export function prebuiltText(dir: string): string {
  return encodePrebuilt(readBuiltinSources(dir));
}

/** Each source the build parsed, as it was: its parse stands in for parsing it again (sources.ts). */
function usePrebuilt(dir: string, sources: readonly RuleSource[]): void {
  let text: string;
  try {
    text = readFileSync(join(dir, '..', PREBUILT_FILE), 'utf8');
  } catch (err) {
    // Running from sources there is none: the files are parsed, as they are when it does not match.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const prebuilt = decodePrebuilt(text);
  for (const source of sources) {
    const loaded = prebuiltParse(prebuilt, source);
    if (loaded) seedParsed(source, loaded);
  }
}

/** The files in dir as sources, the build's parse of each (when it has one of its text) seeded for bookFromSources. */
export function loadBuiltinSources(dir: string): RuleSource[] {
  const sources = readBuiltinSources(dir);
  usePrebuilt(dir, sources);
  return sources;
}

let cached: RuleSource[] | undefined;

/** The built-in files' text, read once per process (they are part of the install, not of a job). */
export function builtinRuleSources(): readonly RuleSource[] {
  cached ??= loadBuiltinSources(builtinRulesDir());
  return cached;
}
