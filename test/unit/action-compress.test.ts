import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { compressIfLarge } from '../../src/report/compress.js';

describe('compressIfLarge', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cs-gz-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves a small log as it is', async () => {
    const path = join(dir, 'small.ndjson');
    writeFileSync(path, '{"seq":0}\n');
    expect(await compressIfLarge(path)).toBe(path);
  });

  it('gzips a log over 16 MiB next to it, losslessly', async () => {
    const path = join(dir, 'events.ndjson');
    const line = `${JSON.stringify({ seq: 1, process: { argv: ['x'.repeat(200)] } })}\n`;
    const text = line.repeat(Math.ceil((17 << 20) / line.length));
    writeFileSync(path, text);
    const gz = await compressIfLarge(path);
    expect(gz).toBe(`${path}.gz`);
    const packed = readFileSync(gz);
    expect(packed.length).toBeLessThan(text.length / 10);
    expect(gunzipSync(packed).toString()).toBe(text);
  });
});
