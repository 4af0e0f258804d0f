// SPDX-License-Identifier: MIT
/*
 * The attach plan: per hook, mechanisms in order of preference. Whether a
 * function hook works is decided by loading and attaching it, not by
 * reading kallsyms: under lockdown a listed function still cannot be traced.
 */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <bpf/bpf.h>
#include "internal.h"
#include "../bpf/records.h"

#define MAX_PROGS 12

struct mechanism {
	const char *name;
	const char *target;
	/*
	 * A leading '?' marks a program whose attach point may not exist (arm64
	 * lacks open(2)); "prog@event" attaches a bare SEC("tracepoint")
	 * program to the syscalls:event tracepoint, so one verified program
	 * serves several syscalls, and a SEC("uprobe") program to the libssl
	 * symbol event.
	 */
	const char *progs[MAX_PROGS];
};

struct hook_plan {
	const char *hook;
	struct mechanism mechs[2];
};

/*
 * The SIGKILL is sent by the process_access hooks themselves; what is left
 * to know is whether a tracepoint program may call bpf_send_signal here.
 */
static int probe_send_signal(void)
{
	int ok = libbpf_probe_bpf_helper(BPF_PROG_TYPE_TRACEPOINT, BPF_FUNC_send_signal, NULL);

	return ok == 1 ? 0 : cs_fail(ok < 0 ? ok : -EOPNOTSUPP, "bpf_send_signal is not available to tracepoint programs");
}

/* What a mechanism needs before its programs attach. */
static int probe_mechanism(struct cs_sensor *s, const struct mechanism *m)
{
	/* The process_access hooks send the SIGKILL: what the plan needs to know is whether they can. */
	if (!strcmp(m->name, "bpf_send_signal"))
		return probe_send_signal();
	if (!strcmp(m->name, "uprobe"))
		return cs_find_libssl(s);
	return 0;
}

/* The plan's target: the uprobes' names the file they attached to. */
static const char *target_of(const struct cs_sensor *s, const struct mechanism *m)
{
	return !strcmp(m->name, "uprobe") && s->libssl_target[0] ? s->libssl_target : m->target;
}

static const struct hook_plan plans[] = {
	{ "process_exec", { { "tp_btf", "sched_process_exec", { "cs_exec" } } } },
	{ "process_fork", { { "tp_btf", "sched_process_fork", { "cs_fork" } } } },
	{ "process_exit", { { "tp_btf", "sched_process_exit", { "cs_exit" } } } },
	{ "cgroup_tracking",
	  { { "tp_btf", "cgroup_mkdir, cgroup_rmdir, cgroup_attach_task",
	      { "cs_cgroup_mkdir", "cs_cgroup_rmdir", "cs_cgroup_attach" } } } },
	{ "network_connect",
	  { { "cgroup_sock_addr", "cgroup/connect4, cgroup/connect6 at the cgroup v2 root",
	      { "cs_connect4", "cs_connect6" } } } },
	{ "udp_sendmsg",
	  { { "cgroup_sock_addr", "cgroup/sendmsg4, cgroup/sendmsg6 at the cgroup v2 root",
	      { "cs_sendmsg4", "cs_sendmsg6" } } } },
	{ "file_open",
	  { { "fexit", "do_filp_open", { "cs_fexit_filp_open" } },
	    { "tracepoint", "syscalls: openat, openat2, open, creat",
	      { "cs_exit_open@sys_exit_openat", "cs_exit_open@sys_exit_openat2", "?cs_exit_open@sys_exit_open",
		"?cs_exit_open@sys_exit_creat" } } } },
	{ "file_remove",
	  { { "tracepoint", "syscalls: unlinkat, unlink, rmdir",
	      { "cs_enter_unlinkat", "cs_exit_file_op@sys_exit_unlinkat", "?cs_enter_unlink",
		"?cs_exit_file_op@sys_exit_unlink", "?cs_enter_rmdir", "?cs_exit_file_op@sys_exit_rmdir" } } } },
	{ "file_move",
	  { { "tracepoint", "syscalls: renameat2, renameat, rename",
	      { "cs_enter_renameat2", "cs_exit_file_op@sys_exit_renameat2", "?cs_enter_renameat",
		"?cs_exit_file_op@sys_exit_renameat", "?cs_enter_rename", "?cs_exit_file_op@sys_exit_rename" } } } },
	{ "file_link",
	  { { "tracepoint", "syscalls: linkat, link, symlinkat, symlink",
	      { "cs_enter_linkat", "cs_exit_file_op@sys_exit_linkat", "?cs_enter_link", "?cs_exit_file_op@sys_exit_link",
		"cs_enter_symlinkat", "cs_exit_file_op@sys_exit_symlinkat", "?cs_enter_symlink",
		"?cs_exit_file_op@sys_exit_symlink" } } } },
	{ "unix_socket_connect",
	  { { "tracepoint", "syscalls: connect", { "cs_exit_connect" } } } },
	{ "domain",
	  { { "cgroup_skb", "cgroup_skb/egress, cgroup_skb/ingress at the cgroup v2 root; syscalls: sendto",
	      { "cs_skb_egress", "cs_skb_ingress", "cs_enter_sendto" } } } },
	{ "process_access",
	  { { "tracepoint", "syscalls: ptrace, process_vm_readv, process_vm_writev; /proc/<pid>/ opens in file_open's hooks",
	      { "cs_enter_ptrace", "cs_enter_process_vm_readv", "cs_enter_process_vm_writev" } } } },
	{ "mount", { { "tracepoint", "syscalls: mount, move_mount", { "cs_enter_mount", "?cs_enter_move_mount" } } } },
	/* The sensor's own process disturbed (bpf/tamper.bpf.h): signals to it, its stops, a tracer on it. */
	{ "tamper", { { "tp_btf", "signal_generate, sched_switch", { "cs_tamper_signal", "cs_tamper_switch" } } } },
	/*
	 * HTTPS requests before encryption (bpf/tls.bpf.h), in the system
	 * libssl (tls.c finds it; the plan's target names it). A kernel that
	 * refuses uprobes, or a host without libssl.so.3, loses only this.
	 */
	{ "http_request_tls",
	  { { "uprobe", "SSL_write, SSL_write_ex, SSL_free of the system libssl.so.3",
	      { "cs_ssl_write@SSL_write", "?cs_ssl_write@SSL_write_ex", "cs_ssl_free@SSL_free" } } } },
	/* Kernels without io_uring tracepoints (or with io_uring compiled out) only lose this hook. */
	{ "io_uring_connect", { { "tp_btf", "io_uring_complete", { "cs_io_uring_complete" } } } },
	/*
	 * BPF LSM refuses the access outright; without it (lockdown, no "bpf" in
	 * lsm=) the process_access hooks kill the caller before it returns to
	 * user space. Neither: recorded, not prevented, and the plan says so.
	 */
	{ "protect_runner",
	  { { "lsm", "ptrace_access_check, file_open", { "cs_lsm_ptrace_access", "cs_lsm_file_open" } },
	    { "bpf_send_signal",
	      "SIGKILL at ptrace, process_vm_readv/writev entry and at /proc/<pid>/mem open exit; signal/signal_deliver",
	      { "cs_signal_deliver" } } } },
};

/* protect_runner's mechanisms: the enum cs_prevention each gives, written to protect_mode once chosen. */
static uint32_t prevention_of(const struct hook_plan *h, const struct mechanism *m)
{
	if (strcmp(h->hook, "protect_runner"))
		return CS_PREVENT_NONE;
	return !strcmp(m->name, "lsm") ? CS_PREVENT_LSM : CS_PREVENT_SIGNAL;
}

static bool is_cgroup_prog(const struct bpf_program *prog)
{
	const char *sec = bpf_program__section_name(prog);

	return !strncmp(sec, "cgroup/", 7) || !strncmp(sec, "cgroup_skb/", 11);
}

/*
 * The tracepoint a program attaches to: "syscalls" and event for a bare
 * SEC("tracepoint") one given "prog@event", else its section's
 * "tracepoint/CATEGORY/NAME". False for every other kind of program.
 */
static bool tracepoint_of(const struct bpf_program *prog, const char *event, char *category, size_t clen, char *name,
			  size_t nlen)
{
	const char *sec = bpf_program__section_name(prog), *slash;

	if (!strcmp(sec, "tracepoint") && event) {
		snprintf(category, clen, "syscalls");
		snprintf(name, nlen, "%s", event);
		return true;
	}
	if (strncmp(sec, "tracepoint/", 11) || !(slash = strchr(sec + 11, '/')))
		return false;
	snprintf(category, clen, "%.*s", (int)(slash - sec - 11), sec + 11);
	snprintf(name, nlen, "%s", slash + 1);
	return true;
}

/* To the tracepoint's event opened ahead (tpevents.c) when there is one, else as libbpf opens it. */
static struct bpf_link *attach_tracepoint(struct cs_sensor *s, struct bpf_program *prog, const char *category,
					  const char *name)
{
	int fd = cs_tp_take(s->tp, category, name);

	return fd < 0 ? bpf_program__attach_tracepoint(prog, category, name) : cs_attach_event(prog, fd);
}

static int attach_prog(struct cs_sensor *s, struct bpf_program *prog, const char *event)
{
	char category[32], name[96];
	struct bpf_link *link;

	if (s->nlinks >= CS_MAX_LINKS)
		return cs_fail(ENOSPC, "too many links");
	if (event && !strcmp(bpf_program__section_name(prog), "uprobe"))
		link = cs_attach_libssl(s, prog, event);
	else if (tracepoint_of(prog, event, category, sizeof(category), name, sizeof(name)))
		link = attach_tracepoint(s, prog, category, name);
	else if (is_cgroup_prog(prog))
		link = bpf_program__attach_cgroup(prog, s->cgroup_fd);
	else
		link = bpf_program__attach(prog);
	if (!link)
		return cs_fail(errno, "attaching %s%s%s", bpf_program__name(prog), event ? " to " : "",
			       event ? event : "");
	s->link_prog[s->nlinks] = bpf_program__name(prog);
	s->links[s->nlinks++] = link;
	return 0;
}

/* A program loaded in one of objs (the instances holding a mechanism). */
static struct bpf_program *find_loaded(struct bpf_object *const *objs, int nobjs, const char *name)
{
	struct bpf_program *prog;
	int i;

	for (i = 0; i < nobjs; i++) {
		prog = bpf_object__find_program_by_name(objs[i], name);
		if (prog && bpf_program__fd(prog) >= 0)
			return prog;
	}
	return NULL;
}

/* Attaches a mechanism's programs from objs; on failure detaches what it attached. */
static int attach_mechanism(struct cs_sensor *s, struct bpf_object *const *objs, int nobjs,
			    const struct mechanism *m, struct cs_json *missing)
{
	int first = s->nlinks, i, err;

	for (i = 0; i < MAX_PROGS && m->progs[i]; i++) {
		bool optional = m->progs[i][0] == '?';
		const char *event = strchr(m->progs[i], '@'), *name;
		char buf[64];
		struct bpf_program *prog;

		name = cs_prog_name(m->progs[i], buf, sizeof(buf));
		event = event ? event + 1 : NULL;
		prog = find_loaded(objs, nobjs, name);
		err = prog ? attach_prog(s, prog, event) : cs_fail(ENOENT, "program %s not loaded", name);
		if (err && optional) {
			cs_json_raw(missing, missing->len ? ", " : "");
			cs_json_raw(missing, event ? event : name);
			continue;
		}
		if (err) {
			while (s->nlinks > first)
				bpf_link__destroy(s->links[--s->nlinks]);
			return err;
		}
	}
	return 0;
}

static bool unit_owns(const struct cs_unit *u, const struct mechanism *m)
{
	int i;

	for (i = 0; i < CS_UNIT_OWNERS && u->owners[i]; i++)
		if (u->owners[i] == m)
			return true;
	return false;
}

/*
 * Attaches a mechanism from the instance of its own that cs_attach loaded
 * (plan_units): all of its programs or, if one was refused, none.
 */
static int attach_apart(struct cs_sensor *s, struct cs_unit *units, int nunits, const struct mechanism *m,
			struct cs_json *missing)
{
	struct bpf_object *objs[CS_MAX_UNITS];
	int i, n = 0, err;

	for (i = 0; i < nunits; i++) {
		if (!unit_owns(&units[i], m))
			continue;
		if (!units[i].obj)
			return cs_fail_text(units[i].err, units[i].error);
		objs[n++] = units[i].obj;
	}
	if (n == 0)
		return cs_fail(ENOENT, "%s %s was not loaded", m->name, m->target);
	if (s->nalt + n > CS_MAX_ALT_OBJECTS)
		return cs_fail(ENOSPC, "too many instances");
	err = attach_mechanism(s, objs, n, m, missing);
	if (err)
		return err;
	for (i = 0; i < nunits; i++) {
		if (unit_owns(&units[i], m) && !units[i].kept) {
			s->alt[s->nalt++] = units[i].obj;
			units[i].kept = true;
		}
	}
	return 0;
}

static bool is_function_mechanism(const struct mechanism *m)
{
	return !strcmp(m->name, "fentry") || !strcmp(m->name, "fexit") || !strcmp(m->name, "lsm");
}

/* Hooks the sensor runs without (the plan then says "none"): domains are an addition, not its core. */
static bool optional_hook(const struct hook_plan *h)
{
	return !strcmp(h->hook, "domain") || !strcmp(h->hook, "protect_runner") || !strcmp(h->hook, "tamper") ||
	       !strcmp(h->hook, "io_uring_connect") || !strcmp(h->hook, "http_request_tls");
}

/*
 * Why a mechanism is left off on request, or NULL: the function hooks
 * (--no-function-hooks), and the libssl uprobes (--no-tls-requests), a
 * breakpoint trap in every SSL_write of every process on the host.
 */
static const char *disabled(const struct cs_sensor *s, const struct mechanism *m)
{
	if (is_function_mechanism(m) && (s->flags & CS_OPEN_NO_FUNCTION_HOOKS))
		return "disabled by request";
	if (!strcmp(m->name, "uprobe") && (s->flags & CS_OPEN_NO_TLS_REQUESTS))
		return "turned off";
	return NULL;
}

/* As cs_loads_apart decides for the programs: loaded in an instance of their own. */
static bool loads_apart(const struct mechanism *m)
{
	return is_function_mechanism(m) || !strcmp(m->name, "cgroup_skb") || cs_apart_by_name(m->progs[0]);
}

static void json_unavailable(struct cs_json *j, const struct mechanism *m, const char *error, bool first)
{
	cs_json_raw(j, first ? "" : ",");
	cs_json_raw(j, "{\"mechanism\":");
	cs_json_str(j, m->name);
	cs_json_raw(j, ",\"target\":");
	cs_json_str(j, m->target);
	cs_json_raw(j, ",\"error\":");
	cs_json_str(j, error);
	cs_json_raw(j, "}");
}

/*
 * The plan keeps the first line of the error; libbpf's own hint for EPERM
 * ("raise ulimit -l") misleads when the refusal is the kernel's lockdown.
 */
static void describe_refusal(const struct mechanism *m, int err, char *buf, size_t len)
{
	char *nl;

	cs_last_error(buf, len);
	nl = strchr(buf, '\n');
	if (nl)
		*nl = '\0';
	if (err == -EPERM && is_function_mechanism(m) && strlen(buf) + 64 < len)
		strcat(buf, " (function tracing is not permitted on this kernel, e.g. lockdown)");
}

/* Attaches one hook with the first mechanism that works; appends its plan entry. */
static int plan_hook(struct cs_sensor *s, const struct hook_plan *h, struct cs_unit *units, int nunits,
		     struct cs_json *out)
{
	char unavailable[8192] = "", missing_buf[512] = "";
	struct cs_json un = { unavailable, 0, sizeof(unavailable), false };
	struct cs_json missing = { missing_buf, 0, sizeof(missing_buf), false };
	const struct mechanism *chosen = NULL;
	int i, err = 0, tried = 0;

	for (i = 0; i < 2 && h->mechs[i].name; i++) {
		const struct mechanism *m = &h->mechs[i];
		const char *off = disabled(s, m);
		char last[1024];

		if (off) {
			json_unavailable(&un, m, off, tried++ == 0);
			continue;
		}
		cs_error_reset();
		missing.len = 0;
		missing_buf[0] = '\0';
		err = probe_mechanism(s, m);
		if (!err)
			err = loads_apart(m) ? attach_apart(s, units, nunits, m, &missing)
					     : attach_mechanism(s, &s->core, 1, m, &missing);
		if (!err && prevention_of(h, m))
			err = cs_set_prevention(s, prevention_of(h, m));
		if (!err) {
			chosen = m;
			break;
		}
		describe_refusal(m, err, last, sizeof(last));
		json_unavailable(&un, m, last, tried++ == 0);
	}
	cs_json_raw(out, out->len > 1 ? ",{\"hook\":" : "{\"hook\":");
	cs_json_str(out, h->hook);
	cs_json_raw(out, ",\"mechanism\":");
	cs_json_str(out, chosen ? chosen->name : "none");
	cs_json_raw(out, ",\"target\":");
	cs_json_str(out, chosen ? target_of(s, chosen) : "");
	if (missing.len) {
		cs_json_raw(out, ",\"absent\":");
		cs_json_str(out, missing_buf);
	}
	cs_json_raw(out, ",\"unavailable\":[");
	cs_json_raw(out, unavailable);
	cs_json_raw(out, "]}");
	return chosen || optional_hook(h) ? 0 : err;
}

/*
 * Syscall tracepoints are named through tracefs, which minimal hosts and
 * containers often leave unmounted; mounting it is harmless and idempotent.
 */
static void ensure_tracefs(void)
{
	struct stat st;

	if (stat("/sys/kernel/tracing/events", &st) == 0 || stat("/sys/kernel/debug/tracing/events", &st) == 0)
		return;
	mount("tracefs", "/sys/kernel/tracing", "tracefs", 0, NULL);
}

/*
 * Whether the kernel refuses the mechanism's program type outright. A
 * kernel that does not permit function hooks (lockdown, or a security
 * policy on tracing programs) refuses the type before it looks at what a
 * program attaches to: a two-instruction program of the type, aimed at no
 * function (BTF id 1), gets the same EPERM in one syscall that loading the
 * mechanism's instance gets after parsing the kernel's BTF and relocating
 * against it (~45 ms of CPU for the fexit one, with `run` waiting). Only
 * EPERM is taken as the answer: a kernel that permits the type says EINVAL
 * (no such function) and the instance loads as before, its load deciding.
 */
static bool type_refused(const struct mechanism *m)
{
	struct bpf_insn ret0[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	bool lsm = !strcmp(m->name, "lsm");
	LIBBPF_OPTS(bpf_prog_load_opts, opts, .attach_btf_id = 1,
		    .expected_attach_type = lsm ? BPF_LSM_MAC : !strcmp(m->name, "fentry") ? BPF_TRACE_FENTRY : BPF_TRACE_FEXIT);
	int fd = bpf_prog_load(lsm ? BPF_PROG_TYPE_LSM : BPF_PROG_TYPE_TRACING, NULL, "GPL", ret0, 2, &opts);

	if (fd >= 0) {
		close(fd);
		return false;
	}
	return errno == EPERM;
}

/* A unit the kernel refused before it was loaded: as its load would have failed. */
static void refuse_unit(struct cs_unit *u)
{
	u->err = -EPERM;
	snprintf(u->error, sizeof(u->error), "loading %s: %s", u->label, strerror(EPERM));
}

/*
 * The instances to load side by side: the core, and one per mechanism that
 * loads apart (and is not disabled). The domain parsers' programs once
 * loaded one instance each, for their verification (the egress parser's
 * alone took as long as the core's); with their loops checked once
 * (BOUNDED_LOOP) they are cheap, and every instance costs a parse of the
 * kernel's BTF (~10 ms of CPU) and the CO-RE relocations against it.
 */
static void unit_of(struct cs_unit *u, struct cs_sensor *s, const struct mechanism *m)
{
	*u = (struct cs_unit){ .s = s, .owners = { m }, .progs = m->progs };
	snprintf(u->label, sizeof(u->label), "%s %s", m->name, m->target);
}

/*
 * The optional hooks that load apart only because a kernel may refuse them
 * (the domain parsers, tamper's and io_uring's tp_btf, the libssl uprobes)
 * load in one instance: each instance costs a parse of the kernel's BTF,
 * its CO-RE relocations and a load of the object's BTF, ~15 ms of CPU
 * apiece, and a kernel that takes the one takes them all. Together they
 * verify in about the time the core does, beside it. A kernel that refuses
 * the instance gets each in an instance of its own after all
 * (split_shared), and loses only its hook, as before. The function hooks
 * stay apart: kernels that refuse those are common (lockdown).
 */
static bool shares_instance(const struct mechanism *m)
{
	return !is_function_mechanism(m);
}

/* Adds m's programs and m itself to the shared unit u (false when they do not fit: m loads apart then). */
static bool share(struct cs_unit *u, const struct mechanism *m)
{
	int owners = 0, progs = 0, k;
	size_t len;

	while (u->owners[owners])
		owners++;
	while (u->merged[progs])
		progs++;
	for (k = 0; k < MAX_PROGS && m->progs[k]; k++)
		;
	if (owners >= CS_UNIT_OWNERS || progs + k > CS_UNIT_PROGS)
		return false;
	memcpy(&u->merged[progs], m->progs, k * sizeof(m->progs[0]));
	u->owners[owners] = m;
	len = strlen(u->label);
	snprintf(u->label + len, sizeof(u->label) - len, "%s%s %s", len ? "; " : "", m->name, m->target);
	return true;
}

static int plan_units(struct cs_sensor *s, struct cs_unit *units)
{
	size_t i, k;
	int n = 1, shared = -1;

	units[0] = (struct cs_unit){ .s = s, .progs = NULL };
	snprintf(units[0].label, sizeof(units[0].label), "BPF programs");
	for (i = 0; i < sizeof(plans) / sizeof(plans[0]); i++) {
		for (k = 0; k < 2 && plans[i].mechs[k].name; k++) {
			const struct mechanism *m = &plans[i].mechs[k];

			if (!loads_apart(m) || disabled(s, m) || n >= CS_MAX_UNITS)
				continue;
			if (shares_instance(m) && shared < 0) {
				shared = n++;
				units[shared] = (struct cs_unit){ .s = s };
				units[shared].progs = units[shared].merged;
			}
			if (shares_instance(m) && share(&units[shared], m))
				continue;
			unit_of(&units[n], s, m);
			if (is_function_mechanism(m) && type_refused(m))
				refuse_unit(&units[n]);
			n++;
		}
	}
	return n;
}

/*
 * CICD_SENSOR_DEBUG_SPLIT_SHARED=1 (tests only; unset, empty or 0 is off):
 * the shared unit taken as refused before it loads, so the fallback below,
 * which only kernels that refuse one of its hooks reach, runs here.
 */
static void debug_refuse_shared(struct cs_unit *units, int n)
{
	const char *v = getenv("CICD_SENSOR_DEBUG_SPLIT_SHARED");
	int i;

	for (i = 0; v && *v && strcmp(v, "0") && i < n; i++)
		if (units[i].owners[1])
			refuse_unit(&units[i]);
}

/*
 * A shared unit the kernel refused: its mechanisms load again, each in an
 * instance of its own, so the one refused costs only its own hook (and its
 * error is its own). Returns the number of units now.
 */
static int split_shared(struct cs_sensor *s, struct cs_unit *units, int nunits)
{
	int i, k, n = nunits;

	for (i = 0; i < nunits; i++) {
		if (!units[i].owners[1] || !units[i].err)
			continue;
		for (k = 0; k < CS_UNIT_OWNERS && units[i].owners[k] && n < CS_MAX_UNITS; k++)
			unit_of(&units[n++], s, units[i].owners[k]);
		memset(units[i].owners, 0, sizeof(units[i].owners));
	}
	if (n > nunits)
		cs_load_units(&units[nunits], n - nunits);
	return n;
}

/*
 * The tracepoints the plan will attach first, for tpevents.c to open while
 * the programs load: each hook's first mechanism that is neither disabled
 * nor refused already (plan_units), the programs' sections read from the
 * maps' instance, which has them all. A later mechanism is tried only when
 * that one fails: its events are opened then, as they always were.
 */
static void plan_tracepoints(struct cs_sensor *s, const struct cs_unit *units, int nunits, struct cs_tp_events *t)
{
	char buf[64], category[32], name[96];
	size_t i, k;
	int j, p;

	for (i = 0; i < sizeof(plans) / sizeof(plans[0]); i++) {
		for (k = 0; k < 2 && plans[i].mechs[k].name; k++) {
			const struct mechanism *m = &plans[i].mechs[k];
			bool refused = false;

			for (j = 0; j < nunits; j++)
				refused |= unit_owns(&units[j], m) && units[j].err && !units[j].owners[1];
			if (disabled(s, m) || refused)
				continue;
			/* The libssl uprobes' events too (tls.c): opening one takes event_mutex as well. */
			if (!strcmp(m->name, "uprobe") && !cs_find_libssl(s)) {
				for (p = 0; p < MAX_PROGS && m->progs[p]; p++)
					if (strchr(m->progs[p], '@'))
						cs_tp_add(t, "uprobe", strchr(m->progs[p], '@') + 1);
				break;
			}
			for (p = 0; p < MAX_PROGS && m->progs[p]; p++) {
				const char *event = strchr(m->progs[p], '@');
				struct bpf_program *prog =
					bpf_object__find_program_by_name(s->obj, cs_prog_name(m->progs[p], buf, sizeof(buf)));

				if (prog && tracepoint_of(prog, event ? event + 1 : NULL, category, sizeof(category), name,
							  sizeof(name)))
					cs_tp_add(t, category, name);
			}
			break;
		}
	}
}

static void close_units(struct cs_unit *units, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (!units[i].kept)
			bpf_object__close(units[i].obj);
		units[i].obj = NULL;
	}
}

static int attach_hooks(struct cs_sensor *s, struct cs_unit *units, int nunits, struct cs_json *out)
{
	char first_error[2048] = "";
	size_t i;
	int err = 0;

	cs_json_raw(out, "[");
	for (i = 0; i < sizeof(plans) / sizeof(plans[0]); i++) {
		uint64_t start = cs_now_us();
		int e = plan_hook(s, &plans[i], units, nunits, out);

		cs_phase(s, "attach", plans[i].hook, start);
		if (e && !err) {
			err = e;
			cs_last_error(first_error, sizeof(first_error));
		}
	}
	cs_json_raw(out, "]");
	return err ? cs_fail_text(err, first_error) : 0;
}

int cs_attach(struct cs_sensor *s, const char *cgroup_root, char *plan, uint32_t plan_len)
{
	struct cs_json out = { plan, 0, plan_len, false };
	struct cs_unit *units;
	int err, nunits;

	if (!s || !cgroup_root || !plan || plan_len < 2)
		return cs_fail(EINVAL, "cs_attach: missing argument");
	if (s->core)
		return cs_fail(EALREADY, "cs_attach: already attached");
	plan[0] = '\0';
	ensure_tracefs();
	s->cgroup_fd = open(cgroup_root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (s->cgroup_fd < 0)
		return cs_fail(errno, "opening cgroup v2 root %s", cgroup_root);
	units = calloc(CS_MAX_UNITS, sizeof(*units));
	if (!units)
		return cs_fail(ENOMEM, "allocating load units");
	nunits = plan_units(s, units);
	debug_refuse_shared(units, nunits);
	s->tp = calloc(1, sizeof(*s->tp));
	if (s->tp) {
		s->tp->s = s;
		plan_tracepoints(s, units, nunits, s->tp);
		cs_tp_start(s->tp);
	}
	cs_load_units(units, nunits);
	nunits = split_shared(s, units, nunits);
	if (s->tp)
		cs_tp_join(s->tp);
	s->core = units[0].obj;
	units[0].obj = NULL;
	err = s->core ? attach_hooks(s, units, nunits, &out) : cs_fail_text(units[0].err, units[0].error);
	close_units(units, nunits);
	free(units);
	if (s->tp)
		cs_tp_close(s->tp);
	free(s->tp);
	s->tp = NULL;
	/*
	 * What the loads freed (each parsed the kernel's BTF) stays in the
	 * loader threads' malloc arenas, tens of MiB counted in the tracker's
	 * RSS for as long as it runs, unless handed back.
	 */
	malloc_trim(0);
	if (!err && out.overflow)
		err = cs_fail(ENOSPC, "attach plan does not fit in %u bytes", plan_len);
	return err;
}
