/**
 * post: close the job and tell its owner what it did. Every failure here is
 * reported as a warning and in the summary; post never fails the job for
 * its own trouble, only for findings at or above the user's `fail-on`.
 */
import * as core from '@actions/core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from '../daemon/client.js';
import { giveSudoBack } from './disableSudo.js';
import type { StatsReply } from '../daemon/protocol.js';
import { htmlText } from '../report/escape.js';
import { ALLOWED_ENDPOINTS_FILE, writeReportFiles } from '../report/files.js';
import { reportFromLog } from '../report/fromLog.js';
import { renderMarkdown } from '../report/markdown.js';
import type { ReportAlert, ReportModel } from '../report/model.js';
import { compressIfLarge, uploadReport } from './artifact.js';
import { Output } from './constants.js';
import { checkTamper } from './daemonProcess.js';
import { findingsFromLogIfMissing, publishFindings } from './findingsOutcome.js';
import { getSettings, type Settings } from './settings.js';
import { workspaceDir } from './rules.js';
import { loadSession, type Session } from './state.js';

const warnings: string[] = [];

function warn(message: string): void {
  warnings.push(message);
  core.warning(message);
}

async function stats(stateDir: string): Promise<StatsReply | undefined> {
  try {
    const r = await request(stateDir, { op: 'stats' }, 10_000);
    return r.ok ? r : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Only root may stop the daemon (a job must not be able to switch the
 * sensor off for the jobs beside it), so a post step running as the
 * runner's user asks through sudo, as pre started it.
 */
async function stopDaemon(stateDir: string): Promise<void> {
  if (process.getuid?.() === 0) {
    const r = await request(stateDir, { op: 'stop' });
    if (!r.ok) throw new Error(r.error);
    return;
  }
  const cli = join(dirname(fileURLToPath(import.meta.url)), 'cli.js');
  execFileSync('sudo', ['-n', process.execPath, cli, 'daemon', 'stop', '--state-dir', stateDir], { stdio: 'pipe', timeout: 60_000 });
}

/** Closes the job in the daemon, or, with the daemon gone, rebuilds the report from its log. */
async function closeJob(session: Session): Promise<{ dir: string; model: ReportModel }> {
  const stateDir = session.stateDir!;
  const dir = join(stateDir, 'jobs', session.jobId!);
  try {
    const r = await request(stateDir, { op: 'unregister', id: session.jobId! }, 120_000);
    if (!r.ok) throw new Error(r.error);
  } catch (err) {
    warn(`cicd-sensor: could not close the job in the sensor (${(err as Error).message}); the report is rebuilt from the events log`);
    const { model } = await reportFromLog(dir, session.jobId, session.notes);
    writeReportFiles(dir, model);
  }
  return { dir, model: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ReportModel };
}

/** A warning block for the summary; the text may come from elsewhere (a daemon's log), so it cannot break out of the block. */
const warningNote = (text: string): string => `> [!WARNING]\n> ${htmlText(text, 2000)}`;

function header(): string {
  return warnings.length ? `${warnings.map(warningNote).join('\n\n')}\n\n` : '';
}

/** Tamper signals go into the model, so the verdict of every rendering shows them. */
function disturbance(session: Session, problems: string[]): ReportAlert | undefined {
  if (problems.length === 0) return undefined;
  const when = `between ${session.startedAt ?? 'the start'} and ${new Date().toISOString()}`;
  const message = `The sensor was disturbed during this job: ${problems.join('; ')}. Activity ${when} may be missing from this report.`;
  return { kind: 'tamper', message };
}

async function publish(settings: Settings, session: Session, problems: string[]): Promise<void> {
  const { dir, model } = await closeJob(session);
  const alert = disturbance(session, problems);
  if (alert !== undefined) model.alerts = [alert, ...(model.alerts ?? [])];
  model.rowLimit = settings.summaryRows;
  findingsFromLogIfMissing(dir, settings, workspaceDir());
  const outcome = publishFindings(dir, settings.failOn);
  // A report rebuilt from the log (the daemon gone) has none of its own.
  if (model.findings === undefined && outcome.findings.length > 0) model.findings = outcome.findings;
  const files = [await compressIfLarge(join(dir, 'events.ndjson')), join(dir, 'report.json'), join(dir, 'summary.md'), ...outcome.files];
  if (existsSync(join(dir, ALLOWED_ENDPOINTS_FILE))) files.push(join(dir, ALLOWED_ENDPOINTS_FILE));
  try {
    const { renderHtml } = await import('../report/html.js');
    writeFileSync(join(dir, 'report.html'), renderHtml(model));
    files.push(join(dir, 'report.html'));
  } catch (err) {
    warn(`cicd-sensor: report.html could not be written: ${(err as Error).message}`);
  }
  let artifactNote: string | undefined;
  if (settings.uploadArtifact) {
    const up = await uploadReport(settings.artifactName, files.filter(existsSync), dir, settings.artifactRetentionDays);
    if (up.id !== undefined) {
      core.setOutput(Output.ArtifactId, String(up.id));
      artifactNote = `Everything is in the artifact **${settings.artifactName}**.`;
    } else warn(`cicd-sensor: artifact not uploaded: ${up.error}; the files stay in ${dir}`);
  }
  core.setOutput(Output.ReportDir, dir);
  core.setOutput(Output.Events, String(model.events.total));
  core.setOutput(Output.Lost, String(model.status.lostRecords));
  if (settings.jobSummary) {
    const budget = 1_000_000 - 8_192; // room for the header under GitHub's 1 MiB
    await core.summary.addRaw(header() + renderMarkdown(model, { maxBytes: budget, artifactNote })).write();
  }
  // The one failure post may cause: the user asked for it with fail-on.
  if (outcome.failure) core.setFailed(outcome.failure);
}

export async function finishWatching(): Promise<void> {
  const session = loadSession();
  let settings: Settings;
  try {
    settings = getSettings();
  } catch (err) {
    warn(`cicd-sensor: ${(err as Error).message}`);
    return;
  }
  if (!session) {
    const message = 'cicd-sensor: nothing to report: the sensor was not started in this job (its pre/main step did not run)';
    warn(message);
    if (settings.jobSummary) await core.summary.addRaw(`${warningNote(`${message}.`)}\n`).write();
    return;
  }
  if (session.notWatching) {
    if (settings.jobSummary) await core.summary.addRaw(`${warningNote(`${session.notWatching}. Nothing was recorded.`)}\n`).write();
    return;
  }
  await giveSudoBack(session);
  const before = await stats(session.stateDir!);
  const { problems } = checkTamper(session, before);
  for (const p of problems) core.warning(`cicd-sensor: ${p}`);
  await publish(settings, session, problems);
  const after = await stats(session.stateDir!);
  if (after && Array.isArray(after.jobs) && after.jobs.length === 0) {
    try {
      await stopDaemon(session.stateDir!);
    } catch (err) {
      warn(`cicd-sensor: could not stop the sensor daemon: ${(err as Error).message}`);
    }
  }
}
