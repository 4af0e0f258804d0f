/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* What kind of file a struct file is, where an event needs to say so. */
#ifndef CICD_SENSOR_FDINFO_BPF_H
#define CICD_SENSOR_FDINFO_BPF_H

#include "common.bpf.h"
#include "path.bpf.h"

#define TMPFS_MAGIC 0x01021994
#define HUGETLBFS_MAGIC 0x958458f6
/* include/linux/mount.h: set on kern_mount()s, which no mount namespace holds. */
#define MNT_INTERNAL 0x4000

/*
 * A memfd_create(2) file: a "memfd:<name>" file on the kernel's internal
 * shmem (or hugetlbfs) mount. The internal mount is what a tmpfs file a
 * job merely names "memfd:x" lacks; SysV and POSIX shared memory share the
 * mount but not the name.
 */
static __always_inline bool is_memfd(struct file *file)
{
	__u64 magic;
	char name[8] = {};

	if (!file)
		return false;
	magic = BPF_CORE_READ(file, f_inode, i_sb, s_magic);
	if (magic != TMPFS_MAGIC && magic != HUGETLBFS_MAGIC)
		return false;
	if (!(BPF_CORE_READ(file, f_path.mnt, mnt_flags) & MNT_INTERNAL))
		return false;
	bpf_probe_read_kernel(name, 6, BPF_CORE_READ(file, f_path.dentry, d_name.name));
	return name[0] == 'm' && name[1] == 'e' && name[2] == 'm' && name[3] == 'f' && name[4] == 'd' && name[5] == ':';
}

/* SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET, ... of a socket fd of the current task; 0 when fd is no socket. */
static __always_inline __u16 fd_socket_type(int fd)
{
	struct file *file = fd_file(fd);
	struct socket *sock;

	if (!file || BPF_CORE_READ(file, f_inode, i_sb, s_magic) != 0x534F434B /* SOCKFS_MAGIC */)
		return 0;
	sock = BPF_CORE_READ(file, private_data);
	return sock ? BPF_CORE_READ(sock, type) : 0;
}

#endif
