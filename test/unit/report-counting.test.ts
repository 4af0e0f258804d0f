import { describe, expect, it } from '@jest/globals';
import { TopCounted } from '../../src/report/counting.js';
import { prng } from './fixtures/prng.js';

interface Entry {
  key: string;
  count: number;
}

/** TopCounted as first written: one table, every prune a scan and, unless every count is equal, a stable sort. */
class Reference {
  private entries = new Map<string, Entry>();
  constructor(private readonly keep: number) {}
  hit(key: string): void {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      if (this.entries.size >= 2 * this.keep) this.prune();
      entry = { key, count: 0 };
      this.entries.set(key, entry);
    }
    entry.count++;
  }
  private prune(): void {
    const all = [...this.entries];
    const uniform = all.every(([, e]) => e.count === all[0]![1].count);
    this.entries = new Map(uniform ? all.slice(0, this.keep) : all.sort((a, b) => b[1].count - a[1].count).slice(0, this.keep));
  }
  items(): Entry[] {
    return [...this.entries.values()].sort((a, b) => b.count - a.count).slice(0, this.keep);
  }
}

describe('TopCounted', () => {
  it('keeps what a prune of the whole table would keep, for storms, skewed streams and both mixed', () => {
    const rand = prng(7);
    for (let round = 0; round < 60; round++) {
      const keep = 1 + Math.floor(rand() * 12);
      const top = new TopCounted<Entry>(keep);
      const ref = new Reference(keep);
      // Some rounds all distinct (a storm), some drawn from a few hot keys, most switching between the two.
      const hotShare = round % 3 === 0 ? 0 : round % 3 === 1 ? 1 : rand();
      for (let i = 0; i < 2000; i++) {
        const key = rand() < hotShare ? `hot${Math.floor(rand() * rand() * 3 * keep)}` : `new${round}-${i}`;
        top.hit(key, (k: string) => ({ key: k, count: 0 }), key);
        ref.hit(key);
        if (i % 97 === 0 || i === 1999) {
          const got = top.capped((e) => ({ ...e }));
          expect(got.items).toEqual(ref.items());
          expect(got.omittedEvents).toBe(i + 1 - ref.items().reduce((n, e) => n + e.count, 0));
        }
      }
    }
  });
});
