/** The three lifecycle phases, with the error policy of each. */
import * as core from '@actions/core';
import { finishWatching } from './finish.js';
import { blockRequested, ConfigurationError } from './settings.js';
import { startWatching } from './start.js';
import { loadSession, saveSession } from './state.js';

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
    // egress-policy block fails closed: a job that asked for enforcement never runs without it.
    if (blockRequested()) core.setFailed(message);
    else core.warning(message);
    // post reads this and says it in the summary; the job goes on.
    saveSession({ startedBy: phase, notWatching: message });
  }
}

export const runPre = (): Promise<void> => start('pre');

/** main has work only when there was no pre (an action used as `uses: ./`). */
export async function runMain(): Promise<void> {
  if (loadSession()) return;
  await start('main');
}

export async function runPost(): Promise<void> {
  try {
    await finishWatching();
  } catch (err) {
    core.warning(`cicd-sensor: reporting failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  }
}
