/**
 * The tamper record (bpf/tamper.bpf.h): what was done to the sensor's own
 * process, as the kernel saw it. Ops and states become names here.
 */
import { base, u64, type SampleBase } from './recordReader.js';
import { OFFSETS as O, TamperOp } from './layout.js';

/** A signal sent to the sensor: the header is the sender. */
export interface SignalTamperSample extends SampleBase {
  kind: 'tamper';
  op: 'signal';
  signal: number;
  /** The sensor's thread it was sent to. */
  targetTid: number;
  /** The tracepoint's result: 0 delivered, 1 ignored, 2 already pending, ... */
  result: number;
}

/**
 * The sensor's main thread stopped from stoppedNs to timeNs (CLOCK_BOOTTIME),
 * stamped by the kernel: count stops (under ptrace, one per system call),
 * totalNs in all.
 */
export interface StoppedTamperSample extends SampleBase {
  kind: 'tamper';
  op: 'stopped';
  stoppedNs: number;
  totalNs: number;
  count: number;
  /** How it was stopped. */
  state: 'stopped' | 'traced' | 'frozen';
}

/** A thread of the sensor (tid) found under ptrace by tracerPid. */
export interface TracedTamperSample extends SampleBase {
  kind: 'tamper';
  op: 'traced';
  tracerPid: number;
  tracerStartNs: number;
}

export type TamperSample = SignalTamperSample | StoppedTamperSample | TracedTamperSample;

// include/linux/sched.h: __TASK_TRACED, TASK_FROZEN; anything else that stops is a stop.
const stateName = (state: number): StoppedTamperSample['state'] =>
  state & 0x8 ? 'traced' : state & 0x8000 ? 'frozen' : 'stopped';

export function decodeTamper(b: Buffer, at: number): TamperSample {
  const o = O.cs_tamper;
  const op = b.readUInt32LE(at + o.op);
  if (op === TamperOp.STOPPED) {
    return {
      kind: 'tamper',
      op: 'stopped',
      ...base(b, at),
      stoppedNs: u64(b, at + o.stopped_ns),
      totalNs: u64(b, at + o.stopped_total_ns),
      count: b.readUInt32LE(at + o.count),
      state: stateName(b.readUInt32LE(at + o.sig)),
    };
  }
  if (op === TamperOp.TRACED) {
    return { kind: 'tamper', op: 'traced', ...base(b, at), tracerPid: b.readUInt32LE(at + o.tracer_pid), tracerStartNs: u64(b, at + o.tracer_start_time_ns) };
  }
  return {
    kind: 'tamper',
    op: 'signal',
    ...base(b, at),
    signal: b.readUInt32LE(at + o.sig),
    targetTid: b.readUInt32LE(at + o.target_tid),
    result: b.readInt32LE(at + o.result),
  };
}
