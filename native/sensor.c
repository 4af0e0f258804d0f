// SPDX-License-Identifier: MIT
/* The handle's life: open and load, map updates, record batches, counters, close. */
#define _GNU_SOURCE /* memfd_create */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include "internal.h"
#include "../bpf/records.h"

int cs_abi_version(void)
{
	return CS_NATIVE_ABI;
}

int cs_records_version(void)
{
	return CS_ABI_VERSION;
}

int64_t cs_boot_to_realtime_ns(void)
{
	struct timespec real, boot;

	clock_gettime(CLOCK_REALTIME, &real);
	clock_gettime(CLOCK_BOOTTIME, &boot);
	return ((int64_t)real.tv_sec - boot.tv_sec) * 1000000000LL + (real.tv_nsec - boot.tv_nsec);
}

static bool power_of_two(uint32_t n)
{
	return n && !(n & (n - 1));
}

/*
 * A BTF of one int, in a memfd, for the maps' instance to relocate against
 * (cs_open_instance's btf_path): it loads no program, so it has nothing to
 * relocate, but libbpf parses the kernel's BTF for any object with CO-RE
 * relocations unless given another (~12 ms of CPU, and 5 MiB read and
 * copied, on the thread that then starts every other load). Returns the
 * fd (the caller closes it) with its path in path, or -1: the kernel's
 * BTF then, as before.
 */
static int maps_btf(char *path, size_t len)
{
	struct btf *btf = btf__new_empty();
	const void *raw = NULL;
	__u32 size = 0;
	int fd = -1;

	if (btf && btf__add_int(btf, "int", 4, BTF_INT_SIGNED) > 0 && (raw = btf__raw_data(btf, &size)))
		fd = memfd_create("cicd-sensor-maps-btf", MFD_CLOEXEC);
	if (fd >= 0 && write(fd, raw, size) != (ssize_t)size) {
		close(fd);
		fd = -1;
	}
	btf__free(btf);
	if (fd < 0)
		return -1;
	snprintf(path, len, "/proc/self/fd/%d", fd);
	/* Named through /proc: without it mounted, the kernel's BTF it is. */
	if (access(path, R_OK)) {
		close(fd);
		return -1;
	}
	return fd;
}

/*
 * The maps and the ring: an instance with every program's autoload off
 * makes the maps, which every instance cs_attach loads then shares.
 */
static int load_maps(struct cs_sensor *s)
{
	uint64_t start = cs_now_us();
	char btf_path[64];
	int err, btf_fd = maps_btf(btf_path, sizeof(btf_path));

	s->obj = cs_open_instance(s, btf_fd >= 0 ? btf_path : NULL, &err);
	if (s->obj)
		err = cs_load_object(s->obj);
	if (btf_fd >= 0)
		close(btf_fd);
	if (!s->obj)
		return err;
	if (err)
		return cs_fail(err, "creating the BPF maps");
	err = cs_rings_init(s);
	cs_phase(s, "open", "maps and rings", start);
	return err;
}

static bool ring_size_ok(uint32_t bytes)
{
	return power_of_two(bytes) && bytes >= (uint32_t)sysconf(_SC_PAGESIZE);
}

struct cs_sensor *cs_open(const char *obj_path, uint32_t ringbuf_bytes, uint32_t priority_bytes, uint32_t self_tgid,
			  uint32_t flags, int *err)
{
	struct cs_sensor *s;
	int e;

	cs_install_print();
	cs_error_reset();
	if (!obj_path || !err) {
		if (err)
			*err = cs_fail(EINVAL, "cs_open: missing argument");
		return NULL;
	}
	if (!ring_size_ok(ringbuf_bytes) || !ring_size_ok(priority_bytes)) {
		*err = cs_fail(EINVAL, "ring buffer sizes %u and %u: each must be a power of two of at least a page",
			       ringbuf_bytes, priority_bytes);
		return NULL;
	}
	s = calloc(1, sizeof(*s));
	if (!s) {
		*err = cs_fail(ENOMEM, "allocating sensor");
		return NULL;
	}
	s->opened_us = cs_now_us();
	s->cgroup_fd = -1;
	s->epoll_fd = -1;
	s->wake_fd = -1;
	s->handoff_fd = -1;
	s->flags = flags;
	s->self_tgid = self_tgid;
	s->ringbuf_bytes = ringbuf_bytes;
	s->priority_bytes = priority_bytes;
	s->obj_path = strdup(obj_path);
	e = s->obj_path ? load_maps(s) : cs_fail(ENOMEM, "copying path");
	if (e) {
		*err = e;
		cs_close(s);
		return NULL;
	}
	*err = 0;
	return s;
}

static int map_fd(struct cs_sensor *s, const char *name)
{
	struct bpf_map *map = bpf_object__find_map_by_name(s->obj, name);

	return map ? bpf_map__fd(map) : -ENOENT;
}

static int map_result(int rc, const char *what)
{
	return rc ? cs_fail(errno, "%s", what) : 0;
}

int cs_track_cgroup(struct cs_sensor *s, uint64_t cgroup_id)
{
	return cs_track_cgroup_policy(s, cgroup_id, 0);
}

int cs_untrack_cgroup(struct cs_sensor *s, uint64_t cgroup_id)
{
	int rc = bpf_map_delete_elem(map_fd(s, "tracked_cgroups"), &cgroup_id);

	return rc && errno != ENOENT ? cs_fail(errno, "untracking cgroup") : 0;
}

int cs_track_task(struct cs_sensor *s, uint32_t tgid, uint64_t start_time_ns)
{
	return map_result(bpf_map_update_elem(map_fd(s, "tracked_tasks"), &tgid, &start_time_ns, BPF_ANY),
			  "tracking task");
}

int cs_untrack_task(struct cs_sensor *s, uint32_t tgid)
{
	int rc = bpf_map_delete_elem(map_fd(s, "tracked_tasks"), &tgid);

	return rc && errno != ENOENT ? cs_fail(errno, "untracking task") : 0;
}

int cs_set_prevention(struct cs_sensor *s, uint32_t mode)
{
	uint32_t zero = 0;

	return map_result(bpf_map_update_elem(map_fd(s, "protect_mode"), &zero, &mode, BPF_ANY),
			  "setting the protection mechanism");
}

/*
 * The process first, then its threads as /proc lists them: a thread started
 * in between is added by the kernel's fork hook, which protects the new
 * threads of a process already in the map.
 */
int cs_protect(struct cs_sensor *s, uint32_t tgid)
{
	int fd = map_fd(s, "protected_tasks");
	char dir[64];
	struct dirent *d;
	DIR *tasks;

	if (tgid == 0)
		return cs_fail(EINVAL, "cs_protect: pid 0");
	if (bpf_map_update_elem(fd, &tgid, &tgid, BPF_ANY))
		return cs_fail(errno, "protecting process %u", tgid);
	snprintf(dir, sizeof(dir), "/proc/%u/task", tgid);
	tasks = opendir(dir);
	if (!tasks) {
		int e = errno;

		/* Gone already: nothing left to protect, and its pid must not stay in the map. */
		bpf_map_delete_elem(fd, &tgid);
		return e == ENOENT ? 0 : cs_fail(e, "listing the threads of process %u", tgid);
	}
	while ((d = readdir(tasks))) {
		uint32_t tid = (uint32_t)strtoul(d->d_name, NULL, 10);

		if (tid && bpf_map_update_elem(fd, &tid, &tgid, BPF_ANY)) {
			closedir(tasks);
			return cs_fail(errno, "protecting thread %u of process %u", tid, tgid);
		}
	}
	closedir(tasks);
	return 0;
}

int cs_unprotect(struct cs_sensor *s, uint32_t tgid)
{
	int fd = map_fd(s, "protected_tasks");
	uint32_t key, next, value;
	uint32_t *prev = NULL;

	/* Deleting while walking restarts the walk from the first key, so collect one at a time. */
	while (bpf_map_get_next_key(fd, prev, &next) == 0) {
		if (bpf_map_lookup_elem(fd, &next, &value) == 0 && value == tgid) {
			bpf_map_delete_elem(fd, &next);
			prev = NULL;
			continue;
		}
		key = next;
		prev = &key;
	}
	return 0;
}

static int staging_key(const char *basename, char key[CS_STAGING_KEY_MAX])
{
	size_t n = basename ? strlen(basename) : 0;

	if (n == 0 || n >= CS_STAGING_KEY_MAX)
		return cs_fail(EINVAL, "staging basename must be 1..%d bytes", CS_STAGING_KEY_MAX - 1);
	memset(key, 0, CS_STAGING_KEY_MAX);
	memcpy(key, basename, n);
	return 0;
}

int cs_stage(struct cs_sensor *s, const char *basename)
{
	return cs_stage_policy(s, basename, 0);
}

int cs_unstage(struct cs_sensor *s, const char *basename)
{
	char key[CS_STAGING_KEY_MAX];
	int err = staging_key(basename, key);

	if (err)
		return err;
	if (bpf_map_delete_elem(map_fd(s, "staging_map"), key) && errno != ENOENT)
		return cs_fail(errno, "unstaging basename");
	return 0;
}

/* Walks a hash map's keys into out (key_size bytes each); returns how many. */
static int list_keys(int fd, void *out, uint32_t key_size, uint32_t max)
{
	uint8_t prev[CS_STAGING_KEY_MAX], key[CS_STAGING_KEY_MAX];
	void *prevp = NULL;
	uint32_t n = 0;

	while (n < max && bpf_map_get_next_key(fd, prevp, key) == 0) {
		memcpy((uint8_t *)out + (size_t)n * key_size, key, key_size);
		memcpy(prev, key, key_size);
		prevp = prev;
		n++;
	}
	return (int)n;
}

int cs_list_tracked(struct cs_sensor *s, uint64_t *out, uint32_t max)
{
	return list_keys(map_fd(s, "tracked_cgroups"), out, sizeof(uint64_t), max);
}

int cs_list_staged(struct cs_sensor *s, char *out, uint32_t max)
{
	return list_keys(map_fd(s, "staging_map"), out, CS_STAGING_KEY_MAX, max);
}

int cs_map_id(struct cs_sensor *s, const char *name)
{
	struct bpf_map_info info;
	__u32 len = sizeof(info);
	int fd = map_fd(s, name);

	if (fd < 0)
		return cs_fail(ENOENT, "no map named %s", name);
	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(fd, &info, &len))
		return cs_fail(errno, "reading map %s info", name);
	return (int)info.id;
}

/* Below this backlog a waiting poll lets records gather for GATHER_MS first. */
#define MIN_BATCH_BYTES (256 * 1024)
#define GATHER_MS 5

static int64_t backlog(struct cs_sensor *s)
{
	return cs_ring_backlog(&s->rings[CS_RING_PRIORITY]) + cs_ring_backlog(&s->rings[CS_RING_BULK]);
}

int cs_poll(struct cs_sensor *s, uint8_t *buf, uint32_t len, int timeout_ms)
{
	int64_t pending;
	int err;

	if (!s || !buf)
		return cs_fail(EINVAL, "cs_poll: missing argument");
	if (timeout_ms == 0)
		return cs_rings_copy(s, buf, len);
	pending = backlog(s);
	if (pending == 0) {
		/* The kernel wakes us only at a quarter full (or the timeout ends the wait). */
		err = cs_rings_wait(s, timeout_ms);
		if (err)
			return err;
	} else if (pending < MIN_BATCH_BYTES) {
		/*
		 * A job writing steadily leaves a few records at every look: let
		 * them gather for a moment instead of paying a wait round trip per
		 * handful. epoll cannot do this: the ring is readable with one byte.
		 */
		struct timespec pause = { 0, (timeout_ms < GATHER_MS ? timeout_ms : GATHER_MS) * 1000000L };

		nanosleep(&pause, NULL);
	}
	return cs_rings_copy(s, buf, len);
}

int64_t cs_backlog(struct cs_sensor *s)
{
	return backlog(s);
}

_Static_assert(sizeof(struct cs_lost_key) + sizeof(struct cs_lost_files) == CS_LOST_FILES_ENTRY,
	       "CS_LOST_FILES_ENTRY must match bpf/records.h");

int cs_read_lost_files(struct cs_sensor *s, uint8_t *out, uint32_t max)
{
	struct cs_lost_key key, prev;
	struct cs_lost_files value;
	int fd = map_fd(s, "lost_files");
	void *prevp = NULL;
	uint32_t n = 0;

	if (fd < 0)
		return cs_fail(ENOENT, "no map named lost_files");
	while (n < max && bpf_map_get_next_key(fd, prevp, &key) == 0) {
		/* Evicted between the two calls: skip it, its loss is still in the per-hook counters. */
		if (bpf_map_lookup_elem(fd, &key, &value) == 0) {
			memcpy(out + (size_t)n * CS_LOST_FILES_ENTRY, &key, sizeof(key));
			memcpy(out + (size_t)n * CS_LOST_FILES_ENTRY + sizeof(key), &value, sizeof(value));
			n++;
		}
		prev = key;
		prevp = &prev;
	}
	return (int)n;
}

int cs_read_counters(struct cs_sensor *s, uint64_t *out, uint32_t max)
{
	int ncpu = libbpf_num_possible_cpus();
	int fd = map_fd(s, "counters");
	struct cs_counters *percpu;
	uint32_t hook;

	if (ncpu <= 0)
		return cs_fail(ncpu, "counting CPUs");
	if (max < CS_HOOK_MAX * 3)
		return cs_fail(EINVAL, "counter buffer holds %u values, %d needed", max, CS_HOOK_MAX * 3);
	percpu = calloc(ncpu, sizeof(*percpu));
	if (!percpu)
		return cs_fail(ENOMEM, "allocating counters");
	for (hook = 0; hook < CS_HOOK_MAX; hook++) {
		uint64_t sent = 0, lost = 0, suppressed = 0;
		int cpu;

		if (bpf_map_lookup_elem(fd, &hook, percpu)) {
			free(percpu);
			return cs_fail(errno, "reading counters");
		}
		for (cpu = 0; cpu < ncpu; cpu++) {
			sent += percpu[cpu].sent;
			lost += percpu[cpu].lost;
			suppressed += percpu[cpu].suppressed;
		}
		out[hook * 3] = sent;
		out[hook * 3 + 1] = lost;
		out[hook * 3 + 2] = suppressed;
	}
	free(percpu);
	return CS_HOOK_MAX;
}

static void *destroy_one(void *link)
{
	bpf_link__destroy(link);
	return NULL;
}

static bool is_perf_event_link(struct bpf_link *link)
{
	struct bpf_link_info info;
	__u32 len = sizeof(info);

	memset(&info, 0, sizeof(info));
	return !bpf_obj_get_info_by_fd(bpf_link__fd(link), &info, &len) && info.type == BPF_LINK_TYPE_PERF_EVENT;
}

/*
 * Detaching a syscall tracepoint program (a perf-event link) waits for an
 * RCU-tasks grace period, about 55 ms here: one after another, 1.5 s for
 * the whole sensor. Those are detached side by side, so the waits overlap.
 * Every other link goes one at a time, after them: detaching all links
 * concurrently soft-locked both CPUs of a 6.1 kernel (the kernels suite).
 */
static void destroy_links(struct bpf_link **links, int n)
{
	pthread_t threads[CS_MAX_LINKS];
	bool started[CS_MAX_LINKS] = { false };
	int i;

	for (i = 0; i < n; i++)
		if (is_perf_event_link(links[i]))
			started[i] = !pthread_create(&threads[i], NULL, destroy_one, links[i]);
	for (i = 0; i < n; i++)
		if (started[i])
			pthread_join(threads[i], NULL);
	for (i = 0; i < n; i++)
		if (!started[i])
			bpf_link__destroy(links[i]);
}

void cs_close(struct cs_sensor *s)
{
	int i;

	if (!s)
		return;
	destroy_links(s->links, s->nlinks);
	if (s->handoff_fd >= 0)
		close(s->handoff_fd);
	for (i = 0; i < s->nalt; i++)
		bpf_object__close(s->alt[i]);
	bpf_object__close(s->core);
	cs_rings_close(s);
	bpf_object__close(s->obj);
	if (s->cgroup_fd >= 0)
		close(s->cgroup_fd);
	free(s->obj_path);
	free(s);
}
