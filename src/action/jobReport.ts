/**
 * Where post gets the job's report: from the daemon, over the control
 * socket (the `report` op, src/daemon/reportOp.ts), never by reading back
 * report.json, summary.md or events.ndjson, which live where the job's user
 * can reach them. Only when the daemon cannot answer (it is gone, or was
 * replaced) is the report rebuilt from the events log, and then it says so:
 * those files are the daemon's, but a job with sudo could have rewritten them.
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from '../daemon/client.js';
import { findingsNdjson } from '../findings/ndjson.js';
import { findingPlace, placeData } from '../findings/place.js';
import { SARIF_FILE, sarifText } from '../findings/sarif.js';
import { writeReplacing } from '../platform/noFollow.js';
import { compressIfLarge } from '../report/compress.js';
import { writeReportFiles } from '../report/files.js';
import { reportFromLog } from '../report/fromLog.js';
import type { ReportModel } from '../report/model.js';
import { FINDINGS_FILE } from '../rules/ruleStage.js';
import { findingsFromLog } from './findingsOutcome.js';
import { workspaceDir } from './rules.js';
import type { Settings } from './settings.js';
import type { Session } from './state.js';

export interface JobReport {
  /** The artifact's root: every file is below it. */
  dir: string;
  model: ReportModel;
  /** The artifact's files, absolute. */
  files: string[];
}

type Warn = (message: string) => void;

/** Closes the job and asks the daemon for its report; throws when the daemon cannot give it. */
export async function reportFromDaemon(session: Session, alerts: string[], warn: Warn): Promise<JobReport> {
  const stateDir = session.stateDir!;
  const id = session.jobId!;
  const closed = await request(stateDir, { op: 'unregister', id }, 120_000);
  // Closed before post (by the job itself, or on the daemon's 24 h limit): its report says when and by whom.
  if (!closed.ok) warn(`cicd-sensor: the sensor had closed this job before post (${closed.error})`);
  const place = placeData();
  const r = await request(stateDir, { op: 'report', id, alerts, ...(place ? { place } : {}) }, 120_000);
  if (!r.ok) throw new Error(r.error);
  return { dir: r.dir, model: r.model, files: r.files.map((name) => join(r.dir, name)) };
}

/**
 * The daemon gone: the report rebuilt from its log into a directory of
 * post's own (the job's directory is root's), with the log's findings.
 */
export async function reportRebuilt(session: Session, settings: Settings, alerts: string[]): Promise<JobReport> {
  const jobDir = join(session.stateDir!, 'jobs', session.jobId!);
  const dir = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'cicd-sensor-report-'));
  const untrusted = 'This report was rebuilt by the post step from the events log, because the sensor could not give it: a job with sudo could have rewritten that log.';
  const { model } = await reportFromLog(jobDir, session.jobId, [...(session.notes ?? []), untrusted]);
  model.alerts = [...alerts.map((message) => ({ kind: 'tamper' as const, message })), ...(model.alerts ?? [])];
  const found = findingsFromLog(join(jobDir, 'events.ndjson'), settings, workspaceDir());
  if (found) model.findings = found;
  const paths = writeReportFiles(dir, model);
  const files = [paths.report, paths.summary, paths.html];
  if (existsSync(join(jobDir, 'events.ndjson'))) {
    copyFileSync(join(jobDir, 'events.ndjson'), paths.events);
    files.push(await compressIfLarge(paths.events));
  }
  writeReplacing(join(dir, FINDINGS_FILE), findingsNdjson(model.findings ?? []));
  writeReplacing(join(dir, SARIF_FILE), sarifText(model.findings ?? [], findingPlace()));
  return { dir, model, files: [...files, join(dir, FINDINGS_FILE), join(dir, SARIF_FILE)] };
}
