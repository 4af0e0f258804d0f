/**
 * The `report` op: post's source of truth. A job's files live where the
 * runner's user can reach them, and on a runner with sudo it can rewrite
 * them, so post does not read them back: it asks the daemon, which kept the
 * finished job's model in memory, for the model and for the list of files
 * the artifact is made of. Every one of those files is written here or at
 * unregister by the daemon, root's, in the job's root-owned sticky
 * directory (src/platform/noFollow.ts): the runner can neither replace nor
 * change them, and a file it planted under another name is never listed.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { placeOf } from '../findings/place.js';
import { SARIF_FILE, sarifText } from '../findings/sarif.js';
import { writeReplacing } from '../platform/noFollow.js';
import { compressIfLarge } from '../report/compress.js';
import { ALLOWED_ENDPOINTS_FILE, writeReportFiles } from '../report/files.js';
import type { ReportModel } from '../report/model.js';
import { FINDINGS_FILE } from '../rules/ruleStage.js';
import type { ReportReply, ReportRequest } from './protocol.js';

/** Finished jobs whose model is kept; an older one's report is refused (its files stay on disk). */
const HELD = 64;

interface Held {
  dir: string;
  model: ReportModel;
  /** Alerts post sent already: sent again, they are not added twice. */
  alerts: Set<string>;
}

/** A file the daemon wrote: a regular file of root's (an entry the job planted is neither). */
function daemonFile(path: string): boolean {
  try {
    const st = lstatSync(path);
    return st.isFile() && st.uid === process.getuid?.();
  } catch {
    return false;
  }
}

export class FinishedReports {
  private readonly held = new Map<string, Held>();

  /** A job just unregistered: its model as its report files hold it. */
  add(id: string, dir: string, model: ReportModel): void {
    this.held.set(id, { dir, model, alerts: new Set() });
    while (this.held.size > HELD) this.held.delete(this.held.keys().next().value!);
  }

  async report(req: ReportRequest): Promise<Omit<ReportReply, 'ok'>> {
    const held = this.held.get(req.id);
    if (!held) throw new Error(`job ${req.id} is still registered, or its report is no longer held by the daemon (it keeps the last ${HELD} jobs')`);
    const { dir, model } = held;
    const fresh = (req.alerts ?? []).filter((message) => !held.alerts.has(message));
    if (fresh.length > 0) {
      for (const message of fresh) held.alerts.add(message);
      model.alerts = [...fresh.map((message) => ({ kind: 'tamper' as const, message })), ...(model.alerts ?? [])];
      writeReportFiles(dir, model);
    }
    writeReplacing(join(dir, SARIF_FILE), sarifText(model.findings ?? [], req.place && placeOf(req.place)));
    const events = await compressIfLarge(join(dir, 'events.ndjson'));
    const names = [events.slice(dir.length + 1), 'report.json', 'summary.md', 'report.html', SARIF_FILE, FINDINGS_FILE];
    if (model.egress) names.push(ALLOWED_ENDPOINTS_FILE);
    return { id: req.id, dir, model, files: names.filter((name) => daemonFile(join(dir, name))) };
  }
}
