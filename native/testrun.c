// SPDX-License-Identifier: MIT
/* BPF_PROG_TEST_RUN on the packet programs, so the parsers are tested on crafted packets. */
#include <errno.h>
#include <bpf/bpf.h>
#include "internal.h"

/* The program loaded in one of the sensor's instances, if it is. */
static struct bpf_program *loaded(struct cs_sensor *s, const char *name)
{
	struct bpf_program *prog = s->core ? bpf_object__find_program_by_name(s->core, name) : NULL;
	int i;

	if (prog && bpf_program__fd(prog) >= 0)
		return prog;
	for (i = 0; i < s->nalt; i++) {
		prog = bpf_object__find_program_by_name(s->alt[i], name);
		if (prog && bpf_program__fd(prog) >= 0)
			return prog;
	}
	return NULL;
}

/* Packet programs load apart at attach time; a test that never attaches loads its own, kept till close. */
static struct bpf_program *load_for_test(struct cs_sensor *s, const char *name, int *err)
{
	struct bpf_program *prog;
	struct bpf_object *obj;

	if (s->nalt >= CS_MAX_ALT_OBJECTS) {
		*err = cs_fail(ENOSPC, "too many instances");
		return NULL;
	}
	obj = cs_open_instance(s, NULL, err);
	if (!obj)
		return NULL;
	prog = bpf_object__find_program_by_name(obj, name);
	*err = prog ? cs_reuse_maps(s, obj) : cs_fail(ENOENT, "program %s not in object", name);
	if (!*err) {
		bpf_program__set_autoload(prog, true);
		if ((*err = bpf_object__load(obj)))
			*err = cs_fail(*err, "loading %s", name);
	}
	if (*err) {
		bpf_object__close(obj);
		return NULL;
	}
	s->alt[s->nalt++] = obj;
	return prog;
}

int cs_test_skb(struct cs_sensor *s, const char *prog_name, const uint8_t *frame, uint32_t len)
{
	struct bpf_program *prog;
	int err = 0;

	if (!s || !prog_name || !frame)
		return cs_fail(EINVAL, "cs_test_skb: missing argument");
	prog = loaded(s, prog_name);
	if (!prog && !(prog = load_for_test(s, prog_name, &err)))
		return err;
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = frame, .data_size_in = len, .repeat = 1);
	err = bpf_prog_test_run_opts(bpf_program__fd(prog), &opts);
	if (err)
		return cs_fail(errno, "test run of %s", prog_name);
	return (int)opts.retval;
}
