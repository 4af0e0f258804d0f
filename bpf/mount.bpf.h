/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Bind and move mounts (mount): what a job would do to lay the host's files
 * over its own or to move a mount out of the way (docker run -v /:/host's
 * kind of work, done by hand). Recorded at syscall entry, as attempts: the
 * syscall tracepoints exist everywhere, and a refused attempt says as much
 * about intent as a successful one. Other mounts (a new tmpfs, proc) are
 * left out: they expose nothing that was not the job's already.
 */
#ifndef CICD_SENSOR_MOUNT_BPF_H
#define CICD_SENSOR_MOUNT_BPF_H

#include "common.bpf.h"
#include "path.bpf.h"
#include "file.bpf.h"

#define MS_BIND 4096
#define MS_MOVE 8192

/*
 * A path as passed and the directory it is relative to. For move_mount(2)
 * an empty path (MOVE_MOUNT_F_EMPTY_PATH) means the dirfd itself, an
 * open_tree(2) or fsmount(2) fd: its own path is the base.
 */
static __always_inline __u32 append_mount_path(__u8 *buf, __u32 off, __u64 path, __s64 dfd, __u16 *path_len,
					       __u16 *base_len, __u32 *flags)
{
	__u32 b;

	off = append_path_pair(buf, off, path, dfd, true, path_len, base_len, flags, CS_F_PATH_TRUNCATED);
	if (*path_len || *base_len || dfd == AT_FDCWD)
		return off;
	b = walk_dirfd(dfd, buf, off, CS_PATH_MAX);
	if (b & WALK_TRUNCATED)
		*flags |= CS_F_PATH_TRUNCATED;
	b &= CS_PATH_MAX * 2 - 1;
	*base_len = b;
	return off + b;
}

static __always_inline int send_mount(__u8 op, __u32 flags, __s64 src_dfd, __u64 src, __s64 dst_dfd, __u64 dst)
{
	struct cs_mount *r;
	__u32 off;
	__u8 *buf;

	buf = scratch_buf();
	if (!buf)
		return 0;
	r = (void *)buf;
	fill_header(&r->hdr, CS_KIND_MOUNT, current_start_time());
	r->flags = flags;
	r->op = op;
	r->pad = 0;
	__builtin_memset(r->pad2, 0, sizeof(r->pad2));
	off = append_mount_path(buf, sizeof(*r), src, src_dfd, &r->source_len, &r->source_base_len, &r->hdr.flags);
	off = append_mount_path(buf, off, dst, dst_dfd, &r->target_len, &r->target_base_len, &r->hdr.flags);
	emit(CS_HOOK_MOUNT, buf, off);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_mount")
int cs_enter_mount(struct trace_event_raw_sys_enter *ctx)
{
	__u32 flags = ctx->args[3];

	if (!(flags & (MS_BIND | MS_MOVE)) || !current_tracked())
		return 0;
	return send_mount(CS_MOUNT_MOUNT, flags, AT_FDCWD, ctx->args[0], AT_FDCWD, ctx->args[1]);
}

/* move_mount(2) (5.2) attaches open_tree(2)/fsmount(2) results too: every call is a mount move. */
SEC("tracepoint/syscalls/sys_enter_move_mount")
int cs_enter_move_mount(struct trace_event_raw_sys_enter *ctx)
{
	if (!current_tracked())
		return 0;
	return send_mount(CS_MOUNT_MOVE_MOUNT, ctx->args[4], ctx->args[0], ctx->args[1], ctx->args[2], ctx->args[3]);
}

#endif
