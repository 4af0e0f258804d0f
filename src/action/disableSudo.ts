/**
 * disable-sudo in the action: pre asks the daemon to remove the runner
 * user's sudo once the job is registered (the steps that follow cannot stop
 * the sensor or lift its policy with it), and post asks for it back with
 * the token pre kept in the action's state. The daemon does both as root
 * (src/daemon/sudo.ts): after pre, nothing in the job has sudo to do it with.
 */
import * as core from '@actions/core';
import { request } from '../daemon/client.js';
import { Input } from './constants.js';
import type { Session } from './state.js';

/**
 * Removes the runner user's sudo for the rest of the job; the token that
 * gives it back. When it cannot, the job is closed again and this throws:
 * pre fails (entry.ts), as a job that asked for it must not run with sudo.
 */
export async function disableSudo(stateDir: string, jobId: string): Promise<string> {
  const r = await request(stateDir, { op: 'sudo', id: jobId, disable: true });
  if (r.ok && typeof r.token === 'string') {
    core.info(`cicd-sensor: the runner user's sudo is removed until the job ends (${String(r.file)})`);
    return r.token;
  }
  await request(stateDir, { op: 'unregister', id: jobId }).catch(() => undefined);
  throw new Error(`disable-sudo: ${r.ok ? 'the sensor did not answer with a token' : r.error}`);
}

/** disable-sudo was asked for: a pre that cannot do it fails the step. */
export const sudoDisableRequested = (): boolean => core.getInput(Input.DisableSudo).trim().toLowerCase() === 'true';

/** Gives the runner user its sudo back (post); a failure warns (the daemon gives it back at the job's end anyway). */
export async function giveSudoBack(session: Session): Promise<void> {
  if (!session.sudoToken || !session.stateDir || !session.jobId) return;
  try {
    const r = await request(session.stateDir, { op: 'sudo', id: session.jobId, disable: false, token: session.sudoToken });
    if (!r.ok) throw new Error(r.error);
    core.info(`cicd-sensor: the runner user's sudo is ${r.restored ? 'given back' : 'not removed any more'}`);
  } catch (err) {
    core.warning(`cicd-sensor: could not give the runner user's sudo back: ${(err as Error).message}; the sensor gives it back when the job closes or the daemon stops`);
  }
}
