/* SPDX-License-Identifier: MIT */
#ifndef CICD_SENSOR_INTERNAL_H
#define CICD_SENSOR_INTERNAL_H

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <bpf/libbpf.h>
#include "cicd_sensor.h"

#define CS_MAX_LINKS 96
#define CS_MAX_ALT_OBJECTS 16
#define CS_MAX_PHASES 96

struct cs_phase {
	char name[56];
	uint64_t start_us; /* since cs_open began */
	uint64_t us;
	/* For a program's verification: the instructions the verifier walked (0 for other phases). */
	uint32_t insns;
};

struct cs_ring {
	int map_fd;
	size_t page;
	size_t size;
	uint64_t *consumer_pos;
	uint64_t *producer_pos;
	uint8_t *data;
};

struct cs_sensor {
	/* The instance that owns the maps (and loads no program): every other instance shares them. */
	struct bpf_object *obj;
	/* The programs of the hooks that have one mechanism and load with the rest (see cs_loads_apart). */
	struct bpf_object *core;
	/* Instances of their own: function hooks, domain parsers, and programs loaded for tests. */
	struct bpf_object *alt[CS_MAX_ALT_OBJECTS];
	int nalt;
	struct bpf_link *links[CS_MAX_LINKS];
	/* The program each link attached (names owned by the objects), for tamper reports. */
	const char *link_prog[CS_MAX_LINKS];
	int nlinks;
	int cgroup_fd;
	uint32_t flags;
	uint32_t self_tgid;
	uint32_t ringbuf_bytes;
	uint32_t priority_bytes;
	char *obj_path;
	/* The libssl the TLS uprobes attach to (tls.c), and the plan's target naming it; empty: none found. */
	char libssl[PATH_MAX];
	char libssl_target[PATH_MAX + 64];
	/* rings[CS_RING_PRIORITY] and rings[CS_RING_BULK], both in epoll_fd's set, and cs_wake's eventfd. */
	struct cs_ring rings[2];
	int epoll_fd;
	int wake_fd;
	/* While cs_attach runs: the tracepoints' perf events it opened ahead (tpevents.c). */
	struct cs_tp_events *tp;
	/* The pipe the detaching child waits on (handoff.c); closed once our links are. */
	int handoff_fd;
	uint64_t opened_us;
	struct cs_phase phases[CS_MAX_PHASES];
	int nphases;
};

enum { CS_RING_PRIORITY = 0, CS_RING_BULK = 1 };

/* error.c */
void cs_error_reset(void);
int cs_fail(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *cs_libbpf_tail(void);
void cs_install_print(void);
int cs_fail_text(int err, const char *text);

/* sensor.c */
int cs_set_prevention(struct cs_sensor *s, uint32_t mode);

/* load.c */
#define CS_MAX_UNITS 12
#define CS_UNIT_PROGS 12
#define CS_UNIT_OWNERS 4

/* An instance loaded by cs_load_units. */
struct cs_unit {
	struct cs_sensor *s;
	char label[160];
	/* The programs it loads; NULL: every program cs_loads_apart leaves to the core instance. */
	const char *const *progs;
	/* Storage for a list made for it: several mechanisms' programs in one instance (plan.c). */
	const char *merged[CS_UNIT_PROGS + 1];
	/* What plan.c keeps it for: the mechanisms it holds, NULL-terminated. */
	const void *owners[CS_UNIT_OWNERS + 1];
	/* Taken into the sensor's instances (cs_sensor.alt) by a mechanism attached from it. */
	bool kept;
	/* Loaded, or NULL with err and error set. */
	struct bpf_object *obj;
	int err;
	char error[2048];
};
void cs_load_units(struct cs_unit *units, int n);
struct bpf_object *cs_open_instance(struct cs_sensor *s, const char *btf_path, int *err);
int cs_reuse_maps(struct cs_sensor *s, struct bpf_object *obj);
int cs_load_object(struct bpf_object *obj);
bool cs_is_function_hook(const struct bpf_program *prog);
bool cs_loads_apart(const struct bpf_program *prog);
bool cs_apart_by_name(const char *name);
const char *cs_prog_name(const char *entry, char *buf, size_t len);

/* tpevents.c */
struct cs_tp_event {
	struct cs_sensor *s;
	char category[32];
	char name[96];
	/* Open, until a program's link takes it; -1 otherwise. */
	int fd;
	uint64_t opened_us;
	pthread_t thread;
	bool started;
};
struct cs_tp_events {
	struct cs_sensor *s;
	struct cs_tp_event ev[CS_MAX_LINKS];
	int n;
	uint64_t start_us;
};
int cs_read_int_file(const char *path);
void cs_tp_add(struct cs_tp_events *t, const char *category, const char *name);
void cs_tp_start(struct cs_tp_events *t);
void cs_tp_join(struct cs_tp_events *t);
int cs_tp_take(struct cs_tp_events *t, const char *category, const char *name);
struct bpf_link *cs_attach_event(struct bpf_program *prog, int fd);
void cs_tp_close(struct cs_tp_events *t);

/* tls.c */
int cs_find_libssl(struct cs_sensor *s);
struct bpf_link *cs_attach_libssl(struct cs_sensor *s, struct bpf_program *prog, const char *symbol);
int cs_open_libssl_event(struct cs_sensor *s, const char *symbol);

/* ring.c */
int cs_rings_init(struct cs_sensor *s);
void cs_rings_close(struct cs_sensor *s);
int cs_rings_copy(struct cs_sensor *s, uint8_t *buf, uint32_t len);
int cs_rings_wait(struct cs_sensor *s, int timeout_ms);
int64_t cs_ring_backlog(struct cs_ring *r);

/* timing.c */
uint64_t cs_now_us(void);
void cs_phase(struct cs_sensor *s, const char *what, const char *detail, uint64_t start_us);
void cs_phase_until(struct cs_sensor *s, const char *what, const char *detail, uint64_t start_us, uint64_t end_us);
void cs_phase_insns(struct cs_sensor *s, struct bpf_object *obj);

/* json.c */
struct cs_json {
	char *buf;
	size_t len;
	size_t cap;
	bool overflow;
};
void cs_json_raw(struct cs_json *j, const char *s);
void cs_json_str(struct cs_json *j, const char *s);

#endif
