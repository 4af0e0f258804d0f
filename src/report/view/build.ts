/** The one view of a report (types.ts), built from report.json's model in reading order. */
import type { ReportModel } from '../modelTypes.js';
import { egressSection } from './egress.js';
import { filesSection } from './files.js';
import { containersSection, diagnosticsSection, socketsSection } from './other.js';
import { orderSteps, stepsSection } from './steps.js';
import type { ReportView } from './types.js';
import { verdictSection } from './verdict.js';

export function buildView(model: ReportModel): ReportView {
  const job = model.job;
  const facts = [
    ['workflow', job.workflow],
    ['repository', job.repository],
    ['run', job.run_id],
    ['attempt', job.run_attempt],
  ]
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([label, value]) => ({ label, value }));
  const steps = orderSteps(model);
  return {
    title: job.name ?? job.id,
    facts,
    rowLimit: Math.max(1, model.rowLimit),
    sections: [
      verdictSection(model, steps.locate),
      egressSection(model),
      stepsSection(model, steps),
      filesSection(model),
      containersSection(model),
      socketsSection(model),
      diagnosticsSection(model),
    ],
  };
}
