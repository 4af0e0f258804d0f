/** Which kernel mechanism a hook got at load time, and what was tried first. */
export interface AttachPlanEntry {
  /** Logical hook, e.g. 'file_open', 'process_exec', 'network_connect'. */
  hook: string;
  /** Mechanism in use: 'fexit', 'tp_btf', 'tracepoint', 'cgroup_sock_addr', ... or 'none'. */
  mechanism: string;
  /** Kernel attach point(s), e.g. 'syscalls/sys_exit_openat'. */
  target: string;
  /** Better mechanisms that were tried and refused, with the kernel's reason. */
  unavailable?: { mechanism: string; target: string; error: string }[];
}

/** Kernel-side counters for one hook, summed over CPUs. */
export interface HookCounters {
  hook: string;
  /** Records written to the ring buffer. */
  sent: number;
  /** Records that did not fit in the ring buffer: lost, and reported. */
  lost: number;
  /** Exact repeats dropped on purpose in the kernel (e.g. the same open by the same process). */
  suppressed: number;
}

/** What every report states about the sensor itself, next to the events. */
export interface SensorStatus {
  plan: AttachPlanEntry[];
  hooks: HookCounters[];
  /** Sum of HookCounters.lost. */
  lostRecords: number;
  /** Records the tracker read but could not turn into events (malformed, unknown kind). */
  undecodable: number;
  /** Ring buffer size in bytes. */
  ringbufBytes: number;
}
