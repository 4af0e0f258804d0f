import { describe, expect, it } from '@jest/globals';
import { openFlagNames } from '../../src/kernel/openFlags.js';

// Values from the kernel's uapi headers (asm-generic/fcntl.h, and
// arch/arm64/include/uapi/asm/fcntl.h for the four that differ on arm64).
const O_WRONLY = 0o1;
const O_RDWR = 0o2;
const O_CREAT = 0o100;
const O_EXCL = 0o200;
const O_TRUNC = 0o1000;
const O_APPEND = 0o2000;
const O_NONBLOCK = 0o4000;
const O_DSYNC = 0o10000;
const O_CLOEXEC = 0o2000000;
const __O_SYNC = 0o4000000;
const O_SYNC = __O_SYNC | O_DSYNC;
const O_PATH = 0o10000000;
const __O_TMPFILE = 0o20000000;

describe('openFlagNames', () => {
  it('names the access mode first, read-only when no bit is set', () => {
    expect(openFlagNames(0, 'x64')).toEqual(['O_RDONLY']);
    expect(openFlagNames(O_WRONLY, 'x64')).toEqual(['O_WRONLY']);
    expect(openFlagNames(O_RDWR, 'x64')).toEqual(['O_RDWR']);
  });

  it('names the common flags the same on both architectures', () => {
    const flags = O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_APPEND | O_NONBLOCK | O_CLOEXEC;
    const want = ['O_WRONLY', 'O_CREAT', 'O_EXCL', 'O_TRUNC', 'O_APPEND', 'O_NONBLOCK', 'O_CLOEXEC'];
    expect(openFlagNames(flags, 'x64')).toEqual(want);
    expect(openFlagNames(flags, 'arm64')).toEqual(want);
  });

  it('uses the x86 values for O_DIRECT, O_LARGEFILE, O_DIRECTORY and O_NOFOLLOW', () => {
    expect(openFlagNames(0o40000, 'x64')).toEqual(['O_RDONLY', 'O_DIRECT']);
    expect(openFlagNames(0o100000, 'x64')).toEqual(['O_RDONLY', 'O_LARGEFILE']);
    expect(openFlagNames(0o200000, 'x64')).toEqual(['O_RDONLY', 'O_DIRECTORY']);
    expect(openFlagNames(0o400000, 'x64')).toEqual(['O_RDONLY', 'O_NOFOLLOW']);
  });

  it('uses the arm64 values for the same four', () => {
    expect(openFlagNames(0o40000, 'arm64')).toEqual(['O_RDONLY', 'O_DIRECTORY']);
    expect(openFlagNames(0o100000, 'arm64')).toEqual(['O_RDONLY', 'O_NOFOLLOW']);
    expect(openFlagNames(0o200000, 'arm64')).toEqual(['O_RDONLY', 'O_DIRECT']);
    expect(openFlagNames(0o400000, 'arm64')).toEqual(['O_RDONLY', 'O_LARGEFILE']);
  });

  it('falls back to the x86 table for other architecture names', () => {
    expect(openFlagNames(0o200000, 'ia32')).toEqual(['O_RDONLY', 'O_DIRECTORY']);
  });

  it('names O_SYNC once, not as O_DSYNC as well', () => {
    expect(openFlagNames(O_WRONLY | O_SYNC, 'x64')).toEqual(['O_WRONLY', 'O_SYNC']);
    expect(openFlagNames(O_WRONLY | O_DSYNC, 'x64')).toEqual(['O_WRONLY', 'O_DSYNC']);
  });

  it('names O_TMPFILE', () => {
    // O_TMPFILE is __O_TMPFILE | O_DIRECTORY, whose value differs per arch.
    expect(openFlagNames(O_RDWR | O_EXCL | __O_TMPFILE | 0o200000, 'x64')).toEqual(
      expect.arrayContaining(['O_RDWR', 'O_EXCL', 'O_TMPFILE']),
    );
    expect(openFlagNames(O_WRONLY | __O_TMPFILE | 0o40000, 'arm64')).toEqual(
      expect.arrayContaining(['O_WRONLY', 'O_TMPFILE']),
    );
    expect(openFlagNames(O_RDWR, 'x64')).not.toContain('O_TMPFILE');
  });

  it('names O_PATH, O_NOATIME and O_ASYNC', () => {
    expect(openFlagNames(O_PATH | 0o1000000 | 0o20000, 'x64')).toEqual(['O_RDONLY', 'O_ASYNC', 'O_NOATIME', 'O_PATH']);
  });

  it('leaves unknown bits unnamed', () => {
    expect(openFlagNames(0o40000000 | 0x80000000, 'x64')).toEqual(['O_RDONLY']);
  });
});

describe('flags whose bits overlap', () => {
  it('names O_TMPFILE without also naming O_DIRECTORY, on both architectures', () => {
    expect(openFlagNames(0o20200000 | 2, 'x64')).toEqual(['O_RDWR', 'O_TMPFILE']);
    expect(openFlagNames(0o20040000 | 2, 'arm64')).toEqual(['O_RDWR', 'O_TMPFILE']);
  });

  it('shows access mode 3 as O_ACCMODE, not as a read', () => {
    expect(openFlagNames(3, 'x64')[0]).toBe('O_ACCMODE');
  });
});
