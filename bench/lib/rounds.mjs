// The comparison: every round runs every mode over every workload, modes
// back to back and their order rotated from round to round, so drift on a
// shared machine is spread over all modes instead of landing on one.
import { isAborting } from './cleanup.mjs';
import { MODE_LABELS, MODES } from './modes.mjs';

const rotate = (items, by) => items.map((_, i) => items[(i + by) % items.length]);

const fmtSample = (s) => `${(s.wallMs / 1000).toFixed(2)} s wall, ${(s.cpuMs / 1000).toFixed(2)} s cpu`;

/**
 * Returns { samples: {workload: {mode: [sample]}}, modeRounds: {mode: [teardown info]},
 * unavailable: {mode: reason}, errors: [{mode, workload, round, error}] }.
 */
export async function runRounds(ctx, workloads, modeIds, rounds) {
  const samples = Object.fromEntries(workloads.map((w) => [w.id, Object.fromEntries(modeIds.map((m) => [m, []]))]));
  const modeRounds = Object.fromEntries(modeIds.map((m) => [m, []]));
  const unavailable = {};
  const errors = [];
  // One untimed baseline pass first: the binaries, the files and the
  // project's headers in the page cache before anything is compared.
  for (const w of workloads) {
    w.reset();
    ctx.log(`warm-up: ${w.label}`);
    await MODES.baseline.run(ctx, undefined, w);
  }
  for (let round = 0; round < rounds; round++) {
    for (const id of rotate(modeIds, round)) {
      if (isAborting()) return { samples, modeRounds, unavailable, errors };
      if (unavailable[id]) continue;
      const mode = MODES[id];
      let state;
      try {
        state = await mode.setup?.(ctx);
      } catch (err) {
        unavailable[id] = err.message.split('\n')[0];
        ctx.log(`${MODE_LABELS[id]}: not available: ${err.message}`);
        continue;
      }
      try {
        for (const w of workloads) {
          if (isAborting()) break;
          w.reset();
          try {
            const sample = await mode.run(ctx, state, w);
            samples[w.id][id].push({ round, ...sample });
            ctx.log(`round ${round + 1}/${rounds}  ${MODE_LABELS[id].padEnd(16)} ${w.label.padEnd(18)} ${fmtSample(sample)}`);
          } catch (err) {
            errors.push({ mode: id, workload: w.id, round, error: err.message });
            ctx.log(`round ${round + 1}/${rounds}  ${MODE_LABELS[id]} ${w.label}: FAILED: ${err.message}`);
          }
        }
      } finally {
        const info = await mode.teardown?.(ctx, state);
        if (info) modeRounds[id].push({ round, ...info });
      }
    }
  }
  return { samples, modeRounds, unavailable, errors };
}
