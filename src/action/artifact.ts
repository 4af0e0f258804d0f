/** Uploads the job's files as one artifact; where the service is unavailable, says so and leaves them on disk. */
import { DefaultArtifactClient } from '@actions/artifact';

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
