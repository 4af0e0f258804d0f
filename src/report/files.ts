/** Writes a finished job's report files next to its events log. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown } from './markdown.js';
import type { ReportModel } from './model.js';

export interface ReportPaths {
  events: string;
  summary: string;
  report: string;
}

export function writeReportFiles(dir: string, model: ReportModel): ReportPaths {
  const paths = {
    events: join(dir, 'events.ndjson'),
    summary: join(dir, 'summary.md'),
    report: join(dir, 'report.json'),
  };
  writeFileSync(paths.summary, renderMarkdown(model));
  writeFileSync(paths.report, JSON.stringify(model, null, 2) + '\n');
  return paths;
}
