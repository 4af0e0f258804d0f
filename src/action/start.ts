/**
 * Starting to watch the job (pre, or main when the action got no pre step):
 * check the platform, start or reuse the root daemon, register this job by
 * the step's own pid (the daemon finds Runner.Worker from there), point
 * later steps' Docker at the proxy, and leave post what it needs.
 */
import * as core from '@actions/core';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from '../daemon/client.js';
import { DEFAULT_STATE_DIR, defaultDaemonOptions } from '../daemon/options.js';
import { EnvVar } from './constants.js';
import { copyCode, type CodeCopy } from './codeCopy.js';
import { processStart } from './daemonProcess.js';
import { disableSudo } from './disableSudo.js';
import { jobIdentity } from './identity.js';
import { launchDaemon } from './launch.js';
import { checkActionPlatform, type ActionPlatform } from './platform.js';
import { sensorSource } from './sensorSource.js';
import { rulesAfterCheckout, rulesAtRegistration, workspaceDir, type ActionRules } from './rules.js';
import { egressRequest, getSettings, type Settings } from './settings.js';
import { saveSession, type Session } from './state.js';

const bundleDir = (): string => dirname(fileURLToPath(import.meta.url));

async function daemonAnswers(stateDir: string): Promise<boolean> {
  try {
    return (await request(stateDir, { op: 'stats' }, 5000)).ok;
  } catch {
    return false;
  }
}

/** Rules before the daemon starts, so a bad rule file fails the step with nothing started. */
function jobRules(settings: Settings, phase: 'pre' | 'main'): ActionRules {
  const hasRules = settings.rules.length + settings.ruleModifiers.length > 0;
  // main runs where the user placed it, after checkout: the files must be there.
  if (phase === 'main' && hasRules) return { payload: rulesAfterCheckout(settings, workspaceDir()), pending: false };
  return rulesAtRegistration(settings, workspaceDir());
}

/**
 * Root's copy of the code, and a daemon started from it unless one answers
 * already. Root runs only that copy, now and in post (stopping the daemon):
 * the job cannot rewrite it.
 */
async function ensureDaemon(settings: Settings, platform: ActionPlatform, stateDir: string): Promise<CodeCopy> {
  const timeoutMs = Number(process.env[EnvVar.ReadyTimeout] || 30) * 1000;
  const started = Date.now();
  const source = await sensorSource(settings, bundleDir());
  const code = await copyCode(platform, source.dir, source.entries);
  if (!(await daemonAnswers(stateDir))) {
    // The proxy also takes over the default docker socket: a job's `sudo docker` and SDKs ignore DOCKER_HOST.
    const daemon = defaultDaemonOptions({
      stateDir,
      dockerProxy: settings.dockerProxy,
      interposeDocker: settings.dockerProxy,
      noTlsRequests: !settings.tlsRequests,
    });
    await launchDaemon(platform, code, daemon, timeoutMs);
  }
  core.info(`cicd-sensor: daemon ready after ${Date.now() - started} ms`);
  return code;
}

export async function startWatching(phase: 'pre' | 'main'): Promise<void> {
  const settings = getSettings();
  const notes = phase === 'main' ? ['The action ran without its pre step: steps before it were not observed.'] : [];
  const rules = jobRules(settings, phase);
  const platform = await checkActionPlatform();
  if (platform.missing.length) {
    const message = `cicd-sensor cannot watch this job; missing: ${platform.missing.join(', ')}`;
    saveSession({ startedBy: phase, notWatching: message, notes });
    if (settings.failOnUnsupported || settings.egress?.mode === 'block') core.setFailed(message);
    else core.warning(message);
    return;
  }
  const stateDir = process.env[EnvVar.StateDir] || DEFAULT_STATE_DIR;
  const code = await ensureDaemon(settings, platform, stateDir);
  const job = jobIdentity();
  // The daemon writes these into the job's report itself: summary.md is rendered once, with them.
  const reply = await request(stateDir, {
    op: 'register',
    job,
    pid: process.pid,
    notes: [...notes],
    protect: settings.protectRunner,
    // The artifact's summary.md is the daemon's: it has the job's rows from the start.
    summaryRows: settings.summaryRows,
    ...(rules.payload ? { rules: rules.payload } : {}),
    ...(settings.egress ? { egress: egressRequest(settings.egress) } : {}),
  });
  if (!reply.ok) throw new Error(`the sensor refused to register this job: ${reply.error}`);
  if (reply.note !== undefined) notes.push(reply.note);
  const stats = await request(stateDir, { op: 'stats' });
  const daemonPid = stats.ok ? stats.pid : undefined;
  const session: Session = {
    startedBy: phase,
    stateDir,
    jobId: job.id,
    daemonPid,
    daemonStart: daemonPid ? processStart(daemonPid) : undefined,
    linksAlive: stats.ok ? stats.linksAlive : undefined,
    startedAt: new Date().toISOString(),
    code,
    notes,
    ...(rules.pending ? { rulesPending: true } : {}),
    ...(settings.disableSudo ? { sudoToken: await disableSudo(stateDir, job.id) } : {}),
  };
  if (settings.dockerProxy && reply.dockerHost !== undefined) {
    core.exportVariable('DOCKER_HOST', reply.dockerHost);
    session.dockerHost = reply.dockerHost;
  }
  saveSession(session);
  core.info(`cicd-sensor: watching job ${job.id} (cgroup ${String(reply.cgroup)})`);
  if (rules.pending) core.info('cicd-sensor: the rule files are not checked out yet: the action\'s step loads them (place it after actions/checkout)');
}
