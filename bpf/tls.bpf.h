/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * http_request from HTTPS: the first HTTP/1.x request written on an OpenSSL
 * connection, read from SSL_write's buffer before it is encrypted, with the
 * cleartext parser's rules (http.bpf.h, hostname.bpf.h) on a buffer of its
 * own (SLOT_UPROBE).
 *
 * Why uprobes on the library: the packet parser sees only ciphertext, and
 * the kernel's TLS (kTLS) is what few clients use. A uprobe attaches to the
 * file (its inode), with pid -1, so every process that maps the system
 * libssl is covered, present and future; the tracked_cgroups drop comes
 * first, as everywhere. What it cannot see: an OpenSSL linked statically
 * (node, many Go or Rust tools), another library (BoringSSL, GnuTLS, Go's
 * crypto/tls, rustls), and a libssl of another file (a container's own).
 * The attach plan says where it attached (native/tls.c).
 *
 * Once per SSL object, as the packet parser is once per connection: the
 * first SSL_write marks the object, SSL_free forgets it, so an address
 * reused by the next connection counts again. SSL_write and SSL_write_ex
 * share their first three arguments; OpenSSL 3 implements neither through
 * the other, and a write seen twice would find the object marked anyway.
 */
#ifndef CICD_SENSOR_TLS_BPF_H
#define CICD_SENSOR_TLS_BPF_H

#include "common.bpf.h"
#include "parse.bpf.h"
#include "hostname.bpf.h"
#include "http.bpf.h"

struct tls_conn {
	__u32 tgid;
	__u32 pad;
	__u64 ssl; /* the SSL object's address in tgid */
};

/* SSL objects written on; LRU, so a process that never frees its objects cannot fill it. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, struct tls_conn);
	__type(value, __u8);
} tls_written SEC(".maps");

static __always_inline struct tls_conn tls_conn_of(const void *ssl)
{
	struct tls_conn c = { .tgid = bpf_get_current_pid_tgid() >> 32, .pad = 0, .ssl = (__u64)ssl };

	return c;
}

/* The request (if the bytes are one) in the first len bytes of a write of buf. */
static __always_inline void tls_first_write(const void *buf, __u32 len)
{
	__u8 *pkt = pkt_of(SLOT_UPROBE), *rec = rec_of(SLOT_UPROBE);
	struct cs_http_request *r;
	__u32 size;

	if (!pkt || !rec)
		return;
	len = load_user(pkt, buf, len);
	if (len < 16 || !http_request(pkt))
		return;
	size = http_tokens(SLOT_UPROBE, len, cs_http_host(SLOT_UPROBE, len));
	if (!size)
		return;
	r = (void *)rec;
	fill_header(&r->hdr, CS_KIND_HTTP_REQUEST, current_start_time());
	r->port = 0;
	r->family = 0;
	r->source = CS_HTTP_OPENSSL;
	__builtin_memset(r->addr, 0, sizeof(r->addr));
	emit(CS_HOOK_HTTP_REQUEST, rec, size);
}

/* int SSL_write(SSL *ssl, const void *buf, int num), and SSL_write_ex(ssl, buf, size_t num, size_t *written). */
/* BPF_KPROBE: the libbpf headers here predate BPF_UPROBE, which is the same macro. */
SEC("uprobe")
int BPF_KPROBE(cs_ssl_write, void *ssl, const void *buf, long num)
{
	struct tls_conn c;
	__u8 one = 1;

	if (!current_tracked() || (int)num <= 0)
		return 0;
	c = tls_conn_of(ssl);
	if (bpf_map_update_elem(&tls_written, &c, &one, BPF_NOEXIST))
		return 0; /* not the first write */
	tls_first_write(buf, (__u32)num);
	return 0;
}

/* void SSL_free(SSL *ssl): the address may be the next connection's. */
SEC("uprobe")
int BPF_KPROBE(cs_ssl_free, void *ssl)
{
	struct tls_conn c;

	if (!current_tracked())
		return 0;
	c = tls_conn_of(ssl);
	bpf_map_delete_elem(&tls_written, &c);
	return 0;
}

#endif
