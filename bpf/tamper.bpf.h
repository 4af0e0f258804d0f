/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What is done to the sensor itself, seen by the kernel rather than by the
 * sensor (which cannot watch itself being stopped): signals sent to its
 * threads, the windows in which its main thread was stopped, and a tracer
 * on any of its threads. And unix connects made through io_uring, which
 * never pass through connect(2)'s tracepoints.
 *
 * Why these hooks: signal_generate fires for every signal as it is
 * generated, whoever sends it (kill(2), tgkill, the kernel for ptrace's
 * SIGSTOP, the OOM killer), with the target task in hand. sched_switch is
 * the one place a stop shows whatever caused it (SIGSTOP and the other stop
 * signals, a ptrace stop, the cgroup freezer, a PTRACE_SEIZE that never
 * signals): the task leaves the CPU in a stopped state and comes back when
 * it is let go, and the kernel stamps both times. It fires on every context
 * switch, so it compares the two tasks' tgids first and does nothing more
 * for any other process. Records here are small and built on the stack:
 * sched_switch can run while another program on this CPU has the shared
 * scratch buffer half filled.
 */
#ifndef CICD_SENSOR_TAMPER_BPF_H
#define CICD_SENSOR_TAMPER_BPF_H

#include "common.bpf.h"
#include "unixpeer.bpf.h"

#define TAMPER_SIGCHLD 17
#define TAMPER_SIGURG 23
#define TAMPER_SIGWINCH 28
/* include/linux/sched.h: the states a task is stopped in (TASK_FROZEN since 6.1, "freezer: Have frozen tasks be TASK_FROZEN"). */
#define TAMPER_TASK_STOPPED 0x0004
#define TAMPER_TASK_TRACED 0x0008
#define TAMPER_TASK_FROZEN 0x8000
#define IORING_OP_CONNECT 16

struct sensor_stop {
	__u64 since;	 /* when the main thread left the CPU stopped; 0: running */
	__u32 state;	 /* the state it stopped in */
	__u32 traced_by; /* the tracer last reported (0: none) */
	/* Stops under ptrace not yet sent (at most a second's): from first to last, count of them, total_ns in all. */
	__u64 first;
	__u64 last;
	__u64 total_ns;
	__u32 count;
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sensor_stop);
} sensor_stop SEC(".maps");

/* Sender and signal -> last reported time: a job sending a signal in a loop gets one record a second. */
struct signal_key {
	__u32 sender;
	__u32 sig;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 1024);
	__type(key, struct signal_key);
	__type(value, __u64);
} signal_seen SEC(".maps");

#define SIGNAL_REPEAT_NS 1000000000ULL

static __always_inline bool is_sensor(struct task_struct *t)
{
	return t && BPF_CORE_READ(t, tgid) == cs_cfg.self_tgid;
}

static __always_inline void send_tamper(struct cs_tamper *r, __u32 op, struct task_struct *target)
{
	r->op = op;
	r->target_tid = BPF_CORE_READ(target, pid);
	emit(CS_HOOK_TAMPER, r, sizeof(*r));
}

SEC("tp_btf/signal_generate")
int BPF_PROG(cs_tamper_signal, int sig, struct kernel_siginfo *info, struct task_struct *task, int group, int result)
{
	struct signal_key key = {};
	struct cs_tamper r = {};
	__u64 now, *last;

	if (!is_sensor(task) || sig == TAMPER_SIGCHLD || sig == TAMPER_SIGURG || sig == TAMPER_SIGWINCH)
		return 0;
	key.sender = bpf_get_current_pid_tgid() >> 32;
	if (key.sender == cs_cfg.self_tgid)
		return 0; /* its own (SIGPIPE, a thread's SIGSEGV): not a disturbance from outside */
	key.sig = sig;
	now = bpf_ktime_get_boot_ns();
	last = bpf_map_lookup_elem(&signal_seen, &key);
	if (last && now - *last < SIGNAL_REPEAT_NS && sig != 9 && sig != 19) {
		count_suppressed(CS_HOOK_TAMPER);
		return 0;
	}
	bpf_map_update_elem(&signal_seen, &key, &now, BPF_ANY);
	fill_header(&r.hdr, CS_KIND_TAMPER, current_start_time());
	r.sig = sig;
	r.result = result;
	send_tamper(&r, CS_TAMPER_SIGNAL, task);
	return 0;
}

/* The task's state as it leaves the CPU (5.14 renamed state to __state: "sched: Change task_struct::state"). */
struct task_struct___pre514 {
	long state;
};

static __always_inline __u32 task_state(struct task_struct *t)
{
	if (bpf_core_field_exists(t->__state))
		return BPF_CORE_READ(t, __state);
	return BPF_CORE_READ((struct task_struct___pre514 *)t, state);
}

/* Sends a stop window of the main thread t (count stops from first to last, total_ns in all). */
static __always_inline void send_stopped(struct task_struct *t, __u64 first, __u64 last, __u64 total_ns, __u32 count,
					 __u32 state)
{
	struct cs_tamper r = {};

	/* hdr is filled from current, which may be another task here: name the sensor's main thread. */
	fill_header(&r.hdr, CS_KIND_TAMPER, task_start_time(t));
	r.hdr.pid = cs_cfg.self_tgid;
	r.hdr.tid = cs_cfg.self_tgid;
	r.hdr.time_ns = last;
	r.stopped_ns = first;
	r.stopped_total_ns = total_ns;
	r.count = count;
	r.sig = state;
	send_tamper(&r, CS_TAMPER_STOPPED, t);
}

#define STOPS_SENT_EVERY_NS 1000000000ULL

static __always_inline void flush_traced_stops(struct task_struct *t, struct sensor_stop *st)
{
	if (!st->count)
		return;
	send_stopped(t, st->first, st->last, st->total_ns, st->count, TAMPER_TASK_TRACED);
	st->count = 0;
	st->total_ns = 0;
}

/* A thread of the sensor under ptrace: told once per tracer (task->parent is the tracer while traced). */
static __always_inline void check_traced(struct task_struct *t, struct sensor_stop *st)
{
	struct task_struct *tracer;
	struct cs_tamper r = {};
	__u32 tgid;

	if (!BPF_CORE_READ(t, ptrace)) {
		if (BPF_CORE_READ(t, pid) == cs_cfg.self_tgid) {
			st->traced_by = 0;
			flush_traced_stops(t, st); /* the tracer has left the main thread */
		}
		return;
	}
	tracer = BPF_CORE_READ(t, parent);
	tgid = tracer ? BPF_CORE_READ(tracer, tgid) : 0;
	if (tgid == st->traced_by)
		return;
	st->traced_by = tgid;
	fill_header(&r.hdr, CS_KIND_TAMPER, task_start_time(t));
	r.hdr.pid = cs_cfg.self_tgid;
	r.hdr.tid = BPF_CORE_READ(t, pid);
	r.tracer_pid = tgid;
	r.tracer_start_time_ns = tracer ? task_start_time(tracer) : 0;
	send_tamper(&r, CS_TAMPER_TRACED, t);
}

/* The main thread runs again after a stop that began at st->since. */
static __always_inline void stop_ended(struct task_struct *t, struct sensor_stop *st)
{
	__u64 now = bpf_ktime_get_boot_ns();

	if (!(st->state & TAMPER_TASK_TRACED) || !BPF_CORE_READ(t, ptrace)) {
		send_stopped(t, st->since, now, now - st->since, 1, st->state);
	} else {
		if (!st->count)
			st->first = st->since;
		st->count++;
		st->total_ns += now - st->since;
		st->last = now;
		if (now - st->first >= STOPS_SENT_EVERY_NS)
			flush_traced_stops(t, st);
	}
	st->since = 0;
}

SEC("tp_btf/sched_switch")
int BPF_PROG(cs_tamper_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	__u32 zero = 0, state;
	struct sensor_stop *st;

	if (prev->tgid != cs_cfg.self_tgid && next->tgid != cs_cfg.self_tgid)
		return 0;
	st = bpf_map_lookup_elem(&sensor_stop, &zero);
	if (!st)
		return 0;
	if (prev->tgid == cs_cfg.self_tgid) {
		check_traced(prev, st);
		state = preempt ? 0 : task_state(prev);
		if (prev->pid == cs_cfg.self_tgid &&
		    (state & (TAMPER_TASK_STOPPED | TAMPER_TASK_TRACED | TAMPER_TASK_FROZEN))) {
			st->since = bpf_ktime_get_boot_ns();
			st->state = state;
		}
	}
	if (next->pid == cs_cfg.self_tgid && st->since)
		stop_ended(next, st);
	return 0;
}

/*
 * io_uring's IORING_OP_CONNECT calls the socket's connect without
 * connect(2), so its tracepoints never see it. At the request's completion
 * the socket is connected and its peer is known: the record gives the path
 * the peer bound (the job's own string is in the submission, not read
 * here) and the peer's socket file. io_uring_complete has carried the
 * request since 5.19 ("io_uring: add tracing for additional CQE data",
 * which also added io_uring_submit_req); before that its second argument is
 * the job's user_data, which must never be followed as a pointer.
 */
SEC("tp_btf/io_uring_complete")
int BPF_PROG(cs_io_uring_complete, void *ring, void *req_ptr)
{
	struct io_kiocb *req = req_ptr;
	struct cs_unix_connect *r;
	struct unix_address *addr;
	struct unix_sock *peer;
	struct socket *sock;
	__u32 len;
	__u8 *buf;

	if (!bpf_core_type_exists(btf_trace_io_uring_submit_req) || !current_tracked())
		return 0;
	if (BPF_CORE_READ(req, opcode) != IORING_OP_CONNECT)
		return 0;
	sock = file_socket(BPF_CORE_READ(req, file));
	peer = unix_peer(sock);
	if (!peer)
		return 0;
	buf = scratch_buf();
	if (!buf)
		return 0;
	r = (void *)buf;
	fill_header(&r->hdr, CS_KIND_UNIX_CONNECT, current_start_time());
	r->hdr.flags = CS_F_IO_URING;
	r->sock_type = BPF_CORE_READ(sock, type);
	fill_unix_peer(r, peer);
	addr = BPF_CORE_READ(peer, addr);
	len = addr ? BPF_CORE_READ(addr, len) : 0;
	len = len > 2 ? len - 2 : 0; /* sun_family */
	if (len > CS_UNIX_PATH_MAX)
		len = CS_UNIX_PATH_MAX;
	BOUND(len, 127);
	if (len && bpf_probe_read_kernel(&buf[sizeof(*r)], len,
					 (void *)addr + bpf_core_field_offset(struct unix_address, name) + 2))
		return 0;
	/* A bound path is NUL-terminated within len; the record carries the bytes before it. */
	r->path_len = len;
	emit(CS_HOOK_UNIX_SOCKET_CONNECT, buf, sizeof(*r) + len);
	return 0;
}

#endif
