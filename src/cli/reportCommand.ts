/**
 * `cicd-sensor report --job-dir DIR`: a report from a job's log alone. The
 * findings are recomputed: every event of the log goes through the rules
 * again (the built-in set and the files given with --rules), as the job's
 * pipeline did, so a report rebuilt after a crash, or with a rule written
 * since, shows what the rules find in the log and each finding's event. A
 * finding the run had already acted on (findings.ndjson) keeps what was done
 * then; nothing is done to any process now.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EventRecord } from '../events/eventRecord.js';
import type { Finding } from '../events/finding.js';
import type { EventStage } from '../recording/eventStage.js';
import { readFindings } from '../findings/readFindings.js';
import { writeReportFiles } from '../report/files.js';
import { reportFromLog } from '../report/fromLog.js';
import { renderText } from '../report/text.js';
import { jobEngine } from '../rules/jobRules.js';
import { FINDINGS_FILE, RuleStage } from '../rules/ruleStage.js';
import { RuleLoadError } from '../rules/specs.js';
import type { ReportCommandOptions } from './args.js';

/** Without rules: the findings the run wrote, shown with the events they point at. */
class RecordedFindings implements EventStage {
  private readonly seqs: Set<number>;
  private readonly events = new Map<number, EventRecord>();

  constructor(readonly findings: readonly Finding[]) {
    this.seqs = new Set(findings.map((f) => f.seq));
  }

  onEvent(event: EventRecord): void {
    if (this.seqs.has(event.seq)) this.events.set(event.seq, event);
  }

  findingEvent(seq: number): EventRecord | undefined {
    return this.events.get(seq);
  }
}


const recomputes = (o: ReportCommandOptions): boolean => o.builtinRules || o.rules.length > 0;

const REPLAYED = { killed: false, detail: 'recomputed from events.ndjson: nothing done now' } as const;

/** The stage giving the job's findings ('bad': the rules do not load, the problems printed). */
function findingsStage(o: ReportCommandOptions): EventStage | undefined | 'bad' {
  const recorded = readFindings(join(o.jobDir, FINDINGS_FILE));
  if (!recomputes(o)) return existsSync(join(o.jobDir, FINDINGS_FILE)) ? new RecordedFindings(recorded.findings) : undefined;
  let stage: RuleStage;
  try {
    stage = new RuleStage(jobEngine({ files: o.rules, monitorMode: o.monitorMode, builtin: o.builtinRules }), () => REPLAYED);
  } catch (err) {
    if (!(err instanceof RuleLoadError)) throw err;
    process.stderr.write(`${err.message}\ncicd-sensor: ${err.problems.length} problem(s) in the rule files\n`);
    return 'bad';
  }
  stage.recall(recorded.findings);
  return stage;
}

export async function reportCommand(o: ReportCommandOptions): Promise<number> {
  if (!existsSync(join(o.jobDir, 'events.ndjson'))) {
    process.stderr.write(`cicd-sensor: ${o.jobDir} has no events.ndjson\n`);
    return 2;
  }
  const stage = findingsStage(o);
  if (stage === 'bad') return 1;
  const { model, endedEarly } = await reportFromLog(o.jobDir, 'unknown', [], stage === undefined ? [] : [stage]);
  const paths = writeReportFiles(o.jobDir, model);
  process.stderr.write(`${renderText(model)}\n`);
  if (endedEarly) process.stderr.write('cicd-sensor: WARNING: the sensor stopped before the job ended; the report is incomplete\n');
  const findings = !recomputes(o) ? '' : `, findings: ${join(o.jobDir, FINDINGS_FILE)} (${model.findings?.length ?? 0})`;
  process.stderr.write(`cicd-sensor: summary: ${paths.summary}, page: ${paths.html}${findings}\n`);
  return 0;
}
