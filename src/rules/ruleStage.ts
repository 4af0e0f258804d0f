/**
 * The rule engine as a stage of a job's pipeline (src/recording's
 * EventStage): every event evaluated in log order as it is recorded; a
 * terminate hit stops the event's process before the next event is looked
 * at, and the finding says what was done. At the job's end the findings go
 * to findings.ndjson and the engine forgets the job.
 *
 * Rules can arrive after the job started: the action's pre runs before the
 * repository is checked out, so the repository's rule files are loaded by
 * its main step. reload() then replays the job's events so far through the
 * new rules, which are a whole new book (the built-in rules with the
 * repository's, so its modifiers can change built-in rules), and carries
 * over what was already done to processes.
 */
import { join } from 'node:path';
import type { EventRecord } from '../events/eventRecord.js';
import type { Finding } from '../events/finding.js';
import { writeFindingsNdjson } from '../findings/ndjson.js';
import type { RuleEngine } from './engine.js';
import { type KillOutcome, killProcess } from './terminate.js';

export type Killer = (pid: number, startTime?: string) => KillOutcome;

export const FINDINGS_FILE = 'findings.ndjson';

const LATE = { kind: 'none', detail: 'the rule was loaded after this event (by the action\'s main step)' } as const;

const findingKey = (f: Finding): string => `${f.ruleset_id}\0${f.rule_id}\0${f.seq}`;

/**
 * What the sensor did about a finding: an access protect-runner stopped in
 * the kernel was prevented, whatever the rule's action (the kill that
 * follows, if any, is in the detail); a terminate hit says whether the kill
 * landed.
 */
function responseOf(f: Finding, event: EventRecord, outcome: KillOutcome | undefined): Finding['response'] {
  if (event.access?.prevented === true) {
    const after = f.action === 'terminate' && outcome ? `; then ${outcome.detail}` : '';
    return { kind: 'prevented', detail: `protect-runner stopped the access in the kernel before it happened${after}` };
  }
  if (f.action !== 'terminate' || !outcome) return undefined;
  return { kind: outcome.killed ? 'killed' : 'none', detail: outcome.detail };
}

export class RuleStage {
  private found: Finding[] = [];
  /** The events of the findings, by seq (as many as findings: max_alerts bounds them). */
  private events = new Map<number, EventRecord>();
  private readonly earlier = new Map<string, NonNullable<Finding['response']>>();
  private jobId: string | undefined;

  constructor(
    private engine: RuleEngine,
    private readonly kill: Killer = killProcess,
  ) {}

  /**
   * Evaluates the job's events so far (from its log, in order) with a new
   * engine, which then takes over. Past events are not acted on again: the
   * processes are gone or were dealt with; a finding that was acted on keeps
   * its response, a terminate finding new to the replay says it came late.
   */
  reload(engine: RuleEngine, replay: (visit: (event: EventRecord) => void) => void): void {
    const responses = new Map(this.found.filter((f) => f.response).map((f) => [findingKey(f), f.response!]));
    if (this.jobId !== undefined) this.engine.release(this.jobId);
    this.engine = engine;
    this.found = [];
    this.events.clear();
    replay((event) => {
      this.jobId ??= event.job.id;
      for (const f of engine.evaluate(event).findings) {
        const late = f.action === 'terminate' ? LATE : undefined;
        const response = responses.get(findingKey(f)) ?? (event.access?.prevented === true ? responseOf(f, event, undefined) : late);
        this.add(response ? { ...f, response } : f, event);
      }
    });
  }

  onEvent(event: EventRecord): void {
    this.jobId ??= event.job.id;
    const result = this.engine.evaluate(event);
    if (result.findings.length === 0 && !result.terminate) return;
    const outcome = result.terminate ? this.kill(event.process.pid, event.process.start_time) : undefined;
    for (const f of result.findings) {
      const response = this.earlier.get(findingKey(f)) ?? responseOf(f, event, outcome);
      this.add(response ? { ...f, response } : f, event);
    }
  }

  /**
   * Findings of an earlier evaluation of the same events (a job's
   * findings.ndjson, when its report is rebuilt from the log): a finding
   * found again keeps the response it got then.
   */
  recall(findings: readonly Finding[]): void {
    for (const f of findings) if (f.response) this.earlier.set(findingKey(f), f.response);
  }

  private add(finding: Finding, event: EventRecord): void {
    this.found.push(finding);
    this.events.set(event.seq, event);
  }

  findingEvent(seq: number): EventRecord | undefined {
    return this.events.get(seq);
  }

  /** The findings so far, in the order they were found. */
  get findings(): readonly Finding[] {
    return this.found;
  }

  finish(end: { dir: string }): void {
    writeFindingsNdjson(join(end.dir, FINDINGS_FILE), this.found);
    if (this.jobId !== undefined) this.engine.release(this.jobId);
  }
}
