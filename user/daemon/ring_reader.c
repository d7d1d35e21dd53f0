// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "daemon/event_loop.h"
#include "daemon/ring_reader.h"
#include "kernel/pins.h"

/* Drains in a row that found nothing before the timer may stop (150 ms). */
#define RING_QUIET_DRAINS 10
/* Woken from idle, the next drain comes this soon: what follows the first
 * event (its response, the rest of a burst) waits no full timer interval. */
#define RING_WOKEN_DRAIN_MS 1

enum ring_state {
	RING_WOKEN,      /* woken from idle: one drain RING_WOKEN_DRAIN_MS later */
	RING_AWAKE,      /* the timer drains */
	RING_GOING_IDLE, /* flag set; one more drain decides */
	RING_IDLE,       /* no timer: the sensor wakes us */
};

struct ring_reader {
	struct ring_buffer *rb;
	/* The ring's positions (its first two pages, read-only; libbpf 1.1 has
	 * no call for them): the reader's, and the writers' past their last
	 * reservation, finished or not. */
	const unsigned long *consumer_pos, *producer_pos;
	size_t page;
	struct event_loop *loop;
	int idle_fd;  /* the sensor's ring_reader_idle map; -1: an older sensor */
	int timer;    /* the drain timer's id; -1 while idle */
	uint32_t quiet; /* drains in a row that found nothing */
	enum ring_state state;
};

/* The flag the sensor reads before each event's wake-up decision. */
static int set_flag(struct ring_reader *r, uint32_t idle)
{
	uint32_t zero = 0;

	if (bpf_map_update_elem(r->idle_fd, &zero, &idle, BPF_ANY))
		return -errno;
	/* Our store before any look at the ring that follows (x86 lets a load pass a store). */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return 0;
}

int ring_reader_drain(struct ring_reader *r)
{
	int n = ring_buffer__consume(r->rb);

	return n == -EINTR ? 0 : n;
}

static int on_drain_timer(uint64_t expirations, void *ctx);

static int start_timer(struct ring_reader *r, uint64_t interval_ms)
{
	r->timer = ev_timer_add(r->loop, interval_ms * 1000000ULL, on_drain_timer, r);
	return r->timer < 0 ? r->timer : 0;
}

/* Whether an event is in the ring, finished or still being written. */
static int ring_holds_data(const struct ring_reader *r)
{
	return __atomic_load_n(r->producer_pos, __ATOMIC_ACQUIRE) !=
	       __atomic_load_n(r->consumer_pos, __ATOMIC_ACQUIRE);
}

/* The two position pages of the ring map fd; -errno on failure. */
static int map_positions(struct ring_reader *r, int fd)
{
	void *cons, *prod;

	r->page = (size_t)sysconf(_SC_PAGESIZE);
	cons = mmap(NULL, r->page, PROT_READ, MAP_SHARED, fd, 0);
	if (cons == MAP_FAILED)
		return -errno;
	r->consumer_pos = cons;
	prod = mmap(NULL, r->page, PROT_READ, MAP_SHARED, fd, (off_t)r->page);
	if (prod == MAP_FAILED)
		return -errno;
	r->producer_pos = prod;
	return 0;
}

static int on_drain_timer(uint64_t expirations, void *ctx)
{
	struct ring_reader *r = ctx;
	int n = ring_reader_drain(r), err;

	(void)expirations;
	if (n < 0)
		return n;
	if (r->idle_fd < 0)
		return 0;
	if (r->state == RING_WOKEN) {
		r->state = RING_AWAKE;
		r->quiet = n ? 0 : 1;
		err = ev_timer_del(r->loop, r->timer);
		return err ?: start_timer(r, GH_RING_DRAIN_MS);
	}
	if (r->state == RING_GOING_IDLE) {
		/*
		 * A timer interval after the flag was set, every CPU sees it:
		 * an event that found it clear was reserved before, so it was
		 * drained just now or is still in the ring.
		 */
		if (n || ring_holds_data(r)) {
			r->state = RING_AWAKE;
			r->quiet = 0;
			return set_flag(r, 0);
		}
		err = ev_timer_del(r->loop, r->timer);
		r->timer = -1;
		r->state = RING_IDLE;
		return err;
	}
	r->quiet = n ? 0 : r->quiet + 1;
	if (r->quiet < RING_QUIET_DRAINS)
		return 0;
	r->state = RING_GOING_IDLE;
	return set_flag(r, 1);
}

/* The sensor woke us: a batch waits, or the first event since we went idle. */
static int on_ring_ready(int fd, uint32_t events, void *ctx)
{
	struct ring_reader *r = ctx;
	int n = ring_reader_drain(r);

	(void)fd;
	(void)events;
	if (n < 0)
		return n;
	r->quiet = 0;
	if (r->state == RING_AWAKE || r->state == RING_WOKEN)
		return 0;
	/* The event that woke us cleared the flag; a batch's wake-up did not. */
	if (r->state == RING_GOING_IDLE) {
		r->state = RING_AWAKE;
		return set_flag(r, 0);
	}
	r->state = RING_WOKEN;
	return start_timer(r, RING_WOKEN_DRAIN_MS);
}

int ring_reader_open(struct ring_reader **out, const char *pin_dir, struct event_loop *loop,
		     ring_event_fn fn, void *ctx, struct gh_err *e)
{
	struct ring_reader *r = calloc(1, sizeof(*r));
	int fd, err;

	*out = NULL;
	if (!r)
		return gh_err_sys(e, -ENOMEM, "setting up the ring buffer reader");
	r->loop = loop;
	r->timer = -1;
	r->idle_fd = gh_pin_open(pin_dir, "ring_reader_idle");
	if (r->idle_fd < 0)
		r->idle_fd = -1;
	fd = gh_pin_open(pin_dir, "events");
	if (fd < 0) {
		err = gh_err_sys(e, fd, "opening the sensor's ring buffer");
		goto fail;
	}
	r->rb = ring_buffer__new(fd, fn, ctx, NULL);
	err = r->rb ? map_positions(r, fd) : -ENOMEM;
	/* The ring buffer and the mappings keep their own references to the map. */
	close(fd);
	if (err) {
		gh_err_sys(e, err, "setting up the ring buffer reader");
		goto fail;
	}
	r->state = RING_AWAKE;
	err = start_timer(r, GH_RING_DRAIN_MS);
	if (err) {
		gh_err_sys(e, err, "setting up the ring buffer timer");
		goto fail;
	}
	err = ev_add(loop, ring_buffer__epoll_fd(r->rb), on_ring_ready, r);
	if (err) {
		gh_err_sys(e, err, "setting up the ring buffer");
		goto fail;
	}
	/* A flag left set by a daemon that died idle: we are awake. */
	err = r->idle_fd >= 0 ? set_flag(r, 0) : 0;
	if (err) {
		gh_err_sys(e, err, "clearing the sensor's ring_reader_idle flag");
		goto fail;
	}
	*out = r;
	return 0;
fail:
	ring_reader_free(r);
	return err;
}

void ring_reader_free(struct ring_reader *r)
{
	if (!r)
		return;
	if (r->rb)
		ev_del(r->loop, ring_buffer__epoll_fd(r->rb));
	if (r->timer >= 0)
		ev_timer_del(r->loop, r->timer);
	if (r->idle_fd >= 0) {
		if (r->state != RING_AWAKE)
			set_flag(r, 0);
		close(r->idle_fd);
	}
	if (r->consumer_pos)
		munmap((void *)r->consumer_pos, r->page);
	if (r->producer_pos)
		munmap((void *)r->producer_pos, r->page);
	ring_buffer__free(r->rb);
	free(r);
}
