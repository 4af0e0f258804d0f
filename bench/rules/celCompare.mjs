// Measures the two maintained CEL libraries evaluating the bench rule set's
// file_open rules on the open storm's events (node bench/rules/celCompare.mjs):
// the evidence for how the engine evaluates (see src/rules/compile.ts).
import { parse as parseYaml } from 'yaml';
import * as buf from '@bufbuild/cel';
import { Environment } from '@marcbachmann/cel-js';
import { benchRuleSetYaml, openStormEvents } from './ruleSet.mjs';

const N = Number(process.argv[2] ?? 20000);
const set = parseYaml(benchRuleSetYaml(60)).rule_sets[0];
const rules = set.rules.filter((r) => r.event_type === 'file_open');
const lists = set.lists;
const events = openStormEvents(N);

function inIpRange() { return false; } // never reached by file_open rules; registered so conditions type-check
function vars(e) {
  const p = e.process;
  return {
    process: { exec_path: p.exec_path, argv: p.argv, ancestors: p.ancestors.map((a, i) => ({ exec_path: a.exec_path, argv: a.argv ?? [], descendants: [] })) },
    path: e.file.path, is_read: true, is_write: false, flags: 0n,
  };
}
function time(label, fn) {
  let hits = 0;
  for (let i = 0; i < Math.min(2000, N); i++) hits += fn(events[i]); // warm-up
  hits = 0;
  const c0 = process.cpuUsage();
  for (const e of events) hits += fn(e);
  const c = process.cpuUsage(c0);
  const ns = ((c.user + c.system) * 1000) / N; // CPU time: the machine may be busy
  console.log(`${label}: ${(ns / 1000).toFixed(2)} µs/event for ${rules.length} file_open rules (hits ${hits})`);
}

{
  const env = new Environment({ unlistedVariablesAreDyn: true }).registerFunction('inIpRange(string, string): bool', inIpRange);
  // `list` names the list type in cel-js, so the lists go in as `lists` here.
  const compiled = rules.map((r) => env.parse(r.condition.replaceAll('list.', 'lists.')));
  time('@marcbachmann/cel-js 8.0.0', (e) => {
    const ctx = { ...vars(e), lists };
    let hits = 0;
    for (const c of compiled) if (c(ctx) === true) hits++;
    return hits;
  });
}
{
  const env = buf.celEnv({ funcs: [buf.celFunc('inIpRange', [buf.CelScalar.STRING, buf.CelScalar.STRING], buf.CelScalar.BOOL, inIpRange)] });
  const plans = rules.map((r) => buf.plan(env, buf.parse(r.condition)));
  const listMap = new Map(Object.entries(lists));
  time('@bufbuild/cel 0.6.1', (e) => {
    const v = vars(e);
    const ctx = { ...v, process: new Map(Object.entries({ ...v.process, ancestors: v.process.ancestors.map((a) => new Map(Object.entries(a))) })), list: listMap };
    let hits = 0;
    for (const p of plans) if (p(ctx) === true) hits++;
    return hits;
  });
}
