/**
 * The workflow file and step lines findings are anchored to, from the
 * runner's environment: GITHUB_WORKFLOW_REF names the file, the checkout in
 * GITHUB_WORKSPACE holds it (when the job checked the repository out), and
 * GITHUB_JOB is the job's key under `jobs:`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../events/finding.js';
import { jobSteps, stepForLabel, workflowFileOf, type WorkflowStep } from './workflowStep.js';

export interface FindingPlace {
  readonly file: string;
  readonly lineOf: (f: Finding) => number | undefined;
}

/** The place as data: what post sends the daemon, which writes findings.sarif (src/daemon/reportOp.ts). */
export interface PlaceData {
  readonly file: string;
  readonly steps: WorkflowStep[];
}

export function placeData(
  env: NodeJS.ProcessEnv = process.env,
  read: (path: string) => string | undefined = (p) => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
): PlaceData | undefined {
  const file = workflowFileOf(env.GITHUB_WORKFLOW_REF);
  if (file === undefined) return undefined;
  const text = env.GITHUB_WORKSPACE ? read(join(env.GITHUB_WORKSPACE, file)) : undefined;
  return { file, steps: text !== undefined && env.GITHUB_JOB ? jobSteps(text, env.GITHUB_JOB) : [] };
}

export const placeOf = ({ file, steps }: PlaceData): FindingPlace => ({ file, lineOf: (f) => stepForLabel(steps, f.step?.label)?.line });

export function findingPlace(env: NodeJS.ProcessEnv = process.env, read?: (path: string) => string | undefined): FindingPlace | undefined {
  const data = placeData(env, read);
  return data && placeOf(data);
}
