// SPDX-License-Identifier: MIT
/*
 * What root in a job can do to the sensor from outside its process, as the
 * sensor checks it: its links detached or given another program, and its
 * cgroups' existence judged by id rather than by a path a mount can hide.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include "internal.h"

/*
 * A link still does its work when it has a program and, for a cgroup link,
 * a cgroup: BPF_LINK_DETACH (bpftool link detach) leaves the link and its
 * program in place and drops only the cgroup. Perf-event and tracing links
 * cannot be detached from outside; their program can only be swapped where
 * the link type allows BPF_LINK_UPDATE, which the program id shows.
 */
static bool link_attached(const struct bpf_link_info *info)
{
	if (info->prog_id == 0)
		return false;
	return info->type != BPF_LINK_TYPE_CGROUP || info->cgroup.cgroup_id != 0;
}

static int link_info(struct bpf_link *link, struct bpf_link_info *info)
{
	__u32 len = sizeof(*info);

	memset(info, 0, sizeof(*info));
	return bpf_obj_get_info_by_fd(bpf_link__fd(link), info, &len) ? -errno : 0;
}

int cs_links_alive(struct cs_sensor *s)
{
	struct bpf_link_info info;
	int i, alive = 0;

	for (i = 0; i < s->nlinks; i++)
		if (link_info(s->links[i], &info) == 0 && link_attached(&info))
			alive++;
	return alive;
}

int cs_link_report(struct cs_sensor *s, char *out, uint32_t len)
{
	struct cs_json j = { out, 0, len, false };
	struct bpf_link_info info;
	char num[96];
	int i;

	if (!s || !out || len < 3)
		return cs_fail(EINVAL, "cs_link_report: missing argument");
	out[0] = '\0';
	cs_json_raw(&j, "[");
	for (i = 0; i < s->nlinks; i++) {
		int err = link_info(s->links[i], &info);

		snprintf(num, sizeof(num), "%s{\"link\":%u,\"prog\":%u,\"attached\":%s,\"name\":", i ? "," : "",
			 err ? 0 : info.id, err ? 0 : info.prog_id, !err && link_attached(&info) ? "true" : "false");
		cs_json_raw(&j, num);
		cs_json_str(&j, s->link_prog[i] ? s->link_prog[i] : "");
		cs_json_raw(&j, "}");
	}
	cs_json_raw(&j, "]");
	return j.overflow ? cs_fail(ENOSPC, "link report does not fit in %u bytes", len) : (int)j.len;
}

/*
 * kernfs file handles are the node id, which is the cgroup id: the cgroup is
 * opened by id below the cgroup v2 root the sensor opened at attach, so
 * neither a mount over the cgroup fs nor a rename hides it.
 */
int cs_cgroup_alive(struct cs_sensor *s, uint64_t cgroup_id)
{
	struct {
		struct file_handle fh;
		uint64_t id;
	} h;
	int fd;

	if (!s || s->cgroup_fd < 0)
		return cs_fail(EINVAL, "cs_cgroup_alive: the sensor is not attached");
	h.fh.handle_bytes = sizeof(uint64_t);
	h.fh.handle_type = 0xfe; /* FILEID_KERNFS */
	memcpy(h.fh.f_handle, &cgroup_id, sizeof(cgroup_id));
	fd = open_by_handle_at(s->cgroup_fd, &h.fh, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		close(fd);
		return 1;
	}
	return errno == ESTALE || errno == ENOENT ? 0 : cs_fail(errno, "opening cgroup %llu by id", (unsigned long long)cgroup_id);
}
