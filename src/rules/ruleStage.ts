/**
 * The rule engine as a stage of a job's pipeline (src/recording's
 * EventStage): every event evaluated in log order as it is recorded; a
 * terminate hit stops the event's process before the next event is looked
 * at, and the finding says what was done. At the job's end the findings go
 * to findings.ndjson and the engine forgets the job.
 */
import { join } from 'node:path';
import type { EventRecord } from '../events/eventRecord.js';
import type { Finding } from '../events/finding.js';
import { writeFindingsNdjson } from '../findings/ndjson.js';
import type { RuleEngine } from './engine.js';
import { type KillOutcome, killProcess } from './terminate.js';

export type Killer = (pid: number, startTime?: string) => KillOutcome;

export const FINDINGS_FILE = 'findings.ndjson';

export class RuleStage {
  private readonly found: Finding[] = [];
  private jobId: string | undefined;

  constructor(
    private readonly engine: RuleEngine,
    private readonly kill: Killer = killProcess,
  ) {}

  onEvent(event: EventRecord): void {
    this.jobId ??= event.job.id;
    const result = this.engine.evaluate(event);
    if (result.findings.length === 0 && !result.terminate) return;
    const outcome = result.terminate ? this.kill(event.process.pid, event.process.start_time) : undefined;
    for (const f of result.findings) {
      const finding = f.action === 'terminate' && outcome ? { ...f, response: { kind: outcome.killed ? 'killed' : 'none', detail: outcome.detail } as const } : f;
      this.found.push(finding);
    }
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
