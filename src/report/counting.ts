/**
 * Bounded counting for the report: entries kept first-seen or top-counted,
 * distinct values counted exactly up to a limit and estimated past it, and
 * stored strings clipped, so a hostile or enormous job cannot make the report
 * (or the daemon holding it) unbounded.
 */
import type { Capped, Samples } from './modelTypes.js';
/** Stored strings are clipped so that a hostile event cannot make the report unbounded. */
const MAX_STORED_CHARS = 16_384;
const MAX_STORED_ARGS = 1024;

export function clip(s: string): string {
  return s.length <= MAX_STORED_CHARS ? s : `${s.slice(0, MAX_STORED_CHARS)}… (${s.length} chars)`;
}

export function clipArgv(argv: readonly string[]): string[] {
  const kept = argv.slice(0, MAX_STORED_ARGS).map(clip);
  if (argv.length > MAX_STORED_ARGS) kept.push(`… (${argv.length - MAX_STORED_ARGS} more arguments)`);
  return kept;
}

// Bound once: a global lookup per character is slow where globals are
// intercepted (the vm context jest runs tests in), and this runs per event.
const { imul, clz32, floor, min } = Math;

/**
 * Two 32-bit FNV-style hashes with a murmur3 finaliser, combined into 53 bits:
 * few enough collisions for the exact sets below, and the high 32 bits are
 * mixed well enough for the sketch.
 */
export function hash53(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = imul(h1 ^ c, 0x01000193);
    h2 = imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  return (fmix32(h1) >>> 0) * 0x200000 + (fmix32(h2) >>> 11);
}

function fmix32(h: number): number {
  h = imul(h ^ (h >>> 16), 0x85ebca6b);
  h = imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

interface CounterSize {
  exactLimit: number;
  precisionBits: number;
}

export const LARGE: CounterSize = { exactLimit: 4096, precisionBits: 12 };
export const SMALL: CounterSize = { exactLimit: 64, precisionBits: 8 };

/**
 * Counts distinct keys (by hash) in bounded memory: exactly up to a limit,
 * then with a HyperLogLog sketch (2^12 registers: about 1.6% error; 2^8 for
 * the small lists: about 6.5%). A job
 * that opens a million distinct files must not make the tracker hold a million
 * paths just to say how many it left out.
 */
export class DistinctCounter {
  private exact: Set<number> | undefined = new Set();
  private registers: Uint8Array | undefined;

  constructor(private readonly size: CounterSize) {}

  addHash(h: number): void {
    if (this.exact === undefined) return this.addToSketch(h);
    this.exact.add(h);
    if (this.exact.size > this.size.exactLimit) this.spill(this.exact);
  }

  get estimated(): boolean {
    return this.exact === undefined;
  }

  count(): number {
    return this.exact?.size ?? Math.max(this.size.exactLimit + 1, this.estimate());
  }

  private spill(exact: Set<number>): void {
    this.registers = new Uint8Array(1 << this.size.precisionBits);
    this.exact = undefined;
    for (const h of exact) this.addToSketch(h);
  }

  private addToSketch(h53: number): void {
    const bits = this.size.precisionBits;
    const h = floor(h53 / 0x200000);
    const index = h >>> (32 - bits);
    const rank = min(clz32((h << bits) >>> 0) + 1, 33 - bits);
    const registers = this.registers as Uint8Array;
    if (rank > registers[index]) registers[index] = rank;
  }

  private estimate(): number {
    const registers = this.registers as Uint8Array;
    const m = registers.length;
    let sum = 0;
    let zeros = 0;
    for (const r of registers) {
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    const raw = ((0.7213 / (1 + 1.079 / m)) * m * m) / sum;
    // Small-range correction from the HyperLogLog paper: linear counting.
    return Math.round(raw <= 2.5 * m && zeros > 0 ? m * Math.log(m / zeros) : raw);
  }
}

/** Up to `limit` distinct values, in first-seen order; the rest only counted. */
export class SampleSet<T> {
  private readonly values: T[] = [];
  private readonly hashes: number[] = [];
  private extra: DistinctCounter | undefined;

  constructor(private readonly limit: number) {}

  /** `key` identifies the value; only its hash is kept. */
  add(key: string, value: () => T): void {
    const h = hash53(key);
    if (this.hashes.includes(h)) return;
    if (this.values.length < this.limit) {
      this.values.push(value());
      this.hashes.push(h);
    } else {
      (this.extra ??= new DistinctCounter(SMALL)).addHash(h);
    }
  }

  toSamples(): Samples<T> {
    return { values: [...this.values], omitted: this.extra?.count() ?? 0 };
  }
}

export interface Counted {
  count: number;
}

/**
 * Collections are keyed by a 53-bit hash of the key rather than the key: the
 * memory per entry stays the same however long the paths and argv are, and
 * a collision is unlikely (about 1 in 10^8 among 10,000 keys).
 */
export interface Collector<V extends Counted> {
  /**
   * Counts one event for `key`; returns its entry, or undefined when it is
   * not kept. A new entry is make(arg): the hot callers pass a function made
   * once and the event, not a closure made per event.
   */
  hit<A>(key: string, make: (arg: A) => V, arg?: A): V | undefined;
  capped<T extends Counted>(toItem: (v: V) => T): Capped<T>;
}

/**
 * Keeps the first `limit` distinct keys and counts the rest. First-seen, not
 * most-frequent: for destinations, domains and written files a key seen once
 * matters as much as one seen often, and a frequency cut would drop it first.
 */
export class FirstSeen<V extends Counted> implements Collector<V> {
  private readonly entries = new Map<number, V>();
  private readonly overflow = new DistinctCounter(LARGE);
  private overflowEvents = 0;

  constructor(private readonly limit: number) {}

  hit<A>(key: string, make: (arg: A) => V, arg?: A): V | undefined {
    const h = hash53(key);
    let entry = this.entries.get(h);
    if (entry === undefined) {
      if (this.entries.size >= this.limit) {
        this.overflow.addHash(h);
        this.overflowEvents++;
        return undefined;
      }
      entry = make(arg as A);
      this.entries.set(h, entry);
    }
    entry.count++;
    return entry;
  }

  peek(key: string): V | undefined {
    return this.entries.get(hash53(key));
  }

  /** Entries most counted first; ties keep first-seen order. */
  capped<T extends Counted>(toItem: (v: V) => T): Capped<T> {
    const items = [...this.entries.values()].map(toItem).sort((a, b) => b.count - a.count);
    return {
      items,
      omitted: this.overflow.count(),
      omittedEstimated: this.overflow.estimated,
      omittedEvents: this.overflowEvents,
    };
  }
}

/**
 * Positions in an array by 53-bit hash (hash53): open addressing in typed
 * arrays, what TopCounted's two Maps were without a boxed number and a map
 * entry made for every key, which an open storm's every open is. Never more
 * than half full (its owner's bound); cleared, never shrunk.
 */
class HashIndex {
  private readonly hashes: Float64Array;
  /** position + 1 per slot; 0: empty */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(capacity: number) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(8, capacity)));
    this.hashes = new Float64Array(size);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The position kept for h, or -1. */
  get(h: number): number {
    // The low 32 bits of the hash (ToUint32 is exact on a safe integer), well mixed by fmix32.
    for (let i = (h >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.slots[i]!;
      if (slot === 0) return -1;
      if (this.hashes[i] === h) return slot - 1;
    }
  }

  /** Keeps position for h, which is not in the index. */
  set(h: number, position: number): void {
    let i = (h >>> 0) & this.mask;
    while (this.slots[i] !== 0) i = (i + 1) & this.mask;
    this.hashes[i] = h;
    this.slots[i] = position + 1;
  }

  clear(): void {
    this.slots.fill(0);
  }
}

/**
 * Keeps roughly the `keep` most frequent keys: the table grows to twice that,
 * then the less frequent half is dropped (a stable sort by count, so ties
 * keep the older entries). Used for reads, where a build opens tens of
 * thousands of files and the frequent ones tell what the job was.
 *
 * The table is kept in two parts, in insertion order, each in an array
 * with a HashIndex: the entries the last prune kept, then the ones added
 * since. When the kept part is full, still
 * in count order, and no newer entry counts more than the least of it, the
 * sort would leave the kept part as it is, so the prune drops the newer
 * part without sorting: what a storm of new keys (an open storm, where
 * every open is new or seen once before) does at every prune.
 */
export class TopCounted<V extends Counted> implements Collector<V> {
  private kept: V[] = [];
  private keptHashes: number[] = [];
  private readonly keptIndex: HashIndex;
  private readonly fresh: V[] = [];
  private readonly freshHashes: number[] = [];
  private readonly freshIndex: HashIndex;
  /** The highest count in `fresh`. */
  private freshMax = 0;
  private readonly seen = new DistinctCounter(LARGE);
  private events = 0;

  constructor(private readonly keep: number) {
    // Each part holds at most twice `keep` entries: its index stays at most half full.
    this.keptIndex = new HashIndex(4 * keep);
    this.freshIndex = new HashIndex(4 * keep);
  }

  hit<A>(key: string, make: (arg: A) => V, arg?: A): V {
    const h = hash53(key);
    this.events++;
    this.seen.addHash(h);
    const k = this.keptIndex.get(h);
    if (k >= 0) {
      const entry = this.kept[k]!;
      entry.count++;
      return entry;
    }
    const f = this.freshIndex.get(h);
    let entry: V;
    if (f >= 0) entry = this.fresh[f]!;
    else {
      if (this.kept.length + this.fresh.length >= 2 * this.keep) this.prune();
      entry = make(arg as A);
      this.freshIndex.set(h, this.fresh.length);
      this.fresh.push(entry);
      this.freshHashes.push(h);
    }
    if (++entry.count > this.freshMax) this.freshMax = entry.count;
    return entry;
  }

  private prune(): void {
    // The sort leaves `kept` as it is when it is full, already in count
    // order, and no newer entry counts more than its least.
    let least = this.kept.length >= this.keep ? Infinity : -1;
    for (const entry of this.kept) {
      if (entry.count > least) {
        least = -1;
        break;
      }
      least = entry.count;
    }
    if (this.freshMax > least) this.keepTop();
    this.fresh.length = 0;
    this.freshHashes.length = 0;
    this.freshIndex.clear();
    this.freshMax = 0;
  }

  /** `kept` becomes the `keep` most counted of both parts (a stable sort: ties keep the older). */
  private keepTop(): void {
    const both = [...this.kept.keys()].map((i) => ({ h: this.keptHashes[i]!, v: this.kept[i]! }));
    this.fresh.forEach((v, i) => both.push({ h: this.freshHashes[i]!, v }));
    const top = both.sort((a, b) => b.v.count - a.v.count).slice(0, this.keep);
    this.kept = top.map((e) => e.v);
    this.keptHashes = top.map((e) => e.h);
    this.keptIndex.clear();
    top.forEach((e, i) => this.keptIndex.set(e.h, i));
  }

  capped<T extends Counted>(toItem: (v: V) => T): Capped<T> {
    const all = [...this.kept, ...this.fresh].sort((a, b) => b.count - a.count);
    const items = all.slice(0, this.keep).map(toItem);
    const kept = items.reduce((sum, item) => sum + item.count, 0);
    return {
      items,
      omitted: Math.max(0, this.seen.count() - items.length),
      omittedEstimated: this.seen.estimated,
      omittedEvents: this.events - kept,
    };
  }
}
