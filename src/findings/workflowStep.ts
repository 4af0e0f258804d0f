/**
 * Where a step is in its workflow file, for annotations and SARIF results.
 * The tracker labels a step by what the runner ran (src/kerneltracker/steps.ts):
 * `uses: owner/repo@ref` from the action's directory, or `run: ` and the
 * first line of the step's script. The job's steps, parsed with a YAML
 * library, are matched against that label in order: the first step it fits
 * is the one, and its position among the job's steps gives the line.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';

export interface WorkflowStep {
  /** position among the job's steps, from 0 */
  readonly index: number;
  /** 1-based line of the step's `-` entry */
  readonly line: number;
  readonly uses?: string;
  readonly run?: string;
}

/** The workflow file from GITHUB_WORKFLOW_REF (`owner/repo/.github/workflows/ci.yml@refs/heads/main`). */
export function workflowFileOf(ref: string | undefined): string | undefined {
  const match = ref === undefined ? null : /^[^/]+\/[^/]+\/(.+?)@[^@]*$/.exec(ref);
  return match?.[1];
}

/** The steps of job `jobId` (the key under `jobs:`, GITHUB_JOB), or [] when it has none or the text is not a workflow. */
export function jobSteps(workflowText: string, jobId: string): WorkflowStep[] {
  const counter = new LineCounter();
  const doc = parseDocument(workflowText, { lineCounter: counter });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const jobs = doc.contents.get('jobs', true);
  const job = isMap(jobs) ? jobs.get(jobId, true) : undefined;
  const steps = isMap(job) ? job.get('steps', true) : undefined;
  if (!isSeq(steps)) return [];
  return steps.items.map((item, index) => {
    const step = item as YAMLMap;
    const text = (key: string): string | undefined => {
      const v = isMap(step) ? step.get(key, true) : undefined;
      return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
    };
    const range = (item as { range?: [number, number, number] }).range;
    const uses = text('uses');
    const run = text('run');
    return { index, line: counter.linePos(range?.[0] ?? 0).line, ...(uses ? { uses } : {}), ...(run ? { run } : {}) };
  });
}

const firstLine = (script: string): string => script.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';

function fits(step: WorkflowStep, label: string): boolean {
  if (label.startsWith('uses: ') && step.uses) {
    const at = label.lastIndexOf('@');
    const repo = label.slice('uses: '.length, at);
    const ref = label.slice(at + 1);
    return (step.uses === `${repo}@${ref}`) || (step.uses.startsWith(`${repo}/`) && step.uses.endsWith(`@${ref}`));
  }
  if (label.startsWith('run: ') && step.run) {
    const shown = label.slice('run: '.length);
    const line = firstLine(step.run);
    // steps.ts clips long labels with an ellipsis
    return shown.endsWith('…') ? line.startsWith(shown.slice(0, -1)) : line === shown;
  }
  return false;
}

/** The first of the job's steps the label fits. */
export function stepForLabel(steps: readonly WorkflowStep[], label: string | undefined): WorkflowStep | undefined {
  return label === undefined ? undefined : steps.find((s) => fits(s, label));
}
