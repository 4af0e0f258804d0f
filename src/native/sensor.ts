/**
 * Typed façade over the native library: negative errno becomes a
 * SensorError carrying libbpf's message, and the opaque handle never leaves
 * this class.
 */
import { constants as osConstants } from 'node:os';
import { EnvVar } from '../action/constants.js';
import type { AttachPlanEntry, HookCounters } from '../events/sensorStatus.js';
import { RECORDS_ABI, HOOK_NAMES, OFFSETS, SIZEOF, STAGING_KEY_MAX } from '../kernel/layout.js';
import type { LostFilesEntry } from '../kerneltracker/kernelMaps.js';
import type { KernelPolicyConfig, PolicyMaps } from '../policy/kernelPolicy.js';
import { bpfObjectPath } from './assets.js';
import { nativeApi, type Handle, type NativeApi } from './ffi.js';

/** One phase of the sensor's start, as cs_timings reports it. */
export interface StartPhase {
  phase: string;
  /** Since Sensor.open began. */
  startMs: number;
  ms: number;
  /** For a "verified PROG" entry: the instructions the verifier walked for that program. */
  insns: number;
}

/** The test override of the priority ring's size; a bad value is an error, never ignored. */
function debugPriorityRing(): number | undefined {
  const text = process.env[EnvVar.DebugPriorityRingbuf];
  if (!text) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 4096 || (n & (n - 1)) !== 0) {
    throw new Error(`${EnvVar.DebugPriorityRingbuf}=${text}: a power of two of at least 4096 bytes`);
  }
  return n;
}

export class SensorError extends Error {
  constructor(
    message: string,
    readonly errno: number,
  ) {
    super(message);
    this.name = 'SensorError';
  }
}

/** One of the sensor's BPF links as the kernel reports it (native/tamper.c). */
export interface LinkState {
  /** The link's kernel id (0 when its info could not be read). */
  link: number;
  /** The program attached through it now. */
  prog: number;
  /** false once detached (bpftool link detach) or emptied. */
  attached: boolean;
  /** Our program's name, e.g. cs_connect4. */
  name: string;
}

/**
 * The priority ring's default size. Its records are a small share of a
 * job's, and it is drained at least every few thousand file records
 * (native/ring.c BULK_SHARE), so 1 MiB holds thousands of execs' worth of
 * backlog; each MiB costs the tracker 2 MiB of RSS (the kernel maps a
 * ring's data twice, all of it at once).
 */
export const DEFAULT_PRIORITY_RINGBUF_BYTES = 1 << 20;

/** The two ring buffers' sizes in bytes (bpf/common.bpf.h says why there are two). */
export interface RingSizes {
  /** Every kind but the file records; drained first once it fills. */
  priority: number;
  /** File records, which a job can produce by the million. */
  bulk: number;
}

export interface SensorOptions {
  /** The bulk ring buffer's size in bytes: a power of two, at least a page. */
  ringbufBytes: number;
  /** The priority ring buffer's size (DEFAULT_PRIORITY_RINGBUF_BYTES when unset). */
  priorityRingbufBytes?: number;
  /** Force the tracepoint fallbacks even where function hooks work. */
  noFunctionHooks?: boolean;
  /** Leave the libssl uprobes (http_request_tls) off: no HTTPS request is read, no process pays their trap. */
  noTlsRequests?: boolean;
  /** Override the BPF object (tests). */
  objectPath?: string;
}

const errnoName = (errno: number): string =>
  Object.entries(osConstants.errno).find(([, v]) => v === errno)?.[0] ?? `errno ${errno}`;

function lastError(api: NativeApi, rc: number): SensorError {
  const buf = Buffer.alloc(8192);
  const n = api.cs_last_error(buf, buf.length);
  const text = n > 0 ? buf.subarray(0, n).toString('utf8') : errnoName(-rc);
  return new SensorError(text, -rc);
}

/** CS_LOST_FILES_MAX and CS_LOST_FILES_ENTRY (bpf/records.h, native/cicd_sensor.h). */
const LOST_FILES_MAX = 4096;
const LOST_FILES_ENTRY = SIZEOF.cs_lost_key + SIZEOF.cs_lost_files;

function decodeLostFiles(b: Buffer): LostFilesEntry {
  const key = OFFSETS.cs_lost_key;
  const at = (off: number) => SIZEOF.cs_lost_key + off;
  const value = OFFSETS.cs_lost_files;
  const comm = b.subarray(at(value.comm), LOST_FILES_ENTRY);
  const end = comm.indexOf(0);
  return {
    pid: b.readUInt32LE(key.pid),
    startNs: Number(b.readBigUInt64LE(key.start_time_ns)),
    cgroupId: Number(b.readBigUInt64LE(at(value.cgroup_id))),
    comm: comm.subarray(0, end < 0 ? comm.length : end).toString('utf8'),
    opens: Number(b.readBigUInt64LE(at(value.opens))),
    ops: Number(b.readBigUInt64LE(at(value.ops))),
  };
}

const POLICY_MODES = { off: 0, audit: 1, block: 2 } as const;
const POLICY_STATS = ['denied', 'refused', 'learned', 'learnFull'] as const;
export type PolicyStats = Record<(typeof POLICY_STATS)[number], number>;

/** Room for the attach plan's JSON. */
const PLAN_BYTES = 64 * 1024;

function planOf(buf: Buffer): AttachPlanEntry[] {
  const text = buf.subarray(0, buf.indexOf(0)).toString('utf8');
  if (process.env[EnvVar.DebugPlan]) console.error(text);
  return JSON.parse(text) as AttachPlanEntry[];
}

export class Sensor implements PolicyMaps {
  private closed = false;
  private polling = false;
  private attaching = false;
  private linkReport: Buffer | undefined;

  private constructor(
    private readonly api: NativeApi,
    private readonly handle: Handle,
    readonly rings: RingSizes,
  ) {}

  static open(opts: SensorOptions): Sensor {
    const api = nativeApi();
    if (api.cs_records_version() !== RECORDS_ABI) {
      throw new SensorError(`native library uses record layout ${api.cs_records_version()}, decoder expects ${RECORDS_ABI}`, 0);
    }
    const err = [0];
    // CS_OPEN_NO_FUNCTION_HOOKS, CS_OPEN_NO_TLS_REQUESTS (native/cicd_sensor.h).
    const flags = (opts.noFunctionHooks ? 1 : 0) | (opts.noTlsRequests ? 2 : 0);
    const rings = { priority: opts.priorityRingbufBytes ?? debugPriorityRing() ?? DEFAULT_PRIORITY_RINGBUF_BYTES, bulk: opts.ringbufBytes };
    const h = api.cs_open(opts.objectPath ?? bpfObjectPath(), rings.bulk, rings.priority, process.pid, flags, err);
    if (!h) throw lastError(api, err[0] ?? -1);
    return new Sensor(api, h, rings);
  }

  private check(rc: number): number {
    if (rc < 0) throw lastError(this.api, rc);
    return rc;
  }

  private live(): Handle {
    if (this.closed) throw new SensorError('sensor is closed', 9);
    return this.handle;
  }

  /**
   * Attaches every hook, on a worker thread so the caller's thread does
   * other work while the verifier runs (run compiles its rules); resolves
   * to the plan (which mechanism each hook got). Nothing else may use the
   * sensor until it settles.
   */
  async attachAsync(cgroupRoot: string): Promise<AttachPlanEntry[]> {
    const buf = Buffer.alloc(PLAN_BYTES);
    this.attaching = true;
    try {
      this.check(await this.api.attachAsync(this.live(), cgroupRoot, buf, buf.length));
    } finally {
      this.attaching = false;
    }
    return planOf(buf);
  }

  /** policy: an egress policy id (0: none); the kernel gives the cgroup's new children the same. */
  trackCgroup(id: bigint, policy = 0): void {
    this.check(this.api.cs_track_cgroup_policy(this.live(), id, policy));
  }

  untrackCgroup(id: bigint): void {
    this.check(this.api.cs_untrack_cgroup(this.live(), id));
  }

  trackTask(tgid: number, startNs: bigint): void {
    this.check(this.api.cs_track_task(this.live(), tgid, startNs));
  }

  untrackTask(tgid: number): void {
    this.check(this.api.cs_untrack_task(this.live(), tgid));
  }

  /** protect-runner: the jobs' ptrace, process_vm_* and /proc/<pid>/mem opens of tgid are stopped. */
  protect(tgid: number): void {
    this.check(this.api.cs_protect(this.live(), tgid));
  }

  unprotect(tgid: number): void {
    this.check(this.api.cs_unprotect(this.live(), tgid));
  }

  /** policy: the job's egress policy id, which the container's cgroup gets when it is made. */
  stage(basename: string, policy = 0): void {
    this.check(this.api.cs_stage_policy(this.live(), basename, policy));
  }

  unstage(basename: string): void {
    this.check(this.api.cs_unstage(this.live(), basename));
  }

  trackedCgroups(max = 16384): bigint[] {
    const out = new BigUint64Array(max);
    const n = this.check(this.api.cs_list_tracked(this.live(), out, max));
    return Array.from(out.subarray(0, n));
  }

  stagedBasenames(max = 4096): string[] {
    const out = Buffer.alloc(max * STAGING_KEY_MAX);
    const n = this.check(this.api.cs_list_staged(this.live(), out, max));
    const names: string[] = [];
    for (let i = 0; i < n; i++) {
      const key = out.subarray(i * STAGING_KEY_MAX, (i + 1) * STAGING_KEY_MAX);
      const end = key.indexOf(0);
      names.push(key.subarray(0, end < 0 ? key.length : end).toString('utf8'));
    }
    return names;
  }

  setPolicy(policy: number, cfg: KernelPolicyConfig): void {
    const mode = POLICY_MODES[cfg.mode];
    this.check(this.api.cs_policy_set(this.live(), policy, mode, cfg.allowLoopback ? 1 : 0, cfg.ttlFloorS, cfg.ttlCeilingS));
  }

  addPolicyAddress(policy: number, addr16: Buffer, prefix: number, port: number): void {
    this.check(this.api.cs_policy_add_address(this.live(), policy, addr16, prefix, port));
  }

  addPolicyName(policy: number, name: string, wildcard: boolean, ports: readonly number[]): void {
    const buf = Uint16Array.from(ports.length > 0 ? ports : [0]);
    this.check(this.api.cs_policy_add_name(this.live(), policy, name, wildcard ? 1 : 0, buf, ports.length));
  }

  clearPolicy(policy: number): void {
    this.check(this.api.cs_policy_clear(this.live(), policy));
  }

  exemptTask(tgid: number, exempt: boolean): void {
    this.check(this.api.cs_policy_exempt(this.live(), tgid, exempt ? 1 : 0));
  }

  policyStats(): PolicyStats {
    const out = new BigUint64Array(POLICY_STATS.length);
    this.check(this.api.cs_policy_stats(this.live(), out, out.length));
    return Object.fromEntries(POLICY_STATS.map((k, i) => [k, Number(out[i])])) as PolicyStats;
  }

  /** Kernel ids of the sensor's maps, for bpftool and diagnostics. */
  mapIds(): Record<string, number> {
    const names = ['tracked_cgroups', 'tracked_tasks', 'staging_map', 'events', 'events_priority', 'counters', 'lost_files'];
    return Object.fromEntries(names.map((n) => [n, this.check(this.api.cs_map_id(this.live(), n))]));
  }

  /** Copies whole records into buf without waiting; returns bytes written. */
  pollNow(buf: Buffer): number {
    return this.check(this.api.cs_poll(this.live(), buf, buf.length, 0));
  }

  /** Waits up to timeoutMs for records on a worker thread; returns bytes written. */
  async poll(buf: Buffer, timeoutMs: number): Promise<number> {
    if (this.polling) throw new SensorError('poll already in progress', 16);
    this.polling = true;
    try {
      const rc = await this.api.pollAsync(this.live(), buf, buf.length, timeoutMs);
      if (rc < 0) throw new SensorError(`polling the ring buffer: ${errnoName(-rc)}`, -rc);
      return rc;
    } finally {
      this.polling = false;
    }
  }

  /** Ends the poll waiting now (or the next one's wait at once): its caller wants the records so far, or is stopping. */
  wake(): void {
    this.check(this.api.cs_wake(this.live()));
  }

  backlog(): number {
    return Number(this.api.cs_backlog(this.live()));
  }

  counters(): HookCounters[] {
    const out = new BigUint64Array(HOOK_NAMES.length * 3);
    this.check(this.api.cs_read_counters(this.live(), out, out.length));
    return HOOK_NAMES.map((hook, i) => ({
      hook,
      sent: Number(out[i * 3]),
      lost: Number(out[i * 3 + 1]),
      suppressed: Number(out[i * 3 + 2]),
    }));
  }

  /** The lost_files map: which processes lost file records to a full bulk ring, and how many. */
  lostFiles(max = LOST_FILES_MAX): LostFilesEntry[] {
    const out = Buffer.alloc(max * LOST_FILES_ENTRY);
    const n = this.check(this.api.cs_read_lost_files(this.live(), out, max));
    const entries: LostFilesEntry[] = [];
    for (let i = 0; i < n; i++) entries.push(decodeLostFiles(out.subarray(i * LOST_FILES_ENTRY, (i + 1) * LOST_FILES_ENTRY)));
    return entries;
  }

  /** CLOCK_REALTIME - CLOCK_BOOTTIME in ns, for turning record times into wall-clock times. */
  static bootToRealtimeNs(): number {
    return Number(nativeApi().cs_boot_to_realtime_ns());
  }

  /** Runs a loaded packet program on one crafted Ethernet frame (BPF_PROG_TEST_RUN); returns its verdict. */
  testSkb(prog: string, frame: Buffer): number {
    return this.check(this.api.cs_test_skb(this.live(), prog, frame, frame.length));
  }

  /** Where the start went: the maps, each instance's load (the verifier), each hook's attach. */
  timings(): StartPhase[] {
    const buf = Buffer.alloc(16 * 1024);
    const n = this.check(this.api.cs_timings(this.live(), buf, buf.length));
    return JSON.parse(buf.subarray(0, n).toString('utf8')) as StartPhase[];
  }

  linksAlive(): number {
    return this.api.cs_links_alive(this.live());
  }

  /** Every link the sensor attached, with the program attached through it now. */
  links(): LinkState[] {
    // One buffer for every call: the tamper check asks each second, and so does every stats request.
    const buf = (this.linkReport ??= Buffer.alloc(16 * 1024));
    const n = this.check(this.api.cs_link_report(this.live(), buf, buf.length));
    return JSON.parse(buf.subarray(0, n).toString('utf8')) as LinkState[];
  }

  /** Whether the cgroup with this id exists, judged by id below the cgroup root opened at attach (no path a mount could hide). */
  cgroupAlive(id: bigint): boolean {
    return this.check(this.api.cs_cgroup_alive(this.live(), id)) === 1;
  }

  /**
   * Detaches everything. Waits for nothing: callers stop polling first.
   * inBackground: a child process detaches the links after this returns
   * (each syscall tracepoint's detach waits for an RCU grace period, one
   * after another: over a second in all), for a caller about to exit.
   */
  close(opts: { inBackground?: boolean } = {}): void {
    if (this.closed) return;
    if (this.polling) throw new SensorError('close while a poll is running', 16);
    if (this.attaching) throw new SensorError('close while the programs are loading', 16);
    // A failed hand-over leaves the links with us: cs_close below detaches them as usual.
    if (opts.inBackground) this.api.cs_close_in_background(this.handle);
    this.closed = true;
    this.api.cs_close(this.handle);
  }
}
