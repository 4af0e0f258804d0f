// SPDX-License-Identifier: MIT
/* Opening instances of the BPF object and sharing one set of maps among them. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"
#include "../bpf/records.h"

bool cs_is_function_hook(const struct bpf_program *prog)
{
	const char *sec = bpf_program__section_name(prog);

	return !strncmp(sec, "fentry/", 7) || !strncmp(sec, "fexit/", 6) || !strncmp(sec, "lsm/", 4) ||
	       !strncmp(sec, "kprobe/", 7) || !strncmp(sec, "kretprobe/", 10);
}

/*
 * Programs loaded in an instance of their own at attach time, so a kernel
 * that refuses one costs only its hook: function hooks (lockdown), the
 * domain parsers (the heaviest verification, and the newest code): the
 * packet programs and the varlink one, the optional tp_btf hooks whose
 * tracepoints a kernel may lack (io_uring compiled out) or type differently,
 * and the libssl uprobes (a kernel may refuse them, a host lack libssl).
 */
bool cs_apart_by_name(const char *name)
{
	return !strcmp(name, "cs_enter_sendto") || !strncmp(name, "cs_tamper_", 10) ||
	       !strcmp(name, "cs_io_uring_complete") || !strncmp(name, "cs_ssl_", 7);
}

/*
 * The program's name in a plan entry: a leading '?' (optional) and an
 * "@where" (the tracepoint or symbol it attaches to) dropped.
 */
const char *cs_prog_name(const char *entry, char *buf, size_t len)
{
	char *at;

	snprintf(buf, len, "%s", entry + (entry[0] == '?'));
	at = strchr(buf, '@');
	if (at)
		*at = '\0';
	return buf;
}

bool cs_loads_apart(const struct bpf_program *prog)
{
	return cs_is_function_hook(prog) || !strncmp(bpf_program__section_name(prog), "cgroup_skb/", 11) ||
	       cs_apart_by_name(bpf_program__name(prog));
}

/* CICD_SENSOR_DEBUG_BOUNDED_LOOPS=1 (tests only; unset, empty or 0 is off): the pre-5.17 loops on this kernel (records.h). */
static __u32 debug_flags(void)
{
	const char *v = getenv("CICD_SENSOR_DEBUG_BOUNDED_LOOPS");

	return v && *v && strcmp(v, "0") ? CS_CFG_BOUNDED_LOOPS : 0;
}

static int set_config(struct cs_sensor *s, struct bpf_object *obj)
{
	struct bpf_map *map = bpf_object__find_map_by_name(obj, ".rodata.cfg");
	struct cs_config cfg = {
		.self_tgid = s->self_tgid,
		/* A quarter full: early enough to drain long before it overflows. */
		.wakeup_bytes = s->ringbuf_bytes / 4,
		.priority_wakeup_bytes = s->priority_bytes / 4,
		.flags = debug_flags(),
	};

	if (!map)
		return cs_fail(ENOENT, "BPF object has no .rodata.cfg section");
	if (bpf_map__set_initial_value(map, &cfg, sizeof(cfg)))
		return cs_fail(EINVAL, "setting BPF configuration");
	return 0;
}

/*
 * Opens obj_path with the configuration applied and every program's
 * autoload off. btf_path, when set, is the BTF its CO-RE relocations are
 * made against instead of the kernel's (cs_maps_btf).
 */
struct bpf_object *cs_open_instance(struct cs_sensor *s, const char *btf_path, int *err)
{
	LIBBPF_OPTS(bpf_object_open_opts, opts, .btf_custom_path = btf_path);
	struct bpf_object *obj = bpf_object__open_file(s->obj_path, &opts);
	struct bpf_program *prog;
	struct bpf_map *rb, *prb;
	long e = libbpf_get_error(obj);

	if (e) {
		*err = cs_fail((int)e, "opening BPF object %s", s->obj_path);
		return NULL;
	}
	*err = set_config(s, obj);
	rb = bpf_object__find_map_by_name(obj, "events");
	prb = bpf_object__find_map_by_name(obj, "events_priority");
	if (!*err && (!rb || bpf_map__set_max_entries(rb, s->ringbuf_bytes)))
		*err = cs_fail(EINVAL, "setting ring buffer size %u", s->ringbuf_bytes);
	if (!*err && (!prb || bpf_map__set_max_entries(prb, s->priority_bytes)))
		*err = cs_fail(EINVAL, "setting priority ring buffer size %u", s->priority_bytes);
	if (*err) {
		bpf_object__close(obj);
		return NULL;
	}
	bpf_object__for_each_program(prog, obj)
		bpf_program__set_autoload(prog, false);
	return obj;
}

/* Points every named map of obj at the main instance's map of the same name. */
int cs_reuse_maps(struct cs_sensor *s, struct bpf_object *obj)
{
	struct bpf_map *map, *main_map;

	bpf_object__for_each_map(map, obj) {
		const char *name = bpf_map__name(map);

		if (name[0] == '.' || strchr(name, '.'))
			continue; /* internal maps (.rodata.cfg) are per instance */
		main_map = bpf_object__find_map_by_name(s->obj, name);
		if (!main_map)
			return cs_fail(ENOENT, "map %s missing from the main instance", name);
		if (bpf_map__reuse_fd(map, bpf_map__fd(main_map)))
			return cs_fail(errno, "sharing map %s", name);
	}
	return 0;
}

/*
 * The verifier gives up with EAGAIN when a signal is pending, and the host
 * process gets signals all the time (node's profiler sends SIGPROF every
 * millisecond; a verification takes up to 100 ms): hold them until the load
 * is done, then they arrive as usual.
 */
int cs_load_object(struct bpf_object *obj)
{
	sigset_t all, old;
	int err;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	err = bpf_object__load(obj);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return err;
}

/* One instance's load, on a thread of its own: open, choose its programs, share the maps, verify. */
static void *load_unit(void *arg)
{
	struct cs_unit *u = arg;
	uint64_t start = cs_now_us();
	char name[64];
	struct bpf_program *prog;
	int i;

	/* Refused before it was loaded (plan.c type_refused): there is nothing to do. */
	if (u->err)
		return NULL;
	cs_error_reset();
	u->obj = cs_open_instance(u->s, NULL, &u->err);
	if (!u->obj) {
		cs_last_error(u->error, sizeof(u->error));
		return NULL;
	}
	bpf_object__for_each_program(prog, u->obj)
		bpf_program__set_autoload(prog, !u->progs && !cs_loads_apart(prog));
	for (i = 0; u->progs && i < CS_UNIT_PROGS && u->progs[i]; i++) {
		prog = bpf_object__find_program_by_name(u->obj, cs_prog_name(u->progs[i], name, sizeof(name)));
		if (prog)
			bpf_program__set_autoload(prog, true);
	}
	u->err = cs_reuse_maps(u->s, u->obj);
	if (!u->err && (u->err = cs_load_object(u->obj)))
		u->err = cs_fail(u->err, "loading %s", u->label);
	if (u->err) {
		cs_last_error(u->error, sizeof(u->error));
		bpf_object__close(u->obj);
		u->obj = NULL;
	}
	cs_phase(u->s, "load", u->label, start);
	if (u->obj)
		cs_phase_insns(u->s, u->obj);
	return NULL;
}

/* The units still to load, taken in order by each loader thread. */
struct unit_queue {
	struct cs_unit *units;
	int n;
	int next;
};

static void *load_worker(void *arg)
{
	struct unit_queue *q = arg;
	int i;

	while ((i = __atomic_fetch_add(&q->next, 1, __ATOMIC_RELAXED)) < q->n)
		load_unit(&q->units[i]);
	return NULL;
}

/*
 * Loads the instances side by side: the verifier is most of the sensor's
 * start, each instance's verification is independent of the others' (they
 * share only maps, made before), and runners have 2 or more cores. One
 * loader thread per online CPU, not per instance: each load parses the
 * kernel's BTF (about 12 MiB of heap while it runs, /sys/kernel/btf/vmlinux
 * read and copied), so eight at once held some 100 MiB, most of the
 * tracker's peak RSS, for no gain: the verifier is CPU-bound, and more
 * threads than CPUs only take turns. The units are taken in plan order
 * (the core, the longest, first). The threads start with every signal
 * blocked: node's handlers must not run on them, and a pending signal makes
 * the verifier give up.
 */
void cs_load_units(struct cs_unit *units, int n)
{
	pthread_t threads[CS_MAX_UNITS];
	bool started[CS_MAX_UNITS] = { false };
	struct unit_queue q = { units, n < CS_MAX_UNITS ? n : CS_MAX_UNITS, 0 };
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int workers = cpus < 1 ? 1 : cpus < q.n ? (int)cpus : q.n;
	sigset_t all, old;
	int i;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	for (i = 0; i < workers; i++)
		started[i] = !pthread_create(&threads[i], NULL, load_worker, &q);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	/* With no thread at all, this one loads them. */
	if (!started[0])
		load_worker(&q);
	for (i = 0; i < workers; i++)
		if (started[i])
			pthread_join(threads[i], NULL);
}
