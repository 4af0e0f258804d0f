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
 *
 * The opens seen are a 2-way set-associative cache in an array, not an LRU
 * hash: an array lookup is inlined by the verifier (no helper call, no
 * hashing, no bucket or LRU list locks), and a set is one cache line, so a
 * new open costs one cache miss where the LRU hash took five or six (its
 * lookup, then the update's own lookup, free-list pop and the evicted
 * entry's unlinking: 7% of the open storm's CPU, tracked). A set keeps its
 * two most recent keys; what it evicts is only sent again, so a collision,
 * forged or not, costs a record and never hides one. Writers on two CPUs
 * may interleave their stores to one set: a torn key mixes fields of two
 * real keys of the same slot, which no other open's key can equal (its
 * dentry and inode would have to come from different files).
 */
#define OPEN_SEEN_SETS 32768 /* 2 MiB */

struct open_set {
	struct open_key way[2];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, OPEN_SEEN_SETS);
	__type(key, __u32);
	__type(value, struct open_set);
} open_seen SEC(".maps");

static __always_inline __u32 open_set_of(const struct open_key *k)
{
	__u64 h = ((__u64)k->tgid << 32 | k->mode) ^ k->start_time_ns;

	h = (h ^ k->ino) * 0x9e3779b97f4a7c15ULL;
	h = (h ^ k->dentry) * 0xbf58476d1ce4e5b9ULL;
	return (__u32)(h >> 40) & (OPEN_SEEN_SETS - 1);
}

static __always_inline bool open_key_eq(const struct open_key *a, const struct open_key *b)
{
	return a->dentry == b->dentry && a->ino == b->ino && a->start_time_ns == b->start_time_ns &&
	       a->tgid == b->tgid && a->mode == b->mode;
}

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

/*
 * What an open hook reads of the struct file, once: the process_access check,
 * the dedupe key and the path walk each read it for themselves before (eight
 * reads where five do).
 */
struct opened {
	struct file *file;
	struct inode *inode;
	struct path path;
};

static __always_inline void read_opened(struct opened *o, struct file *file)
{
	o->file = file;
	o->inode = BPF_CORE_READ(file, f_inode);
	bpf_probe_read_kernel(&o->path, sizeof(o->path), (void *)file + bpf_core_field_offset(struct file, f_path));
}

static __always_inline int send_file_open(const struct opened *o, __u32 flags, __u8 access)
{
	struct open_key key = {};
	struct inode *inode;
	struct cs_file_open *r;
	struct open_set *set;
	__u32 n, slot;
	__u8 *buf;

	key.tgid = bpf_get_current_pid_tgid() >> 32;
	key.mode = access | ((flags & (O_CREAT | O_EXCL | O_TRUNC | O_APPEND)) << 8);
	key.start_time_ns = current_start_time();
	inode = o->inode; /* a local: inside BPF_CORE_READ, o->inode would be relocated as a kernel type's field */
	key.ino = BPF_CORE_READ(inode, i_ino);
	key.dentry = (__u64)o->path.dentry;
	slot = open_set_of(&key);
	set = bpf_map_lookup_elem(&open_seen, &slot);
	if (!set)
		return 0;
	if (open_key_eq(&set->way[0], &key) || open_key_eq(&set->way[1], &key)) {
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
	n = walk_path(o->path.dentry, o->path.mnt, buf, sizeof(*r), CS_PATH_MAX);
	if (n & WALK_TRUNCATED)
		r->hdr.flags |= CS_F_PATH_TRUNCATED;
	n &= CS_PATH_MAX * 2 - 1;
	r->path_len = n;
	if (emit(CS_HOOK_FILE_OPEN, buf, sizeof(*r) + n) == 0) {
		set->way[1] = set->way[0];
		set->way[0] = key;
	}
	return 0;
}

SEC("fexit/do_filp_open")
int BPF_PROG(cs_fexit_filp_open, int dfd, struct filename *pathname, const struct open_flags *op, struct file *ret)
{
	struct opened o;
	__u32 flags;

	if ((unsigned long)ret >= (unsigned long)-4095 || !current_tracked())
		return 0;
	flags = BPF_CORE_READ(op, open_flag);
	read_opened(&o, ret);
	access_at_open(ret, o.inode, flags);
	/*
	 * An execve's own open of the binary (and of a script's interpreter)
	 * says so in op->open_flag; f_mode never carries FMODE_EXEC
	 * (do_dentry_open builds it from the access mode alone). Userspace
	 * cannot pass this bit: open and openat mask it out, openat2 refuses it.
	 */
	if (flags & __FMODE_EXEC)
		return send_file_open(&o, flags, CS_ACCESS_EXEC);
	return send_file_open(&o, flags, access_of(flags));
}

/*
 * The open family's syscall numbers, for the one exit program they share
 * (ctx->id). The syscall tracepoints fire only for native syscalls (x86's
 * ia32 ones are ignored), so these are all.
 */
#if defined(__TARGET_ARCH_x86)
#define NR_OPEN 2
#define NR_CREAT 85
#define NR_OPENAT 257
#elif defined(__TARGET_ARCH_arm64)
#define NR_OPEN -1 /* arm64 has neither open(2) nor creat(2) */
#define NR_CREAT -2
#define NR_OPENAT 56
#endif
#define NR_OPENAT2 437

/*
 * The flags the caller passed, read at exit from the registers the syscall
 * was entered with (the kernel keeps them in the task's pt_regs; only the
 * return value's register changes). The exit alone knows whether the open
 * succeeded, and what it opened; reading the arguments here too spares an
 * entry program per open: one syscall tracepoint program instead of two,
 * tracked or not, and nothing to keep between them. (The open storm: an
 * untracked open paid for two programs' dispatch, its tracked open a task
 * storage write at entry too.) openat2's open_how is user memory, read here
 * as the entry would have read it: before or after the kernel's own copy,
 * a racing thread can change it either way.
 */
static __always_inline __u32 open_flags_of(long nr)
{
	struct pt_regs *regs = (struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());
	__u64 how_flags = 0;

	if (nr == NR_OPENAT)
		return PT_REGS_PARM3_CORE_SYSCALL(regs);
	if (nr == NR_OPEN)
		return PT_REGS_PARM2_CORE_SYSCALL(regs);
	if (nr == NR_CREAT)
		return O_CREAT | O_WRONLY | O_TRUNC;
	/* openat2: struct open_how starts with its u64 flags. */
	bpf_probe_read_user(&how_flags, sizeof(how_flags), (void *)PT_REGS_PARM3_CORE_SYSCALL(regs));
	return (__u32)how_flags;
}

/* Attached by the loader to sys_exit_openat, _openat2, _open and _creat: one verification, four attachments. */
SEC("tracepoint")
int cs_exit_open(struct trace_event_raw_sys_exit *ctx)
{
	struct opened o;
	struct file *file;
	__u32 flags;

	if (ctx->ret < 0 || !current_tracked())
		return 0;
	file = fd_file(ctx->ret);
	if (!file)
		return 0;
	flags = open_flags_of(ctx->id);
	read_opened(&o, file);
	access_at_open(file, o.inode, flags);
	return send_file_open(&o, flags, access_of(flags));
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
