/** findings.ndjson read back (post, `report`): a torn or foreign line is counted, not trusted. */
import { existsSync, readFileSync } from 'node:fs';
import type { Finding } from '../events/finding.js';

export interface ReadFindings {
  readonly findings: Finding[];
  readonly unreadable: number;
}

export function readFindings(path: string): ReadFindings {
  if (!existsSync(path)) return { findings: [], unreadable: 0 };
  const findings: Finding[] = [];
  let unreadable = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const f = JSON.parse(line) as Finding;
      if (typeof f.rule_id === 'string' && typeof f.seq === 'number') findings.push(f);
      else unreadable++;
    } catch {
      unreadable++;
    }
  }
  return { findings, unreadable };
}
