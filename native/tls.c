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
#include <fcntl.h>
#include <gelf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/perf_event.h>
#include <sys/syscall.h>
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

/* The file offset of the defined function symbol in elf's symbol table scn; 0 if it is not there. */
static size_t offset_in(Elf *elf, Elf_Scn *scn, const GElf_Shdr *sh, const char *symbol)
{
	Elf_Data *data = elf_getdata(scn, NULL);
	size_t i, n = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;
	GElf_Shdr where;
	GElf_Sym sym;

	for (i = 0; data && i < n; i++) {
		const char *name;

		if (!gelf_getsym(data, (int)i, &sym) || GELF_ST_TYPE(sym.st_info) != STT_FUNC || sym.st_shndx == SHN_UNDEF)
			continue;
		name = elf_strptr(elf, sh->sh_link, sym.st_name);
		if (!name || strcmp(name, symbol) || !gelf_getshdr(elf_getscn(elf, sym.st_shndx), &where))
			continue;
		return sym.st_value - where.sh_addr + where.sh_offset;
	}
	return 0;
}

/*
 * Where symbol is in the file at path, as libbpf's attach by name finds it
 * (elf_find_func_offset: the function's address less its section's, plus
 * the section's file offset); 0 when not found.
 */
static size_t func_offset(const char *path, const char *symbol)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	Elf_Scn *scn = NULL;
	size_t off = 0;
	GElf_Shdr sh;
	Elf *elf;

	if (fd < 0)
		return 0;
	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	while (elf && !off && (scn = elf_nextscn(elf, scn)))
		if (gelf_getshdr(scn, &sh) && (sh.sh_type == SHT_DYNSYM || sh.sh_type == SHT_SYMTAB))
			off = offset_in(elf, scn, &sh, symbol);
	elf_end(elf);
	close(fd);
	return off;
}

/* The uprobe PMU's type, or -1. */
static int uprobe_type(void)
{
	return cs_read_int_file("/sys/bus/event_source/devices/uprobe/type");
}

/*
 * The perf event bpf_program__attach_uprobe_opts opens for symbol of
 * s->libssl in every process (libbpf's perf_event_open_probe: an entry
 * probe, pid -1 on CPU 0), for tpevents.c to open ahead; -1 when it cannot.
 */
int cs_open_libssl_event(struct cs_sensor *s, const char *symbol)
{
	struct perf_event_attr attr;
	int type = uprobe_type();
	size_t off = s->libssl[0] ? func_offset(s->libssl, symbol) : 0;

	if (type < 0 || !off)
		return -1;
	memset(&attr, 0, sizeof(attr));
	attr.size = sizeof(attr);
	attr.type = type;
	attr.config1 = (uint64_t)(uintptr_t)s->libssl;
	attr.config2 = off;
	return (int)syscall(__NR_perf_event_open, &attr, -1 /* pid */, 0 /* cpu */, -1 /* group */, PERF_FLAG_FD_CLOEXEC);
}

/*
 * Attaches a uprobe program at symbol of s->libssl, in every process (pid
 * -1): to the event opened ahead (tpevents.c), or to the one libbpf opens.
 */
struct bpf_link *cs_attach_libssl(struct cs_sensor *s, struct bpf_program *prog, const char *symbol)
{
	LIBBPF_OPTS(bpf_uprobe_opts, opts, .func_name = symbol);
	int fd = cs_tp_take(s->tp, "uprobe", symbol);

	if (fd >= 0)
		return cs_attach_event(prog, fd);
	if (!s->libssl[0]) {
		errno = ENOENT;
		return NULL;
	}
	return bpf_program__attach_uprobe_opts(prog, -1, s->libssl, 0, &opts);
}
