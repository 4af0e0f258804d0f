/**
 * The only module that touches FFI: native/cicd_sensor.h declared for koffi.
 * Everything else goes through the typed façade in sensor.ts.
 */
import koffi, { type LibraryHandle } from 'koffi';
import { libraryPath } from './assets.js';

/** Must equal CS_NATIVE_ABI in native/cicd_sensor.h. */
export const NATIVE_ABI = 7;

export type Handle = bigint;

export interface NativeApi {
  cs_abi_version(): number;
  cs_records_version(): number;
  cs_open(objPath: string, ringbufBytes: number, priorityBytes: number, selfTgid: number, flags: number, err: number[]): Handle | null;
  cs_track_cgroup(h: Handle, id: bigint): number;
  cs_untrack_cgroup(h: Handle, id: bigint): number;
  cs_track_task(h: Handle, tgid: number, startNs: bigint): number;
  cs_untrack_task(h: Handle, tgid: number): number;
  cs_protect(h: Handle, tgid: number): number;
  cs_unprotect(h: Handle, tgid: number): number;
  cs_stage(h: Handle, basename: string): number;
  cs_unstage(h: Handle, basename: string): number;
  cs_list_tracked(h: Handle, out: BigUint64Array, max: number): number;
  cs_list_staged(h: Handle, out: Buffer, max: number): number;
  cs_poll(h: Handle, buf: Buffer, len: number, timeoutMs: number): number;
  cs_backlog(h: Handle): number | bigint;
  cs_wake(h: Handle): number;
  cs_map_id(h: Handle, name: string): number;
  cs_read_counters(h: Handle, out: BigUint64Array, max: number): number;
  cs_read_lost_files(h: Handle, out: Buffer, max: number): number;
  cs_links_alive(h: Handle): number;
  cs_link_report(h: Handle, out: Buffer, len: number): number;
  cs_cgroup_alive(h: Handle, id: bigint): number;
  cs_close(h: Handle): void;
  cs_close_in_background(h: Handle): number;
  cs_timings(h: Handle, out: Buffer, len: number): number;
  cs_boot_to_realtime_ns(): number | bigint;
  cs_peer_pid(fd: number): number;
  cs_peer_cred(fd: number, out: Int32Array): number;
  cs_test_skb(h: Handle, prog: string, frame: Buffer, len: number): number;
  cs_last_error(buf: Buffer, len: number): number;
  cs_policy_set(h: Handle, policy: number, mode: number, allowLoopback: number, ttlFloorS: number, ttlCeilingS: number): number;
  cs_policy_add_address(h: Handle, policy: number, addr16: Buffer, prefix: number, port: number): number;
  cs_policy_add_name(h: Handle, policy: number, name: string, wildcard: number, ports: Uint16Array, nports: number): number;
  cs_policy_clear(h: Handle, policy: number): number;
  cs_track_cgroup_policy(h: Handle, id: bigint, policy: number): number;
  cs_stage_policy(h: Handle, basename: string, policy: number): number;
  cs_policy_exempt(h: Handle, tgid: number, exempt: number): number;
  cs_policy_stats(h: Handle, out: BigUint64Array, max: number): number;
  /** cs_poll on a koffi worker thread, so waiting never blocks the event loop. */
  pollAsync(h: Handle, buf: Buffer, len: number, timeoutMs: number): Promise<number>;
  /** cs_attach on a koffi worker thread: the verifier's time leaves the event loop free. */
  attachAsync(h: Handle, cgroupRoot: string, plan: Buffer, planLen: number): Promise<number>;
}

let api: NativeApi | undefined;

/** A native function called on koffi's worker thread: its int result as a promise. */
const onWorker =
  (fn: ReturnType<LibraryHandle['func']>) =>
  (...args: unknown[]): Promise<number> =>
    new Promise((resolve, reject) => {
      fn.async(...args, (err: unknown, res: number) => (err ? reject(err) : resolve(res)));
    });

export function nativeApi(): NativeApi {
  if (api) return api;
  const lib = koffi.load(libraryPath());
  koffi.opaque('cs_sensor');
  const f = (decl: string) => lib.func(decl);
  const poll = f('int cs_poll(cs_sensor *s, uint8_t *buf, uint32_t len, int timeout_ms)');
  const attach = f('int cs_attach(cs_sensor *s, const char *cgroup_root, _Out_ uint8_t *plan, uint32_t plan_len)');
  const loaded: NativeApi = {
    cs_abi_version: f('int cs_abi_version(void)'),
    cs_records_version: f('int cs_records_version(void)'),
    cs_open: f('cs_sensor *cs_open(const char *obj_path, uint32_t ringbuf_bytes, uint32_t priority_bytes, uint32_t self_tgid, uint32_t flags, _Out_ int *err)'),
    cs_track_cgroup: f('int cs_track_cgroup(cs_sensor *s, uint64_t cgroup_id)'),
    cs_untrack_cgroup: f('int cs_untrack_cgroup(cs_sensor *s, uint64_t cgroup_id)'),
    cs_track_task: f('int cs_track_task(cs_sensor *s, uint32_t tgid, uint64_t start_time_ns)'),
    cs_untrack_task: f('int cs_untrack_task(cs_sensor *s, uint32_t tgid)'),
    cs_protect: f('int cs_protect(cs_sensor *s, uint32_t tgid)'),
    cs_unprotect: f('int cs_unprotect(cs_sensor *s, uint32_t tgid)'),
    cs_stage: f('int cs_stage(cs_sensor *s, const char *basename)'),
    cs_unstage: f('int cs_unstage(cs_sensor *s, const char *basename)'),
    cs_list_tracked: f('int cs_list_tracked(cs_sensor *s, _Out_ uint64_t *out, uint32_t max)'),
    cs_list_staged: f('int cs_list_staged(cs_sensor *s, _Out_ uint8_t *out, uint32_t max)'),
    cs_poll: poll,
    cs_backlog: f('int64_t cs_backlog(cs_sensor *s)'),
    cs_wake: f('int cs_wake(cs_sensor *s)'),
    cs_map_id: f('int cs_map_id(cs_sensor *s, const char *name)'),
    cs_read_counters: f('int cs_read_counters(cs_sensor *s, _Out_ uint64_t *out, uint32_t max)'),
    cs_read_lost_files: f('int cs_read_lost_files(cs_sensor *s, _Out_ uint8_t *out, uint32_t max)'),
    cs_links_alive: f('int cs_links_alive(cs_sensor *s)'),
    cs_link_report: f('int cs_link_report(cs_sensor *s, _Out_ uint8_t *out, uint32_t len)'),
    cs_cgroup_alive: f('int cs_cgroup_alive(cs_sensor *s, uint64_t cgroup_id)'),
    cs_close: f('void cs_close(cs_sensor *s)'),
    cs_close_in_background: f('int cs_close_in_background(cs_sensor *s)'),
    cs_timings: f('int cs_timings(cs_sensor *s, _Out_ uint8_t *out, uint32_t len)'),
    cs_boot_to_realtime_ns: f('int64_t cs_boot_to_realtime_ns(void)'),
    cs_peer_pid: f('int cs_peer_pid(int fd)'),
    cs_peer_cred: f('int cs_peer_cred(int fd, _Out_ int *out)'),
    cs_test_skb: f('int cs_test_skb(cs_sensor *s, const char *prog, const uint8_t *frame, uint32_t len)'),
    cs_last_error: f('int cs_last_error(_Out_ uint8_t *buf, uint32_t len)'),
    cs_policy_set: f('int cs_policy_set(cs_sensor *s, uint32_t policy, uint32_t mode, uint32_t allow_loopback, uint32_t ttl_floor_s, uint32_t ttl_ceiling_s)'),
    cs_policy_add_address: f('int cs_policy_add_address(cs_sensor *s, uint32_t policy, const uint8_t *addr16, uint32_t prefix, uint32_t port)'),
    cs_policy_add_name: f('int cs_policy_add_name(cs_sensor *s, uint32_t policy, const char *name, uint32_t wildcard, const uint16_t *ports, uint32_t nports)'),
    cs_policy_clear: f('int cs_policy_clear(cs_sensor *s, uint32_t policy)'),
    cs_track_cgroup_policy: f('int cs_track_cgroup_policy(cs_sensor *s, uint64_t cgroup_id, uint32_t policy)'),
    cs_stage_policy: f('int cs_stage_policy(cs_sensor *s, const char *basename, uint32_t policy)'),
    cs_policy_exempt: f('int cs_policy_exempt(cs_sensor *s, uint32_t tgid, uint32_t exempt)'),
    cs_policy_stats: f('int cs_policy_stats(cs_sensor *s, _Out_ uint64_t *out, uint32_t max)'),
    pollAsync: onWorker(poll),
    attachAsync: onWorker(attach),
  };
  if (loaded.cs_abi_version() !== NATIVE_ABI) {
    throw new Error(`${libraryPath()} speaks native ABI ${loaded.cs_abi_version()}, this build expects ${NATIVE_ABI}`);
  }
  api = loaded;
  return api;
}
