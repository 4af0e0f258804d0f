/**
 * Where `cicd-sensor run`'s time goes, printed with CICD_SENSOR_DEBUG_TIMING=1:
 * node's start up to the CLI, each phase of the run, and the native
 * library's own breakdown of the sensor's start (the maps, each instance's
 * verification, each hook's attach).
 */
import { performance } from 'node:perf_hooks';
import type { StartPhase } from '../native/sensor.js';

export class Phases {
  private readonly marks: { phase: string; ms: number }[] = [];
  private last = 0;
  private native: StartPhase[] = [];

  constructor() {
    // performance.now() counts from the process's start: this first phase is node's own start and the bundle's load.
    this.mark('node start and bundle load');
  }

  /** Ends the phase running since the previous mark. */
  mark(phase: string): void {
    const now = performance.now();
    this.marks.push({ phase, ms: now - this.last });
    this.last = now;
  }

  setNative(phases: StartPhase[]): void {
    this.native = phases;
  }

  text(): string {
    const ms = (v: number): string => `${v.toFixed(1).padStart(8)} ms`;
    const lines = this.marks.map((m) => `${ms(m.ms)}  ${m.phase}`);
    lines.push(`${ms(this.last)}  total until the report was written`);
    const timed = this.native.filter((p) => !p.insns);
    const verified = this.native.filter((p) => p.insns).sort((a, b) => b.insns - a.insns);
    if (timed.length > 0) lines.push('  the sensor\'s start (native; loads run side by side, so they overlap):');
    for (const p of timed) lines.push(`  ${ms(p.ms)}  at ${p.startMs.toFixed(1)} ms: ${p.phase}`);
    if (verified.length > 0) {
      const total = verified.reduce((sum, p) => sum + p.insns, 0);
      lines.push(`  instructions the verifier walked, ${total} in all:`);
      for (const p of verified) lines.push(`  ${String(p.insns).padStart(10)}  ${p.phase.replace(/^verified /, '')}`);
    }
    return lines.join('\n');
  }
}
