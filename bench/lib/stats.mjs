// Medians and spreads. Rounds are few and the machine is shared, so the
// spread shown is the full range (min to max), not a standard deviation.

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** { median, min, max, n } of the finite values, or undefined when there are none. */
export function summary(values) {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return undefined;
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length };
}

/**
 * Overhead of `mode` against baseline, paired by round (each round runs
 * every mode back to back, so a slow patch of the machine hits both): the
 * per-round ratios' median and range.
 */
export function pairedRatio(modeSamples, baselineSamples, field = 'wallMs') {
  const base = new Map(baselineSamples.map((s) => [s.round, s[field]]));
  const ratios = modeSamples.filter((s) => base.has(s.round)).map((s) => s[field] / base.get(s.round));
  return summary(ratios);
}
