import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstScriptLine } from '../../src/kerneltracker/steps.js';

const dir = mkdtempSync(join(tmpdir(), 'cs-steps-'));
const uid = process.getuid?.() ?? 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('firstScriptLine reads only what the runner wrote', () => {
  const script = join(dir, 'step.sh');
  const secret = join(dir, 'shadow');

  beforeAll(() => {
    writeFileSync(script, '\n\n  make -j2  \nsecond\n');
    writeFileSync(secret, 'root:$6$hash:::\n', { mode: 0o600 });
  });

  test('a regular file of the runner: its first non-empty line', () => {
    expect(firstScriptLine(script, uid)).toBe('make -j2');
  });

  test('a link swapped in for the script is not followed', () => {
    symlinkSync(secret, join(dir, 'swapped.sh'));
    expect(firstScriptLine(join(dir, 'swapped.sh'), uid)).toBeUndefined();
  });

  test('a FIFO planted there neither hangs nor is read', () => {
    execFileSync('mkfifo', [join(dir, 'fifo.sh')]);
    expect(firstScriptLine(join(dir, 'fifo.sh'), uid)).toBeUndefined();
  });

  test("a file that is not the runner's is not read for it", () => {
    const other = join(dir, 'other.sh');
    writeFileSync(other, 'not yours\n');
    if (uid === 0) chownSync(other, 0, 0);
    expect(firstScriptLine(other, 4242)).toBeUndefined();
  });

  test('only the first 8 KiB are read', () => {
    const big = join(dir, 'big.sh');
    writeFileSync(big, `${'\n'.repeat(9000)}late line\n`);
    expect(firstScriptLine(big, uid)).toBeUndefined();
  });
});
