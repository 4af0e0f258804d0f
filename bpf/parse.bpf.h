/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The buffers and byte access the domain parsers share. A parser works on
 * a copy of the payload (or of a syscall's user buffer) in a per-CPU pkt
 * buffer and writes what it finds into a per-CPU record buffer; every index
 * is masked so the verifier sees it in bounds, and the buffers have slack
 * past the mask for the few bytes read or written after it.
 */
#ifndef CICD_SENSOR_PARSE_BPF_H
#define CICD_SENSOR_PARSE_BPF_H

#include "common.bpf.h"

/* Payload bytes looked at: a DNS message over UDP, a ClientHello's extensions. */
#define PKT_MAX 2048
#define PKT_MASK 0xfff
#define PKT_SIZE (PKT_MASK + 1 + 64)
/* Bytes of an HTTP request searched for its Host header. */
#define HTTP_SCAN 1024
/* Label bytes, length bytes and pointers in one name: 253 + 1 + the labels' lengths, rounded up. */
#define DNS_NAME_STEPS 300
#define TLS_EXTENSIONS_MAX 32

/*
 * Slot 0 for egress (process context, mostly) and 1 for ingress (softirq),
 * so a packet received while a send is being parsed on the same CPU does not
 * overwrite its buffers. Records are built apart from scratch_map for the
 * same reason: a softirq can interrupt a tracepoint program.
 */
#define SLOT_EGRESS 0
#define SLOT_INGRESS 1
/* Syscall tracepoints (process context, like egress, which a softirq egress could interrupt). */
#define SLOT_SYSCALL 2
/* Uprobes (tls.bpf.h): process context too, but apart from the syscall slot a preempted sendto may hold. */
#define SLOT_UPROBE 3
#define SLOTS 4

struct pkt_scratch {
	__u8 buf[PKT_SIZE];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SLOTS);
	__type(key, __u32);
	__type(value, struct pkt_scratch);
} domain_pkt SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SLOTS);
	__type(key, __u32);
	__type(value, struct scratch);
} domain_rec SEC(".maps");


static __always_inline __u8 *pkt_of(__u32 slot)
{
	return bpf_map_lookup_elem(&domain_pkt, &slot);
}

static __always_inline __u8 *rec_of(__u32 slot)
{
	return bpf_map_lookup_elem(&domain_rec, &slot);
}

/*
 * The size to copy into pkt from len bytes: [1, PKT_MAX], 0 for none. The
 * bound is set with BOUND on the value the copy helper is given, in a form
 * the verifier keeps: a zero test on a copy would be lost.
 */
static __always_inline __u32 pkt_copy_len(__u32 len)
{
	if (len == 0)
		return 0;
	if (len > PKT_MAX)
		len = PKT_MAX;
	len -= 1;
	BOUND(len, 0x7ff);
	return len + 1;
}

/* Copies the first bytes (up to PKT_MAX) of a user buffer of len bytes into pkt; returns how many, 0 for none. */
static __always_inline __u32 load_user(__u8 *pkt, const void *data, __u32 len)
{
	len = pkt_copy_len(len);
	if (len == 0)
		return 0;
	return bpf_probe_read_user(pkt, len, data) ? 0 : len;
}

static __always_inline __u8 pkt_at(const __u8 *pkt, __u32 i)
{
	BOUND(i, 0xfff);
	return pkt[i];
}

static __always_inline __u32 be16_at(const __u8 *pkt, __u32 i)
{
	return ((__u32)pkt_at(pkt, i) << 8) | pkt_at(pkt, i + 1);
}

static __always_inline void rec_put(__u8 *rec, __u32 i, __u8 c)
{
	BOUND(i, 0x3fff);
	rec[i] = c;
}

/* A host name character, lower-cased; 0 for anything else ('.' included). */
static __always_inline __u8 host_char(__u8 c)
{
	if (c >= 'A' && c <= 'Z')
		return c + ('a' - 'A');
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
		return c;
	return 0;
}

#endif
