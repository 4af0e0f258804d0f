/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Egress policy: which destinations a job's connects, datagrams and DNS
 * questions may reach. The maps (layouts in policy.h) are filled by
 * userspace; the hooks that enforce are the ones that already see the
 * traffic: cgroup/connect* and cgroup/sendmsg* (net.bpf.h) refuse with EPERM
 * by returning 0, cgroup_skb/egress (domain.bpf.h) drops DNS questions for
 * names outside the policy, and cgroup_skb/ingress allows the addresses of
 * answers for allowed names before the answer reaches the job's socket, so
 * a client never connects to an address that is not yet allowed.
 *
 * Why in the kernel: the tools that do this from user space (a DNS proxy and
 * iptables, NFQUEUE) were walked around by stopping the proxy or flushing the
 * rules; these hooks are attached at the cgroup v2 root by a process the job
 * cannot reach (with disable-sudo, not even as root through sudo).
 */
#ifndef CICD_SENSOR_POLICY_BPF_H
#define CICD_SENSOR_POLICY_BPF_H

#include "common.bpf.h"
#include "parse.bpf.h"
#include "policy.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, CS_POLICY_MAX);
	__type(key, __u32);
	__type(value, struct cs_policy_cfg);
} policy_cfg SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 16384);
	__type(key, struct cs_policy_addr_key);
	__type(value, __u8);
} policy_addrs SEC(".maps");

/* A hash, not an LRU: an allowed address silently evicted would be a refusal nobody could explain. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, struct cs_policy_learned_key);
	__type(value, __u64);
} policy_learned SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 16384);
	__type(key, struct cs_policy_name_key);
	__type(value, struct cs_policy_ports);
} policy_names SEC(".maps");

/* Processes the policy never applies to (the runner's worker), by tgid. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u8);
} policy_exempt SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, CS_POLICY_STAT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} policy_stats SEC(".maps");

/* Per slot (parse.bpf.h): the reversed-name key being looked up, and the ports the match allows. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 3);
	__type(key, __u32);
	__type(value, struct cs_policy_name_key);
} policy_name_scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 3);
	__type(key, __u32);
	__type(value, struct cs_policy_ports);
} policy_match SEC(".maps");

/*
 * TCP sockets whose DNS question a block policy dropped. The kernel keeps
 * retransmitting a dropped segment, and one retransmitted after the job
 * ended (its cgroups no longer tracked) would leave: every later segment of
 * such a socket is dropped, tracked or not. policy_refused_any keeps the
 * cost off every other packet of the host until the first refusal.
 */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, __u8);
} policy_refused_socks SEC(".maps");

__u32 policy_refused_any SEC(".bss");

static __always_inline void refuse_socket(struct __sk_buff *skb)
{
	__u64 cookie = bpf_get_socket_cookie(skb);
	__u8 one = 1;

	bpf_map_update_elem(&policy_refused_socks, &cookie, &one, BPF_ANY);
	policy_refused_any = 1;
}

static __always_inline bool socket_refused(struct __sk_buff *skb)
{
	__u64 cookie;

	if (!policy_refused_any)
		return false;
	cookie = bpf_get_socket_cookie(skb);
	return bpf_map_lookup_elem(&policy_refused_socks, &cookie) != NULL;
}

static __always_inline void policy_stat(__u32 slot)
{
	__u64 *v = bpf_map_lookup_elem(&policy_stats, &slot);

	if (v)
		(*v)++;
}

/*
 * The policy of a tracked cgroup, or NULL when none applies: no policy, or
 * tgid (the process the traffic is for; 0 when not known) is exempt.
 */
static __always_inline const struct cs_policy_cfg *policy_of(__u64 cgid, __u32 tgid, __u32 *policy)
{
	__u32 *id = bpf_map_lookup_elem(&tracked_cgroups, &cgid);
	struct cs_policy_cfg *cfg;
	__u32 p;

	if (!id || *id == 0 || *id >= CS_POLICY_MAX)
		return NULL;
	p = *id;
	cfg = bpf_map_lookup_elem(&policy_cfg, &p);
	if (!cfg || cfg->mode == CS_POLICY_OFF)
		return NULL;
	if (tgid && bpf_map_lookup_elem(&policy_exempt, &tgid))
		return NULL;
	*policy = p;
	return cfg;
}

/* The verdict's flags for a destination outside the policy; counted. */
static __always_inline __u32 policy_denied(const struct cs_policy_cfg *cfg)
{
	policy_stat(CS_POLICY_STAT_DENIED);
	if (cfg->mode != CS_POLICY_BLOCK)
		return CS_F_EGRESS_DENIED;
	policy_stat(CS_POLICY_STAT_REFUSED);
	return CS_F_EGRESS_DENIED | CS_F_EGRESS_BLOCKED;
}

/* 127.0.0.0/8 (mapped), ::1, and the unspecified addresses, which connect to the host itself. */
static __always_inline bool loopback(const __u8 *a)
{
	__u32 w0 = *(__u32 *)a, w1 = *(__u32 *)(a + 4), w2 = *(__u32 *)(a + 8), w3 = *(__u32 *)(a + 12);

	if (w0 || w1)
		return false;
	if (w2 == bpf_htonl(0xffff))
		return a[12] == 127 || w3 == 0;
	return w2 == 0 && (w3 == 0 || w3 == bpf_htonl(1));
}

/* A static entry (address, prefix) or an address a DNS answer allowed, on this port or any. */
static __always_inline bool addr_allowed(__u32 policy, __u16 port, const __u8 *a)
{
	struct cs_policy_addr_key k = { .prefixlen = 32 + 128, .policy = policy, .port = port };
	struct cs_policy_learned_key l = { .policy = policy, .port = port };
	__u64 now = bpf_ktime_get_boot_ns(), *until;

	__builtin_memcpy(k.addr, a, 16);
	__builtin_memcpy(l.addr, a, 16);
	if (bpf_map_lookup_elem(&policy_addrs, &k))
		return true;
	k.port = 0;
	if (bpf_map_lookup_elem(&policy_addrs, &k))
		return true;
	until = bpf_map_lookup_elem(&policy_learned, &l);
	if (until && *until > now)
		return true;
	l.port = 0;
	until = bpf_map_lookup_elem(&policy_learned, &l);
	return until && *until > now;
}

/*
 * For cgroup/connect* and cgroup/sendmsg* (process context): 0 when the
 * current process may reach the destination (or no policy applies), else
 * the record flags of the refusal.
 */
static __always_inline __u32 connect_verdict(__u8 family, __u16 port, const __u32 *addr)
{
	const struct cs_policy_cfg *cfg;
	__u8 a[16] = {};
	__u32 policy = 0;

	cfg = policy_of(bpf_get_current_cgroup_id(), bpf_get_current_pid_tgid() >> 32, &policy);
	if (!cfg)
		return 0;
	if (family == 2) {
		a[10] = 0xff;
		a[11] = 0xff;
		__builtin_memcpy(&a[12], addr, 4);
	} else {
		__builtin_memcpy(a, addr, 16);
	}
	if ((cfg->allow_loopback && loopback(a)) || addr_allowed(policy, port, a))
		return 0;
	return policy_denied(cfg);
}

/*
 * Looks the name at rec[at, at + n) of the slot's record buffer up in the
 * policy's names, writing it backwards into the slot's key (so a wildcard is
 * a prefix the trie matches); the ports the match allows go to
 * policy_match[slot]. Returns 1 when the name is allowed. A global function:
 * the verifier checks it once.
 */
__noinline int cs_policy_name(__u32 slot, __u32 policy, __u32 at, __u32 n)
{
	struct cs_policy_name_key *k = bpf_map_lookup_elem(&policy_name_scratch, &slot);
	struct cs_policy_ports *m = bpf_map_lookup_elem(&policy_match, &slot), *p;
	__u8 *rec = rec_of(slot);
	__u32 i;

	if (!k || !m || !rec || n == 0 || n > CS_DOMAIN_NAME_MAX || at > 0x3000)
		return 0;
	__builtin_memset(k, 0, sizeof(*k));
	k->prefixlen = (2 + CS_POLICY_NAME_BYTES) * 8;
	k->policy = policy;
	for (i = 0; i < CS_DOMAIN_NAME_MAX; i++) {
		__u32 src = at + n - 1 - i;

		if (i >= n)
			break;
		BOUND(src, 0x3fff);
		k->rname[i] = rec[src];
	}
	p = bpf_map_lookup_elem(&policy_names, k);
	if (!p)
		return 0;
	*m = *p;
	return 1;
}

/* Allows one answer address (mapped form in k) on the matched ports until `until`. */
static __always_inline void learn_address(struct cs_policy_learned_key *k, const struct cs_policy_ports *m, __u64 until)
{
	int j;

	for (j = 0; j < CS_POLICY_PORTS; j++) {
		if (j > 0 && (m->port[0] == 0 || m->port[j] == 0))
			break;
		k->port = m->port[j];
		if (bpf_map_update_elem(&policy_learned, k, &until, BPF_ANY))
			policy_stat(CS_POLICY_STAT_LEARN_FULL);
		else
			policy_stat(CS_POLICY_STAT_LEARNED);
	}
}

struct policy_learn {
	const __u8 *rec;
	const struct cs_policy_ports *m;
	struct cs_policy_learned_key k;
	__u64 until;
	__u32 pos, end;
};

/* One entry of cs_policy_learn's answers: 1 past the last. */
static long policy_learn_step(__u32 i, void *arg)
{
	struct policy_learn *l = arg;
	__u32 pos = l->pos, type, len, src;

	if (pos + 2 > l->end)
		return 1;
	BOUND(pos, 0x3fff);
	type = l->rec[pos];
	len = l->rec[(pos + 1) & 0x3fff];
	src = (pos + 2) & 0x3fff;
	if (type == CS_ANSWER_A && len == 4) {
		__builtin_memset(l->k.addr, 0, 10);
		l->k.addr[10] = 0xff;
		l->k.addr[11] = 0xff;
		__builtin_memcpy(&l->k.addr[12], &l->rec[src], 4);
		learn_address(&l->k, l->m, l->until);
	} else if (type == CS_ANSWER_AAAA && len == 16) {
		__builtin_memcpy(l->k.addr, &l->rec[src], 16);
		learn_address(&l->k, l->m, l->until);
	}
	l->pos = pos + 2 + len;
	return 0;
}

/*
 * Allows the A and AAAA entries at rec[at, at + alen) of the slot's record
 * (a DNS answer to an allowed question, CNAME chain included: the resolver
 * answers for the names it led to) until `until`, on the ports of
 * policy_match[slot]. A global function: the verifier checks it once.
 */
__noinline int cs_policy_learn(__u32 slot, __u32 policy, __u32 at, __u32 alen, __u64 until)
{
	struct policy_learn l = {
		.rec = rec_of(slot),
		.m = bpf_map_lookup_elem(&policy_match, &slot),
		.k = { .policy = policy },
		.until = until,
		.pos = at,
		.end = at + alen,
	};

	if (!l.m || !l.rec || at > 0x3000 || alen > 0x1000)
		return 0;
	BOUNDED_LOOP(CS_DNS_ANSWERS_MAX, policy_learn_step, &l);
	return 0;
}

#endif
