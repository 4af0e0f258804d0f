/**
 * The built-in rule set: YAML files in the rule format, shipped next to the
 * bundle (dist/rules/builtin/, copied there by the build) and read from the
 * repository's rules/builtin/ when running from sources (tests). They load
 * ahead of a job's own files, so a job's rule modifiers can change or
 * disable them. The engine knows nothing of what they say: they are data.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRuleSources, type RuleSource } from './sources.js';

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

let cached: RuleSource[] | undefined;

/** The built-in files' text, read once per process (they are part of the install, not of a job). */
export function builtinRuleSources(): readonly RuleSource[] {
  cached ??= readRuleSources(builtinRuleFiles()).map((s) => ({ name: `builtin:${s.name.slice(s.name.lastIndexOf('/') + 1)}`, text: s.text }));
  return cached;
}
