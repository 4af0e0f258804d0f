/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Syscall arguments kept from sys_enter_* to sys_exit_*, per thread: only
 * the exit knows whether the call succeeded, and only the entry has the
 * arguments. An LRU map, because a thread killed inside a syscall never
 * reaches its exit and its entry must not stay forever.
 */
#ifndef CICD_SENSOR_PENDING_BPF_H
#define CICD_SENSOR_PENDING_BPF_H

#include "common.bpf.h"

enum pending_op {
	/* CS_OP_* (1..5) are used as they are for file operations. */
	PENDING_OPEN = 16,
	PENDING_UNIX_CONNECT = 17,
};

struct pending {
	__u32 op;
	__u32 flags;
	__s64 dfd;
	__u64 path;
	__s64 dfd2;
	__u64 path2;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, __u64);
	__type(value, struct pending);
} pending SEC(".maps");

static __always_inline void stash_pending(__u32 op, __u32 flags, __s64 dfd, __u64 path, __s64 dfd2, __u64 path2)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct pending p = {
		.op = op, .flags = flags, .dfd = dfd, .path = path, .dfd2 = dfd2, .path2 = path2,
	};

	bpf_map_update_elem(&pending, &id, &p, BPF_ANY);
}

/* Takes this thread's pending entry when it is of the expected op. */
static __always_inline bool take_pending(struct pending *out, __u32 op)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct pending *p = bpf_map_lookup_elem(&pending, &id);

	if (!p)
		return false;
	__builtin_memcpy(out, p, sizeof(*out));
	bpf_map_delete_elem(&pending, &id);
	return op == 0 || out->op == op;
}

#endif
