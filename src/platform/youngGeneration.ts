/**
 * A bound on V8's young generation for the long-lived tracker. V8 doubles
 * the new space (up to 2 × 16 MiB on 64-bit) whenever the bytes that
 * survived scavenges since it last grew exceed its size, and through a
 * storm of a million events, each leaving about a kilobyte of garbage and a
 * few bytes that live a little longer, that always happens: by the end the
 * young generation alone is 32 MiB of resident memory, a fifth of the
 * tracker's budget (150 MB through 1,000,000 events with rules on).
 *
 * The process is started by users (`node dist/cli.js run`), so the bound
 * cannot be a command-line flag, and V8 reads --max-semi-space-size only
 * when the heap is made. It reads --semi-space-growth-factor each time the
 * new space grows, though: a factor of 1 keeps it at its initial 2 × 1 MiB.
 * Measured on the open storm with rules (bench/lib/trackerBench.ts): peak
 * RSS 40 MB lower for about a tenth more CPU, as scavenges come eight times
 * as often but copy only what is alive, which for events is almost nothing.
 * Growth cannot be stopped at a size in between: the new space doubles
 * several times within one batch of records, between two chances to look.
 */
import { setFlagsFromString } from 'node:v8';

let capped = false;

/** Keeps the new space at its initial size from now on (idempotent; process-wide). */
export function capYoungGeneration(): void {
  if (capped) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  capped = true;
}
