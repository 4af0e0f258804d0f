/**
 * sensor-url: the prebuilt sensor is cached by its archive's full SHA-256,
 * and the cached tree is checked against the archive on every use, so a job
 * that rewrites the runner's tool cache cannot have the next job's root run
 * its code. A real tool cache in a temporary directory, the archive served
 * from loopback.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestOf, treeEntries } from '../../src/action/codeCopy.js';
import type { Settings } from '../../src/action/settings.js';
import { sensorSource, TamperedCache } from '../../src/action/sensorSource.js';

const root = mkdtempSync(join(tmpdir(), 'cs-sensor-source-'));
const cache = join(root, 'tool-cache');
let archive: Buffer;
let sha: string;
let server: Server;
let url: string;
let served = 0;
const saved = { RUNNER_TOOL_CACHE: process.env.RUNNER_TOOL_CACHE, RUNNER_TEMP: process.env.RUNNER_TEMP };

const settings = (): Settings => ({ sensorUrl: url, sensorSha256: sha }) as unknown as Settings;
/** The cached tree's directory (tool-cache/cicd-sensor/VERSION/ARCH). */
const cachedTree = (): string => {
  const versions = join(cache, 'cicd-sensor');
  const version = readdirSync(versions).find((v) => !v.endsWith('.complete'))!;
  const arch = readdirSync(join(versions, version)).find((a) => !a.endsWith('.complete'))!;
  return join(versions, version, arch);
};

beforeAll(async () => {
  const src = join(root, 'src', 'dist');
  mkdirSync(join(src, 'lib'), { recursive: true });
  writeFileSync(join(src, 'tracker.js'), 'console.log("the sensor");\n');
  writeFileSync(join(src, 'cli.js'), 'console.log("its cli");\n');
  writeFileSync(join(src, 'lib', 'native.so'), Buffer.alloc(4096, 7));
  const tar = spawnSync('tar', ['-czf', join(root, 'sensor.tgz'), '-C', join(root, 'src'), 'dist']);
  if (tar.status !== 0) throw new Error(String(tar.stderr));
  archive = readFileSync(join(root, 'sensor.tgz'));
  sha = createHash('sha256').update(archive).digest('hex');
  server = createServer((_req, res) => {
    served++;
    res.end(archive);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sensor.tgz`;
  process.env.RUNNER_TOOL_CACHE = cache;
  process.env.RUNNER_TEMP = join(root, 'temp');
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(root, { recursive: true, force: true });
});

describe('sensorSource', () => {
  beforeEach(() => rmSync(cache, { recursive: true, force: true }));

  it('downloads once, caches the tree and the archive under the full SHA-256, and uses the cache after', async () => {
    const first = await sensorSource(settings(), '/bundled');
    expect(served).toBe(1);
    expect(readdirSync(join(cache, 'cicd-sensor'))).toContain(`0.0.0-sha${sha}`);
    expect(readdirSync(join(cache, 'cicd-sensor-archive'))).toContain(`0.0.0-sha${sha}`);
    expect(first.entries!.map(([rel]) => rel)).toEqual(['cli.js', 'lib/native.so', 'tracker.js']);
    const second = await sensorSource(settings(), '/bundled');
    expect(served).toBe(1);
    expect(manifestOf(second.entries!).hash).toBe(manifestOf(first.entries!).hash);
    expect(readFileSync(join(second.dir, 'tracker.js'), 'utf8')).toBe('console.log("the sensor");\n');
  });

  it('refuses a cached tree whose files were changed, naming them', async () => {
    await sensorSource(settings(), '/bundled');
    appendFileSync(join(cachedTree(), 'tracker.js'), 'require("child_process").execSync("id > /tmp/owned");\n');
    await expect(sensorSource(settings(), '/bundled')).rejects.toThrow(TamperedCache);
    await expect(sensorSource(settings(), '/bundled')).rejects.toThrow(/cached sensor-url tree is refused: tracker\.js in .* differ from the archive with SHA-256 [0-9a-f]{64}/);
  });

  it('refuses a cached tree with a file added, removed or swapped for a link', async () => {
    await sensorSource(settings(), '/bundled');
    writeFileSync(join(cachedTree(), 'lib', 'preload.so'), 'extra');
    await expect(sensorSource(settings(), '/bundled')).rejects.toThrow(/lib\/preload\.so/);
    unlinkSync(join(cachedTree(), 'lib', 'preload.so'));
    unlinkSync(join(cachedTree(), 'cli.js'));
    await expect(sensorSource(settings(), '/bundled')).rejects.toThrow(/refused: cli\.js/);
    symlinkSync('/etc/passwd', join(cachedTree(), 'cli.js'));
    await expect(sensorSource(settings(), '/bundled')).rejects.toThrow(/cli\.js is neither a file nor a directory/);
  });

  it('refuses a cached archive whose SHA-256 is no longer the pinned one', async () => {
    await sensorSource(settings(), '/bundled');
    const dir = join(cache, 'cicd-sensor-archive', `0.0.0-sha${sha}`);
    const arch = readdirSync(dir).find((a) => !a.endsWith('.complete'))!;
    appendFileSync(join(dir, arch, 'sensor.tar.gz'), 'x');
    await expect(sensorSource(settings(), '/bundled')).rejects.toThrow(/its archive .* has SHA-256 [0-9a-f]{64}, not the pinned/);
  });

  it('uses the bundled sensor without sensor-url', async () => {
    expect(await sensorSource({} as Settings, '/bundled')).toEqual({ dir: '/bundled' });
    expect(existsSync(cache)).toBe(false);
  });
});

describe('treeEntries', () => {
  it('hashes every file, sorted, and the manifest is sha256sum --check format', () => {
    const dir = join(root, 'tree');
    mkdirSync(join(dir, 'b'), { recursive: true });
    writeFileSync(join(dir, 'b', 'x'), 'x');
    writeFileSync(join(dir, 'a'), 'a');
    const m = manifestOf(treeEntries(dir));
    expect(m.files).toBe(2);
    const check = spawnSync('sha256sum', ['--check', '--strict', '--quiet', '-'], { cwd: dir, input: m.text });
    expect(check.status).toBe(0);
    writeFileSync(join(dir, 'a'), 'changed');
    expect(spawnSync('sha256sum', ['--check', '--strict', '--quiet', '-'], { cwd: dir, input: m.text }).status).not.toBe(0);
  });
});
