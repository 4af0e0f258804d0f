/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Egress policy map layouts, shared by bpf/ and native/ (userspace fills the
 * maps, the programs read them). Only types and constants live here.
 *
 * A policy is a small number: tracked_cgroups maps each of a job's cgroups
 * to it (0: no policy), so jobs on one host can differ and a cgroup the job
 * creates inherits its parent's. Addresses are kept as IPv6, IPv4 as
 * IPv4-mapped (::ffff:a.b.c.d), so one trie serves both families.
 */
#ifndef CICD_SENSOR_POLICY_H
#define CICD_SENSOR_POLICY_H

#define CS_POLICY_MAX 1024
/* Ports one name entry allows; port[0] == 0 means any port. */
#define CS_POLICY_PORTS 4
/* Name bytes in a name key: CS_DOMAIN_NAME_MAX and the NUL that ends an exact name. */
#define CS_POLICY_NAME_BYTES 254

enum cs_policy_mode {
	CS_POLICY_OFF = 0,
	CS_POLICY_AUDIT = 1, /* refusals are recorded (CS_F_EGRESS_DENIED), nothing is refused */
	CS_POLICY_BLOCK = 2, /* refused: connect/sendmsg get EPERM, DNS questions are dropped */
};

/* policy_cfg[policy]. */
struct cs_policy_cfg {
	__u8 mode;
	__u8 allow_loopback;
	__u16 pad;
	/* Bounds applied to a DNS answer's TTL before its addresses are allowed for that long. */
	__u32 ttl_floor_s;
	__u32 ttl_ceiling_s;
	__u32 pad2;
};

/*
 * policy_addrs, an LPM trie: prefixlen counts the policy and port (32 bits)
 * plus the address bits. port 0 allows every port; a lookup tries the
 * destination's port, then 0.
 */
struct cs_policy_addr_key {
	__u32 prefixlen;
	__u16 policy;
	__u16 port; /* host order */
	__u8 addr[16];
};

/* policy_learned: addresses a DNS answer for an allowed name gave, until expires_ns (CLOCK_BOOTTIME). */
struct cs_policy_learned_key {
	__u16 policy;
	__u16 port;
	__u8 addr[16];
};

/*
 * policy_names, an LPM trie over the name written backwards, so a wildcard
 * is a prefix: "*.example.com" is "moc.elpmaxe." and matches every depth of
 * subdomain; an exact "example.com" is "moc.elpmaxe" plus the NUL that ends
 * it. prefixlen counts the policy (16 bits) plus the bytes.
 */
struct cs_policy_name_key {
	__u32 prefixlen;
	__u16 policy;
	__u8 rname[CS_POLICY_NAME_BYTES];
};

struct cs_policy_ports {
	__u16 port[CS_POLICY_PORTS];
};

/* policy_stats slots, summed over CPUs by userspace. */
enum cs_policy_stat {
	CS_POLICY_STAT_DENIED = 0,  /* connects, datagrams and questions outside a policy */
	CS_POLICY_STAT_REFUSED,	    /* of those, refused (block mode) */
	CS_POLICY_STAT_LEARNED,	    /* addresses allowed from DNS answers */
	CS_POLICY_STAT_LEARN_FULL,  /* addresses that did not fit policy_learned */
	CS_POLICY_STAT_MAX,
};

#endif
