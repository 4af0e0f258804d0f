/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * http_request: the method, path and Host of the first HTTP/1.x request a
 * job sends on a TCP connection, read from the payload copy domain.bpf.h
 * already made for the Host's domain. Unlike http_host, an IP literal in
 * the Host, a port and the path are kept: a raw-IP upload is what matters
 * (Codecov's uploader posted to one). Only these three tokens leave the
 * kernel, never the headers or body.
 */
#ifndef CICD_SENSOR_HTTP_BPF_H
#define CICD_SENSOR_HTTP_BPF_H

#include "parse.bpf.h"

enum http_token {
	HTTP_METHOD = 0, /* upper-case letters up to the space */
	HTTP_PATH = 1,	 /* visible ASCII up to the space, '?' or '#'; cut at CS_HTTP_PATH_MAX */
	HTTP_HOST = 2,	 /* visible ASCII up to the line's end, lower-cased */
};

#define HTTP_TOKEN_CUT (1 << 16)

/*
 * Each kind's limits, in a writable global (map memory, .data) rather than
 * computed from the kind or held in .rodata: the verifier knows neither
 * their values nor which kind it is checking, so it walks the token loop
 * once for all kinds instead of once per kind, with no state per known
 * limit (the loop took 410,000 instructions to verify; ~40,000 now). No
 * program writes them.
 */
struct http_limits {
	__u8 lo, hi, stop1, stop2, stop3;
	__u8 pad[3];
	__u32 max;
};

/* Indexed by enum http_token. */
struct http_limits http_limits[3] SEC(".data") = {
	{ 'A', 'Z', ' ', ' ', ' ', {}, CS_HTTP_METHOD_MAX },
	{ 0x21, 0x7e, ' ', '?', '#', {}, CS_HTTP_PATH_MAX },
	{ 0x21, 0x7e, '\r', '\n', ' ', {}, CS_HTTP_PATH_MAX },
};

struct http_token_copy {
	const __u8 *pkt;
	__u8 *rec;
	struct http_limits lim;
	__u32 p, len, out, kind;
	__u8 lower;
	/* The token's length (HTTP_TOKEN_CUT set when cut), or -1; set when the copy is over. */
	int result;
};

/* The token's i-th byte, pkt[p + i] to rec[out + i]: 1 once the token is over. */
static long http_token_step(__u32 i, void *arg)
{
	struct http_token_copy *t = arg;
	__u8 c;

	if (t->p + i >= t->len)
		return 1; /* no end within what was captured */
	c = pkt_at(t->pkt, t->p + i);
	if (c == t->lim.stop1 || c == t->lim.stop2 || c == t->lim.stop3) {
		t->result = i ? (int)i : -1;
		return 1;
	}
	if (c < t->lim.lo || c > t->lim.hi)
		return 1;
	if (i == t->lim.max) {
		t->result = t->kind == HTTP_PATH ? (int)(i | HTTP_TOKEN_CUT) : -1;
		return 1;
	}
	if (c >= 'A' && c <= 'Z')
		c += t->lower;
	rec_put(t->rec, t->out + i, c);
	return 0;
}

/*
 * Copies one token from pkt[p, len) of slot into its record at out.
 * Returns its length (HTTP_TOKEN_CUT set when a path went on past the
 * limit), or -1 when the bytes are not such a token. The per-kind limits
 * are read before the loop, so the step itself has no branch on the kind,
 * and the token's i-th byte is pkt[p + i] and rec[out + i]: one counter,
 * not a position and a length the verifier would track apart.
 */
__noinline int cs_http_token(__u32 slot, __u32 p, __u32 len, __u32 out, __u32 kind)
{
	struct http_token_copy t = { .pkt = pkt_of(slot), .rec = rec_of(slot), .len = len, .out = out, .kind = kind };
	int i;

	if (kind > HTTP_HOST)
		return -1;
	t.lim = http_limits[kind];
	t.lower = kind == HTTP_HOST ? 'a' - 'A' : 0;
	t.result = -1;
	if (!t.pkt || !t.rec || len > PKT_MAX || p >= len || out > 0x3000)
		return -1;
	/* A header value may start with blanks. */
	for (i = 0; kind == HTTP_HOST && i < 8 && p < len && (pkt_at(t.pkt, p) == ' ' || pkt_at(t.pkt, p) == '\t'); i++)
		p++;
	t.p = p;
	BOUNDED_LOOP(CS_HTTP_PATH_MAX + 1, http_token_step, &t);
	return t.result;
}

/*
 * Writes the method, path and Host of the HTTP request in slot's pkt[0,
 * len) into the http_request record at the start of slot's rec buffer;
 * host_at is where cs_http_host found the Host value (-1: none). Returns
 * the record's length, or 0 when the request line is not one. The header
 * and the server are the caller's.
 */
static __always_inline __u32 http_tokens(__u32 slot, __u32 len, int host_at)
{
	__u8 *rec = rec_of(slot);
	struct cs_http_request *r;
	int m, p, h = 0;
	__u32 off;

	if (!rec)
		return 0;
	r = (void *)rec;
	off = sizeof(*r);
	m = cs_http_token(slot, 0, len, off, HTTP_METHOD);
	if (m <= 0)
		return 0;
	off += m;
	p = cs_http_token(slot, m + 1, len, off, HTTP_PATH);
	if (p <= 0)
		return 0;
	off += p & 0xffff;
	if (host_at >= 0)
		h = cs_http_token(slot, host_at, len, off, HTTP_HOST);
	if (h < 0)
		h = 0; /* a Host that is not one is left out; the request still counts */
	r->method_len = m;
	r->path_len = p & 0xffff;
	r->host_len = h;
	r->path_cut = (p & HTTP_TOKEN_CUT) != 0;
	__builtin_memset(r->pad, 0, sizeof(r->pad));
	return (off + h) & 0x7ff;
}

/*
 * Sends the http_request of an HTTP request in the egress slot's pkt[0,
 * len); host_at as for http_tokens. Its record is built and sent before the
 * domain record reuses the buffer.
 */
static __always_inline void send_http_request(struct __sk_buff *skb, __u8 family, __u16 port, const __u32 *daddr,
					      __u32 pid, __u32 len, int host_at)
{
	__u8 *rec = rec_of(SLOT_EGRESS);
	struct cs_http_request *r;
	__u32 size;

	if (!rec || pid == 0)
		return;
	size = http_tokens(SLOT_EGRESS, len, host_at);
	if (!size)
		return;
	r = (void *)rec;
	r->hdr.kind = CS_KIND_HTTP_REQUEST;
	r->hdr.pid = pid;
	r->hdr.tid = 0;
	r->hdr.flags = 0;
	r->hdr.time_ns = bpf_ktime_get_boot_ns();
	r->hdr.cgroup_id = bpf_skb_cgroup_id(skb);
	r->hdr.start_time_ns = 0;
	r->port = port;
	r->family = family;
	r->source = CS_HTTP_CLEARTEXT;
	__builtin_memcpy(r->addr, daddr, 16);
	emit(CS_HOOK_HTTP_REQUEST, rec, size);
}

#endif
