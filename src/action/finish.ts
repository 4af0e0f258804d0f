/**
 * post: close the job and tell its owner what it did. Every failure here is
 * reported as a warning and in the summary; post never fails the job for
 * its own trouble, only for findings at or above the user's `fail-on`.
 */
import * as core from '@actions/core';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { request } from '../daemon/client.js';
import { giveSudoBack } from './disableSudo.js';
import type { StatsReply } from '../daemon/protocol.js';
import { htmlText } from '../report/escape.js';
import { renderMarkdown } from '../report/markdown.js';
import { uploadReport } from './artifact.js';
import { Output } from './constants.js';
import { rootOnly } from '../platform/rootOnly.js';
import { checkTamper } from './daemonProcess.js';
import { publishFindings } from './findingsOutcome.js';
import { reportFromDaemon, reportRebuilt, type JobReport } from './jobReport.js';
import { getSettings, type Settings } from './settings.js';
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
 * runner's user asks through sudo, as pre started it, and runs root's copy
 * of the code pre made: never the action's own files, which the job could
 * have rewritten since.
 */
async function stopDaemon(session: Session): Promise<void> {
  const stateDir = session.stateDir!;
  if (process.getuid?.() === 0) {
    const r = await request(stateDir, { op: 'stop' });
    if (!r.ok) throw new Error(r.error);
    return;
  }
  const code = session.code;
  const cli = code && join(code.dir, 'cli.js');
  if (!code || !cli || !rootOnly(cli) || !rootOnly(code.node)) {
    throw new Error(`root's copy of the sensor's code (${code?.dir ?? 'none'}) is missing or could be changed by others; it is not run as root`);
  }
  execFileSync('sudo', ['-n', code.node, cli, 'daemon', 'stop', '--state-dir', stateDir], { stdio: 'pipe', timeout: 60_000 });
}

/** The job's report from the daemon, or, with the daemon gone, rebuilt from its log. */
async function jobReport(settings: Settings, session: Session, alerts: string[]): Promise<JobReport> {
  try {
    return await reportFromDaemon(session, alerts, warn);
  } catch (err) {
    warn(`cicd-sensor: could not get the report from the sensor (${(err as Error).message}); it is rebuilt from the events log`);
    return reportRebuilt(session, settings, alerts);
  }
}

/** A warning block for the summary; the text may come from elsewhere (a daemon's log), so it cannot break out of the block. */
const warningNote = (text: string): string => `> [!WARNING]\n> ${htmlText(text, 2000)}`;

function header(): string {
  return warnings.length ? `${warnings.map(warningNote).join('\n\n')}\n\n` : '';
}

/** Tamper signals go into the model (the daemon adds them), so the verdict of every rendering shows them. */
function disturbance(session: Session, problems: string[]): string[] {
  if (problems.length === 0) return [];
  const when = `between ${session.startedAt ?? 'the start'} and ${new Date().toISOString()}`;
  return [`The sensor was disturbed during this job: ${problems.join('; ')}. Activity ${when} may be missing from this report.`];
}

/** Uploads the report's files; the note for the summary, or undefined. */
async function upload(settings: Settings, report: JobReport): Promise<string | undefined> {
  if (!settings.uploadArtifact) return undefined;
  const up = await uploadReport(settings.artifactName, report.files, report.dir, settings.artifactRetentionDays);
  if (up.id === undefined) {
    warn(`cicd-sensor: artifact not uploaded: ${up.error}; the files stay in ${report.dir}`);
    return undefined;
  }
  core.setOutput(Output.ArtifactId, String(up.id));
  return `Everything is in the artifact **${settings.artifactName}**.`;
}

async function publish(settings: Settings, session: Session, problems: string[]): Promise<void> {
  const report = await jobReport(settings, session, disturbance(session, problems));
  const { model } = report;
  const outcome = publishFindings(model.findings ?? [], settings.failOn);
  const artifactNote = await upload(settings, report);
  core.setOutput(Output.ReportDir, report.dir);
  core.setOutput(Output.Events, String(model.events.total));
  core.setOutput(Output.Lost, String(model.status.lostRecords));
  if (settings.jobSummary) {
    model.rowLimit = settings.summaryRows;
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
      await stopDaemon(session);
    } catch (err) {
      warn(`cicd-sensor: could not stop the sensor daemon: ${(err as Error).message}`);
    }
  }
}
