// SPDX-License-Identifier: MIT
/*
 * A BPF ring buffer consumer that copies into a caller-owned buffer. libbpf's
 * ring_buffer__poll hands records to a callback one at a time and has
 * already consumed a record when its callback says "no room", so a full
 * batch buffer would lose it; this one advances consumer_pos only past
 * records it has copied.
 */
#include <errno.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/bpf.h>
#include "internal.h"

int cs_ring_init(struct cs_ring *r, int map_fd, size_t size)
{
	struct epoll_event ev = { .events = EPOLLIN };
	void *p;

	memset(r, 0, sizeof(*r));
	r->map_fd = map_fd;
	r->epoll_fd = -1;
	r->page = sysconf(_SC_PAGESIZE);
	r->size = size;
	p = mmap(NULL, r->page, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
	if (p == MAP_FAILED)
		return cs_fail(errno, "mmap ring buffer consumer page");
	r->consumer_pos = p;
	/* Data is mapped twice in a row so a record never wraps for the reader. */
	p = mmap(NULL, r->page + 2 * size, PROT_READ, MAP_SHARED, map_fd, r->page);
	if (p == MAP_FAILED) {
		int err = errno;

		cs_ring_close(r);
		return cs_fail(err, "mmap ring buffer data");
	}
	r->producer_pos = p;
	r->data = (uint8_t *)p + r->page;
	r->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	if (r->epoll_fd < 0 || epoll_ctl(r->epoll_fd, EPOLL_CTL_ADD, map_fd, &ev) < 0) {
		int err = errno;

		cs_ring_close(r);
		return cs_fail(err, "epoll on ring buffer");
	}
	return 0;
}

void cs_ring_close(struct cs_ring *r)
{
	if (r->consumer_pos)
		munmap(r->consumer_pos, r->page);
	if (r->producer_pos)
		munmap(r->producer_pos, r->page + 2 * r->size);
	if (r->epoll_fd >= 0)
		close(r->epoll_fd);
	r->consumer_pos = NULL;
	r->producer_pos = NULL;
	r->epoll_fd = -1;
}

static uint32_t round8(uint32_t n)
{
	return (n + 7) & ~7u;
}

int cs_ring_copy(struct cs_ring *r, uint8_t *buf, uint32_t len)
{
	uint64_t cons = __atomic_load_n(r->consumer_pos, __ATOMIC_ACQUIRE);
	uint64_t prod = __atomic_load_n(r->producer_pos, __ATOMIC_ACQUIRE);
	uint32_t out = 0;

	while (cons < prod) {
		uint32_t *hdr = (uint32_t *)(r->data + (cons & (r->size - 1)));
		uint32_t word = __atomic_load_n(hdr, __ATOMIC_ACQUIRE);
		uint32_t rec_len;

		if (word & BPF_RINGBUF_BUSY_BIT)
			break;
		rec_len = word & ~(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
		if (!(word & BPF_RINGBUF_DISCARD_BIT)) {
			uint32_t need = 8 + round8(rec_len);
			uint32_t prefix[2] = { rec_len, 0 };

			if (out + need > len)
				break;
			memcpy(buf + out, prefix, sizeof(prefix));
			memcpy(buf + out + 8, (uint8_t *)hdr + BPF_RINGBUF_HDR_SZ, rec_len);
			memset(buf + out + 8 + rec_len, 0, round8(rec_len) - rec_len);
			out += need;
		}
		cons += round8(rec_len + BPF_RINGBUF_HDR_SZ);
		__atomic_store_n(r->consumer_pos, cons, __ATOMIC_RELEASE);
	}
	return (int)out;
}

int cs_ring_wait(struct cs_ring *r, int timeout_ms)
{
	struct epoll_event ev;
	int n = epoll_wait(r->epoll_fd, &ev, 1, timeout_ms);

	if (n < 0 && errno != EINTR)
		return cs_fail(errno, "epoll_wait on ring buffer");
	return 0;
}

int64_t cs_ring_backlog(struct cs_ring *r)
{
	uint64_t cons = __atomic_load_n(r->consumer_pos, __ATOMIC_ACQUIRE);
	uint64_t prod = __atomic_load_n(r->producer_pos, __ATOMIC_ACQUIRE);

	return (int64_t)(prod - cons);
}
