/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Host names outside DNS, in a pkt buffer: the SNI of a TLS ClientHello,
 * the Host of an HTTP/1.x request, the name of a varlink call to
 * systemd-resolved. Global functions, every loop bounded.
 */
#ifndef CICD_SENSOR_HOSTNAME_BPF_H
#define CICD_SENSOR_HOSTNAME_BPF_H

#include "parse.bpf.h"

struct copy_host {
	const __u8 *pkt;
	__u8 *rec;
	/* The next byte to read and to write; where the last dot was (or would be, before the name). */
	__u32 p, o, dot, end, http;
	/* 1 when the name ended well (p is past it), -1 when it is not a host name. */
	int done;
};

/* One character of cs_copy_host's copy: 1 once the name is over. */
static long copy_host_step(__u32 i, void *arg)
{
	struct copy_host *h = arg;
	__u32 p = h->p, o = h->o;
	__u8 c;

	/* Masks that change nothing (p < end <= PKT_MAX, o < out + 255), in a form the verifier keeps. */
	BOUND(p, 0xfff);
	BOUND(o, 0x3fff);
	if (p >= h->end) {
		h->done = h->http ? -1 : 1;
		return 1;
	}
	c = pkt_at(h->pkt, p);
	if ((h->http == 1 && (c == '\r' || c == '\n' || c == '\t' || c == ' ' || c == ':')) ||
	    (h->http == 2 && c == '"')) {
		h->done = 1;
		return 1;
	}
	if (c == '.') {
		if (p - h->dot == 1)
			goto bad;
		h->dot = p;
	} else {
		c = host_char(c);
		if (!c || p - h->dot > 63)
			goto bad;
	}
	rec_put(h->rec, o, c);
	h->o = o + 1;
	h->p = p + 1;
	return 0;
bad:
	h->done = -1;
	return 1;
}

/*
 * Copies a host name from pkt[src, end) into rec at out, checked and
 * lower-cased. http 0: the name is all of it; 1 (an HTTP header value): it
 * ends at the first of "\r\n\t :" (a port follows ':'); 2 (a JSON string):
 * at the closing '"'. For 1 and 2 the end must come before end. Returns its length (one trailing
 * dot dropped), 0 for none, -1 for a name that is not a host name.
 */
__noinline int cs_copy_host(__u32 slot, __u32 src, __u32 end, __u32 out, __u32 http)
{
	struct copy_host h = { .pkt = pkt_of(slot), .rec = rec_of(slot), .p = src, .o = out, .end = end, .http = http };
	__u32 n;
	int i;

	if (!h.pkt || !h.rec || end > PKT_MAX || src >= PKT_MAX || out > 0x3000)
		return -1;
	/* A header value may start with blanks. */
	for (i = 0; http == 1 && i < 8 && h.p < end && (pkt_at(h.pkt, h.p) == ' ' || pkt_at(h.pkt, h.p) == '\t'); i++)
		h.p++;
	src = h.p;
	h.dot = h.p - 1;
	BOUNDED_LOOP(CS_DOMAIN_NAME_MAX + 2, copy_host_step, &h);
	if (h.done <= 0)
		return -1;
	n = h.p - src;
	if (n && h.p - h.dot == 1)
		n--; /* "example.com." names the same host */
	return n <= CS_DOMAIN_NAME_MAX ? (int)n : -1;
}

/* The server_name of a TLS ClientHello in pkt[0, len), copied into rec at out; see cs_copy_host. */
__noinline int cs_tls_sni(__u32 slot, __u32 len, __u32 out)
{
	__u8 *pkt = pkt_of(slot);
	__u32 p, ext_end;
	int i;

	if (!pkt || len > PKT_MAX || len < 44)
		return -1;
	/* Handshake record, TLS 1.x, ClientHello; then version and random. */
	if (pkt_at(pkt, 0) != 0x16 || pkt_at(pkt, 1) != 3 || pkt_at(pkt, 5) != 1)
		return -1;
	p = 43;
	p += 1 + pkt_at(pkt, p); /* session id */
	if (p + 2 > len)
		return -1;
	p += 2 + be16_at(pkt, p); /* cipher suites */
	if (p + 1 > len)
		return -1;
	p += 1 + pkt_at(pkt, p); /* compression methods */
	if (p + 2 > len)
		return -1;
	ext_end = p + 2 + be16_at(pkt, p);
	p += 2;
	if (ext_end > len)
		ext_end = len; /* cut short: the name may still be in what is here */
	for (i = 0; i < TLS_EXTENSIONS_MAX; i++) {
		__u32 type, elen, n;

		if (p + 4 > ext_end)
			return -1;
		type = be16_at(pkt, p);
		elen = be16_at(pkt, p + 2);
		p += 4;
		if (type == 0) {
			/* server_name_list: u16 length, then u8 type 0 (host_name), u16 length, name. */
			if (p + 5 > ext_end || pkt_at(pkt, p + 2) != 0)
				return -1;
			n = be16_at(pkt, p + 3);
			if (n == 0 || p + 5 + n > ext_end)
				return -1;
			return cs_copy_host(slot, p + 5, p + 5 + n, out, 0);
		}
		p += elen;
	}
	return -1;
}

struct window_scan {
	const __u8 *pkt;
	__u64 win;
	__u32 len;
	int found;
};

/* One byte of cs_http_host's scan: 1 once it is over (found set when it found the header). */
static long http_host_step(__u32 i, void *arg)
{
	struct window_scan *s = arg;

	if (i >= s->len)
		return 1;
	s->win = (s->win << 8) | pkt_at(s->pkt, i);
	/* "\nhost:", the letters in either case. */
	if (((s->win | 0x002020202000ULL) & 0xffffffffffffULL) == 0x0a686f73743aULL) {
		s->found = i + 1;
		return 1;
	}
	/* An empty line ends the headers. */
	return (s->win & 0xffff) == 0x0a0d || (s->win & 0xffff) == 0x0a0a;
}

/*
 * Offset just past "Host:" in the HTTP request in pkt[0, len), or -1. The
 * last six bytes ride along in the scan's state, so each step loads one
 * byte and takes one branch per test.
 */
__noinline int cs_http_host(__u32 slot, __u32 len)
{
	struct window_scan s = { .pkt = pkt_of(slot), .len = len, .found = -1 };

	if (!s.pkt || len > PKT_MAX)
		return -1;
	BOUNDED_LOOP(HTTP_SCAN, http_host_step, &s);
	return s.found;
}

static __always_inline bool http_request(const __u8 *pkt)
{
	__u32 m = ((__u32)pkt_at(pkt, 0) << 24) | ((__u32)pkt_at(pkt, 1) << 16) | ((__u32)pkt_at(pkt, 2) << 8) |
		  pkt_at(pkt, 3);

	return m == 0x47455420 /* "GET " */ || m == 0x504f5354 /* POST */ || m == 0x50555420 /* "PUT " */ ||
	       m == 0x48454144 /* HEAD */ || m == 0x44454c45 /* DELE */ || m == 0x50415443 /* PATC */ ||
	       m == 0x4f505449 /* OPTI */ || m == 0x434f4e4e /* CONN */;
}

/* One byte of cs_varlink_name's scan, as http_host_step: 1 once it is over. */
static long varlink_name_step(__u32 i, void *arg)
{
	struct window_scan *s = arg;

	if (i >= s->len)
		return 1;
	s->win = (s->win << 8) | pkt_at(s->pkt, i);
	if (s->win == 0x226e616d65223a22ULL) { /* "name":" */
		s->found = i + 1;
		return 1;
	}
	return 0;
}

/*
 * The name a varlink call to systemd-resolved asks about: the message in
 * pkt[0, len) must start as such a call does, and the name is the first
 * "name" member's string (ResolveHostname, ResolveRecord, ResolveService).
 * Returns the offset of the string's first character, or -1.
 */
__noinline int cs_varlink_name(__u32 slot, __u32 len)
{
	static const char call[] = "{\"method\":\"io.systemd.Resolve.";
	struct window_scan s = { .pkt = pkt_of(slot), .len = len, .found = -1 };
	int i;

	if (!s.pkt || len > PKT_MAX || len < sizeof(call) - 1)
		return -1;
#pragma unroll
	for (i = 0; i < sizeof(call) - 1; i++) {
		if (s.pkt[i] != call[i])
			return -1;
	}
	BOUNDED_LOOP(HTTP_SCAN, varlink_name_step, &s);
	return s.found;
}

#endif
