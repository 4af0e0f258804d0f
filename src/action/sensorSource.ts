/**
 * Which sensor build runs: the one bundled with the action, or a prebuilt
 * archive (sensor-url) fetched once into the tool cache and refused unless
 * its SHA-256 is the one the workflow pinned.
 *
 * The tool cache is the runner user's: a job could rewrite a cached tree
 * for the next job on the same runner to run as root. So the cache is keyed
 * by the archive's full SHA-256 (a prefix could be matched by another
 * archive), the verified archive is cached beside its tree, and on every use
 * the archive is hashed again and the cached tree compared, file by file,
 * with a fresh extraction of it: a changed archive or tree is refused. The
 * files as verified go to root's copy (src/action/codeCopy.ts), which is
 * checked against them, so a change after the check is refused there.
 */
import * as tc from '@actions/tool-cache';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { manifestOf, treeEntries, type TreeEntry } from './codeCopy.js';
import { ConfigurationError, type Settings } from './settings.js';

const TOOL = 'cicd-sensor';
const ARCHIVE_TOOL = 'cicd-sensor-archive';
const ARCHIVE_NAME = 'sensor.tar.gz';

/** A tool cache entry that no longer holds what was verified into it. */
export class TamperedCache extends Error {}

export interface SensorSource {
  /** The directory holding tracker.js. */
  dir: string;
  /** Its files as verified against the pinned archive (undefined: the bundled sensor). */
  entries?: TreeEntry[];
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The directory holding tracker.js inside an extracted archive (top level or one folder down). */
function findDist(root: string): string | undefined {
  if (existsSync(join(root, 'tracker.js'))) return root;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isDirectory() && existsSync(join(root, entry.name, 'tracker.js'))) return join(root, entry.name);
  }
  return undefined;
}

async function extracted(archive: string, url: string): Promise<SensorSource> {
  const dir = findDist(await tc.extractTar(archive));
  if (!dir) throw new ConfigurationError(`input sensor-url: the archive at ${url} holds no tracker.js`);
  return { dir, entries: treeEntries(dir) };
}

/** The cached archive hashed again, and the cached tree compared with a fresh extraction of it. */
async function verifiedCache(pinned: string, tree: string, archive: string, url: string): Promise<SensorSource> {
  const refuse = (what: string): TamperedCache =>
    new TamperedCache(`the cached sensor-url tree is refused: ${what}; the runner's tool cache was changed after it was verified (remove ${tree} and ${archive} to download it again)`);
  const actual = await sha256(archive);
  if (actual !== pinned) throw refuse(`its archive ${archive} has SHA-256 ${actual}, not the pinned ${pinned}`);
  const fresh = await extracted(archive, url);
  const cachedDir = findDist(tree) ?? tree;
  let cached: TreeEntry[];
  try {
    cached = treeEntries(cachedDir);
  } catch (err) {
    throw refuse((err as Error).message);
  }
  if (manifestOf(cached).hash !== manifestOf(fresh.entries!).hash) {
    const want = new Map(fresh.entries!);
    const changed = cached.filter(([rel, hex]) => want.get(rel) !== hex).map(([rel]) => rel);
    const missing = fresh.entries!.filter(([rel]) => !cached.some(([c]) => c === rel)).map(([rel]) => rel);
    throw refuse(`${[...changed, ...missing].slice(0, 5).join(', ')} in ${cachedDir} differ from the archive with SHA-256 ${pinned}`);
  }
  return fresh;
}

export async function sensorSource(settings: Settings, bundled: string): Promise<SensorSource> {
  if (!settings.sensorUrl || !settings.sensorSha256) return { dir: bundled };
  const pinned = settings.sensorSha256;
  // 'sha' first: an all-digit prerelease with a leading zero is not valid semver.
  const version = `0.0.0-sha${pinned}`;
  const tree = tc.find(TOOL, version);
  const archiveDir = tc.find(ARCHIVE_TOOL, version);
  if (tree && archiveDir) return verifiedCache(pinned, tree, join(archiveDir, ARCHIVE_NAME), settings.sensorUrl);
  const archive = await tc.downloadTool(settings.sensorUrl);
  const actual = await sha256(archive);
  if (actual !== pinned) {
    throw new ConfigurationError(`input sensor-sha256: the archive at ${settings.sensorUrl} has SHA-256 ${actual}, not ${pinned}; refusing to run it`);
  }
  const source = await extracted(archive, settings.sensorUrl);
  await tc.cacheFile(archive, ARCHIVE_NAME, ARCHIVE_TOOL, version);
  await tc.cacheDir(source.dir, TOOL, version);
  return source;
}
