// SPDX-License-Identifier: MIT
/*
 * Where the sensor's start goes: verifier time per instance, attach per
 * hook. Recorded always (a clock read per phase), read by cs_timings for
 * the CLI's timing breakdown and the bench.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <bpf/bpf.h>
#include "internal.h"

static pthread_mutex_t timing_lock = PTHREAD_MUTEX_INITIALIZER;

uint64_t cs_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

/* Phases end in worker threads too (parallel loads): appended under a lock. */
void cs_phase(struct cs_sensor *s, const char *what, const char *detail, uint64_t start_us)
{
	cs_phase_until(s, what, detail, start_us, cs_now_us());
}

/* A phase that ended before now (the last of several threads' work, looked at once they are joined). */
void cs_phase_until(struct cs_sensor *s, const char *what, const char *detail, uint64_t start_us, uint64_t end)
{
	struct cs_phase *p;

	pthread_mutex_lock(&timing_lock);
	if (s->nphases < CS_MAX_PHASES) {
		p = &s->phases[s->nphases++];
		snprintf(p->name, sizeof(p->name), "%s%s%s", what, detail ? " " : "", detail ? detail : "");
		p->start_us = start_us - s->opened_us;
		p->us = end - start_us;
		p->insns = 0;
	}
	pthread_mutex_unlock(&timing_lock);
}

/*
 * Each loaded program of obj as a phase of its own: how many instructions
 * the verifier walked for it (bpf_prog_info.verified_insns, 5.16), the
 * measure to cut when the start is slow. Costs a syscall per program.
 */
void cs_phase_insns(struct cs_sensor *s, struct bpf_object *obj)
{
	struct bpf_program *prog;

	bpf_object__for_each_program(prog, obj) {
		struct bpf_prog_info info;
		__u32 len = sizeof(info);

		memset(&info, 0, sizeof(info));
		if (bpf_program__fd(prog) < 0 || bpf_obj_get_info_by_fd(bpf_program__fd(prog), &info, &len))
			continue;
		pthread_mutex_lock(&timing_lock);
		if (s->nphases < CS_MAX_PHASES) {
			struct cs_phase *p = &s->phases[s->nphases++];

			snprintf(p->name, sizeof(p->name), "verified %s", bpf_program__name(prog));
			p->start_us = 0;
			p->us = 0;
			p->insns = info.verified_insns;
		}
		pthread_mutex_unlock(&timing_lock);
	}
}

int cs_timings(struct cs_sensor *s, char *out, uint32_t len)
{
	struct cs_json j = { out, 0, len, false };
	char num[64];
	int i;

	if (!s || !out || len < 3)
		return -EINVAL;
	out[0] = '\0';
	cs_json_raw(&j, "[");
	pthread_mutex_lock(&timing_lock);
	for (i = 0; i < s->nphases; i++) {
		cs_json_raw(&j, i ? ",{\"phase\":" : "{\"phase\":");
		cs_json_str(&j, s->phases[i].name);
		snprintf(num, sizeof(num), ",\"startMs\":%.1f,\"ms\":%.1f,\"insns\":%u}", s->phases[i].start_us / 1000.0,
			 s->phases[i].us / 1000.0, s->phases[i].insns);
		cs_json_raw(&j, num);
	}
	pthread_mutex_unlock(&timing_lock);
	cs_json_raw(&j, "]");
	return j.overflow ? -ENOSPC : (int)j.len;
}
