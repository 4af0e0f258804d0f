import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExclusive, makeDirectory, writeReplacing } from '../../src/platform/noFollow.js';

let dir: string;
let victim: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-no-follow-'));
  victim = join(dir, 'victim');
  writeFileSync(victim, 'keep\n');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeReplacing', () => {
  test('replaces a planted link instead of writing through it', () => {
    symlinkSync(victim, join(dir, 'summary.md'));
    writeReplacing(join(dir, 'summary.md'), 'report\n');
    expect(readFileSync(victim, 'utf8')).toBe('keep\n');
    expect(lstatSync(join(dir, 'summary.md')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe('report\n');
    expect(lstatSync(join(dir, 'summary.md')).mode & 0o777).toBe(0o640);
  });

  test('leaves no temporary file behind when it cannot rename', () => {
    const sub = join(dir, 'sub');
    makeDirectory(sub, 0o755);
    makeDirectory(join(sub, 'report.json'), 0o755); // a directory under the name: rename fails
    expect(() => writeReplacing(join(sub, 'report.json'), '{}')).toThrow();
    expect(readFileSync(victim, 'utf8')).toBe('keep\n');
  });
});

describe('createExclusive and makeDirectory', () => {
  test('refuse a name that is there, link or not', () => {
    symlinkSync(victim, join(dir, 'events.ndjson'));
    expect(() => createExclusive(join(dir, 'events.ndjson'))).toThrow(/EEXIST/);
    symlinkSync(dir, join(dir, 'job'));
    expect(() => makeDirectory(join(dir, 'job'), 0o3770)).toThrow(/EEXIST/);
  });

  test('set the mode asked for, whatever the umask', () => {
    makeDirectory(join(dir, 'job'), 0o3770);
    expect(lstatSync(join(dir, 'job')).mode & 0o7777).toBe(0o3770);
  });
});
