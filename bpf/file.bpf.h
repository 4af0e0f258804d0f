/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Files. Two mechanisms for opens, chosen at load time by the attach plan:
 *  - fexit/do_filp_open: every path-based open, io_uring's included, with the
 *    caller's flags and the struct file the kernel produced. Needs function
 *    tracing (refused under lockdown).
 *  - syscalls tracepoints: open, openat, openat2, creat; flags from the
 *    entry, the opened struct file from the fd table at exit. Misses opens
 *    that do not go through these syscalls (io_uring).
 * Removes, renames and links use the syscall tracepoints everywhere: the
 * security_inode_* hooks run before the operation (no outcome) and see a
 * dentry without its mount, and do_unlinkat & co. free their struct filename
 * before returning, so a function hook knows less than the syscall does.
 */
#ifndef CICD_SENSOR_FILE_BPF_H
#define CICD_SENSOR_FILE_BPF_H

#include "common.bpf.h"
#include "path.bpf.h"
#include "pending.bpf.h"
#include "access.bpf.h"

#define O_ACCMODE 00000003
#define O_WRONLY 00000001
#define O_RDWR 00000002
#define O_CREAT 00000100
#define O_EXCL 00000200
#define O_TRUNC 00001000
#define O_APPEND 00002000
/* Not an open(2) flag: the kernel's exec opens pass it (fs/exec.c do_open_execat). */
#define __FMODE_EXEC 0x20
#define AT_REMOVEDIR 0x200

struct open_key {
	__u32 tgid;
	__u32 mode; /* access and the flags that change what an open does */
	__u64 start_time_ns;
	__u64 ino;
	__u64 dentry;
};

/*
 * Opens repeat enormously (every exec opens the same libraries), so an exact
 * repeat (same process, same file, same access) is dropped here and counted
 * as suppressed. The dentry pointer with the inode number names the file
 * without reading its path first.
 */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct open_key);
	__type(value, __u8);
} open_seen SEC(".maps");

static __always_inline __u8 access_of(__u32 flags)
{
	switch (flags & O_ACCMODE) {
	case O_WRONLY:
		return CS_ACCESS_WRITE;
	case O_RDWR:
		return CS_ACCESS_READ_WRITE;
	default:
		return CS_ACCESS_READ;
	}
}

static __always_inline int send_file_open(struct file *file, __u32 flags, __u8 access)
{
	struct open_key key = {};
	struct cs_file_open *r;
	__u8 one = 1;
	__u32 n;
	__u8 *buf;

	key.tgid = bpf_get_current_pid_tgid() >> 32;
	key.mode = access | ((flags & (O_CREAT | O_EXCL | O_TRUNC | O_APPEND)) << 8);
	key.start_time_ns = current_start_time();
	key.ino = BPF_CORE_READ(file, f_inode, i_ino);
	key.dentry = (__u64)BPF_CORE_READ(file, f_path.dentry);
	if (bpf_map_lookup_elem(&open_seen, &key)) {
		count_suppressed(CS_HOOK_FILE_OPEN);
		return 0;
	}
	buf = scratch_buf();
	if (!buf)
		return 0;
	r = (void *)buf;
	fill_header(&r->hdr, CS_KIND_FILE_OPEN, key.start_time_ns);
	r->open_flags = flags;
	r->access = access;
	r->path_enc = CS_PATH_COMPONENTS;
	n = walk_file(file, buf, sizeof(*r), CS_PATH_MAX);
	if (n & WALK_TRUNCATED)
		r->hdr.flags |= CS_F_PATH_TRUNCATED;
	n &= CS_PATH_MAX * 2 - 1;
	r->path_len = n;
	if (emit(CS_HOOK_FILE_OPEN, buf, sizeof(*r) + n) == 0)
		bpf_map_update_elem(&open_seen, &key, &one, BPF_ANY);
	return 0;
}

SEC("fexit/do_filp_open")
int BPF_PROG(cs_fexit_filp_open, int dfd, struct filename *pathname, const struct open_flags *op, struct file *ret)
{
	__u32 flags;

	if ((unsigned long)ret >= (unsigned long)-4095 || !current_tracked())
		return 0;
	flags = BPF_CORE_READ(op, open_flag);
	access_at_open(ret, flags);
	/*
	 * An execve's own open of the binary (and of a script's interpreter)
	 * says so in op->open_flag; f_mode never carries FMODE_EXEC
	 * (do_dentry_open builds it from the access mode alone). Userspace
	 * cannot pass this bit: open and openat mask it out, openat2 refuses it.
	 */
	if (flags & __FMODE_EXEC)
		return send_file_open(ret, flags, CS_ACCESS_EXEC);
	return send_file_open(ret, flags, access_of(flags));
}

static __always_inline int open_enter(__u32 flags)
{
	if (current_tracked())
		stash_pending(PENDING_OPEN, flags, 0, 0, 0, 0);
	return 0;
}

static __always_inline int open_exit(long ret)
{
	struct pending p;
	struct file *file;

	if (!take_pending(&p, PENDING_OPEN) || ret < 0)
		return 0;
	file = fd_file(ret);
	if (!file)
		return 0;
	access_at_open(file, p.flags);
	return send_file_open(file, p.flags, access_of(p.flags));
}

/* Attached by the loader to sys_exit_openat, _openat2, _open and _creat: one verification, four attachments. */
SEC("tracepoint")
int cs_exit_open(struct trace_event_raw_sys_exit *ctx)
{
	return open_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_enter_openat")
int cs_enter_openat(struct trace_event_raw_sys_enter *ctx)
{
	return open_enter(ctx->args[2]);
}

SEC("tracepoint/syscalls/sys_enter_openat2")
int cs_enter_openat2(struct trace_event_raw_sys_enter *ctx)
{
	__u64 flags = 0;

	if (!current_tracked())
		return 0;
	/* struct open_how starts with its u64 flags. */
	bpf_probe_read_user(&flags, sizeof(flags), (void *)ctx->args[2]);
	stash_pending(PENDING_OPEN, (__u32)flags, 0, 0, 0, 0);
	return 0;
}

/* open(2) and creat(2) exist on x86_64 but not on arm64: optional in the plan. */
SEC("tracepoint/syscalls/sys_enter_open")
int cs_enter_open(struct trace_event_raw_sys_enter *ctx)
{
	return open_enter(ctx->args[1]);
}

SEC("tracepoint/syscalls/sys_enter_creat")
int cs_enter_creat(struct trace_event_raw_sys_enter *ctx)
{
	return open_enter(O_CREAT | O_WRONLY | O_TRUNC);
}

static __always_inline int file_op_enter(__u32 op, __u32 flags, __s64 dfd, __u64 path, __s64 dfd2, __u64 path2)
{
	if (current_tracked())
		stash_pending(op, flags, dfd, path, dfd2, path2);
	return 0;
}

static __always_inline __u32 hook_of(__u32 op)
{
	switch (op) {
	case CS_OP_UNLINK:
	case CS_OP_RMDIR:
		return CS_HOOK_FILE_REMOVE;
	case CS_OP_RENAME:
		return CS_HOOK_FILE_MOVE;
	default:
		return CS_HOOK_FILE_LINK;
	}
}

/*
 * Appends a path as passed and, when it is relative, the directory it was
 * resolved against. Returns the new offset.
 */
static __always_inline __u32 append_path_pair(__u8 *buf, __u32 off, __u64 path, __s64 dfd, bool want_base,
					      __u16 *path_len, __u16 *base_len, __u32 *flags, __u32 trunc_flag)
{
	__u32 n, b = 0;

	n = read_user_path((const char *)path, buf, off, CS_PATH_MAX);
	if (n & WALK_TRUNCATED)
		*flags |= trunc_flag;
	n &= CS_PATH_MAX * 2 - 1;
	*path_len = n;
	if (want_base && n > 0 && buf[off & SCRATCH_MASK] != '/') {
		b = walk_dirfd(dfd, buf, off + n, CS_PATH_MAX);
		if (b & WALK_TRUNCATED)
			*flags |= trunc_flag;
		b &= CS_PATH_MAX * 2 - 1;
	}
	*base_len = b;
	return off + n + b;
}

static __always_inline int file_op_exit(long ret)
{
	struct cs_file_op *r;
	struct pending p;
	__u32 off;
	__u8 *buf;

	if (!take_pending(&p, 0) || ret != 0)
		return 0;
	if (p.op < CS_OP_UNLINK || p.op > CS_OP_SYMLINK)
		return 0;
	buf = scratch_buf();
	if (!buf)
		return 0;
	r = (void *)buf;
	fill_header(&r->hdr, CS_KIND_FILE_OP, current_start_time());
	r->op = p.op;
	r->op_flags = p.flags;
	r->path2_len = 0;
	r->base2_len = 0;
	off = append_path_pair(buf, sizeof(*r), p.path, p.dfd, p.op != CS_OP_SYMLINK, &r->path_len, &r->base_len,
			       &r->hdr.flags, CS_F_PATH_TRUNCATED);
	if (p.op >= CS_OP_RENAME)
		off = append_path_pair(buf, off, p.path2, p.dfd2, true, &r->path2_len, &r->base2_len, &r->hdr.flags,
				       CS_F_PATH2_TRUNCATED);
	emit(hook_of(p.op), buf, off);
	return 0;
}

#define AT_FDCWD -100

SEC("tracepoint/syscalls/sys_enter_unlinkat")
int cs_enter_unlinkat(struct trace_event_raw_sys_enter *ctx)
{
	__u32 op = (ctx->args[2] & AT_REMOVEDIR) ? CS_OP_RMDIR : CS_OP_UNLINK;

	return file_op_enter(op, ctx->args[2], ctx->args[0], ctx->args[1], 0, 0);
}

SEC("tracepoint/syscalls/sys_enter_unlink")
int cs_enter_unlink(struct trace_event_raw_sys_enter *ctx)
{
	return file_op_enter(CS_OP_UNLINK, 0, AT_FDCWD, ctx->args[0], 0, 0);
}

SEC("tracepoint/syscalls/sys_enter_rmdir")
int cs_enter_rmdir(struct trace_event_raw_sys_enter *ctx)
{
	return file_op_enter(CS_OP_RMDIR, 0, AT_FDCWD, ctx->args[0], 0, 0);
}

SEC("tracepoint/syscalls/sys_enter_renameat2")
int cs_enter_renameat2(struct trace_event_raw_sys_enter *ctx)
{
	return file_op_enter(CS_OP_RENAME, ctx->args[4], ctx->args[0], ctx->args[1], ctx->args[2], ctx->args[3]);
}

SEC("tracepoint/syscalls/sys_enter_renameat")
int cs_enter_renameat(struct trace_event_raw_sys_enter *ctx)
{
	return file_op_enter(CS_OP_RENAME, 0, ctx->args[0], ctx->args[1], ctx->args[2], ctx->args[3]);
}

SEC("tracepoint/syscalls/sys_enter_rename")
int cs_enter_rename(struct trace_event_raw_sys_enter *ctx)
{
	return file_op_enter(CS_OP_RENAME, 0, AT_FDCWD, ctx->args[0], AT_FDCWD, ctx->args[1]);
}

SEC("tracepoint/syscalls/sys_enter_linkat")
int cs_enter_linkat(struct trace_event_raw_sys_enter *ctx)
{
	return file_op_enter(CS_OP_LINK, ctx->args[4], ctx->args[0], ctx->args[1], ctx->args[2], ctx->args[3]);
}

SEC("tracepoint/syscalls/sys_enter_link")
int cs_enter_link(struct trace_event_raw_sys_enter *ctx)
{
	return file_op_enter(CS_OP_LINK, 0, AT_FDCWD, ctx->args[0], AT_FDCWD, ctx->args[1]);
}

SEC("tracepoint/syscalls/sys_enter_symlinkat")
int cs_enter_symlinkat(struct trace_event_raw_sys_enter *ctx)
{
	return file_op_enter(CS_OP_SYMLINK, 0, AT_FDCWD, ctx->args[0], ctx->args[1], ctx->args[2]);
}

SEC("tracepoint/syscalls/sys_enter_symlink")
int cs_enter_symlink(struct trace_event_raw_sys_enter *ctx)
{
	return file_op_enter(CS_OP_SYMLINK, 0, AT_FDCWD, ctx->args[0], AT_FDCWD, ctx->args[1]);
}

/*
 * One exit program for every file-operation syscall, attached to each
 * sys_exit_* tracepoint by the loader: the pending entry says which
 * operation it was, and all sys_exit events share one layout. One program
 * instead of ten takes the verifier a tenth of the time at start-up (each
 * copy of the path walks costs about 0.1 s), which is most of time-to-ready.
 */
SEC("tracepoint")
int cs_exit_file_op(struct trace_event_raw_sys_exit *ctx)
{
	return file_op_exit(ctx->ret);
}

#endif
