// The engine's cost per event (node bench/rules/engineBench.mjs [EVENTS]):
// the open storm's events evaluated with the bench rule set (ruleSet.mjs)
// loaded, against the same loop with no rules; CPU time (user + sys), as the
// budget is the tracker's CPU, and the machine may be busy. Bundles src/rules with
// esbuild first, as dist/ does.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchRuleSetYaml, openStormEvents } from './ruleSet.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'rules-bench-'));
const out = join(dir, 'engine.mjs');
await build({
  stdin: {
    contents: "export { buildRuleBook } from './src/rules/book.ts'; export { parseRuleFile } from './src/rules/load.ts'; export { RuleEngine } from './src/rules/engine.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const { buildRuleBook, parseRuleFile, RuleEngine } = await import(pathToFileURL(out).href);
rmSync(dir, { recursive: true, force: true });

const N = Number(process.argv[2] ?? 200000);
const problems = [];
const book = buildRuleBook([parseRuleFile('bench.yml', benchRuleSetYaml(60), problems)]);
const engine = new RuleEngine(book);
const events = openStormEvents(N);
const perType = [...book.byEventType].map(([t, r]) => `${t} ${r.length}`).join(', ');
console.log(`${book.rules.length} rules (${perType}, correlations ${book.rules.length - [...book.byEventType.values()].reduce((n, r) => n + r.length, 0)})`);

function run(label, fn) {
  for (let i = 0; i < Math.min(N, 20000); i++) fn(events[i]);
  const c0 = process.cpuUsage();
  let hits = 0;
  for (const e of events) hits += fn(e);
  const c = process.cpuUsage(c0);
  const ns = ((c.user + c.system) * 1000) / N;
  console.log(`${label}: ${(ns / 1000).toFixed(3)} µs/event (${hits} findings over ${N} events)`);
  return ns;
}
const base = run('no rules', (e) => (e.seq < 0 ? 1 : 0));
const withRules = run('bench rule set', (e) => engine.evaluate(e).findings.length);
console.log(`engine cost: ${((withRules - base) / 1000).toFixed(3)} µs/event (budget 2 µs)`);
