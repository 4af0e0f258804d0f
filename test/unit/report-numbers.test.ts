import { describe, expect, it } from '@jest/globals';
import { binaryBytes, fmt } from '../../src/report/numbers.js';

/** What fmt must print: the same as ICU's en-US, which it avoids loading. */
const icu = (n: number): string => n.toLocaleString('en-US');

describe('fmt', () => {
  it('groups integers as en-US does', () => {
    for (const n of [0, 1, 12, 999, 1000, 1234, 99_999, 100_000, 1_000_000, 52_544, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 1.2345678901234568e20]) {
      expect(fmt(n)).toBe(icu(n));
      expect(fmt(-n)).toBe(icu(-n));
    }
  });

  it('prints up to three decimals as en-US does, and hands the rest to ICU', () => {
    const cases = [0.5, 1.25, 2.675, 1.0005, 1234.5, 1024.1, 0.1 + 0.2, 1e-7, 1e21, 1.5e300, 123456.789, 0.0001, NaN, Infinity, -Infinity];
    for (const n of cases) {
      expect(fmt(n)).toBe(icu(n));
      expect(fmt(-n)).toBe(icu(-n));
    }
  });

  it('matches en-US over random integers, tenths and doubles', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3000; i++) {
      const magnitude = 10 ** Math.floor(next() * 16);
      for (const n of [Math.floor(next() * magnitude), Math.round(next() * magnitude * 10) / 10, next() * magnitude]) {
        expect(fmt(n)).toBe(icu(n));
      }
    }
  });
});

describe('binaryBytes', () => {
  it('shows sizes to a tenth in binary units', () => {
    expect(binaryBytes(512)).toBe('512 bytes');
    expect(binaryBytes(1536)).toBe('1.5 KiB');
    expect(binaryBytes(17 * 2 ** 20)).toBe('17 MiB');
    expect(binaryBytes(1234.5 * 2 ** 30)).toBe('1,234.5 GiB');
  });
});
