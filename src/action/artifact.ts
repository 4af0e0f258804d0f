/** Uploads the job's files as one artifact; where the service is unavailable, says so and leaves them on disk. */
import { DefaultArtifactClient } from '@actions/artifact';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/** Logs above this are uploaded gzipped (the artifact zip stores, it barely compresses ndjson). */
const GZIP_ABOVE = 16 << 20;

export async function compressIfLarge(path: string): Promise<string> {
  if (statSync(path).size <= GZIP_ABOVE) return path;
  // Level 1: the log repeats each process's context line after line, so even
  // the fastest level shrinks it several times, at a fraction of level 6's
  // time (post runs at the end of the job, which waits for it).
  await pipeline(createReadStream(path), createGzip({ level: 1 }), createWriteStream(`${path}.gz`));
  return `${path}.gz`;
}

export async function uploadReport(
  name: string,
  files: string[],
  rootDir: string,
  retentionDays?: number,
): Promise<{ id?: number; error?: string }> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
    return { error: 'the artifact service is not available to this step (no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL)' };
  }
  try {
    // Zipping an already gzipped log again costs time and saves nothing.
    const compressionLevel = files.some((f) => f.endsWith('.gz')) ? 0 : undefined;
    const result = await new DefaultArtifactClient().uploadArtifact(name, files, rootDir, {
      ...(retentionDays ? { retentionDays } : {}),
      ...(compressionLevel !== undefined ? { compressionLevel } : {}),
    });
    return { id: result.id };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
