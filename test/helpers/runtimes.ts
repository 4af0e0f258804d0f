/** The Node runtimes the action's committed dist/ is tested under: the project's own, and the one action.yml names. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/** Installed by scripts/ensure-node24.sh (npm test runs it). */
export const NODE24 = join(repoRoot, '.cache', 'node24', 'node_modules', '.bin', 'node');

export function actionRuntimes(): [string, string][] {
  if (!existsSync(NODE24)) throw new Error(`${NODE24} is missing: bash scripts/ensure-node24.sh (npm test does this)`);
  return [
    [`Node ${process.versions.node} (the project's)`, process.execPath],
    ['Node 24 (action.yml)', NODE24],
  ];
}
