/**
 * Evaluates EventRecords against a RuleBook, one job's events in log order.
 * An event is tested only against the rules of its type; a hit counts
 * (past max_alerts too, as correlations read the counts), records a finding
 * while the rule is under max_alerts, and wakes the correlation rules that
 * read it, each of which fires once per job. State is per job and released
 * by release(): nothing outlives the job.
 */
import type { EventRecord } from '../events/eventRecord.js';
import type { Finding } from '../events/finding.js';
import type { CompiledRule, RuleBook } from './book.js';
import { findingOf } from './findingOf.js';
import { isRuleEventType } from './schema.js';
import { appliesTo } from './target.js';
import { activationOf } from './variables.js';

export interface EngineOptions {
  /** the forge jobs run on, for rules' `target` (default github.com) */
  readonly providerHost?: string;
}

export interface Evaluation {
  /** findings recorded for this event, in rule order, correlations after the rules that woke them */
  readonly findings: readonly Finding[];
  /** a terminate rule hit (under max_alerts or not): the event's process must be stopped */
  readonly terminate: boolean;
}

const NOTHING: Evaluation = Object.freeze({ findings: Object.freeze([]) as readonly Finding[], terminate: false });

class JobState {
  /** hits per rule index */
  readonly counts: number[];
  /** per rule index: 1 applies to this job's repository, 0 does not */
  readonly active: Uint8Array;
  /** correlation rules that fired */
  readonly fired = new Set<number>();

  constructor(book: RuleBook, event: EventRecord, providerHost: string) {
    this.counts = new Array<number>(book.slots).fill(0);
    this.active = new Uint8Array(book.slots);
    const repo = { providerHost, path: event.job.repository };
    for (const rule of book.rules) this.active[rule.index] = appliesTo(rule.target, repo) ? 1 : 0;
  }
}

/** Which of the flags are true for the event, as GatedRules.lists' index. */
function flagMask(flags: readonly string[], activation: Record<string, unknown>): number {
  let mask = 0;
  for (let i = 0; i < flags.length; i++) if (activation[flags[i]!] === true) mask |= 1 << i;
  return mask;
}

export class RuleEngine {
  private readonly jobs = new Map<string, JobState>();
  /** exists() iteration slots, reused: evaluation is synchronous */
  private readonly frame: unknown[] = [];
  private readonly providerHost: string;

  constructor(
    readonly book: RuleBook,
    opts: EngineOptions = {},
  ) {
    this.providerHost = opts.providerHost ?? 'github.com';
  }

  evaluate(event: EventRecord): Evaluation {
    const kind = event.kind;
    const gated = isRuleEventType(kind) ? this.book.gated.get(kind) : undefined;
    if (gated === undefined) return NOTHING;
    const activation = activationOf(event, kind as Exclude<typeof kind, 'process_exit'>);
    const rules = gated.lists[flagMask(gated.flags, activation)]!.select((activation as { path?: unknown }).path);
    // Most of an open storm's events reach no rule: they need no job state either.
    if (rules.length === 0) return NOTHING;
    const state = this.stateOf(event);
    let out: { findings: Finding[]; terminate: boolean } | undefined;
    for (const rule of rules) {
      if (state.active[rule.index] === 0 || !this.hit(rule, activation)) continue;
      out ??= { findings: [], terminate: false };
      this.record(rule, event, state, out);
    }
    return out ?? NOTHING;
  }

  /** Forgets a job's counts and fired correlations (at unregister). */
  release(jobId: string): void {
    this.jobs.delete(jobId);
  }

  get jobCount(): number {
    return this.jobs.size;
  }

  private stateOf(event: EventRecord): JobState {
    let state = this.jobs.get(event.job.id);
    if (state === undefined) {
      state = new JobState(this.book, event, this.providerHost);
      this.jobs.set(event.job.id, state);
    }
    return state;
  }

  private hit(rule: CompiledRule, activation: unknown): boolean {
    const f = this.frame;
    if (rule.condition(activation, f) !== true) return false;
    for (const exception of rule.exceptions) if (exception(activation, f) === true) return false;
    return true;
  }

  private record(rule: CompiledRule, event: EventRecord, state: JobState, out: { findings: Finding[]; terminate: boolean }): void {
    const count = ++state.counts[rule.index]!;
    if (rule.action === 'terminate') out.terminate = true;
    if (count <= rule.maxAlerts) out.findings.push(findingOf(rule, event));
    for (const corr of this.book.correlationsOf.get(rule.index) ?? []) {
      if (state.active[corr.index] === 0 || state.fired.has(corr.index)) continue;
      if (corr.condition(state.counts, this.frame) !== true) continue;
      state.fired.add(corr.index);
      this.record(corr, event, state, out);
    }
  }
}
