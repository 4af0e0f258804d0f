/** Writes a finished job's report files next to its events log. */
import { writeReplacing } from '../platform/noFollow.js';
import { join } from 'node:path';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { ReportModel } from './model.js';
import { buildView } from './view/build.js';
import type { ReportView } from './view/types.js';

/** The recommended allowed-endpoints, beside the summary (a ready --allowed-endpoints-file). */
export const ALLOWED_ENDPOINTS_FILE = 'allowed-endpoints.txt';

export interface ReportPaths {
  events: string;
  summary: string;
  report: string;
  html: string;
}

/** `view`: the model's view when the caller has it already (it renders the terminal text from it too). */
export function writeReportFiles(dir: string, model: ReportModel, view: ReportView = buildView(model)): ReportPaths {
  const paths = {
    events: join(dir, 'events.ndjson'),
    summary: join(dir, 'summary.md'),
    report: join(dir, 'report.json'),
    html: join(dir, 'report.html'),
  };
  // Replaced, never written through: a link planted under any of these names is not followed.
  writeReplacing(paths.summary, renderMarkdown(model, {}, view));
  writeReplacing(paths.report, JSON.stringify(model, null, 2) + '\n');
  writeReplacing(paths.html, renderHtml(model, view));
  if (model.egress) writeReplacing(join(dir, ALLOWED_ENDPOINTS_FILE), model.egress.recommended);
  return paths;
}
