/** The three lifecycle phases, with the error policy of each. */
import * as core from '@actions/core';
import { sudoDisableRequested } from './disableSudo.js';
import { finishWatching } from './finish.js';
import { loadPendingRules, workspaceDir } from './rules.js';
import { blockRequested, ConfigurationError, getSettings } from './settings.js';
import { startWatching } from './start.js';
import { loadSession, saveSession, type Session } from './state.js';

async function start(phase: 'pre' | 'main'): Promise<void> {
  try {
    await startWatching(phase);
  } catch (err) {
    // A user's mistake fails the step; the sensor's own trouble only warns, the job goes on.
    if (err instanceof ConfigurationError) {
      core.setFailed(err.message);
      return;
    }
    const message = `cicd-sensor could not start watching this job: ${err instanceof Error ? err.message : String(err)}`;
    // egress-policy block and disable-sudo fail closed: a job that asked for them never runs without.
    if (blockRequested() || sudoDisableRequested()) core.setFailed(message);
    else core.warning(message);
    // post reads this and says it in the summary; the job goes on.
    saveSession({ startedBy: phase, notWatching: message });
  }
}

export const runPre = (): Promise<void> => start('pre');

/** The repository's rule files, once checked out; a bad one fails the step, the sensor's trouble warns. */
async function loadRules(session: Session): Promise<void> {
  try {
    await loadPendingRules(session.stateDir!, session.jobId!, getSettings(), workspaceDir());
  } catch (err) {
    if (err instanceof ConfigurationError) {
      core.setFailed(err.message);
      return;
    }
    core.warning(`cicd-sensor could not load the rule files: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** main starts watching when there was no pre (an action used as `uses: ./`), and loads rule files pre could not see. */
export async function runMain(): Promise<void> {
  const session = loadSession();
  if (!session) return start('main');
  if (session.rulesPending && session.jobId) await loadRules(session);
}

export async function runPost(): Promise<void> {
  try {
    await finishWatching();
  } catch (err) {
    core.warning(`cicd-sensor: reporting failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  }
}
