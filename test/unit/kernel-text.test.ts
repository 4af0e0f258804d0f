import { describe, expect, it } from '@jest/globals';
import { bytesToText, componentsToPath, resolvePath, splitNul } from '../../src/kernel/text.js';

const text = (bytes: number[] | string): string => {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
  return bytesToText(b, 0, b.length);
};

describe('bytesToText', () => {
  it('returns ASCII and valid UTF-8 unchanged', () => {
    expect(text('ls -la')).toBe('ls -la');
    expect(text('naïve/日本語/🚀')).toBe('naïve/日本語/🚀');
  });

  it('reads only the given range', () => {
    const b = Buffer.from('xxhello world');
    expect(bytesToText(b, 2, 7)).toBe('hello');
    expect(bytesToText(b, 3, 3)).toBe('');
  });

  it('escapes invalid bytes as \\xNN and keeps the valid multibyte characters around them', () => {
    expect(text([0x61, 0xff, 0x62])).toBe('a\\xffb');
    expect(text([...Buffer.from('é'), 0x80, ...Buffer.from('日'), 0xc3])).toBe('é\\x80日\\xc3');
    expect(text([0xf0, 0x9f, 0x9a, 0x80, 0xfe, 0x41])).toBe('🚀\\xfeA');
  });

  it('escapes overlong encodings and UTF-16 surrogates byte by byte', () => {
    expect(text([0xc0, 0xaf])).toBe('\\xc0\\xaf');
    expect(text([0xed, 0xa0, 0x80])).toBe('\\xed\\xa0\\x80');
  });

  it('escapes a truncated multibyte sequence at the end', () => {
    expect(text([0x41, 0xe6, 0x97])).toBe('A\\xe6\\x97');
  });

  it('does not let a name made only of invalid bytes collapse into another', () => {
    expect(text([0xff])).not.toBe(text([0xfe]));
    expect(text([0xff])).not.toBe('');
  });

  it('keeps a leading byte order mark (a name must not lose characters)', () => {
    // U+FEFF at the start of a file name is part of the name; dropping it
    // would make '\uFEFFevil' show as 'evil'.
    expect(text('\uFEFFevil')).toBe('\uFEFFevil');
    expect(text([0xff, 0xef, 0xbb, 0xbf, 0x41])).toBe('\\xff\uFEFFA');
  });
});

describe('splitNul', () => {
  const split = (s: string): string[] => splitNul(Buffer.from(s), 0, Buffer.byteLength(s));

  it('splits on NUL, a trailing NUL ending the list', () => {
    expect(split('a\0bc\0d\0')).toEqual(['a', 'bc', 'd']);
    expect(split('a\0bc\0d')).toEqual(['a', 'bc', 'd']);
  });

  it('keeps empty strings between NULs', () => {
    expect(split('a\0\0b\0')).toEqual(['a', '', 'b']);
    expect(split('\0')).toEqual(['']);
  });

  it('gives nothing for an empty range', () => {
    expect(split('')).toEqual([]);
  });

  it('stays inside the given range', () => {
    const b = Buffer.from('zz\0a\0b\0zz');
    expect(splitNul(b, 3, 7)).toEqual(['a', 'b']);
  });
});

describe('componentsToPath', () => {
  const path = (s: string, truncated = false): string => componentsToPath(Buffer.from(s), 0, s.length, truncated);

  it('reverses leaf-first components into an absolute path', () => {
    expect(path('env\0bin\0usr\0')).toBe('/usr/bin/env');
    expect(path('tmp\0')).toBe('/tmp');
  });

  it('marks a truncated walk with a /… prefix', () => {
    expect(path('x.js\0lib\0', true)).toBe('/…/lib/x.js');
  });

  it('gives the root for no components', () => {
    expect(path('')).toBe('/');
  });

  it('keeps odd but legal names, escaping invalid bytes', () => {
    const b = Buffer.concat([Buffer.from('a b\0'), Buffer.from([0xff, 0]), Buffer.from('..x\0')]);
    expect(componentsToPath(b, 0, b.length, false)).toBe('/..x/\\xff/a b');
  });
});

describe('resolvePath', () => {
  it('joins a relative path to its base', () => {
    expect(resolvePath('out/a.txt', '/home/runner/work')).toBe('/home/runner/work/out/a.txt');
  });

  it('resolves . and .. lexically, never above the root', () => {
    expect(resolvePath('../b/./c', '/x/y')).toBe('/x/b/c');
    expect(resolvePath('../../../../etc/passwd', '/a')).toBe('/etc/passwd');
    expect(resolvePath('.', '/w')).toBe('/w');
  });

  it('collapses repeated slashes', () => {
    expect(resolvePath('a//b', '/w')).toBe('/w/a/b');
    expect(resolvePath('//etc///hosts', '/ignored')).toBe('/etc/hosts');
  });

  it('ignores the base for absolute paths but still normalises them', () => {
    expect(resolvePath('/etc/../tmp/./f', '/somewhere')).toBe('/tmp/f');
    expect(resolvePath('/etc/hosts', undefined)).toBe('/etc/hosts');
  });

  it('resolves a relative path without a base against the root', () => {
    expect(resolvePath('a/b', undefined)).toBe('/a/b');
  });

  it('keeps a truncated base marker', () => {
    expect(resolvePath('f', '/…/deep/dir')).toBe('/…/deep/dir/f');
  });
});

describe('resolvePath normal form', () => {
  it('drops a trailing slash but keeps the root', () => {
    expect(resolvePath('build/', '/w')).toBe('/w/build');
    expect(resolvePath('/tmp/x//', undefined)).toBe('/tmp/x');
    expect(resolvePath('/', undefined)).toBe('/');
    expect(resolvePath('..', '/')).toBe('/');
  });
});
