// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The daemon's epoll loop: timers fire at their interval with the count of
 * intervals passed, also while an fd is always ready, and a callback may put
 * its own timer back at another interval (the ring reader does); timers open
 * no fd; fd callbacks get their fd and the readiness, removed timers and fds
 * are silent, ev_stop() and a failing callback end ev_run(). Real pipes.
 * Last, a kernel before 5.11 (epoll_pwait2 refused by a seccomp filter):
 * the same timers on epoll_wait's millisecond timeout.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "base/clock.h"
#include "daemon/event_loop.h"
#include "tap.h"

#define MS 1000000ULL
#define INTERVAL_MS 20
#define FIRES 5
/* Generous: a loaded machine may be late, a timer is never early. */
#define LATE_LIMIT_MS 2000

struct ticks {
	struct event_loop *loop;
	int fired;
	int stop_after;         /* ev_stop() on this fire; 0: never */
	int fail_on;            /* return -EIO on this fire; 0: never */
	uint64_t expirations;   /* sum of what the callbacks were given */
	uint64_t first_ns, last_ns;
};

static uint64_t mono_ns(void)
{
	return gh_clock_ns(CLOCK_MONOTONIC);
}

static int on_tick(uint64_t expirations, void *ctx)
{
	struct ticks *t = ctx;

	t->fired++;
	t->expirations += expirations;
	t->last_ns = mono_ns();
	if (!t->first_ns)
		t->first_ns = t->last_ns;
	if (t->fired == t->fail_on)
		return -EIO;
	if (t->fired == t->stop_after)
		ev_stop(t->loop);
	return 0;
}

static bool fd_closed(int fd)
{
	return fcntl(fd, F_GETFD) < 0 && errno == EBADF;
}

/* This process's open fds. */
static int open_fds(void)
{
	DIR *dir = opendir("/proc/self/fd");
	int n = 0;

	if (!dir)
		return -1;
	while (readdir(dir))
		n++;
	closedir(dir);
	return n;
}

static void test_timer_interval(void)
{
	struct event_loop *l = ev_loop_new();
	struct ticks t = { .loop = l, .stop_after = FIRES };
	uint64_t start = mono_ns(), took_ms;
	int fds = open_fds(), id;

	id = ev_timer_add(l, INTERVAL_MS * MS, on_tick, &t);
	ok(id >= 0, "a timer is added (id %d)", id);
	ok(fds > 0 && open_fds() == fds, "a timer opens no fd (%d before, %d after)", fds,
	   open_fds());
	ok_eq(ev_run(l), 0, "ev_stop() from a timer ends ev_run() with 0");
	took_ms = (t.last_ns - start) / MS;
	ok_eq(t.fired, FIRES, "the loop stopped on the %d-th fire", FIRES);
	ok(took_ms >= FIRES * INTERVAL_MS && took_ms < LATE_LIMIT_MS,
	   "%d fires of a %d ms timer took %llu ms (not less than %d)", FIRES, INTERVAL_MS,
	   (unsigned long long)took_ms, FIRES * INTERVAL_MS);
	ok((t.first_ns - start) / MS >= INTERVAL_MS, "the first fire is one interval after adding");
	ev_loop_free(l);
}

/* A callback that runs late is told how many intervals passed. */
static void test_timer_expirations(void)
{
	struct event_loop *l = ev_loop_new();
	struct ticks t = { .loop = l, .stop_after = 1 };
	struct timespec pause = { 0, 6 * INTERVAL_MS * (long)MS };

	ev_timer_add(l, INTERVAL_MS * MS, on_tick, &t);
	nanosleep(&pause, NULL);
	ev_run(l);
	ok(t.fired == 1 && t.expirations >= 6 && t.expirations < LATE_LIMIT_MS / INTERVAL_MS,
	   "one call after 6 intervals reports them all (%llu)",
	   (unsigned long long)t.expirations);
	ev_loop_free(l);
}

static void test_timer_del(void)
{
	struct event_loop *l = ev_loop_new();
	struct ticks keep = { .loop = l, .stop_after = 3 }, gone = { .loop = l };
	int id_gone;

	id_gone = ev_timer_add(l, INTERVAL_MS * MS / 4, on_tick, &gone);
	ev_timer_add(l, INTERVAL_MS * MS, on_tick, &keep);
	ok_eq(ev_timer_del(l, id_gone), 0, "a timer is removed");
	ok_eq(ev_timer_del(l, id_gone), -ENOENT, "removing it twice: -ENOENT");
	ok_eq(ev_timer_del(l, -1), -ENOENT, "a negative id: -ENOENT");
	ok_eq(ev_timer_del(l, 1 << 20), -ENOENT, "an id past the table: -ENOENT");
	ev_run(l);
	ok(keep.fired == 3 && gone.fired == 0, "the removed timer never fires (%d), the other does (%d)",
	   gone.fired, keep.fired);
	ok_eq(ev_timer_add(l, 0, on_tick, &keep), -EINVAL, "a zero interval is refused");
	ev_loop_free(l);
}

/* The ring reader's move: its callback deletes its timer and adds a slower one. */
struct restart {
	struct event_loop *loop;
	int id;
	int fired;
	uint64_t at_ns[3];
};

static int on_restart(uint64_t expirations, void *ctx)
{
	struct restart *r = ctx;

	(void)expirations;
	r->at_ns[r->fired++] = mono_ns();
	if (r->fired == 1) {
		ev_timer_del(r->loop, r->id);
		r->id = ev_timer_add(r->loop, 4 * INTERVAL_MS * MS, on_restart, r);
	}
	if (r->fired == 3)
		ev_stop(r->loop);
	return 0;
}

static void test_timer_restart(void)
{
	struct event_loop *l = ev_loop_new();
	struct restart r = { .loop = l };
	uint64_t second_ms, third_ms;

	r.id = ev_timer_add(l, INTERVAL_MS * MS / 4, on_restart, &r);
	ok_eq(ev_run(l), 0, "the loop ran the restarted timer to its stop");
	/* Due on its schedule from the restart (a late fire does not push the next one). */
	second_ms = (r.at_ns[1] - r.at_ns[0]) / MS;
	third_ms = (r.at_ns[2] - r.at_ns[0]) / MS;
	ok(r.fired == 3 && second_ms >= 4 * INTERVAL_MS && third_ms >= 8 * INTERVAL_MS &&
		   third_ms < LATE_LIMIT_MS,
	   "deleted and added again from its own callback, it fires at the new interval "
	   "(%llu and %llu ms after the restart)", (unsigned long long)second_ms,
	   (unsigned long long)third_ms);
	ev_loop_free(l);
}

/* A timer full table: -ENOSPC, and a freed slot serves again. */
static void test_timer_table(void)
{
	struct event_loop *l = ev_loop_new();
	struct ticks t = { .loop = l };
	int ids[64], n = 0, last;

	while (n < 64 && (last = ev_timer_add(l, INTERVAL_MS * MS, on_tick, &t)) >= 0)
		ids[n++] = last;
	ok(n > 1 && n < 64 && last == -ENOSPC, "the table holds %d timers, then -ENOSPC", n);
	ev_timer_del(l, ids[n / 2]);
	ok_eq(ev_timer_add(l, INTERVAL_MS * MS, on_tick, &t), ids[n / 2],
	      "a removed timer's slot is taken again");
	ev_loop_free(l);
}

struct reader {
	struct event_loop *loop;
	int fd_seen;
	uint32_t events;
	char byte;
	int calls;
	bool stop;
};

static int on_readable(int fd, uint32_t events, void *ctx)
{
	struct reader *r = ctx;

	r->calls++;
	r->fd_seen = fd;
	r->events = events;
	if (read(fd, &r->byte, 1) != 1)
		return -EIO;
	if (r->stop)
		ev_stop(r->loop);
	return 0;
}

static void test_fd_callback(void)
{
	struct event_loop *l = ev_loop_new();
	struct reader r = { .loop = l, .stop = true };
	int p[2];

	if (!ok(!pipe2(p, O_NONBLOCK | O_CLOEXEC), "a pipe"))
		return;
	ok_eq(ev_add(l, p[0], on_readable, &r), 0, "the read end is added");
	ok_eq(write(p[1], "x", 1), 1, "a byte is written");
	ok_eq(ev_run(l), 0, "the callback stops the loop");
	ok(r.calls == 1 && r.fd_seen == p[0] && (r.events & EPOLLIN) && r.byte == 'x',
	   "the callback got its fd, EPOLLIN and the byte (calls %d, fd %d, events %#x, '%c')",
	   r.calls, r.fd_seen, r.events, r.byte);
	ok_eq(ev_add(l, p[0], on_readable, &r), -EEXIST, "the same fd twice: -EEXIST");
	ev_loop_free(l);
	ok(!fd_closed(p[0]), "ev_loop_free() leaves the caller's fds open");
	close(p[0]);
	close(p[1]);
}

/* A removed fd stays silent while a timer keeps the loop turning. */
static void test_fd_del(void)
{
	struct event_loop *l = ev_loop_new();
	struct ticks t = { .loop = l, .stop_after = 3 };
	struct reader r = { .loop = l };
	int p[2];

	if (!ok(!pipe2(p, O_NONBLOCK | O_CLOEXEC), "a pipe"))
		return;
	ev_add(l, p[0], on_readable, &r);
	ok_eq(ev_del(l, p[0]), 0, "the fd is removed");
	ok_eq(ev_del(l, p[0]), -ENOENT, "removing it twice: -ENOENT");
	ok_eq(write(p[1], "y", 1), 1, "a byte is written");
	ev_timer_add(l, INTERVAL_MS * MS, on_tick, &t);
	ev_run(l);
	ok(t.fired == 3 && r.calls == 0, "3 ticks passed and the removed fd was never called (%d)",
	   r.calls);
	ev_loop_free(l);
	close(p[0]);
	close(p[1]);
}

/* A pipe that stays readable must not keep due timers from firing. */
static int on_always_ready(int fd, uint32_t events, void *ctx)
{
	int *calls = ctx;

	(void)fd;
	(void)events;
	++*calls;
	return 0;
}

static void test_timer_beside_busy_fd(void)
{
	struct event_loop *l = ev_loop_new();
	struct ticks t = { .loop = l, .stop_after = 3 };
	int p[2], calls = 0;

	if (!ok(!pipe2(p, O_NONBLOCK | O_CLOEXEC), "a pipe"))
		return;
	ok_eq(write(p[1], "z", 1), 1, "its read end is readable, and stays so (never read)");
	ev_add(l, p[0], on_always_ready, &calls);
	ev_timer_add(l, INTERVAL_MS * MS, on_tick, &t);
	ok_eq(ev_run(l), 0, "the timer stopped the loop");
	ok(t.fired == 3 && calls > 3, "3 timer fires between %d calls of the busy fd", calls);
	ev_loop_free(l);
	close(p[0]);
	close(p[1]);
}

static void test_callback_error(void)
{
	struct event_loop *l = ev_loop_new();
	struct ticks t = { .loop = l, .fail_on = 2 };

	ev_timer_add(l, INTERVAL_MS * MS, on_tick, &t);
	ok_eq(ev_run(l), -EIO, "a callback's error ends ev_run() with that error");
	ok_eq(t.fired, 2, "nothing runs after the failing callback");
	ev_loop_free(l);
}

/* Two fds ready in one batch: after ev_stop() in the first, the second waits. */
static void test_stop_within_batch(void)
{
	struct event_loop *l = ev_loop_new();
	struct reader a = { .loop = l, .stop = true }, b = { .loop = l, .stop = true };
	int pa[2], pb[2];

	if (!ok(!pipe2(pa, O_NONBLOCK) && !pipe2(pb, O_NONBLOCK), "two pipes"))
		return;
	ev_add(l, pa[0], on_readable, &a);
	ev_add(l, pb[0], on_readable, &b);
	ok(write(pa[1], "a", 1) == 1 && write(pb[1], "b", 1) == 1, "both readable");
	ev_run(l);
	ok_eq(a.calls + b.calls, 1, "ev_stop() skips the rest of the batch");
	ev_loop_free(l);
	for (int i = 0; i < 2; i++) {
		close(pa[i]);
		close(pb[i]);
	}
}

/* From here on this process gets ENOSYS for epoll_pwait2, as before Linux 5.11. */
static bool refuse_pwait2(void)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_epoll_pwait2, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof(code) / sizeof(code[0]), .filter = code };

	return !prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) &&
	       !prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
}

static void test_without_pwait2(void)
{
	struct event_loop *l = ev_loop_new();
	struct ticks t = { .loop = l, .stop_after = FIRES };
	struct epoll_event ev;
	struct timespec zero = { 0, 0 };
	uint64_t start, took_ms;
	int epfd = epoll_create1(EPOLL_CLOEXEC);

	if (!ok(refuse_pwait2(), "a seccomp filter refuses epoll_pwait2"))
		return;
	ok(syscall(__NR_epoll_pwait2, epfd, &ev, 1, &zero, NULL, 0) < 0 && errno == ENOSYS,
	   "epoll_pwait2 now fails with ENOSYS");
	start = mono_ns();
	ev_timer_add(l, INTERVAL_MS * MS + MS / 2, on_tick, &t);
	ok_eq(ev_run(l), 0, "the loop runs on epoll_wait");
	took_ms = (t.last_ns - start) / MS;
	ok(t.fired == FIRES && (t.last_ns - start) >= FIRES * (INTERVAL_MS * MS + MS / 2) &&
		   took_ms < LATE_LIMIT_MS,
	   "%d fires of a %.1f ms timer in %llu ms: rounded up to whole ms, never early", FIRES,
	   INTERVAL_MS + 0.5, (unsigned long long)took_ms);
	ev_loop_free(l);
	close(epfd);
}

int main(void)
{
	test_timer_interval();
	test_timer_expirations();
	test_timer_del();
	test_timer_restart();
	test_timer_table();
	test_fd_callback();
	test_fd_del();
	test_timer_beside_busy_fd();
	test_callback_error();
	test_stop_within_batch();
	test_without_pwait2(); /* last: the filter stays for the rest of the process */
	return tap_done();
}
