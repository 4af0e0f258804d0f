/** Writes a finished job's report files next to its events log. */
import { writeReplacing } from '../platform/noFollow.js';
import { join } from 'node:path';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { ReportModel } from './model.js';

/** The recommended allowed-endpoints, beside the summary (a ready --allowed-endpoints-file). */
export const ALLOWED_ENDPOINTS_FILE = 'allowed-endpoints.txt';

export interface ReportPaths {
  events: string;
  summary: string;
  report: string;
  html: string;
}

export function writeReportFiles(dir: string, model: ReportModel): ReportPaths {
  const paths = {
    events: join(dir, 'events.ndjson'),
    summary: join(dir, 'summary.md'),
    report: join(dir, 'report.json'),
    html: join(dir, 'report.html'),
  };
  // Replaced, never written through: a link planted under any of these names is not followed.
  writeReplacing(paths.summary, renderMarkdown(model));
  writeReplacing(paths.report, JSON.stringify(model, null, 2) + '\n');
  writeReplacing(paths.html, renderHtml(model));
  if (model.egress) writeReplacing(join(dir, ALLOWED_ENDPOINTS_FILE), model.egress.recommended);
  return paths;
}
