/** Reads a `bpftool -j map dump` of a hash map keyed by u64 into the key values. */
export function u64Keys(dumpJson: string): bigint[] {
  const entries = JSON.parse(dumpJson) as { key: unknown; formatted?: { key: unknown } }[];
  return entries.map((e) => {
    const key = e.formatted?.key ?? e.key;
    if (typeof key === 'number' || typeof key === 'string') return BigInt(key);
    // Raw form: an array of byte strings like "0x65", little-endian.
    const bytes = (key as string[]).map((b) => BigInt(parseInt(b, 16)));
    return bytes.reduceRight((acc, b) => (acc << 8n) | b, 0n);
  });
}
