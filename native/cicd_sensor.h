/* SPDX-License-Identifier: MIT */
/*
 * The C ABI the TypeScript side calls through koffi (src/native/ffi.ts
 * declares it). Shaped for FFI: an opaque handle, integer returns (negative
 * errno on failure, with cs_last_error for the words), caller-owned
 * buffers, and whole batches per call instead of callbacks.
 */
#ifndef CICD_SENSOR_H
#define CICD_SENSOR_H

#include <stdint.h>

#define CS_NATIVE_ABI 7

struct cs_sensor;

/* Open flags. */
#define CS_OPEN_NO_FUNCTION_HOOKS (1u << 0) /* force the tracepoint fallbacks */
#define CS_OPEN_NO_TLS_REQUESTS (1u << 1) /* leave the libssl uprobes (http_request_tls) off */

/* Returns CS_NATIVE_ABI; the binding refuses a library that disagrees. */
int cs_abi_version(void);

/* Returns the record layout version (CS_ABI_VERSION of bpf/records.h). */
int cs_records_version(void);

/*
 * Opens and loads obj_path with the given ring buffer sizes (powers of two,
 * in bytes: the bulk ring for file records, the priority ring for every
 * other kind) and the tracker's own tgid, which is never observed. On
 * failure returns NULL and sets *err to a negative errno.
 */
struct cs_sensor *cs_open(const char *obj_path, uint32_t ringbuf_bytes, uint32_t priority_bytes, uint32_t self_tgid,
			  uint32_t flags, int *err);

/*
 * Attaches every hook, choosing per hook the best mechanism that loads and
 * attaches here; cgroup programs go on the cgroup v2 root at cgroup_root.
 * Writes the attach plan as JSON into plan (NUL-terminated).
 */
int cs_attach(struct cs_sensor *s, const char *cgroup_root, char *plan, uint32_t plan_len);

int cs_track_cgroup(struct cs_sensor *s, uint64_t cgroup_id);
int cs_untrack_cgroup(struct cs_sensor *s, uint64_t cgroup_id);
/* Marks a process as part of a job, for processes that predate the sensor. */
int cs_track_task(struct cs_sensor *s, uint32_t tgid, uint64_t start_time_ns);
int cs_untrack_task(struct cs_sensor *s, uint32_t tgid);
int cs_stage(struct cs_sensor *s, const char *basename);
int cs_unstage(struct cs_sensor *s, const char *basename);

/*
 * protect-runner: the process tgid (every thread of it, now and later) is
 * protected from the jobs' ptrace, process_vm_readv/writev and
 * /proc/<pid>/mem opens, by the mechanism the attach plan chose.
 */
int cs_protect(struct cs_sensor *s, uint32_t tgid);
int cs_unprotect(struct cs_sensor *s, uint32_t tgid);

/* Writes up to max tracked cgroup ids into out; returns how many. */
int cs_list_tracked(struct cs_sensor *s, uint64_t *out, uint32_t max);
/* Writes up to max staged basenames, each CS_STAGING_KEY_MAX bytes; returns how many. */
int cs_list_staged(struct cs_sensor *s, char *out, uint32_t max);

/*
 * Copies whole records from both rings into buf, each as [u32
 * len][u32 0][record][pad to 8], in time order (the priority ring first
 * once it is a quarter full), waiting up to timeout_ms for the first.
 * Returns bytes written (0: none). A record is consumed only once it has
 * been copied, so nothing is lost to a full buffer.
 */
int cs_poll(struct cs_sensor *s, uint8_t *buf, uint32_t len, int timeout_ms);

/* Bytes written by the kernel and not yet consumed, both rings. */
int64_t cs_backlog(struct cs_sensor *s);

/*
 * Ends a cs_poll waiting on another thread now, rather than at its
 * timeout (or the next cs_poll's wait at once, when none is waiting):
 * for a consumer that wants the records written so far, or is stopping.
 */
int cs_wake(struct cs_sensor *s);

/* Bytes per cs_read_lost_files entry: struct cs_lost_key then struct cs_lost_files. */
#define CS_LOST_FILES_ENTRY 56

/*
 * The processes whose file records the bulk ring could not take (the
 * lost_files map): up to max entries of CS_LOST_FILES_ENTRY bytes into out;
 * returns how many.
 */
int cs_read_lost_files(struct cs_sensor *s, uint8_t *out, uint32_t max);

/* The kernel's id of one of the sensor's maps, for bpftool and diagnostics. */
int cs_map_id(struct cs_sensor *s, const char *name);

/* Per-hook counters summed over CPUs: out[hook * 3 + {0 sent, 1 lost, 2 suppressed}]. */
int cs_read_counters(struct cs_sensor *s, uint64_t *out, uint32_t max);

/* Number of links still attached (a detached program shows as missing). */
int cs_links_alive(struct cs_sensor *s);

/*
 * Every link as JSON into out: [{"link":id,"prog":id,"attached":bool,
 * "name":"cs_..."}], prog being the program attached now. Returns the
 * length written.
 */
int cs_link_report(struct cs_sensor *s, char *out, uint32_t len);

/* 1 when the cgroup with this id exists, 0 when it is gone; looked up by id, never by path. */
int cs_cgroup_alive(struct cs_sensor *s, uint64_t cgroup_id);

void cs_close(struct cs_sensor *s);

/*
 * Hands the links to a child process that detaches them in the background
 * (each syscall tracepoint waits for an RCU grace period when it goes);
 * cs_close after it returns at once. Returns the child's pid, 0 when there
 * is nothing to hand over, or -errno (then cs_close detaches as usual).
 */
int cs_close_in_background(struct cs_sensor *s);

/*
 * Where the start went, as a JSON array of {"phase", "startMs", "ms"}: the
 * maps, each instance's load (verifier) and each hook's attach. Returns the
 * length written.
 */
int cs_timings(struct cs_sensor *s, char *out, uint32_t len);

/* CLOCK_REALTIME minus CLOCK_BOOTTIME, in ns: turns record times into wall-clock times. */
int64_t cs_boot_to_realtime_ns(void);

/* The pid of the process on the other end of unix socket fd (SO_PEERCRED). */
int cs_peer_pid(int fd);

/* out[0..2] = pid, uid, gid of the peer of unix socket fd (SO_PEERCRED); 0 or -errno. */
int cs_peer_cred(int fd, int *out);

/*
 * Runs the packet program prog (loading it if attach has not) on one
 * crafted packet (an Ethernet frame) with BPF_PROG_TEST_RUN; returns the
 * program's return value. For tests of the kernel parsers.
 */
int cs_test_skb(struct cs_sensor *s, const char *prog, const uint8_t *frame, uint32_t len);

/*
 * Egress policy (bpf/policy.h). A policy is an id in 1..CS_POLICY_MAX-1;
 * mode 0 off, 1 audit, 2 block. Addresses are IPv6 (IPv4 mapped), prefix in
 * bits of that; port 0 is any port. A name is lower-case without a trailing
 * dot; wildcard allows its subdomains at any depth (not the name itself);
 * nports 0 is any port. clear turns the policy off and removes its entries.
 */
int cs_policy_set(struct cs_sensor *s, uint32_t policy, uint32_t mode, uint32_t allow_loopback, uint32_t ttl_floor_s,
		  uint32_t ttl_ceiling_s);
int cs_policy_add_address(struct cs_sensor *s, uint32_t policy, const uint8_t *addr16, uint32_t prefix, uint32_t port);
int cs_policy_add_name(struct cs_sensor *s, uint32_t policy, const char *name, uint32_t wildcard, const uint16_t *ports,
		       uint32_t nports);
int cs_policy_clear(struct cs_sensor *s, uint32_t policy);
/* Tracks a cgroup under a policy (0: none); its new child cgroups inherit it in the kernel. */
int cs_track_cgroup_policy(struct cs_sensor *s, uint64_t cgroup_id, uint32_t policy);
/* Stages a container cgroup basename whose cgroup will be under policy. */
int cs_stage_policy(struct cs_sensor *s, const char *basename, uint32_t policy);
/* A process no policy applies to (the runner's worker), or no longer. */
int cs_policy_exempt(struct cs_sensor *s, uint32_t tgid, uint32_t exempt);
/* out[enum cs_policy_stat], summed over CPUs; returns how many. */
int cs_policy_stats(struct cs_sensor *s, uint64_t *out, uint32_t max);

/* Copies the calling thread's last error message (libbpf's output included). */
int cs_last_error(char *buf, uint32_t len);

#endif
