/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Domains: DNS questions leaving a job and the answers coming back, the SNI
 * of TLS ClientHellos and the Host of HTTP/1.x requests.
 *
 * Why cgroup_skb: it sees every IP packet of a socket with the transport
 * headers in place, in both directions, without function tracing (refused
 * under lockdown), and like cgroup/connect* it is attached once at the
 * cgroup v2 root; the socket's cgroup (bpf_skb_cgroup_id, right on ingress
 * too, where current is whatever the softirq interrupted) goes through
 * tracked_cgroups. The programs always allow.
 *
 * Parsing happens here, on a copy of the payload in a per-CPU buffer, and
 * only the parsed name (and answers) goes to userspace, never the packet.
 * The parsers are global functions so the verifier checks each once rather
 * than at every call, and every loop is bounded: a hostile packet costs at
 * most a few hundred steps and yields no record rather than a wrong name.
 */
#ifndef CICD_SENSOR_DOMAIN_BPF_H
#define CICD_SENSOR_DOMAIN_BPF_H

#include "common.bpf.h"
#include "net.bpf.h"
#include "sockowner.bpf.h"

#define DNS_PORT 53
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

struct pkt_scratch {
	__u8 buf[PKT_SIZE];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 3);
	__type(key, __u32);
	__type(value, struct pkt_scratch);
} domain_pkt SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 3);
	__type(key, __u32);
	__type(value, struct scratch);
} domain_rec SEC(".maps");

struct flow {
	__u32 off; /* payload offset from the IP header */
	__u32 len; /* payload bytes */
	__u16 sport;
	__u16 dport;
	__u8 proto;
	__u8 family;
	__u16 pad;
	__u32 saddr[4];
	__u32 daddr[4];
};

static __always_inline __u8 *pkt_of(__u32 slot)
{
	return bpf_map_lookup_elem(&domain_pkt, &slot);
}

static __always_inline __u8 *rec_of(__u32 slot)
{
	return bpf_map_lookup_elem(&domain_rec, &slot);
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

/*
 * Decodes the DNS name at off of the message in pkt[0, len) into rec at out,
 * as dotted lower-case text; every label is written after a '.', so the
 * first dot lands on rec[out - 1], which the caller overwrites later.
 * Returns (offset just past the name in the message << 16) | text length,
 * or -1. Compression pointers must each jump strictly before the previous
 * target (before the name, for the first): what real encoders write, and
 * no pointer loop can pass that rule.
 *
 * Written for the verifier, which walks the loop step by step: no step
 * branches on a value it knows exactly (which would make it track that
 * value and keep one state per value and step), and the position and
 * output cursor are re-masked at the top of every step (p < len <= PKT_MAX
 * and o < out + 254 < 0x4000, so the masks change nothing) to give every
 * step the same ranges. That lets it prune each step to one state.
 */
__noinline int cs_dns_name(__u32 slot, __u32 off, __u32 len, __u32 out)
{
	__u32 p = off, o = out - 1, next = off, floor = off, end = 0;
	__u8 *pkt = pkt_of(slot), *rec = rec_of(slot);
	int i;

	if (!pkt || !rec || len > PKT_MAX || off >= len || out == 0 || out > 0x3000)
		return -1;
	for (i = 0; i < DNS_NAME_STEPS; i++) {
		__u8 c;

		BOUND(p, 0xfff);
		BOUND(o, 0x3fff);
		/* o + 1 - out counts the text and its leading dot: a 254th character fails here. */
		if (p >= len || o + 1 - out > CS_DOMAIN_NAME_MAX + 1)
			return -1;
		c = pkt_at(pkt, p);
		if (p != next) {
			/* A byte of a label. */
			c = host_char(c);
			if (!c)
				return -1;
			rec_put(rec, o, c);
			o++;
			p++;
			continue;
		}
		if (c == 0) {
			if (floor == off)
				end = p + 1;
			return (int)((end << 16) | (o + 1 - out ? o - out : 0));
		}
		if ((c & 0xc0) == 0xc0) {
			__u32 target;

			if (p + 1 >= len)
				return -1;
			target = ((__u32)(c & 0x3f) << 8) | pkt_at(pkt, p + 1);
			if (target >= floor)
				return -1;
			if (floor == off)
				end = p + 2;
			floor = target;
			p = target;
			next = target;
			continue;
		}
		if (c & 0xc0)
			return -1; /* extended label types (RFC 6891 retired them) */
		rec_put(rec, o, '.');
		o++;
		next = p + c + 1;
		p++;
	}
	return -1;
}

/* Offset just past the DNS name at off, or -1: the owner names of answers are not needed. */
__noinline int cs_dns_skip(__u32 slot, __u32 off, __u32 len)
{
	__u8 *pkt = pkt_of(slot);
	__u32 p = off;
	int i;

	if (!pkt || len > PKT_MAX)
		return -1;
	for (i = 0; i < 128; i++) {
		__u8 c;

		if (p >= len)
			return -1;
		c = pkt_at(pkt, p);
		if (c == 0)
			return p + 1;
		if ((c & 0xc0) == 0xc0)
			return p + 2 <= len ? (int)(p + 2) : -1;
		if (c & 0xc0)
			return -1;
		p += c + 1;
	}
	return -1;
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
	__u8 *pkt = pkt_of(slot), *rec = rec_of(slot);
	/* Where the last dot was (or would be, before the name): labels are measured from it. */
	__u32 p = src, o = out, dot = src - 1, n;
	int i;

	if (!pkt || !rec || end > PKT_MAX || src >= PKT_MAX || out > 0x3000)
		return -1;
	/* A header value may start with blanks. */
	for (i = 0; http == 1 && i < 8 && p < end && (pkt_at(pkt, p) == ' ' || pkt_at(pkt, p) == '\t'); i++)
		p++;
	src = p;
	dot = p - 1;
	/* Like cs_dns_name: masks that change nothing, and no branch on a known value. */
	for (i = 0; i < CS_DOMAIN_NAME_MAX + 2; i++) {
		__u8 c;

		BOUND(p, 0xfff);
		BOUND(o, 0x3fff);
		if (p >= end) {
			if (http)
				return -1;
			break;
		}
		c = pkt_at(pkt, p);
		if (http == 1 && (c == '\r' || c == '\n' || c == '\t' || c == ' ' || c == ':'))
			break;
		if (http == 2 && c == '"')
			break;
		if (c == '.') {
			if (p - dot == 1)
				return -1;
			dot = p;
		} else {
			c = host_char(c);
			if (!c || p - dot > 63)
				return -1;
		}
		rec_put(rec, o, c);
		o++;
		p++;
	}
	if (i == CS_DOMAIN_NAME_MAX + 2)
		return -1;
	n = p - src;
	if (n && p - dot == 1)
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

/*
 * Offset just past "Host:" in the HTTP request in pkt[0, len), or -1. The
 * last six bytes ride in a register, so each step loads one byte and takes
 * one branch per test: cheap for the verifier, which walks all 1024 steps.
 */
__noinline int cs_http_host(__u32 slot, __u32 len)
{
	__u8 *pkt = pkt_of(slot);
	__u64 win = 0;
	int i;

	if (!pkt || len > PKT_MAX)
		return -1;
	for (i = 0; i < HTTP_SCAN; i++) {
		if (i >= len)
			return -1;
		win = (win << 8) | pkt_at(pkt, i);
		/* "\nhost:", the letters in either case. */
		if (((win | 0x002020202000ULL) & 0xffffffffffffULL) == 0x0a686f73743aULL)
			return i + 1;
		/* An empty line ends the headers. */
		if ((win & 0xffff) == 0x0a0d || (win & 0xffff) == 0x0a0a)
			return -1;
	}
	return -1;
}

static __always_inline bool http_request(const __u8 *pkt)
{
	__u32 m = ((__u32)pkt_at(pkt, 0) << 24) | ((__u32)pkt_at(pkt, 1) << 16) | ((__u32)pkt_at(pkt, 2) << 8) |
		  pkt_at(pkt, 3);

	return m == 0x47455420 /* "GET " */ || m == 0x504f5354 /* POST */ || m == 0x50555420 /* "PUT " */ ||
	       m == 0x48454144 /* HEAD */ || m == 0x44454c45 /* DELE */ || m == 0x50415443 /* PATC */ ||
	       m == 0x4f505449 /* OPTI */ || m == 0x434f4e4e /* CONN */;
}

/* IPv4 or IPv6 (no extension headers), then TCP or UDP with a payload. */
static __always_inline bool parse_flow(struct __sk_buff *skb, struct flow *f)
{
	__u32 l4;
	__u8 v;

	if (bpf_skb_load_bytes(skb, 0, &v, 1))
		return false;
	if ((v >> 4) == 4) {
		struct iphdr ip;

		if (bpf_skb_load_bytes(skb, 0, &ip, sizeof(ip)))
			return false;
		/* A later fragment has no transport header (ingress sees packets reassembled). */
		if (ip.frag_off & bpf_htons(0x1fff))
			return false;
		l4 = ip.ihl * 4;
		f->family = AF_INET;
		f->proto = ip.protocol;
		f->saddr[0] = ip.saddr;
		f->daddr[0] = ip.daddr;
	} else if ((v >> 4) == 6) {
		struct ipv6hdr ip6;

		if (bpf_skb_load_bytes(skb, 0, &ip6, sizeof(ip6)))
			return false;
		l4 = sizeof(ip6);
		f->family = AF_INET6;
		f->proto = ip6.nexthdr;
		__builtin_memcpy(f->saddr, &ip6.saddr, 16);
		__builtin_memcpy(f->daddr, &ip6.daddr, 16);
	} else {
		return false;
	}
	if (f->proto == IPPROTO_UDP) {
		struct udphdr u;

		if (bpf_skb_load_bytes(skb, l4, &u, sizeof(u)))
			return false;
		f->sport = bpf_ntohs(u.source);
		f->dport = bpf_ntohs(u.dest);
		f->off = l4 + sizeof(u);
	} else if (f->proto == IPPROTO_TCP) {
		struct tcphdr t;

		if (bpf_skb_load_bytes(skb, l4, &t, sizeof(t)))
			return false;
		f->sport = bpf_ntohs(t.source);
		f->dport = bpf_ntohs(t.dest);
		f->off = l4 + t.doff * 4;
	} else {
		return false;
	}
	if (skb->len <= f->off)
		return false;
	f->len = skb->len - f->off;
	return true;
}

/* Copies up to PKT_MAX payload bytes from off into pkt; returns how many. */
static __always_inline __u32 load_payload(struct __sk_buff *skb, __u8 *pkt, __u32 off, __u32 len)
{
	if (len == 0)
		return 0;
	if (len > PKT_MAX)
		len = PKT_MAX;
	/* [1, PKT_MAX] in a form the verifier keeps: a zero test on a copy would be lost. */
	len -= 1;
	BOUND(len, 0x7ff);
	len += 1;
	if (bpf_skb_load_bytes(skb, off, pkt, len))
		return 0;
	return len;
}

/* Fills the fixed part of a record whose name (and answers) are in place, and sends it. */
static __always_inline void send_domain(struct __sk_buff *skb, const struct flow *f, __u8 *rec, __u32 pid,
					__u8 source, bool egress, __u32 tail_len)
{
	struct cs_domain *r = (void *)rec;

	r->hdr.kind = CS_KIND_DOMAIN;
	r->hdr.pid = pid;
	r->hdr.tid = 0;
	r->hdr.time_ns = bpf_ktime_get_boot_ns();
	r->hdr.cgroup_id = bpf_skb_cgroup_id(skb);
	r->hdr.start_time_ns = 0;
	r->source = source;
	r->protocol = f->proto;
	r->family = f->family;
	r->port = egress ? f->dport : f->sport;
	r->pad = 0;
	__builtin_memcpy(r->addr, egress ? f->daddr : f->saddr, 16);
	emit(CS_HOOK_DOMAIN, rec, sizeof(*r) + tail_len);
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
	__u32 type, klass, rdlen, src, dst;
	int q, n;

	if (!pkt || !rec || len > PKT_MAX || w > 0x3000)
		return -1;
	q = cs_dns_skip(slot, pos, len);
	if (q < 0 || (__u32)q + 10 > len)
		return -1;
	pos = q;
	type = be16_at(pkt, pos);
	klass = be16_at(pkt, pos + 2);
	rdlen = be16_at(pkt, pos + 8);
	pos += 10;
	if (pos + rdlen > len)
		return -1;
	if (klass != 1)
		return (int)((pos + rdlen) << 16);
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
	int i;

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

/* A DNS message at off (len bytes): a standard query leaving, or the response coming back. */
static __always_inline void dns_message(struct __sk_buff *skb, const struct flow *f, __u32 pid, bool egress,
					__u32 off, __u32 len)
{
	__u32 slot = egress ? SLOT_EGRESS : SLOT_INGRESS, end, n, alen = 0, flags = 0;
	__u8 *pkt = pkt_of(slot), *rec = rec_of(slot);
	struct cs_domain *r;
	int res;

	if (!pkt || !rec)
		return;
	len = load_payload(skb, pkt, off, len);
	if (len < 17)
		return;
	/* QR must say query going out and response coming in; opcode 0 (QUERY); one question at least. */
	if (((pkt_at(pkt, 2) & 0x80) != 0) == egress || (pkt_at(pkt, 2) & 0x78) || be16_at(pkt, 4) == 0)
		return;
	res = cs_dns_name(slot, 12, len, sizeof(*r));
	if (res <= 0 || (res & 0xffff) == 0)
		return;
	n = res & 0xffff;
	end = (__u32)res >> 16;
	if (end + 4 > len)
		return;
	r = (void *)rec;
	r->qtype = be16_at(pkt, end);
	r->txid = be16_at(pkt, 0);
	r->rcode = pkt_at(pkt, 3) & 0xf;
	if (!egress)
		alen = dns_answers(slot, pkt, end + 4, len, sizeof(*r) + n, &flags);
	r->name_len = n;
	r->answers_len = alen;
	r->hdr.flags = flags;
	send_domain(skb, f, rec, pid, egress ? CS_DOMAIN_DNS_QUERY : CS_DOMAIN_DNS_ANSWER, egress, n + alen);
}

/* DNS over TCP: a two-byte length, then the message (when it starts this segment). */
static __always_inline void dns_stream(struct __sk_buff *skb, const struct flow *f, __u32 pid, bool egress)
{
	__u16 mlen;

	if (f->len < 3 || bpf_skb_load_bytes(skb, f->off, &mlen, 2))
		return;
	mlen = bpf_ntohs(mlen);
	dns_message(skb, f, pid, egress, f->off + 2, mlen < f->len - 2 ? mlen : f->len - 2);
}

/* The first payload a job sends on a TCP connection: a TLS ClientHello or an HTTP request. */
static __always_inline void first_payload(struct __sk_buff *skb, const struct flow *f, __u32 pid)
{
	__u8 *pkt = pkt_of(SLOT_EGRESS), *rec = rec_of(SLOT_EGRESS);
	struct cs_domain *r;
	__u8 source;
	__u32 len;
	int n, v;

	if (!pkt || !rec)
		return;
	len = load_payload(skb, pkt, f->off, f->len);
	if (len < 16)
		return;
	r = (void *)rec;
	if (pkt_at(pkt, 0) == 0x16) {
		source = CS_DOMAIN_TLS_SNI;
		n = cs_tls_sni(SLOT_EGRESS, len, sizeof(*r));
	} else if (http_request(pkt)) {
		source = CS_DOMAIN_HTTP_HOST;
		v = cs_http_host(SLOT_EGRESS, len);
		n = v < 0 ? -1 : cs_copy_host(SLOT_EGRESS, v, len, sizeof(*r), 1);
	} else {
		return;
	}
	if (n <= 0)
		return;
	r->qtype = 0;
	r->txid = 0;
	r->rcode = 0;
	r->name_len = n;
	r->answers_len = 0;
	r->hdr.flags = 0;
	send_domain(skb, f, rec, pid, source, true, n);
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
	__u8 *pkt = pkt_of(slot);
	__u64 win = 0;
	int i;

	if (!pkt || len > PKT_MAX || len < sizeof(call) - 1)
		return -1;
#pragma unroll
	for (i = 0; i < sizeof(call) - 1; i++) {
		if (pkt[i] != call[i])
			return -1;
	}
	for (i = 0; i < HTTP_SCAN; i++) {
		if (i >= len)
			return -1;
		win = (win << 8) | pkt_at(pkt, i);
		if (win == 0x226e616d65223a22ULL) /* "name":" */
			return i + 1;
	}
	return -1;
}

/* A call the job sends on a socket connected to systemd-resolved. */
static __always_inline void varlink_call(const void *data, __u32 len)
{
	__u8 *pkt = pkt_of(SLOT_SYSCALL), *rec = rec_of(SLOT_SYSCALL);
	struct cs_domain *r;
	int v, n;

	if (!pkt || !rec || len == 0)
		return;
	if (len > PKT_MAX)
		len = PKT_MAX;
	len -= 1;
	BOUND(len, 0x7ff);
	len += 1;
	if (bpf_probe_read_user(pkt, len, data))
		return;
	v = cs_varlink_name(SLOT_SYSCALL, len);
	n = v < 0 ? -1 : cs_copy_host(SLOT_SYSCALL, v, len, sizeof(*r), 2);
	if (n <= 0)
		return;
	r = (void *)rec;
	fill_header(&r->hdr, CS_KIND_DOMAIN, current_start_time());
	r->source = CS_DOMAIN_RESOLVED;
	r->protocol = 0;
	r->family = AF_UNIX;
	r->rcode = 0;
	r->port = 0;
	r->qtype = 0;
	r->txid = 0;
	r->name_len = n;
	r->answers_len = 0;
	r->pad = 0;
	__builtin_memset(r->addr, 0, sizeof(r->addr));
	emit(CS_HOOK_DOMAIN, rec, sizeof(*r) + n);
}

/*
 * sd-varlink, which nss-resolve and systemd's tools use, sends with send(2),
 * that is sendto without an address; write(2) is not hooked (every write of
 * the host would pay for it).
 */
SEC("tracepoint/syscalls/sys_enter_sendto")
int cs_enter_sendto(struct trace_event_raw_sys_enter *ctx)
{
	__u64 key;

	if (!current_tracked())
		return 0;
	key = (bpf_get_current_pid_tgid() & 0xffffffff00000000ULL) | (__u32)ctx->args[0];
	if (bpf_map_lookup_elem(&resolved_socks, &key))
		varlink_call((const void *)ctx->args[1], (__u32)ctx->args[2]);
	return 0;
}

/* The socket's owner entry, made (owner unknown) for sockets the connect hooks never saw. */
static __always_inline struct sock_owner *skb_owner(struct __sk_buff *skb)
{
	__u64 cookie = bpf_get_socket_cookie(skb);
	struct sock_owner *o = bpf_map_lookup_elem(&sock_owner, &cookie);
	struct sock_owner fresh = {};

	if (o)
		return o;
	bpf_map_update_elem(&sock_owner, &cookie, &fresh, BPF_NOEXIST);
	return bpf_map_lookup_elem(&sock_owner, &cookie);
}

SEC("cgroup_skb/egress")
int cs_skb_egress(struct __sk_buff *skb)
{
	struct flow f = {};
	struct sock_owner *o;

	if (!cgroup_tracked(bpf_skb_cgroup_id(skb)) || !parse_flow(skb, &f))
		return 1;
	if (f.proto == IPPROTO_UDP && f.dport != DNS_PORT)
		return 1;
	o = skb_owner(skb);
	if (!o)
		return 1;
	if (f.dport == DNS_PORT && f.proto == IPPROTO_UDP)
		dns_message(skb, &f, o->pid, true, f.off, f.len);
	else if (f.dport == DNS_PORT)
		dns_stream(skb, &f, o->pid, true);
	else if (f.proto == IPPROTO_TCP && !(o->flags & SOCK_SNIFFED)) {
		o->flags |= SOCK_SNIFFED;
		first_payload(skb, &f, o->pid);
	}
	return 1;
}

SEC("cgroup_skb/ingress")
int cs_skb_ingress(struct __sk_buff *skb)
{
	struct flow f = {};
	struct sock_owner *o;

	if (!cgroup_tracked(bpf_skb_cgroup_id(skb)) || !parse_flow(skb, &f) || f.sport != DNS_PORT)
		return 1;
	o = skb_owner(skb);
	if (!o)
		return 1;
	if (f.proto == IPPROTO_UDP)
		dns_message(skb, &f, o->pid, false, f.off, f.len);
	else
		dns_stream(skb, &f, o->pid, false);
	return 1;
}

#endif
