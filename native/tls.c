// SPDX-License-Identifier: MIT
/*
 * The libssl the TLS http_request uprobes attach to (bpf/tls.bpf.h). A
 * uprobe is set on a file, so the file to choose is the one the job's
 * dynamically linked clients load: libssl.so.3 as the dynamic linker finds
 * it, in the directories ld.so.cache lists on the distributions runners
 * use (the multiarch one on Debian and Ubuntu, lib64 on Fedora). Reading
 * ld.so.cache itself would add a parser for one answer these paths give.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"

#if defined(__x86_64__)
#define CS_MULTIARCH "x86_64-linux-gnu"
#elif defined(__aarch64__)
#define CS_MULTIARCH "aarch64-linux-gnu"
#else
#define CS_MULTIARCH "unknown-linux-gnu"
#endif

static const char *const libssl_dirs[] = {
	"/usr/lib/" CS_MULTIARCH, "/lib/" CS_MULTIARCH, "/usr/lib64", "/lib64", "/usr/lib", "/lib",
};

/*
 * Sets s->libssl to the real path of the system libssl.so.3 (a symlink, a
 * merged /usr: the inode is what a uprobe attaches to, whichever name a
 * process opened it by).
 */
int cs_find_libssl(struct cs_sensor *s)
{
	char path[PATH_MAX];
	size_t i;

	for (i = 0; i < sizeof(libssl_dirs) / sizeof(libssl_dirs[0]); i++) {
		snprintf(path, sizeof(path), "%s/libssl.so.3", libssl_dirs[i]);
		if (access(path, R_OK) == 0 && realpath(path, s->libssl)) {
			snprintf(s->libssl_target, sizeof(s->libssl_target), "%s: SSL_write, SSL_write_ex, SSL_free",
				 s->libssl);
			return 0;
		}
	}
	s->libssl[0] = '\0';
	return cs_fail(ENOENT, "no libssl.so.3 in /usr/lib/%s, /lib/%s, /usr/lib64, /lib64, /usr/lib or /lib",
		       CS_MULTIARCH, CS_MULTIARCH);
}

/* Attaches a uprobe program at symbol of s->libssl, in every process (pid -1). */
struct bpf_link *cs_attach_libssl(struct cs_sensor *s, struct bpf_program *prog, const char *symbol)
{
	LIBBPF_OPTS(bpf_uprobe_opts, opts, .func_name = symbol);

	if (!s->libssl[0]) {
		errno = ENOENT;
		return NULL;
	}
	return bpf_program__attach_uprobe_opts(prog, -1, s->libssl, 0, &opts);
}
