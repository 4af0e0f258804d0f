/** findings.ndjson: one Finding per line (shared/finding.schema.json), in the order they were found. */
import { writeReplacing } from '../platform/noFollow.js';
import type { Finding } from '../events/finding.js';

export function findingsNdjson(findings: readonly Finding[]): string {
  return findings.map((f) => `${JSON.stringify(f)}\n`).join('');
}

export function writeFindingsNdjson(path: string, findings: readonly Finding[]): void {
  writeReplacing(path, findingsNdjson(findings));
}
