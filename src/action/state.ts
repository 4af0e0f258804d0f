/** What pre (or main) hands to post, as one typed JSON value in the runner's state. */
import * as core from '@actions/core';
import type { CodeCopy } from './codeCopy.js';
import { StateKey } from './constants.js';

export interface Session {
  /** The step that started watching: 'pre', or 'main' when there was no pre. */
  startedBy: 'pre' | 'main';
  /** Why the sensor is not watching this job (unsupported platform, failed start), when it is not. */
  notWatching?: string;
  stateDir?: string;
  jobId?: string;
  daemonPid?: number;
  /** The daemon's start time (/proc ticks): a restarted daemon has another. */
  daemonStart?: number;
  /** BPF links attached when the job registered. */
  linksAlive?: number;
  startedAt?: string;
  /** Root's copy of the sensor's code (src/action/codeCopy.ts): what post runs through sudo. */
  code?: CodeCopy;
  dockerHost?: string;
  notes?: string[];
  /** The rule files were not in the workspace at pre: the main step loads them. */
  rulesPending?: boolean;
  /** disable-sudo: the token that gives the runner user's sudo back (src/action/disableSudo.ts). */
  sudoToken?: string;
}

export function saveSession(s: Session): void {
  core.saveState(StateKey.Session, JSON.stringify(s));
}

export function loadSession(): Session | undefined {
  const raw = core.getState(StateKey.Session);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return undefined;
  }
}
