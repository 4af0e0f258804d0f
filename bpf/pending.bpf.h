/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Syscall arguments kept from sys_enter_* to sys_exit_*, per thread, for
 * the file operations (unlink, rename, link and their kin): only the exit
 * knows whether the call succeeded. (Opens and connects, the hot ones, read
 * their arguments at exit from the task's pt_regs instead: no entry program.)
 *
 * Task storage, not a hash keyed by thread id: the kernel frees it with the
 * task, so a thread that never reaches its exit leaves nothing behind (the
 * reason the map was an LRU hash), and it costs no hashing or LRU list
 * locks. An untracked thread's exit finds no storage on its task at once
 * (task->bpf_storage is NULL): the untracked fast path of every exit hook.
 * Taking an entry clears its op instead of deleting it, so a thread
 * allocates once and reuses its slot. (open storm, tracked: the LRU's
 * update and delete were 8% of the workload's CPU, bpf_lru_pop_free alone
 * 4%.) Task storage for tracing programs: 5.11, below our 5.15 minimum.
 */
#ifndef CICD_SENSOR_PENDING_BPF_H
#define CICD_SENSOR_PENDING_BPF_H

#include "common.bpf.h"

struct pending {
	__u32 op;
	__u32 flags;
	__s64 dfd;
	__u64 path;
	__s64 dfd2;
	__u64 path2;
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct pending);
} pending SEC(".maps");

static __always_inline void stash_pending(__u32 op, __u32 flags, __s64 dfd, __u64 path, __s64 dfd2, __u64 path2)
{
	struct pending *p = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), NULL,
						 BPF_LOCAL_STORAGE_GET_F_CREATE);

	if (!p)
		return;
	p->op = op;
	p->flags = flags;
	p->dfd = dfd;
	p->path = path;
	p->dfd2 = dfd2;
	p->path2 = path2;
}

/* Takes this thread's pending entry when it is of the expected op. */
static __always_inline bool take_pending(struct pending *out, __u32 op)
{
	struct pending *p = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), NULL, 0);

	if (!p || !p->op)
		return false;
	__builtin_memcpy(out, p, sizeof(*out));
	p->op = 0;
	return op == 0 || out->op == op;
}

#endif
