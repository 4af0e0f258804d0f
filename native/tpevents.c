// SPDX-License-Identifier: MIT
/*
 * The tracepoints' perf events, opened on threads of their own while the
 * programs load. Opening a tracepoint's perf event takes the kernel's
 * event_mutex and, for the first user of a tracepoint since its last one
 * left, waits out an RCU grace period (tracepoint_add_func); the last close
 * of one waits out another while holding event_mutex (perf_trace_destroy).
 * A run started just after another meets the other's detaching child
 * (handoff.c) doing exactly that, one tracepoint after another: the first
 * attach waited 20-300 ms here, with `run` waiting on it. Opened early,
 * those waits overlap the verifier's work; attach_prog (plan.c) then
 * attaches the program to the open event, as bpf_program__attach_tracepoint
 * does to the one it opens. The libssl uprobes' events likewise (tls.c): a
 * uprobe's perf event is set up under event_mutex too, its breakpoints put
 * into every process that maps the library.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/perf_event.h>
#include <sys/syscall.h>
#include "internal.h"

/*
 * The number a sysfs or tracefs file holds (a PMU's type, a tracepoint's id),
 * or -1 when it cannot be read.
 */
int cs_read_int_file(const char *path)
{
	char buf[32];
	int fd = open(path, O_RDONLY | O_CLOEXEC), n;

	if (fd < 0)
		return -1;
	n = (int)read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return atoi(buf);
}

/* The event's id in tracefs, where ensure_tracefs (plan.c) made sure there is one; -1 if none. */
static int tracepoint_id(const char *category, const char *name)
{
	const char *roots[] = { "/sys/kernel/tracing", "/sys/kernel/debug/tracing" };
	char path[256];
	size_t i;

	for (i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
		int id;

		snprintf(path, sizeof(path), "%s/events/%s/%s/id", roots[i], category, name);
		id = cs_read_int_file(path);
		if (id >= 0)
			return id;
	}
	return -1;
}

/* The perf event bpf_program__attach_tracepoint would open (libbpf's perf_event_open_tracepoint). */
static int open_event(const char *category, const char *name)
{
	struct perf_event_attr attr;
	int id = tracepoint_id(category, name);

	if (id < 0)
		return -1;
	memset(&attr, 0, sizeof(attr));
	attr.type = PERF_TYPE_TRACEPOINT;
	attr.size = sizeof(attr);
	attr.config = id;
	return (int)syscall(__NR_perf_event_open, &attr, -1 /* pid */, 0 /* cpu */, -1 /* group */, PERF_FLAG_FD_CLOEXEC);
}

void cs_tp_add(struct cs_tp_events *t, const char *category, const char *name)
{
	struct cs_tp_event *e;

	if (t->n >= CS_MAX_LINKS)
		return;
	e = &t->ev[t->n++];
	snprintf(e->category, sizeof(e->category), "%s", category);
	snprintf(e->name, sizeof(e->name), "%s", name);
	e->s = t->s;
	e->fd = -1;
}

/* An event that cannot be opened is left to attach_prog, whose own open then says why. */
static void *open_one(void *arg)
{
	struct cs_tp_event *e = arg;

	e->fd = !strcmp(e->category, "uprobe") ? cs_open_libssl_event(e->s, e->name) : open_event(e->category, e->name);
	e->opened_us = cs_now_us();
	return NULL;
}

/*
 * Opens the events, each on a thread of its own (small stacks, every signal
 * blocked, as the loaders): one after another, each of them could wait
 * behind one of the detaching child's grace periods, where all at once they
 * queue on event_mutex together and wait out the one in progress. An event
 * whose thread does not start is opened here.
 */
void cs_tp_start(struct cs_tp_events *t)
{
	pthread_attr_t attr;
	sigset_t all, old;
	int i;

	t->start_us = cs_now_us();
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	for (i = 0; i < t->n; i++)
		t->ev[i].started = !pthread_create(&t->ev[i].thread, &attr, open_one, &t->ev[i]);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&attr);
	for (i = 0; i < t->n; i++)
		if (!t->ev[i].started)
			open_one(&t->ev[i]);
}

/* Waits for the opens; the phase "open tracepoint events" ends with the last of them. */
void cs_tp_join(struct cs_tp_events *t)
{
	uint64_t last = t->start_us;
	int i;

	for (i = 0; i < t->n; i++) {
		if (t->ev[i].started)
			pthread_join(t->ev[i].thread, NULL);
		t->ev[i].started = false;
		if (t->ev[i].opened_us > last)
			last = t->ev[i].opened_us;
	}
	if (t->n)
		cs_phase_until(t->s, "open", "tracepoint events", t->start_us, last);
}

int cs_tp_take(struct cs_tp_events *t, const char *category, const char *name)
{
	int i, fd;

	for (i = 0; t && i < t->n; i++) {
		if (t->ev[i].fd < 0 || strcmp(t->ev[i].category, category) || strcmp(t->ev[i].name, name))
			continue;
		fd = t->ev[i].fd;
		t->ev[i].fd = -1;
		return fd;
	}
	return -1;
}

/* Attaches prog to the open perf event fd, which the link then owns (closed here if it cannot). */
struct bpf_link *cs_attach_event(struct bpf_program *prog, int fd)
{
	struct bpf_link *link = bpf_program__attach_perf_event(prog, fd);
	int e;

	if (!link) {
		e = errno;
		close(fd);
		errno = e;
	}
	return link;
}

/* The events no program took (a hook that failed): closed. */
void cs_tp_close(struct cs_tp_events *t)
{
	int i;

	for (i = 0; i < t->n; i++) {
		if (t->ev[i].fd >= 0)
			close(t->ev[i].fd);
		t->ev[i].fd = -1;
	}
}
