// SPDX-License-Identifier: MIT
/*
 * Filling the egress policy maps (bpf/policy.h). Every failure is returned:
 * a policy the kernel cannot hold in full (a map full, a bad entry) must fail
 * the caller's start in block mode, never leave a partial policy behind that
 * looks enforced.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include "internal.h"
#include "../bpf/records.h"
#include "../bpf/policy.h"

static int fd_of(struct cs_sensor *s, const char *name)
{
	struct bpf_map *map = bpf_object__find_map_by_name(s->obj, name);

	return map ? bpf_map__fd(map) : -ENOENT;
}

static int check_policy(uint32_t policy)
{
	return policy == 0 || policy >= CS_POLICY_MAX ? cs_fail(EINVAL, "policy id %u is not 1..%d", policy, CS_POLICY_MAX - 1)
						      : 0;
}

static int updated(int rc, const char *what)
{
	if (rc == 0)
		return 0;
	if (errno == ENOSPC || errno == E2BIG)
		return cs_fail(errno, "%s: the policy map is full", what);
	return cs_fail(errno, "%s", what);
}

int cs_policy_set(struct cs_sensor *s, uint32_t policy, uint32_t mode, uint32_t allow_loopback, uint32_t ttl_floor_s,
		  uint32_t ttl_ceiling_s)
{
	struct cs_policy_cfg cfg = { .mode = mode, .allow_loopback = !!allow_loopback };
	int err = check_policy(policy);

	if (err)
		return err;
	if (mode > CS_POLICY_BLOCK || ttl_floor_s > ttl_ceiling_s)
		return cs_fail(EINVAL, "policy mode %u or TTL bounds %u..%u out of range", mode, ttl_floor_s,
			       ttl_ceiling_s);
	cfg.ttl_floor_s = ttl_floor_s;
	cfg.ttl_ceiling_s = ttl_ceiling_s;
	return updated(bpf_map_update_elem(fd_of(s, "policy_cfg"), &policy, &cfg, BPF_ANY), "setting policy");
}

int cs_policy_add_address(struct cs_sensor *s, uint32_t policy, const uint8_t *addr16, uint32_t prefix, uint32_t port)
{
	struct cs_policy_addr_key key;
	uint8_t one = 1;
	int err = check_policy(policy);

	if (err)
		return err;
	if (!addr16 || prefix > 128 || port > 65535)
		return cs_fail(EINVAL, "address entry: prefix %u or port %u out of range", prefix, port);
	memset(&key, 0, sizeof(key));
	key.prefixlen = 32 + prefix;
	key.policy = policy;
	key.port = port;
	memcpy(key.addr, addr16, 16);
	return updated(bpf_map_update_elem(fd_of(s, "policy_addrs"), &key, &one, BPF_ANY), "adding a policy address");
}

int cs_policy_add_name(struct cs_sensor *s, uint32_t policy, const char *name, uint32_t wildcard, const uint16_t *ports,
		       uint32_t nports)
{
	struct cs_policy_name_key key;
	struct cs_policy_ports value;
	size_t n = name ? strlen(name) : 0, i;
	int err = check_policy(policy);

	if (err)
		return err;
	if (n == 0 || n > (wildcard ? CS_DOMAIN_NAME_MAX - 2 : CS_DOMAIN_NAME_MAX) || nports > CS_POLICY_PORTS)
		return cs_fail(EINVAL, "name entry \"%s\": length %zu or %u ports out of range", name ? name : "", n,
			       nports);
	memset(&key, 0, sizeof(key));
	memset(&value, 0, sizeof(value));
	key.policy = policy;
	for (i = 0; i < n; i++)
		key.rname[i] = name[n - 1 - i];
	/* The terminator is part of the prefix: '.' for a wildcard's subdomains, NUL for the exact name. */
	key.rname[n] = wildcard ? '.' : '\0';
	key.prefixlen = (2 + n + 1) * 8;
	for (i = 0; i < nports; i++)
		value.port[i] = ports[i];
	return updated(bpf_map_update_elem(fd_of(s, "policy_names"), &key, &value, BPF_ANY), "adding a policy name");
}

/* Deletes every key of map fd whose policy (a u16 at policy_off) is policy. */
static int delete_policy_keys(int fd, size_t key_size, size_t policy_off, uint32_t policy)
{
	uint8_t *key = calloc(2, key_size), *next = key + key_size;
	void *prev = NULL;
	int err = 0;

	if (!key)
		return cs_fail(ENOMEM, "allocating a key");
	while (bpf_map_get_next_key(fd, prev, next) == 0) {
		uint16_t p;

		memcpy(&p, next + policy_off, sizeof(p));
		memcpy(key, next, key_size);
		if (p == policy && bpf_map_delete_elem(fd, key) && errno != ENOENT) {
			err = cs_fail(errno, "removing a policy entry");
			break;
		}
		/* After a delete the walk restarts; tries have no stable order to resume from. */
		prev = p == policy ? NULL : key;
	}
	free(key);
	return err;
}

int cs_policy_clear(struct cs_sensor *s, uint32_t policy)
{
	struct cs_policy_cfg off = { 0 };
	int err = check_policy(policy);

	if (!err)
		err = updated(bpf_map_update_elem(fd_of(s, "policy_cfg"), &policy, &off, BPF_ANY), "turning policy off");
	if (!err)
		err = delete_policy_keys(fd_of(s, "policy_addrs"), sizeof(struct cs_policy_addr_key),
					 offsetof(struct cs_policy_addr_key, policy), policy);
	if (!err)
		err = delete_policy_keys(fd_of(s, "policy_names"), sizeof(struct cs_policy_name_key),
					 offsetof(struct cs_policy_name_key, policy), policy);
	if (!err)
		err = delete_policy_keys(fd_of(s, "policy_learned"), sizeof(struct cs_policy_learned_key),
					 offsetof(struct cs_policy_learned_key, policy), policy);
	return err;
}

int cs_track_cgroup_policy(struct cs_sensor *s, uint64_t cgroup_id, uint32_t policy)
{
	if (policy >= CS_POLICY_MAX)
		return check_policy(policy);
	return updated(bpf_map_update_elem(fd_of(s, "tracked_cgroups"), &cgroup_id, &policy, BPF_ANY),
		       "tracking cgroup");
}

int cs_stage_policy(struct cs_sensor *s, const char *basename, uint32_t policy)
{
	char key[CS_STAGING_KEY_MAX];
	size_t n = basename ? strlen(basename) : 0;

	if (n == 0 || n >= CS_STAGING_KEY_MAX)
		return cs_fail(EINVAL, "staging basename must be 1..%d bytes", CS_STAGING_KEY_MAX - 1);
	memset(key, 0, sizeof(key));
	memcpy(key, basename, n);
	return updated(bpf_map_update_elem(fd_of(s, "staging_map"), key, &policy, BPF_ANY), "staging basename");
}

int cs_policy_exempt(struct cs_sensor *s, uint32_t tgid, uint32_t exempt)
{
	uint8_t one = 1;

	if (exempt)
		return updated(bpf_map_update_elem(fd_of(s, "policy_exempt"), &tgid, &one, BPF_ANY),
			       "exempting a process");
	if (bpf_map_delete_elem(fd_of(s, "policy_exempt"), &tgid) && errno != ENOENT)
		return cs_fail(errno, "removing an exemption");
	return 0;
}

int cs_policy_stats(struct cs_sensor *s, uint64_t *out, uint32_t max)
{
	int ncpu = libbpf_num_possible_cpus(), fd = fd_of(s, "policy_stats");
	uint64_t *percpu;
	uint32_t i;

	if (ncpu <= 0)
		return cs_fail(ncpu, "counting CPUs");
	if (max < CS_POLICY_STAT_MAX)
		return cs_fail(EINVAL, "stats buffer holds %u values, %d needed", max, CS_POLICY_STAT_MAX);
	percpu = calloc(ncpu, sizeof(*percpu));
	if (!percpu)
		return cs_fail(ENOMEM, "allocating stats");
	for (i = 0; i < CS_POLICY_STAT_MAX; i++) {
		int cpu;

		if (bpf_map_lookup_elem(fd, &i, percpu)) {
			free(percpu);
			return cs_fail(errno, "reading policy stats");
		}
		out[i] = 0;
		for (cpu = 0; cpu < ncpu; cpu++)
			out[i] += percpu[cpu];
	}
	free(percpu);
	return CS_POLICY_STAT_MAX;
}
