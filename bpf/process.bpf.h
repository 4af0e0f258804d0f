/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Process lifecycle. The sched_process_* tracepoints (tp_btf, typed) fire on
 * every kernel since BTF exists and need no function tracing, so they are the
 * only mechanism: exec runs in the new image with its mm and bprm in hand,
 * fork sees both tasks, exit runs in the dying task (Tetragon's lifecycle).
 */
#ifndef CICD_SENSOR_PROCESS_BPF_H
#define CICD_SENSOR_PROCESS_BPF_H

#include "common.bpf.h"
#include "path.bpf.h"
#include "cgroup.bpf.h"
#include "access.bpf.h"
#include "fdinfo.bpf.h"

static __always_inline void mark_task_tracked(__u32 tgid, __u64 start)
{
	bpf_map_update_elem(&tracked_tasks, &tgid, &start, BPF_ANY);
}

static __always_inline __u32 append_argv(struct task_struct *p, __u8 *buf, __u32 off, struct cs_exec *r)
{
	unsigned long start = BPF_CORE_READ(p, mm, arg_start);
	unsigned long end = BPF_CORE_READ(p, mm, arg_end);
	__u32 len;

	if (end <= start)
		return 0;
	if (end - start > CS_ARGV_MAX) {
		len = CS_ARGV_MAX;
		r->hdr.flags |= CS_F_ARGV_TRUNCATED;
	} else {
		len = end - start;
	}
	BOUND(len, 4095);
	if (bpf_probe_read_user(&buf[off & SCRATCH_MASK], len, (void *)start))
		return 0;
	return len;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(cs_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct task_struct *parent;
	struct cs_exec *r;
	__u32 off, n;
	__u8 *buf;

	if (!current_tracked())
		return 0;
	buf = scratch_buf();
	if (!buf)
		return 0;
	r = (void *)buf;
	parent = BPF_CORE_READ(p, real_parent);
	fill_header(&r->hdr, CS_KIND_EXEC, task_start_time(p));
	r->ppid = BPF_CORE_READ(parent, tgid);
	r->parent_start_time_ns = task_start_time(parent);
	r->uid = BPF_CORE_READ(p, cred, uid.val);
	r->pad = 0;
	off = sizeof(*r);

	if (is_memfd(BPF_CORE_READ(bprm, file)))
		r->hdr.flags |= CS_F_MEMFD;
	n = walk_file(BPF_CORE_READ(bprm, file), buf, off, CS_EXEC_PATH_MAX);
	if (n & WALK_TRUNCATED)
		r->hdr.flags |= CS_F_PATH_TRUNCATED;
	n &= CS_EXEC_PATH_MAX * 2 - 1;
	r->path_len = n;
	off += n;

	n = append_argv(p, buf, off, r);
	r->argv_len = n;
	off += n;

	n = walk_path(BPF_CORE_READ(p, fs, pwd.dentry), BPF_CORE_READ(p, fs, pwd.mnt), buf, off, CS_CWD_MAX);
	if (n & WALK_TRUNCATED)
		r->hdr.flags |= CS_F_CWD_TRUNCATED;
	n &= CS_CWD_MAX * 2 - 1;
	r->cwd_len = n;
	off += n;

	mark_task_tracked(r->hdr.pid, r->hdr.start_time_ns);
	emit(CS_HOOK_PROCESS_EXEC, buf, off);
	return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(cs_fork, struct task_struct *parent, struct task_struct *child)
{
	__u64 child_cg, start;
	struct cs_fork *r;
	__u32 tgid;
	__u8 *buf;

	/* Threads share their leader's process node. */
	tgid = BPF_CORE_READ(child, tgid);
	if (BPF_CORE_READ(child, pid) != tgid) {
		protect_new_thread(tgid, BPF_CORE_READ(child, pid));
		return 0;
	}
	if (!current_tracked())
		return 0;
	/*
	 * clone3(CLONE_INTO_CGROUP) (5.7) starts a child straight in another
	 * cgroup without a cgroup_attach_task: take that cgroup into the job.
	 */
	child_cg = BPF_CORE_READ(child, cgroups, dfl_cgrp, kn, id);
	if (!cgroup_tracked(child_cg)) {
		__u64 parent_cg = bpf_get_current_cgroup_id();
		__u32 *policy = bpf_map_lookup_elem(&tracked_cgroups, &parent_cg);

		/* The parent's egress policy goes along. */
		track_cgroup(BPF_CORE_READ(child, cgroups, dfl_cgrp), CS_CGROUP_ATTACH, tgid, policy ? *policy : 0);
	}

	buf = scratch_buf();
	if (!buf)
		return 0;
	r = (void *)buf;
	start = task_start_time(child);
	fill_header(&r->hdr, CS_KIND_FORK, start);
	r->hdr.pid = tgid;
	r->hdr.tid = tgid;
	r->hdr.cgroup_id = child_cg;
	r->ppid = BPF_CORE_READ(parent, tgid);
	r->parent_start_time_ns = task_start_time(parent);
	r->uid = BPF_CORE_READ(child, cred, uid.val);
	mark_task_tracked(tgid, start);
	emit(CS_HOOK_PROCESS_FORK, buf, sizeof(*r));
	return 0;
}

/*
 * Processes whose exit was already sent. signal->live drops to zero before
 * the tracepoint fires, so threads leaving together under exit_group can
 * each see zero; the first to insert here is the one that reports.
 */
struct exit_key {
	__u32 tgid;
	__u32 pad;
	__u64 start_time_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, struct exit_key);
	__type(value, __u8);
} exit_seen SEC(".maps");

SEC("tp_btf/sched_process_exit")
int BPF_PROG(cs_exit, struct task_struct *p)
{
	struct exit_key key = {};
	struct cs_exit *r;
	__u8 one = 1;
	__u32 tgid;
	__u8 *buf;
	bool last;

	/* Only the last thread out ends the process (signal->live drops first). */
	last = BPF_CORE_READ(p, signal, live.counter) == 0;

	forget_protected_thread(p, last);
	if (!last)
		return 0;
	tgid = BPF_CORE_READ(p, tgid);
	bpf_map_delete_elem(&tracked_tasks, &tgid);
	if (!current_tracked())
		return 0;
	key.tgid = tgid;
	key.start_time_ns = task_start_time(p);
	if (bpf_map_update_elem(&exit_seen, &key, &one, BPF_NOEXIST))
		return 0;
	buf = scratch_buf();
	if (!buf)
		return 0;
	r = (void *)buf;
	fill_header(&r->hdr, CS_KIND_EXIT, key.start_time_ns);
	r->exit_code = BPF_CORE_READ(p, exit_code);
	r->pad = 0;
	emit(CS_HOOK_PROCESS_EXIT, buf, sizeof(*r));
	return 0;
}

#endif
