/**
 * Which sensor build runs: the one bundled with the action, or a prebuilt
 * archive (sensor-url) fetched once into the tool cache and refused unless
 * its SHA-256 is the one the workflow pinned.
 */
import * as tc from '@actions/tool-cache';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, type Settings } from './settings.js';

const TOOL = 'cicd-sensor';

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

export async function sensorDir(settings: Settings, bundled: string): Promise<string> {
  if (!settings.sensorUrl || !settings.sensorSha256) return bundled;
  // 'sha' first: an all-digit prerelease with a leading zero is not valid semver.
  const version = `sha${settings.sensorSha256.slice(0, 16)}`;
  const cached = tc.find(TOOL, `0.0.0-${version}`);
  if (cached) return findDist(cached) ?? cached;
  const archive = await tc.downloadTool(settings.sensorUrl);
  const actual = await sha256(archive);
  if (actual !== settings.sensorSha256) {
    throw new ConfigurationError(`input sensor-sha256: the archive at ${settings.sensorUrl} has SHA-256 ${actual}, not ${settings.sensorSha256}; refusing to run it`);
  }
  const extracted = await tc.extractTar(archive);
  const dir = findDist(extracted);
  if (!dir) throw new ConfigurationError(`input sensor-url: the archive holds no tracker.js`);
  return findDist(await tc.cacheDir(dir, TOOL, `0.0.0-${version}`)) ?? dir;
}
