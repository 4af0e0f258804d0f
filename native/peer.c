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
