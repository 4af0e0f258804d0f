/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Which socket file a connected unix socket reached. A path string says how
 * the job named it, not what it reached: a symlink, a relative path, a hard
 * link, a bind mount or /proc/self/root/... all name dockerd's socket
 * without its path. The peer the kernel connected to keeps the dentry of
 * the socket file its listener bound (unix_stream_connect copies the
 * listener's path into the new socket), so its inode and device name the
 * socket whatever path led there.
 */
#ifndef CICD_SENSOR_UNIXPEER_BPF_H
#define CICD_SENSOR_UNIXPEER_BPF_H

#include "common.bpf.h"

#define SOCKFS_MAGIC 0x534F434B

/* The struct socket of a file, or NULL when it is no socket. */
static __always_inline struct socket *file_socket(struct file *file)
{
	if (!file || BPF_CORE_READ(file, f_inode, i_sb, s_magic) != SOCKFS_MAGIC)
		return NULL;
	return BPF_CORE_READ(file, private_data);
}

/* The unix socket at the other end of sock, or NULL (not connected, not unix). */
static __always_inline struct unix_sock *unix_peer(struct socket *sock)
{
	struct sock *sk = sock ? BPF_CORE_READ(sock, sk) : NULL;

	if (!sk || BPF_CORE_READ(sk, __sk_common.skc_family) != 1 /* AF_UNIX */)
		return NULL;
	return (struct unix_sock *)BPF_CORE_READ((struct unix_sock *)sk, peer);
}

/* Fills r's peer_dev and peer_ino from the socket file the peer is bound to (0 when it has none). */
static __always_inline void fill_unix_peer(struct cs_unix_connect *r, struct unix_sock *peer)
{
	struct inode *inode = peer ? BPF_CORE_READ(peer, path.dentry, d_inode) : NULL;

	r->peer_dev = inode ? BPF_CORE_READ(inode, i_sb, s_dev) : 0;
	r->peer_ino = inode ? BPF_CORE_READ(inode, i_ino) : 0;
}

#endif
