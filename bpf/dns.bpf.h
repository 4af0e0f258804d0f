/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * DNS messages (RFC 1035) in a pkt buffer: names with compression, and the
 * A, AAAA and CNAME answers of a response. Global functions, each checked
 * once by the verifier, every loop bounded.
 */
#ifndef CICD_SENSOR_DNS_BPF_H
#define CICD_SENSOR_DNS_BPF_H

#include "parse.bpf.h"

/* The smallest TTL among the answers of the response being parsed, per slot: the egress policy allows its addresses that long. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 3);
	__type(key, __u32);
	__type(value, __u32);
} dns_ttl SEC(".maps");

static __always_inline void note_ttl(__u32 slot, __u32 ttl)
{
	__u32 *min = bpf_map_lookup_elem(&dns_ttl, &slot);

	if (min && ttl < *min)
		*min = ttl;
}

/*
 * Where cs_dns_name is in the message, per slot: in map memory, not in
 * registers, so the verifier does not know it (see below).
 */
struct dns_walk {
	__u32 p, o, next, floor, end;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 3);
	__type(key, __u32);
	__type(value, struct dns_walk);
} dns_walk_map SEC(".maps");

struct dns_name_walk {
	const __u8 *pkt;
	__u8 *rec;
	struct dns_walk *w;
	__u32 off, len, out;
	/* cs_dns_name's answer, set when the walk is over (-1 until then). */
	int result;
};

/* One byte of the name: a label's character, a label's length, a pointer, or the end. 1 once over. */
static long dns_name_step(__u32 i, void *arg)
{
	struct dns_name_walk *d = arg;
	struct dns_walk *w = d->w;
	__u32 p = w->p, o = w->o, out = d->out, target;
	__u8 c;

	BOUND(p, 0xfff);
	BOUND(o, 0x3fff);
	/* o + 1 - out counts the text and its leading dot: a 254th character fails here. */
	if (p >= d->len || o + 1 - out > CS_DOMAIN_NAME_MAX + 1)
		return 1;
	c = pkt_at(d->pkt, p);
	if (p != w->next) {
		/* A byte of a label. */
		c = host_char(c);
		if (!c)
			return 1;
		rec_put(d->rec, o, c);
		w->o = o + 1;
		w->p = p + 1;
		return 0;
	}
	if (c == 0) {
		if (w->floor == d->off)
			w->end = p + 1;
		d->result = (int)((w->end << 16) | (o + 1 - out ? o - out : 0));
		return 1;
	}
	if ((c & 0xc0) == 0xc0) {
		if (p + 1 >= d->len)
			return 1;
		target = ((__u32)(c & 0x3f) << 8) | pkt_at(d->pkt, p + 1);
		if (target >= w->floor)
			return 1;
		if (w->floor == d->off)
			w->end = p + 2;
		w->floor = target;
		w->p = target;
		w->next = target;
		return 0;
	}
	if (c & 0xc0)
		return 1; /* extended label types (RFC 6891 retired them) */
	rec_put(d->rec, o, '.');
	w->o = o + 1;
	w->next = p + c + 1;
	w->p = p + 1;
	return 0;
}

/*
 * Decodes the DNS name at off of the message in pkt[0, len) into rec at out,
 * as dotted lower-case text; every label is written after a '.', so the
 * first dot lands on rec[out - 1], which the caller overwrites later.
 * Returns (offset just past the name in the message << 16) | text length,
 * or -1. Compression pointers must each jump strictly before the previous
 * target (before the name, for the first): what real encoders write, and
 * no pointer loop can pass that rule.
 *
 * The cursors (position, output, next label, pointer floor, end) live in
 * map memory (dns_walk_map), whose values the verifier does not track: in
 * the bounded loop of kernels before 5.17 (BOUNDED_LOOP) every turn starts
 * from the same state, whatever the turns before it did, so it is checked
 * once rather than once per combination of known cursor values. The
 * position and output cursor are masked where they index (p < len <=
 * PKT_MAX and o < out + 254 < 0x4000, so the masks change nothing).
 */
__noinline int cs_dns_name(__u32 slot, __u32 off, __u32 len, __u32 out)
{
	struct dns_name_walk d = { .pkt = pkt_of(slot), .rec = rec_of(slot), .off = off, .len = len, .out = out };
	struct dns_walk *w = bpf_map_lookup_elem(&dns_walk_map, &slot);

	if (!d.pkt || !d.rec || !w || len > PKT_MAX || off >= len || out == 0 || out > 0x3000)
		return -1;
	w->p = off;
	w->o = out - 1;
	w->next = off;
	w->floor = off;
	w->end = 0;
	d.w = w;
	d.result = -1;
	BOUNDED_LOOP(DNS_NAME_STEPS, dns_name_step, &d);
	return d.result;
}

struct dns_skip {
	const __u8 *pkt;
	__u32 p, len;
	int result;
};

/* One label of the name cs_dns_skip passes over: 1 once past its end (or out of the message). */
static long dns_skip_step(__u32 i, void *arg)
{
	struct dns_skip *d = arg;
	__u32 p = d->p;
	__u8 c;

	if (p >= d->len)
		return 1;
	c = pkt_at(d->pkt, p);
	if (c == 0) {
		d->result = p + 1;
		return 1;
	}
	if ((c & 0xc0) == 0xc0) {
		d->result = p + 2 <= d->len ? (int)(p + 2) : -1;
		return 1;
	}
	if (c & 0xc0)
		return 1;
	d->p = p + c + 1;
	return 0;
}

/* Offset just past the DNS name at off, or -1: the owner names of answers are not needed. */
__noinline int cs_dns_skip(__u32 slot, __u32 off, __u32 len)
{
	struct dns_skip d = { .pkt = pkt_of(slot), .p = off, .len = len, .result = -1 };

	if (!d.pkt || len > PKT_MAX)
		return -1;
	BOUNDED_LOOP(128, dns_skip_step, &d);
	return d.result;
}

/*
 * The answer record at pos of the message in pkt[0, len): an A, AAAA or
 * CNAME of class IN becomes an entry at rec[w], anything else is skipped.
 * Returns (offset of the next record << 16) | entry length, or -1 when the
 * record does not fit the message. A global function, so the verifier
 * checks it once rather than in every turn of the caller's loop.
 */
__noinline int cs_dns_answer(__u32 slot, __u32 pos, __u32 len, __u32 w)
{
	__u8 *pkt = pkt_of(slot), *rec = rec_of(slot);
	__u32 type, klass, ttl, rdlen, src, dst;
	int q, n;

	if (!pkt || !rec || len > PKT_MAX || w > 0x3000)
		return -1;
	q = cs_dns_skip(slot, pos, len);
	if (q < 0 || (__u32)q + 10 > len)
		return -1;
	pos = q;
	type = be16_at(pkt, pos);
	klass = be16_at(pkt, pos + 2);
	ttl = (be16_at(pkt, pos + 4) << 16) | be16_at(pkt, pos + 6);
	rdlen = be16_at(pkt, pos + 8);
	pos += 10;
	if (pos + rdlen > len)
		return -1;
	if (klass != 1)
		return (int)((pos + rdlen) << 16);
	if (type == 1 || type == 28 || type == 5)
		note_ttl(slot, ttl);
	if ((type == 1 && rdlen == 4) || (type == 28 && rdlen == 16)) {
		src = pos;
		dst = w + 2;
		BOUND(src, 0xfff);
		BOUND(dst, 0x3fff);
		rec_put(rec, w, type == 1 ? CS_ANSWER_A : CS_ANSWER_AAAA);
		rec_put(rec, w + 1, rdlen);
		__builtin_memcpy(&rec[dst], &pkt[src], 16);
		return (int)(((pos + rdlen) << 16) | (2 + rdlen));
	}
	if (type == 5) {
		n = cs_dns_name(slot, pos, len, w + 2);
		if (n > 0 && (n & 0xffff)) {
			rec_put(rec, w, CS_ANSWER_CNAME);
			rec_put(rec, w + 1, n & 0xffff);
			return (int)(((pos + rdlen) << 16) | (2 + (n & 0xffff)));
		}
	}
	return (int)((pos + rdlen) << 16);
}

/* The answers of a response, after its question, as entries at rec[at...]; returns their length. */
static __always_inline __u32 dns_answers(__u32 slot, __u8 *pkt, __u32 pos, __u32 len, __u32 at, __u32 *flags)
{
	__u32 ancount = be16_at(pkt, 6), alen = 0;
	__u32 *ttl = bpf_map_lookup_elem(&dns_ttl, &slot);
	int i;

	if (ttl)
		*ttl = 0xffffffff;

	for (i = 0; i < CS_DNS_ANSWERS_MAX && i < ancount; i++) {
		int r = cs_dns_answer(slot, pos, len, at + alen);

		if (r < 0)
			return alen;
		pos = (__u32)r >> 16;
		alen += r & 0xffff;
		/* At most CS_DNS_ANSWERS_MAX entries of 2 + 253 bytes: no change, a bound the verifier keeps. */
		BOUND(alen, 0xfff);
	}
	if (ancount > CS_DNS_ANSWERS_MAX)
		*flags |= CS_F_ANSWERS_TRUNCATED;
	return alen;
}

#endif
