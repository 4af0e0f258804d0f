/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Maps, configuration and the record plumbing every hook shares. */
#ifndef CICD_SENSOR_COMMON_BPF_H
#define CICD_SENSOR_COMMON_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_endian.h>
#include "records.h"

/*
 * Records are built in a per-CPU scratch buffer (they are far larger than
 * the 512-byte stack) and copied out with bpf_ringbuf_output at their real
 * length. SCRATCH_MASK bounds every variable offset for the verifier; the
 * slack past it lets a bounded write start anywhere below the mask.
 */
#define SCRATCH_MASK 0x3fff
#define SCRATCH_SLACK 4096
#define SCRATCH_SIZE (SCRATCH_MASK + 1 + SCRATCH_SLACK)

/*
 * Restates an upper bound the verifier must see. clang drops a C mask it can
 * prove redundant from an earlier comparison, but the verifier may have lost
 * that comparison (it was made on a copy of the register), so the mask is
 * written in asm, where clang cannot remove it.
 */
#define BOUND(var, mask) asm volatile("%0 &= " #mask : "+r"(var))

/*
 * Runs step(i, ctx) for i = 0, 1, ... n - 1, until it returns nonzero;
 * step is a static function and ctx a struct on the caller's stack that
 * carries the loop's cursors from one turn to the next.
 *
 * Why: the verifier walks a bounded loop turn by turn, each turn in its
 * own state while the counter is exact (a 1024-byte scan: 1024 turns), and
 * the loops were most of the sensor's start (655,000 instructions verified
 * in all: the egress parser 254,000, each path walk 33,000). bpf_loop
 * (5.17, "bpf: Add bpf_loop helper") has it check the step as a function
 * called any number of times: a few passes until its state stops changing. The
 * kernel inlines the call (6.0), so a turn costs about what it did. Before
 * 5.17 the same step runs in a bounded loop, checked as before; the CO-RE
 * test is a constant once loaded, so the verifier sees one of the two (tests
 * force the bounded loop with CS_CFG_BOUNDED_LOOPS, also a load-time constant).
 */
#define BOUNDED_LOOP(n, step, ctx)                                                      \
	do {                                                                           \
		if (bpf_core_enum_value_exists(enum bpf_func_id, BPF_FUNC_loop) &&    \
		    !(cs_cfg.flags & CS_CFG_BOUNDED_LOOPS)) {                          \
			bpf_loop((n), (step), (ctx), 0);                               \
		} else {                                                               \
			for (__u32 __turn = 0; __turn < (n); __turn++)                 \
				if ((step)(__turn, (ctx)))                             \
					break;                                         \
		}                                                                      \
	} while (0)

struct scratch {
	__u8 buf[SCRATCH_SIZE];
};

/* Set by userspace before load; never written by the programs. */
const volatile struct cs_config cs_cfg SEC(".rodata.cfg") = {};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, __u64);
	__type(value, __u32);
} tracked_cgroups SEC(".maps");

/*
 * Processes known to be inside a tracked cgroup. cgroup_attach_task fires
 * after the move, so the task's old cgroup is gone by then; this map is how
 * the hook knows the task came from a job.
 */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, __u64);
} tracked_tasks SEC(".maps");

struct staging_key {
	char name[CS_STAGING_KEY_MAX];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct staging_key);
	__type(value, __u32);
} staging_map SEC(".maps");

/*
 * Two ring buffers, so a flood cannot blind the sensor (issue 18). A job
 * that opens a million files fills any ring the tracker cannot drain as
 * fast; if the exec or the connect that followed had to fit in the same
 * ring, flooding first would hide them. File records (the flood's kind)
 * go to events; every other kind goes to events_priority, which only the
 * rarer, high-value records share, and which userspace drains first. A
 * full bulk ring is still counted, and per process (lost_files).
 */
struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 << 20); /* resized by userspace before load */
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 20); /* resized by userspace before load */
} events_priority SEC(".maps");

/* Bounded: a flood of short-lived processes evicts the oldest, and the per-hook counters still count every loss. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, CS_LOST_FILES_MAX);
	__type(key, struct cs_lost_key);
	__type(value, struct cs_lost_files);
} lost_files SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, CS_HOOK_MAX);
	__type(key, __u32);
	__type(value, struct cs_counters);
} counters SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch_map SEC(".maps");

static __always_inline struct cs_counters *counter(__u32 hook)
{
	return bpf_map_lookup_elem(&counters, &hook);
}

static __always_inline void count_suppressed(__u32 hook)
{
	struct cs_counters *c = counter(hook);

	if (c)
		c->suppressed++;
}

static __always_inline bool cgroup_tracked(__u64 cgid)
{
	return bpf_map_lookup_elem(&tracked_cgroups, &cgid) != NULL;
}

/* The fast drop every rule-facing hook starts with. */
static __always_inline bool current_tracked(void)
{
	if ((bpf_get_current_pid_tgid() >> 32) == cs_cfg.self_tgid)
		return false;
	return cgroup_tracked(bpf_get_current_cgroup_id());
}

static __always_inline __u8 *scratch_buf(void)
{
	__u32 zero = 0;
	struct scratch *s = bpf_map_lookup_elem(&scratch_map, &zero);

	return s ? s->buf : NULL;
}

static __always_inline void fill_header(struct cs_header *h, __u16 kind, __u64 start_time_ns)
{
	__u64 id = bpf_get_current_pid_tgid();

	h->kind = kind;
	h->size = 0;
	h->pid = id >> 32;
	h->tid = (__u32)id;
	h->flags = 0;
	h->time_ns = bpf_ktime_get_boot_ns();
	h->cgroup_id = bpf_get_current_cgroup_id();
	h->start_time_ns = start_time_ns;
}

/*
 * Wakes userspace only once enough unread data has piled up (seed 001,
 * lesson 7): a wakeup per record costs more than the record. Userspace also
 * polls on a short timeout, so a quiet trickle is still delivered.
 *
 * The wakeup goes with the record that carries the backlog across a multiple
 * of threshold, not with every record above it: a forced wakeup is an
 * irq_work and a self-IPI, which a VM pays as an exit, and until the woken
 * consumer has drained, every record above the threshold forced one (4% of
 * the open storm's CPU, tracked). Two producers can both step over the first
 * multiple unseen (each saw the backlog before the other's record); the next
 * multiple wakes then. The consumer waits only with an empty ring
 * (native/sensor.c cs_poll), and epoll keeps a wakeup that comes before the
 * wait.
 */
static __always_inline __u64 wakeup_flags(void *ring, __u32 threshold, __u32 size)
{
	__u64 avail = bpf_ringbuf_query(ring, BPF_RB_AVAIL_DATA);

	if (threshold == 0 || avail / threshold != (avail + size) / threshold)
		return BPF_RB_FORCE_WAKEUP;
	return BPF_RB_NO_WAKEUP;
}

/* The file hooks: the kinds a job can produce by the million, so the bulk ring's. */
static __always_inline bool bulk_hook(__u32 hook)
{
	return hook >= CS_HOOK_FILE_OPEN && hook <= CS_HOOK_FILE_LINK;
}

/* Names the process whose file record the bulk ring could not take. */
static __always_inline void count_lost_file(__u32 hook, const struct cs_header *h)
{
	struct cs_lost_key key = { .pid = h->pid, .start_time_ns = h->start_time_ns };
	struct cs_lost_files *v = bpf_map_lookup_elem(&lost_files, &key);

	if (!v) {
		struct cs_lost_files init = { .cgroup_id = h->cgroup_id };

		bpf_get_current_comm(init.comm, sizeof(init.comm));
		bpf_map_update_elem(&lost_files, &key, &init, BPF_NOEXIST);
		v = bpf_map_lookup_elem(&lost_files, &key);
		if (!v)
			return;
	}
	if (hook == CS_HOOK_FILE_OPEN)
		__sync_fetch_and_add(&v->opens, 1);
	else
		__sync_fetch_and_add(&v->ops, 1);
}

/* Sends size bytes of a record; a full ring buffer is counted, never silent. */
static __always_inline int emit(__u32 hook, void *rec, __u32 size)
{
	struct cs_counters *c = counter(hook);
	bool bulk = bulk_hook(hook);
	long err;

	((struct cs_header *)rec)->size = size;
	if (bulk)
		err = bpf_ringbuf_output(&events, rec, size & SCRATCH_MASK,
					 wakeup_flags(&events, cs_cfg.wakeup_bytes, size));
	else
		err = bpf_ringbuf_output(&events_priority, rec, size & SCRATCH_MASK,
					 wakeup_flags(&events_priority, cs_cfg.priority_wakeup_bytes, size));
	if (c) {
		if (err)
			c->lost++;
		else
			c->sent++;
	}
	if (err && bulk)
		count_lost_file(hook, rec);
	return err;
}

/* Before 5.5 (commit cf25e24db61c, "time: Rename tsk->real_start_time to ->start_boottime"). */
struct task_struct___pre55 {
	__u64 real_start_time;
};

/* A process is named by its leader's start time, as /proc/PID/stat names it. */
static __always_inline __u64 task_start_time(struct task_struct *t)
{
	struct task_struct *leader = BPF_CORE_READ(t, group_leader);

	if (bpf_core_field_exists(leader->start_boottime))
		return BPF_CORE_READ(leader, start_boottime);
	return BPF_CORE_READ((struct task_struct___pre55 *)leader, real_start_time);
}

static __always_inline __u64 current_start_time(void)
{
	return task_start_time((struct task_struct *)bpf_get_current_task());
}

#endif
