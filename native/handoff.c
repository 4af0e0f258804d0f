// SPDX-License-Identifier: MIT
/*
 * Detaching without making the caller wait. Each syscall tracepoint link
 * waits for an RCU-tasks grace period when it goes, and the kernel takes
 * them one after another (detaching from several threads does not overlap
 * them: ~40 ms each here, 1.4 s for the sensor's 33). `cicd-sensor run`
 * has written its report by then; only its exit would wait. So a child
 * process takes over the links: it inherits their file descriptors, the
 * parent's own close then only drops a reference, and the child closes
 * them, the last reference, in the background, then exits.
 *
 * Nothing is left behind: links are never pinned, so they live exactly as
 * long as a process holds their descriptors, and the child exits (or is
 * killed, which closes them the same way) once it has closed them.
 *
 * The child closes them only after the parent has closed its own copies
 * (it waits for the end of a pipe the parent closes in cs_close, or at its
 * exit): whoever drops a link's last reference pays its grace period, and
 * a child quicker than its parent made the parent's close wait (1.4 s).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "internal.h"

/* Closes every descriptor in [from, to) (close_range(2), 5.9; else one by one). */
static void close_between(int from, int to)
{
	int fd;

	if (from >= to)
		return;
	if (syscall(SYS_close_range, (unsigned int)from, (unsigned int)(to - 1), 0) == 0)
		return;
	for (fd = from; fd < to; fd++)
		close(fd);
}

static int compare_fd(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/*
 * The child of a multi-threaded process may only make async-signal-safe
 * calls: signal masks, setsid, close, _exit. It leaves the caller's session
 * (a Ctrl-C for the caller is not for it) and its stdio and every other
 * descriptor at once, so nobody reading the caller's output waits for it.
 */
static void __attribute__((noreturn)) close_links_and_exit(const int *keep, int n, int parent_done)
{
	int i, from = 0;
	char b;

	/* Every signal is blocked already (before the fork): the caller's handlers never run here. */
	setsid();
	/* keep holds the links and parent_done, in order; everything else goes (the pipe's write end too). */
	for (i = 0; i < n; i++) {
		close_between(from, keep[i]);
		from = keep[i] + 1;
	}
	close_between(from, 1 << 20);
	while (read(parent_done, &b, 1) < 0 && errno == EINTR)
		;
	for (i = 0; i < n; i++)
		close(keep[i]);
	_exit(0);
}

int cs_close_in_background(struct cs_sensor *s)
{
	int keep[CS_MAX_LINKS + 1];
	int i, n = 0, err, done[2];
	sigset_t all, old;
	pid_t pid;

	if (!s)
		return cs_fail(EINVAL, "cs_close_in_background: missing argument");
	for (i = 0; i < s->nlinks; i++)
		if (bpf_link__fd(s->links[i]) >= 0)
			keep[n++] = bpf_link__fd(s->links[i]);
	if (n == 0)
		return 0;
	if (pipe2(done, O_CLOEXEC))
		return cs_fail(errno, "making the pipe the detaching process waits on");
	keep[n] = done[0];
	qsort(keep, n + 1, sizeof(keep[0]), compare_fd);
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	pid = fork();
	if (pid == 0)
		close_links_and_exit(keep, n + 1, done[0]);
	err = errno;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	close(done[0]);
	if (pid < 0) {
		close(done[1]);
		return cs_fail(err, "starting the process that detaches in the background");
	}
	/* cs_close closes it after the links: the child's wait ends then. */
	s->handoff_fd = done[1];
	return (int)pid;
}
