/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Domains: DNS questions leaving a job and the answers coming back, the SNI
 * of TLS ClientHellos, the Host of HTTP/1.x requests, and names asked of
 * systemd-resolved over varlink. This file holds the hooks; the parsers are
 * in dns.bpf.h and hostname.bpf.h, over the buffers of parse.bpf.h.
 *
 * Why cgroup_skb: it sees every IP packet of a socket with the transport
 * headers in place, in both directions, without function tracing (refused
 * under lockdown), and like cgroup/connect* it is attached once at the
 * cgroup v2 root; the socket's cgroup (bpf_skb_cgroup_id, right on ingress
 * too, where current is whatever the softirq interrupted) goes through
 * tracked_cgroups. The programs allow every packet except, under an egress
 * policy in block mode, DNS questions for names the policy does not allow
 * (policy.bpf.h).
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
#include "parse.bpf.h"
#include "dns.bpf.h"
#include "hostname.bpf.h"
#include "http.bpf.h"
#include "policy.bpf.h"

#define DNS_PORT 53

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
	len = pkt_copy_len(len);
	if (len == 0 || bpf_skb_load_bytes(skb, off, pkt, len))
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

/* How long an answer's addresses stay allowed: its smallest TTL within the policy's floor and ceiling. */
static __always_inline __u64 answer_expiry(const struct cs_policy_cfg *cfg, __u32 slot)
{
	__u32 *min = bpf_map_lookup_elem(&dns_ttl, &slot);
	__u64 ttl = min ? *min : 0;

	if (ttl < cfg->ttl_floor_s)
		ttl = cfg->ttl_floor_s;
	if (ttl > cfg->ttl_ceiling_s)
		ttl = cfg->ttl_ceiling_s;
	return bpf_ktime_get_boot_ns() + ttl * 1000000000ULL;
}

/*
 * A DNS message at off (len bytes): a standard query leaving, or the
 * response coming back. Returns the packet's verdict (1 pass, 0 drop): under
 * a block policy a question leaves only when it parses and its name is
 * allowed, so nothing is encoded in a foreign name or in bytes no parser
 * reads; a response to an allowed name allows its addresses first.
 */
static __always_inline int dns_message(struct __sk_buff *skb, const struct flow *f, __u32 pid, bool egress,
				       __u32 off, __u32 len, const struct cs_policy_cfg *cfg, __u32 policy)
{
	__u32 slot = egress ? SLOT_EGRESS : SLOT_INGRESS, end, n, alen = 0, flags = 0;
	__u8 *pkt = pkt_of(slot), *rec = rec_of(slot);
	int pass = !(egress && cfg && cfg->mode == CS_POLICY_BLOCK), allowed = 0;
	struct cs_domain *r;
	int res;

	if (!pkt || !rec)
		return pass;
	len = load_payload(skb, pkt, off, len);
	if (len < 17)
		return pass;
	/* QR must say query going out and response coming in; opcode 0 (QUERY); one question at least. */
	if (((pkt_at(pkt, 2) & 0x80) != 0) == egress || (pkt_at(pkt, 2) & 0x78) || be16_at(pkt, 4) == 0)
		return pass;
	res = cs_dns_name(slot, 12, len, sizeof(*r));
	if (res <= 0 || (res & 0xffff) == 0)
		return pass;
	n = res & 0xffff;
	end = (__u32)res >> 16;
	if (end + 4 > len)
		return pass;
	r = (void *)rec;
	r->qtype = be16_at(pkt, end);
	r->txid = be16_at(pkt, 0);
	r->rcode = pkt_at(pkt, 3) & 0xf;
	if (cfg)
		allowed = cs_policy_name(slot, policy, sizeof(*r), n);
	if (cfg && egress && !allowed) {
		flags = policy_denied(cfg);
		if (!pass && f->proto == IPPROTO_TCP)
			refuse_socket(skb);
	}
	else if (egress)
		pass = 1;
	if (!egress)
		alen = dns_answers(slot, pkt, end + 4, len, sizeof(*r) + n, &flags);
	if (!egress && allowed && r->rcode == 0)
		cs_policy_learn(slot, policy, sizeof(*r) + n, alen, answer_expiry(cfg, slot));
	r->name_len = n;
	r->answers_len = alen;
	r->hdr.flags = flags;
	send_domain(skb, f, rec, pid, egress ? CS_DOMAIN_DNS_QUERY : CS_DOMAIN_DNS_ANSWER, egress, n + alen);
	return pass;
}

/* DNS over TCP: a two-byte length, then the message (when it starts this segment). */
static __always_inline int dns_stream(struct __sk_buff *skb, const struct flow *f, __u32 pid, bool egress,
				      const struct cs_policy_cfg *cfg, __u32 policy)
{
	__u16 mlen;

	if (f->len < 3 || bpf_skb_load_bytes(skb, f->off, &mlen, 2))
		return !(egress && cfg && cfg->mode == CS_POLICY_BLOCK);
	mlen = bpf_ntohs(mlen);
	return dns_message(skb, f, pid, egress, f->off + 2, mlen < f->len - 2 ? mlen : f->len - 2, cfg, policy);
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
		send_http_request(skb, f->family, f->dport, f->daddr, pid, len, v);
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

/* A call the job sends on a socket connected to systemd-resolved. */
static __always_inline void varlink_call(const void *data, __u32 len)
{
	__u8 *pkt = pkt_of(SLOT_SYSCALL), *rec = rec_of(SLOT_SYSCALL);
	struct cs_domain *r;
	int v, n;

	if (!pkt || !rec)
		return;
	len = load_user(pkt, data, len);
	if (len == 0)
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
	const struct cs_policy_cfg *cfg;
	struct flow f = {};
	struct sock_owner *o;
	__u32 policy = 0;

	if (socket_refused(skb))
		return 0;
	if (!cgroup_tracked(bpf_skb_cgroup_id(skb)) || !parse_flow(skb, &f))
		return 1;
	if (f.proto == IPPROTO_UDP && f.dport != DNS_PORT)
		return 1;
	o = skb_owner(skb);
	if (!o)
		return 1;
	if (f.dport == DNS_PORT) {
		cfg = policy_of(bpf_skb_cgroup_id(skb), o->pid, &policy);
		if (f.proto == IPPROTO_UDP)
			return dns_message(skb, &f, o->pid, true, f.off, f.len, cfg, policy);
		return dns_stream(skb, &f, o->pid, true, cfg, policy);
	}
	if (f.proto == IPPROTO_TCP && !(o->flags & SOCK_SNIFFED)) {
		o->flags |= SOCK_SNIFFED;
		first_payload(skb, &f, o->pid);
	}
	return 1;
}

SEC("cgroup_skb/ingress")
int cs_skb_ingress(struct __sk_buff *skb)
{
	const struct cs_policy_cfg *cfg;
	struct flow f = {};
	struct sock_owner *o;
	__u32 policy = 0;

	if (!cgroup_tracked(bpf_skb_cgroup_id(skb)) || !parse_flow(skb, &f) || f.sport != DNS_PORT)
		return 1;
	o = skb_owner(skb);
	if (!o)
		return 1;
	cfg = policy_of(bpf_skb_cgroup_id(skb), o->pid, &policy);
	if (f.proto == IPPROTO_UDP)
		dns_message(skb, &f, o->pid, false, f.off, f.len, cfg, policy);
	else
		dns_stream(skb, &f, o->pid, false, cfg, policy);
	return 1;
}

#endif
