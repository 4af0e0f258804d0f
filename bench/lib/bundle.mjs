// TypeScript the bench reuses from src/ and test/ (the report builder, the
// tests' dockerd helper), bundled with esbuild into the temp dir and imported.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './proc.mjs';
import { REPO } from './sensor.mjs';

/** Bundles REPO/entry into tmp/outName (an ES module) and returns its path. */
export async function bundleTs(tmp, entry, outName) {
  const esbuild = join(REPO, 'node_modules', '.bin', 'esbuild');
  if (!existsSync(esbuild)) throw new Error('node_modules/.bin/esbuild is missing (npm ci)');
  const outfile = join(tmp, outName);
  await run(esbuild, [join(REPO, entry), '--bundle', '--platform=node', '--format=esm', '--target=node20', `--outfile=${outfile}`, '--log-level=warning']);
  return outfile;
}
