/**
 * Moves records from the ring buffer through the decoder into the tracker,
 * one batch per native call. Runs until stopped, then drains what the kernel
 * had already written.
 */
import { decodeBatch } from '../kernel/decode.js';
import type { Sensor } from '../native/sensor.js';
import type { KernelTracker } from './kernelTracker.js';

export interface PumpOptions {
  /** Batch buffer size; each record is at most a few KiB. */
  batchBytes?: number;
  /** How long one wait for records may block; bounds stop latency too. */
  pollMs?: number;
  /** Called after each run of batches (sinks flush here). */
  afterBatch?: () => void;
}

export class Pump {
  private readonly buf: Buffer;
  private stopping = false;
  private done: Promise<void> | undefined;
  private drainWaiters: (() => void)[] = [];
  batches = 0;

  constructor(
    private readonly sensor: Sensor,
    private readonly tracker: KernelTracker,
    private readonly opts: PumpOptions = {},
  ) {
    this.buf = Buffer.alloc(opts.batchBytes ?? 4 << 20);
  }

  private consume(n: number): void {
    if (n <= 0) return;
    this.batches++;
    decodeBatch(
      this.buf,
      n,
      (s) => this.tracker.handle(s),
      () => this.tracker.noteMalformed(),
    );
  }

  /**
   * Takes what the kernel has written with cheap synchronous calls, not one
   * thread-pool round trip per handful of records (a busy job writes
   * continuously, so every wait would return at once with a few records);
   * bounded so control requests and the docker proxy still get their turn.
   */
  private drainFor(n: number, budgetMs: number): void {
    const end = performance.now() + budgetMs;
    while (n > 0) {
      this.consume(n);
      if (performance.now() >= end) break;
      n = this.sensor.pollNow(this.buf);
    }
  }

  start(): void {
    this.done ??= this.loop();
  }

  private async loop(): Promise<void> {
    const pollMs = this.opts.pollMs ?? 100;
    while (!this.stopping) {
      this.drainFor(await this.sensor.poll(this.buf, pollMs), 50);
      this.tracker.expireRemoved();
      this.tracker.releaseDueDomains();
      this.opts.afterBatch?.();
      if (this.drainWaiters.length) {
        this.drain();
        for (const wake of this.drainWaiters.splice(0)) wake();
      }
    }
  }

  /**
   * Resolves once everything the kernel wrote before the call has been
   * handled. The ring buffer has one consumer, so the loop does the
   * draining between its waits rather than a second reader racing it.
   */
  settle(): Promise<void> {
    if (!this.done || this.stopping) {
      this.drain();
      return Promise.resolve();
    }
    const settled = new Promise<void>((resolve) => this.drainWaiters.push(resolve));
    // Now, not at the wait's timeout: a job's unregister waits for this.
    this.sensor.wake();
    return settled;
  }

  /** Synchronously drains everything the kernel has written so far. */
  drain(): void {
    for (let n = this.sensor.pollNow(this.buf); n > 0; n = this.sensor.pollNow(this.buf)) this.consume(n);
    this.opts.afterBatch?.();
  }

  /** Stops the loop (its wait ends at once), then drains. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.done) this.sensor.wake();
    await this.done;
    this.drain();
    // Drained: no answer is coming for a question still waiting for one.
    this.tracker.releaseDueDomains(true);
    this.opts.afterBatch?.();
    for (const wake of this.drainWaiters.splice(0)) wake();
  }
}
