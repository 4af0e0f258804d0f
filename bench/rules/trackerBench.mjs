// The tracker's userspace pipeline alone, in process, no root (node
// bench/rules/trackerBench.mjs [EVENTS [BUILD_EVENTS]]): the open storm's records through
// decode, the KernelTracker, events.ndjson, the report and the rule stage
// (bench/lib/trackerBench.ts), without and with the bench rule set, each in
// a fresh process. Bundles src/ with esbuild first, as dist/ does. Add
// --cpu-prof to the node flags in run() below to see where the time goes.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchRuleSetYaml } from './ruleSet.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'tracker-bench-'));
try {
  const out = join(dir, 'trackerBench.mjs');
  await build({
    entryPoints: [join(root, 'bench', 'lib', 'trackerBench.ts')],
    bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  const rules = join(dir, 'rules.yml');
  writeFileSync(rules, benchRuleSetYaml(60));
  const events = process.argv[2] ?? '1000000';
  // The built-in rules where the bundle looks for them (src/rules/builtin.ts), for the build's mix.
  mkdirSync(join(dir, 'rules'));
  symlinkSync(join(root, 'rules', 'builtin'), join(dir, 'rules', 'builtin'));
  const run = (label, extra, env = {}, n = events) => {
    const r = JSON.parse(execFileSync(process.execPath, [out, join(dir, `out-${label}`), n, ...extra], { encoding: 'utf8', env: { ...process.env, ...env } }));
    rmSync(join(dir, `out-${label}`), { recursive: true, force: true });
    console.log(`${label.padEnd(8)} ${r.usPerEvent.toFixed(2)} µs/event, peak RSS ${r.peakRssMb.toFixed(0)} MB (${r.events} events)`);
  };
  run('no rules', []);
  run('rules', [rules]);
  // A build's mix (bench/lib/trackerBench.ts buildBatches), as many events as the end-to-end build, with the built-in rules.
  run('build', [], { TB_MIX: 'build', TB_BUILTIN: '1' }, process.argv[3] ?? '52500');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
