/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * cgroup tracking in the kernel, so a job's new cgroups are watched from the
 * first instruction their tasks run, not once userspace catches up. The
 * cgroup tracepoints fire for every hierarchy; only cgroup v2's counts (on a
 * hybrid host the v1 hierarchies have ids of their own that can collide).
 */
#ifndef CICD_SENSOR_CGROUP_BPF_H
#define CICD_SENSOR_CGROUP_BPF_H

#include "common.bpf.h"

static __always_inline bool on_default_hierarchy(struct cgroup *cgrp)
{
	/* cgrp_dfl_root is set up first and always gets hierarchy id 0. */
	return BPF_CORE_READ(cgrp, root, hierarchy_id) == 0;
}

static __always_inline __u64 cgroup_id_of(struct cgroup *cgrp)
{
	return BPF_CORE_READ(cgrp, kn, id);
}

static __always_inline __u64 cgroup_parent_id(struct cgroup *cgrp)
{
	struct cgroup_subsys_state *parent = BPF_CORE_READ(cgrp, self.parent);

	if (!parent)
		return 0;
	return BPF_CORE_READ(parent, cgroup, kn, id);
}

/*
 * Tells userspace what changed; the map is already up to date. For a
 * migration, pid names the task that moved (not the one that moved it), so
 * userspace can tell which job the new cgroup joins.
 */
static __always_inline void send_cgroup_sample(struct cgroup *cgrp, __u32 op, __u32 pid)
{
	const char *name = BPF_CORE_READ(cgrp, kn, name);
	struct cs_cgroup *r;
	__u8 *buf;
	long n;

	buf = scratch_buf();
	if (!buf)
		return;
	r = (void *)buf;
	fill_header(&r->hdr, CS_KIND_CGROUP, 0);
	if (pid)
		r->hdr.pid = pid;
	r->id = cgroup_id_of(cgrp);
	r->parent_id = cgroup_parent_id(cgrp);
	r->op = op;
	r->pad = 0;
	n = bpf_probe_read_kernel_str(&buf[sizeof(*r)], CS_CGROUP_NAME_MAX, name);
	r->name_len = n > 0 ? n - 1 : 0;
	emit(CS_HOOK_CGROUP_TRACKING, buf, sizeof(*r) + (r->name_len & (CS_CGROUP_NAME_MAX - 1)));
}

/* policy: the egress policy the cgroup is under (bpf/policy.h), its parent's or its staging's. */
static __always_inline void track_cgroup(struct cgroup *cgrp, __u32 op, __u32 pid, __u32 policy)
{
	__u64 id = cgroup_id_of(cgrp);

	bpf_map_update_elem(&tracked_cgroups, &id, &policy, BPF_ANY);
	send_cgroup_sample(cgrp, op, pid);
}

/* The staging entry of the cgroup's basename (its value: the job's egress policy), or NULL. */
static __always_inline __u32 *staged(struct cgroup *cgrp)
{
	struct staging_key key = {};

	bpf_probe_read_kernel_str(key.name, sizeof(key.name), BPF_CORE_READ(cgrp, kn, name));
	return bpf_map_lookup_elem(&staging_map, &key);
}

SEC("tp_btf/cgroup_mkdir")
int BPF_PROG(cs_cgroup_mkdir, struct cgroup *cgrp, const char *path)
{
	struct cgroup_subsys_state *parent;
	__u32 *policy = NULL;
	__u64 parent_id;

	if (!on_default_hierarchy(cgrp))
		return 0;
	parent = BPF_CORE_READ(cgrp, self.parent);
	if (parent) {
		parent_id = BPF_CORE_READ(parent, cgroup, kn, id);
		policy = bpf_map_lookup_elem(&tracked_cgroups, &parent_id);
	}
	if (policy)
		track_cgroup(cgrp, CS_CGROUP_MKDIR, 0, *policy);
	else if ((policy = staged(cgrp)))
		track_cgroup(cgrp, CS_CGROUP_PROMOTE, 0, *policy);
	return 0;
}

SEC("tp_btf/cgroup_rmdir")
int BPF_PROG(cs_cgroup_rmdir, struct cgroup *cgrp, const char *path)
{
	__u64 id;

	if (!on_default_hierarchy(cgrp))
		return 0;
	id = cgroup_id_of(cgrp);
	if (bpf_map_delete_elem(&tracked_cgroups, &id) == 0)
		send_cgroup_sample(cgrp, CS_CGROUP_RMDIR, 0);
	return 0;
}

SEC("tp_btf/cgroup_attach_task")
int BPF_PROG(cs_cgroup_attach, struct cgroup *dst, const char *path, struct task_struct *task, bool threadgroup)
{
	__u32 tgid = BPF_CORE_READ(task, tgid);
	__u64 start;

	if (!on_default_hierarchy(dst) || tgid == cs_cfg.self_tgid)
		return 0;
	if (cgroup_tracked(cgroup_id_of(dst))) {
		start = task_start_time(task);
		bpf_map_update_elem(&tracked_tasks, &tgid, &start, BPF_ANY);
		return 0;
	}
	/*
	 * A job's task leaving for an untracked cgroup takes that cgroup along.
	 * Its old cgroup is gone by now, so the policy is not known here: the
	 * tracker gives the cgroup its job's policy when it reads this record.
	 */
	if (bpf_map_lookup_elem(&tracked_tasks, &tgid))
		track_cgroup(dst, CS_CGROUP_ATTACH, tgid, 0);
	return 0;
}

#endif
