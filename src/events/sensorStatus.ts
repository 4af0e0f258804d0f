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
  /** The bulk ring buffer's size in bytes (file records). */
  ringbufBytes: number;
  /** Both ring buffers: size, and what each took and lost (absent in reports from before there were two). */
  rings?: RingStatus[];
  /**
   * The job's processes whose file records were lost (the bulk ring was
   * full), most first: who flooded, and how much of them is missing.
   */
  lostByProcess?: ProcessLoss[];
}

/** One kernel ring buffer; its counters are its hooks' summed. */
export interface RingStatus {
  /** 'priority': every kind but file records, drained first; 'bulk': file records. */
  ring: 'priority' | 'bulk';
  bytes: number;
  sent: number;
  lost: number;
}

/** A process that lost file records to a full ring buffer. */
export interface ProcessLoss {
  pid: number;
  /** Its executable when the tracker knew it, else the kernel's task name. */
  name: string;
  /** file_open records lost. */
  fileOpens: number;
  /** file_remove, file_move and file_link records lost. */
  fileOps: number;
}
