/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Path reconstruction. bpf_d_path is refused to tracepoints, so the
 * tracepoint path walks dentries and mounts itself, the way d_path does,
 * stopping at the current task's root so a container sees its own paths.
 */
#ifndef CICD_SENSOR_PATH_BPF_H
#define CICD_SENSOR_PATH_BPF_H

#include "common.bpf.h"

#define WALK_MAX_COMPONENTS 64
#define NAME_READ_MAX 256
#define WALK_TRUNCATED (1u << 31)

static __always_inline struct vfsmount *mount_to_vfsmount(struct mount *m)
{
	return (void *)m + bpf_core_field_offset(struct mount, mnt);
}

static __always_inline struct mount *vfsmount_to_mount(struct vfsmount *v)
{
	return (void *)v - bpf_core_field_offset(struct mount, mnt);
}

/*
 * The running length lives in map memory, not in a register: the verifier
 * does not track values through map memory, so every loop iteration starts
 * from the same state and is pruned, instead of one state per possible
 * length (which exceeds the 1M-instruction budget).
 */
struct walk_state {
	__u32 len;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct walk_state);
} walk_state_map SEC(".maps");

/*
 * A dentry's parent and name, which every kernel lays out side by side
 * (d_parent, then d_name: hash, len, name). Each bpf_probe_read_kernel is a
 * helper call with its own fault handling, and the walk made four per path
 * component (d_parent, d_name.name, d_name.len, the mount's root) plus the
 * name; one read of this block and the name is two. (The open storm,
 * tracked: the walk and its reads were a fifth of the workload's CPU.)
 */
struct dentry_link {
	struct dentry *parent;
	__u32 hash;
	__u32 len;
	const unsigned char *name;
};

static __always_inline bool dentry_link_contiguous(void)
{
	return bpf_core_field_offset(struct dentry, d_name) == bpf_core_field_offset(struct dentry, d_parent) + 8 &&
	       bpf_core_field_offset(struct qstr, name) == 8;
}

static __always_inline int read_dentry_link(struct dentry_link *l, struct dentry *dentry)
{
	if (dentry_link_contiguous())
		return bpf_probe_read_kernel(l, sizeof(*l), (void *)dentry + bpf_core_field_offset(struct dentry, d_parent));
	l->parent = BPF_CORE_READ(dentry, d_parent);
	l->len = BPF_CORE_READ(dentry, d_name.len);
	l->name = BPF_CORE_READ(dentry, d_name.name);
	return 0;
}

struct path_walk {
	struct dentry *dentry, *mnt_root;
	struct vfsmount *vfsmnt;
	struct mount *mnt;
	struct path root;
	struct walk_state *w;
	__u8 *buf;
	__u32 off, limit;
	/* Set when the walk ended before its last step: the bytes written, WALK_TRUNCATED set when components were left out. */
	__u32 result;
	bool over;
};

static __always_inline long walk_over(struct path_walk *pw, __u32 result)
{
	pw->result = result;
	pw->over = true;
	return 1;
}

/* One step up: a component written, or a mount crossed. 1 once the walk is over. */
static long path_walk_step(__u32 i, void *arg)
{
	struct path_walk *pw = arg;
	/* In locals: BPF_CORE_READ would relocate pw's own fields as if they were the kernel's. */
	struct dentry *dentry = pw->dentry;
	struct mount *mnt = pw->mnt;
	struct dentry_link link = {};
	__u32 len;
	__u64 room;
	long n;

	if (dentry == pw->root.dentry && pw->vfsmnt == pw->root.mnt)
		return walk_over(pw, pw->w->len);
	if (read_dentry_link(&link, dentry))
		return walk_over(pw, pw->w->len | WALK_TRUNCATED);
	if (dentry == pw->mnt_root || dentry == link.parent) {
		struct mount *mnt_parent;
		struct vfsmount *vfsmnt;

		if (dentry != pw->mnt_root)
			return walk_over(pw, pw->w->len); /* a filesystem root that is mounted nowhere we can see */
		mnt_parent = BPF_CORE_READ(mnt, mnt_parent);
		if (mnt_parent == mnt)
			return walk_over(pw, pw->w->len); /* the namespace's root mount */
		pw->dentry = BPF_CORE_READ(mnt, mnt_mountpoint);
		pw->mnt = mnt_parent;
		vfsmnt = mount_to_vfsmount(mnt_parent);
		pw->vfsmnt = vfsmnt;
		pw->mnt_root = BPF_CORE_READ(vfsmnt, mnt_root);
		return 0;
	}
	len = pw->w->len;
	if (len + 2 > pw->limit)
		return walk_over(pw, len | WALK_TRUNCATED);
	room = pw->limit - len;
	if (room > NAME_READ_MAX)
		room = NAME_READ_MAX;
	BOUND(room, 511);
	n = bpf_probe_read_kernel_str(&pw->buf[(pw->off + len) & SCRATCH_MASK], room, link.name);
	if (n <= 0)
		return walk_over(pw, len | WALK_TRUNCATED);
	pw->w->len = len + n;
	if (link.len + 1 > n)
		return walk_over(pw, pw->w->len | WALK_TRUNCATED);
	pw->dentry = link.parent;
	return 0;
}

/*
 * Writes the path's components, leaf first, each NUL-terminated, at the
 * scratch buffer's offset off, using at most limit bytes. Returns the bytes
 * written, with WALK_TRUNCATED set when components were left out.
 *
 * A global function, not a static one: the verifier checks a global
 * function once per program, on its own, instead of once per call site
 * with the caller's state. A program reaches this walk from up to eight
 * call sites (move_mount: two paths, each relative to a dirfd or the cwd),
 * and checking the 64-step loop at each was most of the sensor's load time
 * (move_mount alone ~390 ms). The price: its arguments are scalars (a
 * global function may not take kernel pointers), and it finds the scratch
 * buffer itself, so it writes only there. The steps go through
 * BOUNDED_LOOP (common.bpf.h): checked once with bpf_loop, not step by step
 * (33,000 instructions per program that walks a path, five of them, before).
 */
__noinline __u32 cs_walk_path(__u64 dentry_addr, __u64 vfsmnt_addr, __u32 off, __u32 limit)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct fs_struct *fs = BPF_CORE_READ(task, fs);
	struct vfsmount *vfsmnt = (struct vfsmount *)vfsmnt_addr;
	struct path_walk pw = {
		.dentry = (struct dentry *)dentry_addr,
		.mnt_root = BPF_CORE_READ(vfsmnt, mnt_root),
		.vfsmnt = vfsmnt,
		.mnt = vfsmount_to_mount(vfsmnt),
		.buf = scratch_buf(),
		.off = off,
		.limit = limit,
	};
	__u32 zero = 0;

	pw.w = bpf_map_lookup_elem(&walk_state_map, &zero);
	if (!pw.w || !pw.buf || !pw.dentry)
		return 0;
	bpf_probe_read_kernel(&pw.root, sizeof(pw.root), (void *)fs + bpf_core_field_offset(struct fs_struct, root));
	pw.w->len = 0;
	BOUNDED_LOOP(WALK_MAX_COMPONENTS, path_walk_step, &pw);
	/* Still climbing after the last step: the components above are left out. */
	return pw.over ? pw.result : pw.w->len | WALK_TRUNCATED;
}

/* buf is the scratch buffer (every record is built there): the walk writes to it at off. */
static __always_inline __u32 walk_path(struct dentry *dentry, struct vfsmount *vfsmnt, __u8 *buf, __u32 off,
				       __u32 limit)
{
	return cs_walk_path((__u64)dentry, (__u64)vfsmnt, off, limit);
}

/* fdtable's head, laid out alike on every kernel: one read instead of two chains of three. */
struct fdtable_head {
	unsigned int max_fds;
	struct file **fd;
};

static __always_inline struct file *fd_file(int fd)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	struct fdtable_head head = {};
	struct file *file = NULL;

	if (fd < 0 || !fdt)
		return NULL;
	if (bpf_core_field_offset(struct fdtable, max_fds) == 0 && bpf_core_field_offset(struct fdtable, fd) == 8) {
		bpf_probe_read_kernel(&head, sizeof(head), fdt);
	} else {
		head.max_fds = BPF_CORE_READ(fdt, max_fds);
		head.fd = BPF_CORE_READ(fdt, fd);
	}
	if ((unsigned int)fd >= head.max_fds)
		return NULL;
	bpf_probe_read_kernel(&file, sizeof(file), &head.fd[fd]);
	return file;
}

static __always_inline __u32 walk_file(struct file *file, __u8 *buf, __u32 off, __u32 limit)
{
	struct path path = {};

	if (!file)
		return 0;
	bpf_probe_read_kernel(&path, sizeof(path), (void *)file + bpf_core_field_offset(struct file, f_path));
	return walk_path(path.dentry, path.mnt, buf, off, limit);
}

/* The directory a relative path is resolved against: dirfd's file, or the cwd. */
static __always_inline __u32 walk_dirfd(int dfd, __u8 *buf, __u32 off, __u32 limit)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();

	if (dfd == -100 /* AT_FDCWD */)
		return walk_path(BPF_CORE_READ(task, fs, pwd.dentry), BPF_CORE_READ(task, fs, pwd.mnt), buf, off,
				 limit);
	return walk_file(fd_file(dfd), buf, off, limit);
}

/*
 * Copies a user string of at most max bytes (NUL included) to buf[off].
 * Returns its length without the NUL, with WALK_TRUNCATED when the string
 * went on past max.
 */
static __always_inline __u32 read_user_path(const char *src, __u8 *buf, __u32 off, __u32 max)
{
	long n = bpf_probe_read_user_str(&buf[off & SCRATCH_MASK], max & 0x7ff, src);
	char next = 0;

	if (n <= 0)
		return 0;
	if (n == max) {
		bpf_probe_read_user(&next, 1, src + max - 1);
		if (next)
			return (__u32)(n - 1) | WALK_TRUNCATED;
	}
	return (__u32)(n - 1);
}

#endif
