// SPDX-License-Identifier: MIT
/* Who is on the other end of a unix socket: Node has no SO_PEERCRED of its own. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/socket.h>
#include "internal.h"

int cs_peer_pid(int fd)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0)
		return cs_fail(errno, "SO_PEERCRED on fd %d", fd);
	return cred.pid;
}

/*
 * pid, uid and gid of the peer as the kernel recorded them at connect(2).
 * The uid comes from the socket, not from /proc/<pid>: a peer that exits
 * and whose pid is reused cannot lend its credentials to another process.
 */
int cs_peer_cred(int fd, int *out)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0)
		return cs_fail(errno, "SO_PEERCRED on fd %d", fd);
	out[0] = cred.pid;
	out[1] = (int)cred.uid;
	out[2] = (int)cred.gid;
	return 0;
}
