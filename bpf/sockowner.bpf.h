/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Which process a socket belongs to, for the packet programs: cgroup_skb
 * runs in softirq on ingress and has no task helpers before 6.1, so the
 * process is remembered here, by socket cookie, when it connects or sends to
 * an address (cgroup/connect*, cgroup/sendmsg*, in process context).
 */
#ifndef CICD_SENSOR_SOCKOWNER_BPF_H
#define CICD_SENSOR_SOCKOWNER_BPF_H

#include "common.bpf.h"

/* The first payload of the stream has been looked at (TLS SNI, HTTP Host). */
#define SOCK_SNIFFED 1u

struct sock_owner {
	__u32 pid; /* 0: not known (accepted, or older than the sensor) */
	__u32 flags;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, __u64);
	__type(value, struct sock_owner);
} sock_owner SEC(".maps");

static __always_inline void note_sock_owner(__u64 cookie)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	struct sock_owner *o = bpf_map_lookup_elem(&sock_owner, &cookie);
	struct sock_owner fresh = { .pid = pid };

	if (!o)
		bpf_map_update_elem(&sock_owner, &cookie, &fresh, BPF_ANY);
	else if (o->pid != pid)
		o->pid = pid;
}

/*
 * Sockets a job connected to systemd-resolved's varlink socket, by
 * (tgid << 32 | fd): what the job sends on them is looked at for names.
 * An fd closed and reused for something else stays here until the LRU drops
 * it; what is sent on it is then checked for a varlink call and ignored.
 */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, __u8);
} resolved_socks SEC(".maps");

#define RESOLVED_SOCKET_LEN (sizeof(CS_RESOLVED_SOCKET) - 1)

/* After a successful unix connect to path (len bytes of sun_path) on fd. */
static __always_inline void note_resolved_socket(const __u8 *path, __u32 len, __s64 fd)
{
	__u64 key = (bpf_get_current_pid_tgid() & 0xffffffff00000000ULL) | (__u32)fd;
	__u8 one = 1;
	int i;

	if (len < RESOLVED_SOCKET_LEN || (len > RESOLVED_SOCKET_LEN && path[RESOLVED_SOCKET_LEN] != 0))
		return;
#pragma unroll
	for (i = 0; i < RESOLVED_SOCKET_LEN; i++) {
		if (path[i] != CS_RESOLVED_SOCKET[i])
			return;
	}
	bpf_map_update_elem(&resolved_socks, &key, &one, BPF_ANY);
}

#endif
