/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Network. cgroup/connect* and cgroup/sendmsg* see every inet connect and
 * unconnected datagram with the destination already parsed, need no
 * function tracing, and are attached once at the cgroup v2 root (seed 000):
 * the tracked_cgroups lookup does the filtering. They allow everything
 * except, under an egress policy in block mode, destinations outside it
 * (policy.bpf.h): returning 0 makes connect(2) and sendmsg(2) fail with
 * EPERM before anything leaves.
 */
#ifndef CICD_SENSOR_NET_BPF_H
#define CICD_SENSOR_NET_BPF_H

#include "common.bpf.h"
#include "sockowner.bpf.h"
#include "fdinfo.bpf.h"
#include "policy.bpf.h"
#include "unixpeer.bpf.h"

#define AF_UNIX 1
#define AF_INET 2
#define AF_INET6 10

struct udp_key {
	__u32 tgid;
	__u16 port;
	__u8 family;
	__u8 pad;
	__u32 addr[4];
};

/* Unconnected UDP sends repeat per datagram; one record per process and peer. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, struct udp_key);
	__type(value, __u8);
} udp_seen SEC(".maps");

/* Records the connect or datagram (with the policy's verdict flags) and returns whether it may go. */
static __always_inline int send_connect(struct bpf_sock_addr *ctx, __u8 family, bool via_sendmsg)
{
	__u32 hook = via_sendmsg ? CS_HOOK_UDP_SENDMSG : CS_HOOK_NETWORK_CONNECT;
	struct udp_key key = {};
	struct cs_connect *r;
	__u32 verdict;
	__u8 one = 1;
	__u8 *buf;
	int allow;

	note_sock_owner(bpf_get_socket_cookie(ctx));
	key.tgid = bpf_get_current_pid_tgid() >> 32;
	key.family = family;
	key.port = bpf_ntohs(ctx->user_port);
	if (family == AF_INET) {
		key.addr[0] = ctx->user_ip4;
	} else {
		key.addr[0] = ctx->user_ip6[0];
		key.addr[1] = ctx->user_ip6[1];
		key.addr[2] = ctx->user_ip6[2];
		key.addr[3] = ctx->user_ip6[3];
	}
	verdict = connect_verdict(family, key.port, key.addr);
	allow = !(verdict & CS_F_EGRESS_BLOCKED);
	if (via_sendmsg && bpf_map_lookup_elem(&udp_seen, &key)) {
		count_suppressed(hook);
		return allow;
	}
	buf = scratch_buf();
	if (!buf)
		return allow;
	r = (void *)buf;
	/* No task helpers in sock_addr programs: userspace finds the process by pid. */
	fill_header(&r->hdr, CS_KIND_CONNECT, 0);
	r->hdr.flags = verdict;
	r->protocol = ctx->protocol;
	r->family = family;
	r->port = key.port;
	r->via_sendmsg = via_sendmsg;
	__builtin_memset(r->pad, 0, sizeof(r->pad));
	__builtin_memcpy(r->addr, key.addr, sizeof(r->addr));
	if (emit(hook, buf, sizeof(*r)) == 0 && via_sendmsg)
		bpf_map_update_elem(&udp_seen, &key, &one, BPF_ANY);
	return allow;
}

SEC("cgroup/connect4")
int cs_connect4(struct bpf_sock_addr *ctx)
{
	return current_tracked() ? send_connect(ctx, AF_INET, false) : 1;
}

SEC("cgroup/connect6")
int cs_connect6(struct bpf_sock_addr *ctx)
{
	return current_tracked() ? send_connect(ctx, AF_INET6, false) : 1;
}

SEC("cgroup/sendmsg4")
int cs_sendmsg4(struct bpf_sock_addr *ctx)
{
	return current_tracked() ? send_connect(ctx, AF_INET, true) : 1;
}

SEC("cgroup/sendmsg6")
int cs_sendmsg6(struct bpf_sock_addr *ctx)
{
	return current_tracked() ? send_connect(ctx, AF_INET6, true) : 1;
}

/*
 * Unix sockets. cgroup/connect_unix exists only from 6.7 and
 * security_socket_connect needs function tracing, so connect(2)'s exit
 * tracepoint carries it everywhere: only a connect that succeeded counts,
 * and its arguments are still in the registers the syscall was entered with
 * (the task's pt_regs), so no entry program is needed: one syscall
 * tracepoint program per connect, a TCP storm's included. The address is
 * user memory, read here for the family and the path.
 */
SEC("tracepoint/syscalls/sys_exit_connect")
int cs_exit_connect(struct trace_event_raw_sys_exit *ctx)
{
	struct cs_unix_connect *r;
	struct pt_regs *regs;
	const void *addr;
	__u16 family = 0;
	__u32 len;
	int fd;
	__u8 *buf;

	if (ctx->ret != 0 || !current_tracked())
		return 0;
	regs = (struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());
	addr = (const void *)PT_REGS_PARM2_CORE_SYSCALL(regs);
	if (bpf_probe_read_user(&family, sizeof(family), addr) || family != AF_UNIX)
		return 0;
	len = (__u32)PT_REGS_PARM3_CORE_SYSCALL(regs);
	if (len <= 2)
		return 0; /* unnamed */
	len -= 2;
	if (len > CS_UNIX_PATH_MAX)
		len = CS_UNIX_PATH_MAX;
	fd = (int)PT_REGS_PARM1_CORE_SYSCALL(regs);
	buf = scratch_buf();
	if (!buf)
		return 0;
	r = (void *)buf;
	fill_header(&r->hdr, CS_KIND_UNIX_CONNECT, current_start_time());
	r->sock_type = fd_socket_type(fd);
	fill_unix_peer(r, unix_peer(file_socket(fd_file(fd))));
	BOUND(len, 127);
	if (bpf_probe_read_user(&buf[sizeof(*r)], len, addr + 2))
		return 0;
	r->path_len = len;
	note_resolved_socket(&buf[sizeof(*r)], len, fd);
	emit(CS_HOOK_UNIX_SOCKET_CONNECT, buf, sizeof(*r) + len);
	return 0;
}

#endif
