// SPDX-License-Identifier: MIT
/*
 * BPF ring buffer consumers that copy into a caller-owned buffer. libbpf's
 * ring_buffer__poll hands records to a callback one at a time and has
 * already consumed a record when its callback says "no room", so a full
 * batch buffer would lose it; these advance consumer_pos only past records
 * they have copied.
 *
 * There are two rings (bpf/common.bpf.h says why): the priority ring's
 * high-value records and the bulk ring's file records. A batch takes them
 * in time order, so the tracker sees a process's opens before its exit,
 * as long as the priority ring has room to wait while the bulk backlog
 * ahead of it drains; once it is a quarter full it goes first, whatever
 * the bulk ring holds: a flood may then reorder a few records across the
 * rings, but it cannot make the priority ring lose one to it unless the
 * job writes more high-value records in one batch's handling time than
 * the priority ring holds (BULK_SHARE keeps that time short).
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/bpf.h>
#include "internal.h"
#include "../bpf/records.h"

static void ring_close(struct cs_ring *r)
{
	if (r->consumer_pos)
		munmap(r->consumer_pos, r->page);
	if (r->producer_pos)
		munmap(r->producer_pos, r->page + r->size);
	r->consumer_pos = NULL;
	r->producer_pos = NULL;
}

static int ring_init(struct cs_ring *r, int map_fd, size_t size, int epoll_fd)
{
	struct epoll_event ev = { .events = EPOLLIN };
	void *p;

	memset(r, 0, sizeof(*r));
	r->map_fd = map_fd;
	r->page = sysconf(_SC_PAGESIZE);
	r->size = size;
	p = mmap(NULL, r->page, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
	if (p == MAP_FAILED)
		return cs_fail(errno, "mmap ring buffer consumer page");
	r->consumer_pos = p;
	/*
	 * The kernel offers the data twice in a row, so that a record never
	 * wraps for a reader that maps both; but it maps every page at mmap
	 * time, and each copy counts in full in the tracker's RSS (16 MiB for
	 * the default bulk ring). One copy is mapped here, and a record that
	 * wraps is copied in two parts (ring_read).
	 */
	p = mmap(NULL, r->page + size, PROT_READ, MAP_SHARED, map_fd, r->page);
	if (p == MAP_FAILED)
		return cs_fail(errno, "mmap ring buffer data");
	r->producer_pos = p;
	r->data = (uint8_t *)p + r->page;
	if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, map_fd, &ev) < 0)
		return cs_fail(errno, "epoll on ring buffer");
	return 0;
}

static int ring_fd(struct cs_sensor *s, const char *name)
{
	struct bpf_map *map = bpf_object__find_map_by_name(s->obj, name);

	return map ? bpf_map__fd(map) : -1;
}

/* The rings' events carry data 0 (ring_init), the wake-up's this. */
#define WAKE_EVENT 1

int cs_rings_init(struct cs_sensor *s)
{
	struct epoll_event wake = { .events = EPOLLIN, .data.u32 = WAKE_EVENT };
	int err;

	s->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	if (s->epoll_fd < 0)
		return cs_fail(errno, "epoll_create1");
	err = ring_init(&s->rings[CS_RING_PRIORITY], ring_fd(s, "events_priority"), s->priority_bytes, s->epoll_fd);
	if (!err)
		err = ring_init(&s->rings[CS_RING_BULK], ring_fd(s, "events"), s->ringbuf_bytes, s->epoll_fd);
	if (err)
		return err;
	s->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (s->wake_fd < 0)
		return cs_fail(errno, "eventfd");
	if (epoll_ctl(s->epoll_fd, EPOLL_CTL_ADD, s->wake_fd, &wake))
		return cs_fail(errno, "epoll on the wake-up eventfd");
	return 0;
}

void cs_rings_close(struct cs_sensor *s)
{
	ring_close(&s->rings[CS_RING_PRIORITY]);
	ring_close(&s->rings[CS_RING_BULK]);
	if (s->epoll_fd >= 0)
		close(s->epoll_fd);
	if (s->wake_fd >= 0)
		close(s->wake_fd);
	s->epoll_fd = -1;
	s->wake_fd = -1;
}

static uint32_t round8(uint32_t n)
{
	return (n + 7) & ~7u;
}

static void advance(struct cs_ring *r, uint64_t cons, uint32_t rec_len)
{
	__atomic_store_n(r->consumer_pos, cons + round8(rec_len + BPF_RINGBUF_HDR_SZ), __ATOMIC_RELEASE);
}

/*
 * The ring's oldest committed record (its ring header), skipping discarded
 * ones; NULL when there is none or the oldest is still being written.
 */
static uint32_t *ring_head(struct cs_ring *r)
{
	if (!r->consumer_pos)
		return NULL;
	for (;;) {
		uint64_t cons = __atomic_load_n(r->consumer_pos, __ATOMIC_ACQUIRE);
		uint64_t prod = __atomic_load_n(r->producer_pos, __ATOMIC_ACQUIRE);
		uint32_t *hdr;
		uint32_t word;

		if (cons >= prod)
			return NULL;
		hdr = (uint32_t *)(r->data + (cons & (r->size - 1)));
		word = __atomic_load_n(hdr, __ATOMIC_ACQUIRE);
		if (word & BPF_RINGBUF_BUSY_BIT)
			return NULL;
		if (!(word & BPF_RINGBUF_DISCARD_BIT))
			return hdr;
		advance(r, cons, word & ~BPF_RINGBUF_DISCARD_BIT);
	}
}

static uint32_t rec_len(const uint32_t *hdr)
{
	return *hdr & ~(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
}

/* Copies n bytes from ring offset off (any position: it wraps) into dst. */
static void ring_read(const struct cs_ring *r, uint64_t off, void *dst, uint32_t n)
{
	size_t at = off & (r->size - 1);
	size_t first = r->size - at < n ? r->size - at : n;

	memcpy(dst, r->data + at, first);
	memcpy((uint8_t *)dst + first, r->data, n - first);
}

/* The ring offset of the record behind a ring header (headers never wrap: 8 bytes, 8-aligned). */
static uint64_t rec_off(const struct cs_ring *r, const uint32_t *hdr)
{
	return (uint64_t)((const uint8_t *)hdr - r->data) + BPF_RINGBUF_HDR_SZ;
}

/* The record's time; a record too short for a header sorts first (the decoder reports it). */
static uint64_t rec_time(const struct cs_ring *r, const uint32_t *hdr)
{
	uint64_t t = 0;

	if (rec_len(hdr) >= sizeof(struct cs_header))
		ring_read(r, rec_off(r, hdr) + offsetof(struct cs_header, time_ns), &t, sizeof(t));
	return t;
}

/* Copies the head record as [u32 len][u32 0][record][pad to 8]; false when buf has no room. */
static bool take(struct cs_ring *r, const uint32_t *hdr, uint8_t *buf, uint32_t *out, uint32_t len)
{
	uint32_t n = rec_len(hdr);
	uint32_t need = 8 + round8(n);
	uint32_t prefix[2] = { n, 0 };

	if (*out + need > len)
		return false;
	memcpy(buf + *out, prefix, sizeof(prefix));
	ring_read(r, rec_off(r, hdr), buf + *out + 8, n);
	memset(buf + *out + 8 + n, 0, round8(n) - n);
	*out += need;
	advance(r, __atomic_load_n(r->consumer_pos, __ATOMIC_RELAXED), n);
	return true;
}

/*
 * A batch takes at most this share of its bytes from the bulk ring: the
 * tracker handles a batch before it looks again, and the priority ring
 * must hold everything written meanwhile. A quarter of the pump's 4 MiB is
 * a few thousand file records, tens of milliseconds of handling.
 */
#define BULK_SHARE 4

/* Copies the next record in the order above; false when buf has no room or the bulk ring had its share. */
static bool take_next(struct cs_sensor *s, uint8_t *buf, uint32_t *out, uint32_t len, uint32_t *bulk_out)
{
	struct cs_ring *prio = &s->rings[CS_RING_PRIORITY], *bulk = &s->rings[CS_RING_BULK];
	uint32_t *p = ring_head(prio), *b = ring_head(bulk);
	bool urgent = cs_ring_backlog(prio) >= (int64_t)(prio->size / 4);
	uint32_t before = *out;

	if (p && (!b || urgent || rec_time(prio, p) <= rec_time(bulk, b)))
		return take(prio, p, buf, out, len);
	if (!b || *bulk_out >= len / BULK_SHARE || !take(bulk, b, buf, out, len))
		return false;
	*bulk_out += *out - before;
	return true;
}

int cs_rings_copy(struct cs_sensor *s, uint8_t *buf, uint32_t len)
{
	uint32_t out = 0, bulk_out = 0;

	while (take_next(s, buf, &out, len, &bulk_out))
		;
	return (int)out;
}

int cs_rings_wait(struct cs_sensor *s, int timeout_ms)
{
	struct epoll_event ev[3];
	int n = epoll_wait(s->epoll_fd, ev, 3, timeout_ms), i;
	uint64_t count;

	if (n < 0 && errno != EINTR)
		return cs_fail(errno, "epoll_wait on ring buffers");
	/* Woken: the eventfd is read back to zero, so the next wait waits again. */
	for (i = 0; i < n; i++)
		if (ev[i].data.u32 == WAKE_EVENT && read(s->wake_fd, &count, sizeof(count)) < 0 && errno != EAGAIN)
			return cs_fail(errno, "reading the wake-up eventfd");
	return 0;
}

int cs_wake(struct cs_sensor *s)
{
	uint64_t one = 1;

	if (!s)
		return cs_fail(EINVAL, "cs_wake: missing argument");
	/* EAGAIN: the counter is full, so a wake-up is pending anyway. */
	if (write(s->wake_fd, &one, sizeof(one)) < 0 && errno != EAGAIN)
		return cs_fail(errno, "waking the poll");
	return 0;
}

int64_t cs_ring_backlog(struct cs_ring *r)
{
	uint64_t cons, prod;

	if (!r->consumer_pos)
		return 0;
	cons = __atomic_load_n(r->consumer_pos, __ATOMIC_ACQUIRE);
	prod = __atomic_load_n(r->producer_pos, __ATOMIC_ACQUIRE);
	return (int64_t)(prod - cons);
}
