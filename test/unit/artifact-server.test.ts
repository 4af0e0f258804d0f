import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DefaultArtifactClient } from '@actions/artifact';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startArtifactServer, type ArtifactServer } from '../helpers/artifactServer.js';

let server: ArtifactServer;
let dir: string;
const saved = new Map<string, string | undefined>();
/** What @actions/core printed: its workflow commands would flood the test output. */
let log = '';

beforeAll(async () => {
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    log += String(chunk);
    return true;
  });
  server = await startArtifactServer();
  // The client reads its configuration from the environment on each upload.
  for (const [key, value] of Object.entries(server.env())) {
    saved.set(key, process.env[key]);
    process.env[key] = value;
  }
  dir = mkdtempSync(join(tmpdir(), 'artifact-server-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'report.html'), '<p>hello</p>\n');
  writeFileSync(join(dir, 'sub', 'events.ndjson'), '{"seq":0}\n{"seq":1}\n');
});

afterAll(async () => {
  for (const [key, value] of saved) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(dir, { recursive: true, force: true });
  await server.close();
  jest.restoreAllMocks();
});

describe('the fake artifact service', () => {
  it('takes an upload from the real @actions/artifact client', async () => {
    const files = [join(dir, 'report.html'), join(dir, 'sub', 'events.ndjson')];
    const result = await new DefaultArtifactClient().uploadArtifact('cicd-sensor-report', files, dir, {
      retentionDays: 3,
    });

    expect(server.uploads).toHaveLength(1);
    const upload = server.uploads[0];
    expect(result.id).toBe(upload.id);
    expect(upload).toMatchObject({
      name: 'cicd-sensor-report',
      files: expect.arrayContaining(['report.html', 'sub/events.ndjson']),
      size: result.size,
      retentionDays: 3,
      mimeType: 'application/zip',
    });
    expect(upload.files).toHaveLength(2);
    expect(upload.content.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const sha256 = createHash('sha256').update(upload.content).digest('hex');
    expect(result.digest).toBe(sha256);
    expect(upload.hash).toBe(`sha256:${sha256}`);
    // What @azure/storage-blob's uploadStream sends: staged blocks, then the list.
    const twirp = '/twirp/github.actions.results.api.v1.ArtifactService';
    expect(server.requests.map((r) => r.replace(/\/devstoreaccount1\/[^?]*/, '<blob>'))).toEqual([
      `POST ${twirp}/CreateArtifact`,
      'PUT <blob>?comp=block',
      'PUT <blob>?comp=blocklist',
      `POST ${twirp}/FinalizeArtifact`,
    ]);
    expect(log).toContain(`Artifact cicd-sensor-report successfully finalized. Artifact ID ${upload.id}`);
  });

  it('refuses a second artifact of the same name in the run, as GitHub does', async () => {
    const client = new DefaultArtifactClient();
    await client.uploadArtifact('twice', [join(dir, 'report.html')], dir);
    await expect(client.uploadArtifact('twice', [join(dir, 'report.html')], dir)).rejects.toThrow(/409/);
    expect(server.uploads.filter((u) => u.name === 'twice')).toHaveLength(1);
  });
});
