// SPDX-License-Identifier: MIT
/* BPF_PROG_TEST_RUN on the packet programs, so the parsers are tested on crafted packets. */
#include <errno.h>
#include <bpf/bpf.h>
#include "internal.h"

int cs_test_skb(struct cs_sensor *s, const char *prog_name, const uint8_t *frame, uint32_t len)
{
	struct bpf_program *prog;
	int err;

	if (!s || !prog_name || !frame)
		return cs_fail(EINVAL, "cs_test_skb: missing argument");
	prog = bpf_object__find_program_by_name(s->obj, prog_name);
	if (!prog || bpf_program__fd(prog) < 0)
		return cs_fail(ENOENT, "program %s is not loaded", prog_name);
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = frame, .data_size_in = len, .repeat = 1);
	err = bpf_prog_test_run_opts(bpf_program__fd(prog), &opts);
	if (err)
		return cs_fail(errno, "test run of %s", prog_name);
	return (int)opts.retval;
}
